"""A new vehicle asks to join; the admin compares fingerprints, admits it, and it syncs."""

from __future__ import annotations

import logging

from app.core.identity import Identity
from app.net.service import JoinProfile
from app.node import Node
from tests.net.conftest import Site, Sites, converged, wait_until


def test_a_joiner_is_noted_admitted_by_the_admin_and_then_synced(sites: Sites, tmp_path):
    hq = sites.hq().go_online()
    newcomer = Identity.from_seed(b"vehicle-7")
    vehicle = Site("Vehicle 7", Node.create_joining(tmp_path / "vehicle", newcomer, display_name="Vehicle 7"))
    sites.all.append(vehicle)
    vehicle.go_online([hq], join=JoinProfile("Vehicle 7", "MSF"))

    wait_until(lambda: hq.runner.join_requests(), "the join request to reach HQ")
    request = hq.runner.join_requests()[0]
    assert (request.fingerprint, request.name, request.org) == (newcomer.fingerprint, "Vehicle 7", "MSF")
    wait_until(lambda: vehicle.kinds("join_pending"), "the vehicle to learn it waits for an admin")
    assert hq.runner.service.own_key[:8] and hq.node.network.get("name") in vehicle.kinds("join_pending")[0].message
    assert not vehicle.node.has_network and vehicle.node.entry_count() == 0

    hq.node.propose("member.add", {"key": request.key, "org": request.org, "name": request.name,
                                  "roles": ["field"]}, "fingerprints compared over the radio")
    wait_until(lambda: vehicle.node.has_network and converged(hq, vehicle), "the admitted vehicle to sync")
    assert vehicle.node.network_id == hq.node.network_id
    entry = vehicle.node.append("road.status", {"road": "N6", "name": "N6 Beira-Dondo", "status": "closed",
                                                "path": [[-19_800_000, 34_800_000], [-19_600_000, 34_700_000]]})
    wait_until(lambda: hq.holds(entry.hash), "the vehicle's first report to reach HQ")


def test_a_stranger_without_a_join_request_is_not_listed(sites: Sites):
    hq = sites.hq().go_online()
    stranger = sites.replica("Stranger", Identity.from_seed(b"stranger")).go_online([hq])
    wait_until(lambda: stranger.kinds("cut_off"), "the refusal")
    assert hq.runner.join_requests() == []


def test_a_join_name_with_a_newline_cannot_forge_a_line_in_the_node_log(sites: Sites, tmp_path, caplog):
    """The forged second line would read like the node admitting someone; it must stay on the first line."""
    caplog.set_level(logging.INFO, logger="app.net")
    hq = sites.hq().go_online()
    forged = "Vehicle 9\n09:14:02 synced        EOC Chimoio [AAAA-BBBB]  admitted\x1b[2J\u202e"
    newcomer = Identity.from_seed(b"vehicle-9")
    vehicle = Site("Vehicle 9", Node.create_joining(tmp_path / "vehicle9", newcomer, display_name=forged))
    sites.all.append(vehicle)
    vehicle.go_online([hq], join=JoinProfile(forged, "MSF\u2028Logistics"))

    wait_until(lambda: hq.kinds("join_request"), "the join request to reach HQ")
    assert hq.runner.join_requests()[0].name == forged          # kept exactly, for the admin who admits it
    line = hq.kinds("join_request")[0].line()
    assert "\n" not in line and "\x1b" not in line and "\u202e" not in line and "\u2028" not in line
    assert "Vehicle 9\\n09:14:02 synced" in line and "\\x1b[2J\\u202e" in line and "MSF\\u2028Logistics" in line
    logged = [r.getMessage() for r in caplog.records if "join_request" in r.getMessage()]
    assert logged and all(len(message.splitlines()) == 1 and "\x1b" not in message for message in logged)
