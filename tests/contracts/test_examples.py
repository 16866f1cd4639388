"""The example contracts in resources/contracts on a known state, and the snapshot they read."""

from __future__ import annotations

import copy

from app.contracts.runtime import run_contract
from app.contracts.snapshot import build_snapshot
from app.contracts.templates import template_source
from tests.conftest import signing_as


def request(rid, site, item, qty, priority, needed_by_ms):
    rank = ["critical", "high", "normal", "low"].index(priority)
    return {"request": rid, "site": site, "item": item, "qty": qty, "remaining": qty, "priority": priority,
            "priority_rank": rank, "needed_by_ms": needed_by_ms, "status": "open"}


def site(sid, kind, lon_e6):
    return {"site": sid, "name": sid, "kind": kind, "lat_e6": 0, "lon_e6": lon_e6, "org": "T"}


# Along the equator: D-NEAR at 0 km, shelter S-A at 11 km, hospital H at 17 km, shelter S-B at 211 km, D-FAR at
# 222 km. 160 units of water for 200 asked; 60 vials of vaccine (cold chain) for 30 asked, 50 of them far away.
KNOWN = {
    "as_of_ms": 0,
    "sites": {s["site"]: s for s in [site("D-FAR", "depot", 2_000_000), site("D-NEAR", "depot", 0),
                                     site("H", "hospital", 150_000), site("S-A", "shelter", 100_000),
                                     site("S-B", "shelter", 1_900_000)]},
    "items": {"vac": {"item": "vac", "cold_chain": True}, "water": {"item": "water", "cold_chain": False}},
    "stock": [{"site": "D-FAR", "item": "vac", "lot": "V2", "qty": 50},
              {"site": "D-FAR", "item": "water", "lot": "L2", "qty": 100},
              {"site": "D-NEAR", "item": "vac", "lot": "V1", "qty": 10},
              {"site": "D-NEAR", "item": "water", "lot": "L1", "qty": 60}],
    "requests": [request("R-A1", "S-A", "water", 100, "critical", 10),
                 request("R-B1", "S-B", "water", 100, "normal", 5),
                 request("R-H1", "H", "vac", 30, "critical", 20)],
    "roads": [],
}


def plan(template, params=None, snapshot=KNOWN):
    result = run_contract(template_source(template), copy.deepcopy(snapshot), params)
    return sorted((a["request"], a["from_site"], a.get("lot", ""), a["qty"]) for a in result.allocations)


def test_priority_first_serves_the_critical_shelter_whole_before_the_normal_one():
    assert plan("priority_first") == [
        ("R-A1", "D-FAR", "L2", 40), ("R-A1", "D-NEAR", "L1", 60),    # critical: nearest first, then the far depot
        ("R-B1", "D-FAR", "L2", 60),                                   # normal: what is left
        ("R-H1", "D-FAR", "V2", 20), ("R-H1", "D-NEAR", "V1", 10),
    ]


def test_priority_first_keeps_the_reserve():
    # half of each lot stays: 30 + 50 of water all go to the critical request, nothing is left for R-B1
    assert plan("priority_first", {"reserve_pct": 50}) == [
        ("R-A1", "D-FAR", "L2", 50), ("R-A1", "D-NEAR", "L1", 30),
        ("R-H1", "D-FAR", "V2", 25), ("R-H1", "D-NEAR", "V1", 5),
    ]


def test_fair_share_splits_by_weighted_need_then_ships_by_least_distance():
    # priority weighting: 160 split 8:2 -> 128 and 32, the critical share capped at 100, the rest to R-B1
    assert plan("fair_share") == [
        ("R-A1", "D-FAR", "", 40), ("R-A1", "D-NEAR", "", 60),
        ("R-B1", "D-FAR", "", 60),
        ("R-H1", "D-FAR", "", 20), ("R-H1", "D-NEAR", "", 10),
    ]
    # by need alone: 80 and 80
    assert plan("fair_share", {"weighting": "need"}) == [
        ("R-A1", "D-FAR", "", 20), ("R-A1", "D-NEAR", "", 60),
        ("R-B1", "D-FAR", "", 80),
        ("R-H1", "D-FAR", "", 20), ("R-H1", "D-NEAR", "", 10),
    ]


def test_nearest_depot_minimises_distance_with_urgent_requests_first():
    assert plan("nearest_depot") == [
        ("R-A1", "D-FAR", "", 40), ("R-A1", "D-NEAR", "", 60),
        ("R-B1", "D-FAR", "", 60),
        ("R-H1", "D-FAR", "", 20), ("R-H1", "D-NEAR", "", 10),
    ]
    # without the priority penalty, distance alone decides: each shelter is served from its own depot
    assert plan("nearest_depot", {"priority_penalty_km": 0}) == [
        ("R-A1", "D-NEAR", "", 60), ("R-B1", "D-FAR", "", 100),
        ("R-H1", "D-FAR", "", 20), ("R-H1", "D-NEAR", "", 10),
    ]
    # a distance limit leaves far depots out
    assert plan("nearest_depot", {"max_km": 50}) == [
        ("R-A1", "D-NEAR", "", 60), ("R-B1", "D-FAR", "", 100), ("R-H1", "D-NEAR", "", 10),
    ]


def test_nearest_depot_does_not_cross_a_closed_road():
    snapshot = copy.deepcopy(KNOWN)
    # a closed road between D-NEAR (0 km) and S-A (11 km), not in the way of the hospital or of D-FAR
    snapshot["roads"] = [{"road": "R-1", "name": "bridge", "status": "closed",
                          "path": [[-50_000, 50_000], [50_000, 50_000]]}]
    # D-NEAR reaches nobody: the critical shelter takes all of D-FAR's water, the hospital its vials
    assert plan("nearest_depot", snapshot=snapshot) == [("R-A1", "D-FAR", "", 100), ("R-H1", "D-FAR", "", 30)]
    snapshot["roads"][0]["status"] = "open"
    assert ("R-A1", "D-NEAR", "", 60) in plan("nearest_depot", snapshot=snapshot)
    assert ("R-A1", "D-NEAR", "", 60) in plan("nearest_depot", {"avoid_closed_roads": False}, snapshot)


def test_cold_chain_never_sends_vaccine_farther_than_its_limit():
    assert plan("cold_chain") == [
        ("R-A1", "D-FAR", "", 40), ("R-A1", "D-NEAR", "", 60),
        ("R-B1", "D-FAR", "", 60),
        ("R-H1", "D-NEAR", "V1", 10),                                  # D-FAR is 205 km away: beyond 150 km
    ]
    assert ("R-H1", "D-FAR", "V2", 30) in plan("cold_chain", {"cold_max_km": 300})  # one source covers it whole


def test_snapshot_of_a_ledger_counts_what_is_on_the_road(network, cast):
    with signing_as(network, cast.logistics):
        network.append_many([
            ("stock.receive", {"site": "DEP-1", "item": "water-5l", "lot": "W-1", "qty": 300, "source": "WFP"}),
            ("request.open", {"request": "REQ-1", "site": "SHL-1", "item": "water-5l", "qty": 200,
                              "priority": "critical", "needed_by_ms": 1_767_300_000_000}),
            ("request.open", {"request": "REQ-2", "site": "SHL-1", "item": "tent-fam", "qty": 5,
                              "priority": "low", "needed_by_ms": 1_767_300_000_000}),
            ("shipment.dispatch", {"shipment": "SHP-1", "from_site": "DEP-1", "to_site": "SHL-1", "carrier": "truck",
                                   "lines": [{"item": "water-5l", "lot": "W-1", "qty": 50}], "requests": ["REQ-1"]}),
        ])
    tables_before = repr(network.state.tables)
    snapshot = network.read(build_snapshot)
    assert repr(network.state.tables) == tables_before     # read-only
    assert snapshot["stock"] == [{"site": "DEP-1", "item": "water-5l", "lot": "W-1", "qty": 250}]
    by_id = {r["request"]: r for r in snapshot["requests"]}
    assert by_id["REQ-1"]["remaining"] == 150 and by_id["REQ-1"]["priority_rank"] == 0
    assert by_id["REQ-2"]["remaining"] == 5
    assert snapshot["sites"]["DEP-1"]["lat_e6"] == -19_843_000 and snapshot["items"]["tent-fam"]["cold_chain"] is False
    assert snapshot["as_of_ms"] > 0
    result = run_contract(template_source("priority_first"), snapshot)
    assert result.allocations == [{"from_site": "DEP-1", "request": "REQ-1", "item": "water-5l", "lot": "W-1",
                                   "qty": 150}]
