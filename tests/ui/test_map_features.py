"""What the map draws, read straight from ledger state (no web engine needed)."""

from __future__ import annotations

import pytest

from app.map.features import MapFeatures, PlanAllocation, plan_features
from app.ui.bridge import changed_keys, copy_tables
from tests.conftest import signing_as
from tests.map.map_scenario import TRUCK_AT, play_operation


@pytest.fixture
def operation(network, cast):
    play_operation(network, cast)
    return network


def by_id(features):
    return {f["id"]: f for f in features}


def test_the_map_shows_sites_with_stock_requests_shipments_and_closures(operation):
    features = by_id(MapFeatures().full(operation.read(copy_tables)))

    depot = features["site:DEP-1"]
    assert depot["kind"] == "depot" and depot["name"] == "Beira depot"
    assert (depot["lat"], depot["lon"]) == (-19.843, 34.838)            # micro-degrees become degrees only here
    assert depot["stock"] == [["Drinking water 5 L", 200, "jerrycan"], ["Family tent", 80, "tent"]]  # 300 left

    request = features["request:REQ-1"]
    assert request["priority"] == "critical" and request["unmet"] == 1.0   # nothing delivered yet
    assert (request["lat"], request["lon"]) == (-19.609, 34.743)           # drawn beside Dondo shelter

    truck = features["shipment:SHP-1"]
    assert truck["status"] == "in_transit"
    assert truck["from"] == [-19.843, 34.838] and truck["to"] == [-19.609, 34.743]
    assert truck["pos"] == [TRUCK_AT[0] / 1e6, TRUCK_AT[1] / 1e6]

    road = features["road:R-BUZI"]
    assert road["status"] == "closed" and road["path"][0] == [-19.85, 34.78]


def test_a_position_report_changes_only_that_shipment(operation, cast):
    live = MapFeatures()
    before = operation.read(copy_tables)
    live.full(before)
    with signing_as(operation, cast.field):
        operation.append("shipment.position", {"shipment": "SHP-1", "lat_e6": -19_650_000, "lon_e6": 34_760_000,
                                               "at_ms": 1_767_225_800_000})
    after = operation.read(copy_tables)
    patch = live.update(after, {name: changed_keys(before[name], rows) for name, rows in after.items()})

    assert [f["id"] for f in patch.upsert] == ["shipment:SHP-1"] and not patch.remove
    assert patch.upsert[0]["pos"] == [-19.65, 34.76]


def test_delivery_turns_the_request_green_and_parks_the_truck_at_the_shelter(operation, cast):
    live = MapFeatures()
    live.full(operation.read(copy_tables))
    with signing_as(operation, cast.field):
        operation.append("shipment.deliver", {"shipment": "SHP-1",
                                              "lines": [{"item": "water-5l", "lot": "WFP-001", "qty": 300}]})
    tables = operation.read(copy_tables)
    patch = live.update(tables, {"shipments": {"SHP-1"}, "requests": {"REQ-1"}, "stock": {"SHL-1|water-5l|WFP-001"}})
    changed = by_id(patch.upsert)

    assert changed["request:REQ-1"]["unmet"] == 0.25 and changed["request:REQ-1"]["delivered"] == 300
    assert changed["shipment:SHP-1"]["status"] == "delivered" and changed["shipment:SHP-1"]["pos"] == [-19.609, 34.743]
    assert changed["site:SHL-1"]["stock"] == [["Drinking water 5 L", 300, "jerrycan"]]


def test_a_cancelled_request_leaves_the_map(operation, cast):
    live = MapFeatures()
    live.full(operation.read(copy_tables))
    with signing_as(operation, cast.logistics):
        operation.append("request.cancel", {"request": "REQ-1", "reason": "duplicate"})
    patch = live.update(operation.read(copy_tables), {"requests": {"REQ-1"}})
    assert patch.remove == ["request:REQ-1"] and not patch.upsert


def test_a_plan_draws_one_arrow_per_allocation_between_known_sites(operation):
    tables = operation.read(copy_tables)
    plan = [PlanAllocation("DEP-1", "SHL-1", "water-5l", 120, request="REQ-1"),
            PlanAllocation("DEP-1", "NOWHERE", "water-5l", 5)]
    arrows = plan_features(tables, plan)
    assert len(arrows) == 1
    assert arrows[0]["from"] == [-19.843, 34.838] and arrows[0]["qty"] == 120 and arrows[0]["key"] == "REQ-1"


def test_a_site_with_an_override_and_a_newline_reaches_the_map_escaped(network, cast):
    """Leaflet would render U+202E and hide a zero-width space in a popup: the page gets visible escapes."""
    with signing_as(network, cast.logistics):
        network.append("site.define", {"site": "DEP-9", "name": "Depot\u202e9\nclosed", "kind": "depot",
                                       "lat_e6": -19_800_000, "lon_e6": 34_800_000, "org": "WFP\u200b"})
    features = by_id(MapFeatures().full(network.read(copy_tables)))
    site = features["site:DEP-9"]
    assert site["name"] == "Depot\\u202e9\\nclosed" and site["org"] == "WFP\\u200b"
    assert site["key"] == "DEP-9"
