"""Command centers and vehicles on loopback links: catch-up, live push, partitions, relays."""

from __future__ import annotations

from tests.net.conftest import Sites, converged, wait_until


def depot(code: str) -> tuple[str, dict]:
    return ("site.define", {"site": code, "name": f"Depot {code}", "kind": "depot", "lat_e6": -19_800_000,
                            "lon_e6": 34_800_000, "org": "WFP"})


def water_request(code: str) -> tuple[str, dict]:
    return ("request.open", {"request": code, "site": "SHL-1", "item": "water-5l", "qty": 40, "priority": "high",
                             "needed_by_ms": 1_767_300_000_000})


def test_a_new_replica_catches_up_and_then_follows_live(sites: Sites, cast):
    hq = sites.hq()
    hq.node.append_many([depot(f"D{i}") for i in range(700)])
    hq.go_online()
    lena = sites.replica("Lena", cast.logistics).go_online([hq])
    wait_until(lambda: converged(hq, lena), "the new replica to catch up")
    live = hq.node.append(*depot("LIVE"))
    wait_until(lambda: lena.holds(live.hash), "the live entry to arrive")
    back = lena.node.append(*depot("FROM-LENA"))
    wait_until(lambda: hq.holds(back.hash), "the other direction")
    wait_until(lambda: converged(hq, lena), "both to settle")
    row = next(r for r in hq.runner.peer_statuses() if r.key == cast.logistics.public_key_hex)
    wait_until(lambda: next(r for r in hq.runner.peer_statuses() if r.key == row.key).state == "in sync",
               "the Peers row to say in sync")
    row = next(r for r in hq.runner.peer_statuses() if r.key == cast.logistics.public_key_hex)
    assert (row.behind, row.ahead, row.direction) == (0, 0, "in")
    assert row.received == 1 and row.sent == 705


def test_four_centers_in_a_chain_converge_to_one_state_digest(sites: Sites, cast):
    hq = sites.hq().go_online()
    lena, femi, omar = (sites.replica(name, who) for name, who in
                        (("Lena", cast.logistics), ("Femi", cast.field), ("Omar", cast.observer)))
    hq.node.append(*depot("HQ-1"))
    lena.go_online([hq])
    femi.go_online([lena])
    omar.go_online([femi])
    wait_until(lambda: converged(hq, lena, femi, omar), "four replicas in a chain to converge")
    from_femi = femi.node.append(*water_request("R-FEMI"))
    wait_until(lambda: hq.holds(from_femi.hash) and omar.holds(from_femi.hash), "an entry to cross two relays")
    wait_until(lambda: converged(hq, lena, femi, omar), "the same state digest everywhere")


def test_a_partition_with_writes_on_both_sides_heals(sites: Sites, cast):
    hq = sites.hq().go_online()
    lena = sites.replica("Lena", cast.logistics).go_online([hq])
    wait_until(lambda: converged(hq, lena), "first sync")
    lena.go_offline()
    hq.node.append_many([depot(f"HQ-{i}") for i in range(20)])
    lena.node.append_many([depot(f"LENA-{i}") for i in range(20)])
    assert not converged(hq, lena)
    lena.go_online([hq])
    wait_until(lambda: converged(hq, lena), "the healed partition to converge")
    assert hq.node.read(lambda s: {"HQ-0", "LENA-19"} <= set(s.tables["sites"]))


def test_a_vehicle_carries_entries_between_centers_that_never_meet(sites: Sites, cast):
    hq = sites.hq().go_online()
    chimoio = sites.replica("Chimoio", cast.field).go_online()
    vehicle = sites.replica("Vehicle", cast.logistics)
    from_hq = hq.node.append(*depot("HQ-ONLY"))
    vehicle.go_online([hq])
    wait_until(lambda: vehicle.holds(from_hq.hash), "the vehicle to load at HQ")
    vehicle.go_offline()
    from_chimoio = chimoio.node.append(*water_request("R-CHIMOIO"))
    vehicle.go_online([chimoio])
    wait_until(lambda: chimoio.holds(from_hq.hash), "the vehicle to unload HQ's entry at Chimoio")
    wait_until(lambda: vehicle.holds(from_chimoio.hash), "the vehicle to load Chimoio's entry")
    vehicle.go_offline()
    vehicle.go_online([hq])
    wait_until(lambda: hq.holds(from_chimoio.hash), "Chimoio's entry to reach HQ through the vehicle")
    wait_until(lambda: converged(hq, chimoio, vehicle), "all three to agree")
    assert not any(e.kind == "connected" and "Chimoio" in e.peer for e in hq.events)


def test_an_author_who_signs_two_branches_is_exposed_and_the_relay_is_not_blamed(sites: Sites, cast):
    hq = sites.hq().go_online()
    lena_laptop = sites.replica("Lena's laptop", cast.logistics)
    lena_phone = sites.replica("Lena's phone", cast.logistics)
    lena_laptop.go_online([hq])
    wait_until(lambda: converged(hq, lena_laptop), "the laptop to sync")
    lena_laptop.go_offline()
    lena_phone.node.receive(list(hq.node.entries_in_order()))
    branch_a = lena_laptop.node.append(*depot("FROM-LAPTOP"))
    lena_laptop.node.append(*depot("FROM-LAPTOP-2"))  # the laptop's branch runs ahead: its next entry cannot chain
    branch_b = lena_phone.node.append(*depot("FROM-PHONE"))
    assert (branch_a.seq, branch_a.author) == (branch_b.seq, branch_b.author) and branch_a.hash != branch_b.hash
    lena_laptop.go_online([hq])
    wait_until(lambda: hq.node.frontier().get(branch_a.author) == branch_a.seq + 1, "the laptop's branch to reach HQ")
    lena_laptop.go_offline()  # one session per key: the phone shows up once the laptop has left
    lena_phone.go_online([hq])
    wait_until(lambda: bool(hq.node.read(lambda s: s.equivocators)), "HQ to hold evidence against Lena's key")
    wait_until(lambda: bool(lena_phone.node.read(lambda s: s.equivocators)), "the phone to learn of the other branch")
    assert cast.logistics.public_key_hex in hq.node.read(lambda s: s.equivocators)
    assert any(e.kind == "equivocation" for e in lena_phone.events + hq.events)
    assert not [e for e in hq.events + lena_phone.events if e.kind == "cut_off"]
