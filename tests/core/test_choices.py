"""What the record forms offer: lots at the source site first-expiry-first-out, requests with what they
still need, shipments on the road, members by name, and the next free id."""

from __future__ import annotations

import pytest

from app.core import choices
from tests.conftest import signing_as

DAY_MS = 86_400_000
SOON, LATER = 1_780_000_000_000, 1_780_000_000_000 + 90 * DAY_MS


@pytest.fixture
def depot(network, cast):
    """The Beira depot holds three lots of water (two with an expiry) and a lot of tents; the Dondo
    shelter holds a lot of water of its own."""
    network.sign_as(cast.logistics)
    receipts = [("DEP-1", "water-5l", "WFP-LATE", 500, LATER), ("DEP-1", "water-5l", "WFP-SOON", 100, SOON),
                ("DEP-1", "water-5l", "WFP-NONE", 900, None), ("DEP-1", "tent-fam", "NR-T-1", 50, None),
                ("SHL-1", "water-5l", "WFP-SHL", 70, SOON - DAY_MS)]
    for site, item, lot, qty, expiry in receipts:
        body = {"site": site, "item": item, "lot": lot, "qty": qty, "source": "WFP"}
        if expiry is not None:
            body["expiry_ms"] = expiry
        network.append("stock.receive", body)
    return network


def stated_expiry(node) -> dict[str, int]:
    """What the receipts declared, as the window reads it for the lots a picker offers."""
    return {e.body["lot"]: e.body["expiry_ms"] for e in node.entries_in_order()
            if e.type == "stock.receive" and "expiry_ms" in e.body}


def test_lots_at_the_depot_are_offered_first_expiry_first_out(depot):
    lots = choices.lots_at(depot.state.tables, "DEP-1", "water-5l", stated_expiry(depot))
    assert [c.code for c in lots] == ["WFP-SOON", "WFP-LATE", "WFP-NONE"]
    assert lots[0].suggested and not any(c.suggested for c in lots[1:])
    assert [c.qty for c in lots] == [100, 500, 900] and lots[0].expiry_ms == SOON and lots[0].unit == "jerrycan"


def test_without_stated_expiry_the_largest_lot_goes_first(depot):
    lots = choices.lots_at(depot.state.tables, "DEP-1", "water-5l")
    assert [c.code for c in lots] == ["WFP-NONE", "WFP-LATE", "WFP-SOON"]


def test_only_lots_of_that_item_held_at_the_source_site_are_offered(depot, cast):
    tables = depot.state.tables
    assert "WFP-SHL" not in {c.code for c in choices.lots_at(tables, "DEP-1", "water-5l")}   # at the shelter
    assert "NR-T-1" not in {c.code for c in choices.lots_at(tables, "DEP-1", "water-5l")}    # tents
    assert [c.code for c in choices.lots_at(tables, "SHL-1", "water-5l")] == ["WFP-SHL"]
    assert choices.lots_at(tables, None, "water-5l") == []
    depot.append("shipment.dispatch", {"shipment": "SHP-1", "from_site": "DEP-1", "to_site": "SHL-1",
                                       "carrier": "Truck 7", "lines": [{"item": "water-5l", "lot": "WFP-SOON",
                                                                        "qty": 100}]})
    tables = depot.state.tables
    emptied = choices.lots_at(tables, "DEP-1", "water-5l", stated_expiry(depot))
    assert [c.code for c in emptied] == ["WFP-LATE", "WFP-NONE"] and emptied[0].suggested
    # an adjustment corrects a count, so it may name a lot the depot no longer holds; that lot comes last
    counted = choices.lots_at(tables, "DEP-1", "water-5l", stated_expiry(depot), include_empty=True)
    assert [c.code for c in counted] == ["WFP-LATE", "WFP-NONE", "WFP-SOON"] and counted[2].qty == 0
    assert not any(c.suggested for c in counted)


def test_a_request_offers_what_it_still_needs_beyond_what_is_on_the_way(depot, cast):
    with signing_as(depot, cast.field):
        depot.append("request.open", {"request": "REQ-W", "site": "SHL-1", "item": "water-5l", "qty": 800,
                                      "priority": "normal", "needed_by_ms": LATER})
        depot.append("request.open", {"request": "REQ-T", "site": "SHL-1", "item": "tent-fam", "qty": 20,
                                      "priority": "critical", "needed_by_ms": LATER})
        depot.append("request.open", {"request": "REQ-X", "site": "DEP-1", "item": "tent-fam", "qty": 5,
                                      "priority": "low", "needed_by_ms": LATER})
    line = {"item": "water-5l", "lot": "WFP-NONE", "qty": 200}
    depot.append("shipment.dispatch", {"shipment": "SHP-1", "from_site": "DEP-1", "to_site": "SHL-1", "carrier": "A",
                                       "lines": [line], "requests": ["REQ-W"]})
    depot.append("shipment.deliver", {"shipment": "SHP-1", "lines": [line]})
    depot.append("shipment.dispatch", {"shipment": "SHP-2", "from_site": "DEP-1", "to_site": "SHL-1", "carrier": "B",
                                       "lines": [{**line, "qty": 300}], "requests": ["REQ-W"]})
    offered = choices.open_requests(depot.state.tables, "SHL-1")
    assert [c.code for c in offered] == ["REQ-T", "REQ-W"]          # critical first; not the depot's own request
    water = offered[1]
    assert (water.need, water.on_the_way, water.to_send) == (600, 300, 300)
    assert water.item_name == "Drinking water 5 L" and water.to_site == "Dondo shelter"
    preset = choices.dispatch_preset(depot.state.tables, "REQ-W", stated_expiry(depot))
    # 300 to send: the 100 of the lot that expires first, then 200 of the next
    assert preset == {"to_site": "SHL-1", "requests": ["REQ-W"], "from_site": "DEP-1",
                      "lines": [{"item": "water-5l", "lot": "WFP-SOON", "qty": 100},
                                {"item": "water-5l", "lot": "WFP-LATE", "qty": 200}]}
    with signing_as(depot, cast.field):
        depot.append("request.cancel", {"request": "REQ-T", "reason": "Tents came from the church"})
    assert [c.code for c in choices.open_requests(depot.state.tables, "SHL-1")] == ["REQ-W"]
    assert choices.dispatch_preset(depot.state.tables, "REQ-T") == {}


def test_shipments_on_the_road_show_their_route_and_the_holders_own_first(depot, cast):
    for shipment in ("SHP-A", "SHP-B"):
        depot.append("shipment.dispatch", {"shipment": shipment, "from_site": "DEP-1", "to_site": "SHL-1",
                                           "carrier": "Truck", "lines": [{"item": "tent-fam", "lot": "NR-T-1",
                                                                          "qty": 1}]})
    with signing_as(depot, cast.commander):
        depot.append("shipment.dispatch", {"shipment": "SHP-0", "from_site": "DEP-1", "to_site": "SHL-1",
                                           "carrier": "Boat", "lines": [{"item": "tent-fam", "lot": "NR-T-1",
                                                                         "qty": 1}]})
    depot.append("shipment.deliver", {"shipment": "SHP-B", "lines": [{"item": "tent-fam", "lot": "NR-T-1", "qty": 1}]})
    road = choices.shipments_in_transit(depot.state.tables, holder=cast.logistics.public_key_hex)
    assert [c.code for c in road] == ["SHP-A", "SHP-0"]
    assert (road[0].from_site, road[0].to_site, road[0].holder) == ("Beira depot", "Dondo shelter", "Lena Logistics")


def test_members_are_offered_by_name_and_organisation(depot, cast):
    offered = choices.members(depot.state.tables)
    assert [(c.name, c.org) for c in offered][:2] == [("Chidi Commander", "NDMA"), ("Femi Field", "IFRC")]
    assert {c.code for c in offered} >= {cast.field.public_key_hex, cast.observer.public_key_hex}
    sites = choices.sites(depot.state.tables)
    assert [(c.name, c.code) for c in sites] == [("Beira depot", "DEP-1"), ("Dondo shelter", "SHL-1")]


@pytest.mark.parametrize("site, existing, expected", [
    ("SHL-DONDO-1", ["REQ-DON-001", "REQ-DON-003", "REQ-BUZ-007"], "REQ-DON-004"),
    ("SHL-BUZI-1", ["REQ-DON-001"], "REQ-BUZ-001"),
    ("HOS-BEIRA-CENTRAL", ["REQ-BEI-0099"], "REQ-BEI-0100"),   # the width in use is kept
    ("DEP-1", [], "REQ-DEP-001"),                              # a site code with no name part
    (None, ["REQ-DON-001", "REQ-007"], "REQ-008"),
])
def test_the_next_request_id_follows_the_ids_in_use(site, existing, expected):
    tables = {"requests": {code: {} for code in existing}}
    assert choices.next_id(tables, "requests", site) == expected


def test_the_next_id_follows_the_networks_own_kind_of_prefix_and_skips_taken_ids():
    tables = {"shipments": {"SH-DON-001": {}, "SH-DON-002": {}, "SHP-DON-005": {}}}
    assert choices.next_id(tables, "shipments", "SHL-DONDO-1") == "SH-DON-003"
    assert choices.next_id(tables, "shipments", "SHL-DONDO-1", taken=["SH-DON-003"]) == "SH-DON-004"
    assert choices.next_id({}, "shipments", "WH-BEIRA") == "SHP-BEI-001"


def test_a_dispatch_for_a_request_comes_from_the_nearest_site_that_holds_enough(depot, cast):
    with signing_as(depot, cast.commander):
        depot.append("site.define", {"site": "WH-FAR", "name": "Far warehouse", "kind": "depot",
                                     "lat_e6": -17_878_000, "lon_e6": 36_888_000, "org": "WFP"})
        depot.append("site.define", {"site": "STG-NEAR", "name": "Near staging", "kind": "staging",
                                     "lat_e6": -19_610_000, "lon_e6": 34_750_000, "org": "WFP"})
    depot.append("stock.receive", {"site": "WH-FAR", "item": "tent-fam", "lot": "NR-T-2", "qty": 900, "source": "NR"})
    depot.append("stock.receive", {"site": "STG-NEAR", "item": "tent-fam", "lot": "NR-T-3", "qty": 30, "source": "NR"})
    with signing_as(depot, cast.field):
        depot.append("request.open", {"request": "REQ-T", "site": "SHL-1", "item": "tent-fam", "qty": 40,
                                      "priority": "high", "needed_by_ms": LATER})
    tables = depot.state.tables
    # the near staging area holds 30 of the 40 needed; the depot (50) is nearer than the far warehouse (900)
    assert [c.code for c in choices.sources(tables, "tent-fam", "SHL-1", 40)] == ["DEP-1", "WH-FAR", "STG-NEAR"]
    assert choices.dispatch_preset(tables, "REQ-T")["from_site"] == "DEP-1"
    assert [c.code for c in choices.sources(tables, "tent-fam", "SHL-1", 10)][0] == "STG-NEAR"
    with signing_as(depot, cast.commander):
        depot.append("site.define", {"site": "SHL-2", "name": "Second shelter", "kind": "shelter",
                                     "lat_e6": -19_609_500, "lon_e6": 34_743_000, "org": "IFRC"})
    depot.append("stock.receive", {"site": "SHL-2", "item": "tent-fam", "lot": "NR-T-4", "qty": 60, "source": "NR"})
    # a shelter next door holds enough, but it holds its tents for its own people: the depot comes first
    assert [c.code for c in choices.sources(depot.state.tables, "tent-fam", "SHL-1", 40)][:2] == ["DEP-1", "WH-FAR"]


def test_custody_goes_only_to_members_who_can_carry_it_on(depot, cast):
    carriers = choices.members(depot.state.tables, roles=("commander", "logistics", "field"))
    assert "Omar Observer" not in {c.name for c in carriers} and "Femi Field" in {c.name for c in carriers}


def test_lines_take_the_first_expiring_lots_until_the_quantity_is_covered(depot):
    tables, expiry = depot.state.tables, stated_expiry(depot)
    assert choices.fefo_lines(tables, "DEP-1", "water-5l", 80, expiry) == [
        {"item": "water-5l", "lot": "WFP-SOON", "qty": 80}]
    assert choices.fefo_lines(tables, "DEP-1", "water-5l", 2000, expiry) == [   # what the depot holds, no more
        {"item": "water-5l", "lot": "WFP-SOON", "qty": 100}, {"item": "water-5l", "lot": "WFP-LATE", "qty": 500},
        {"item": "water-5l", "lot": "WFP-NONE", "qty": 900}]
    assert choices.fefo_lines(tables, "SHL-1", "tent-fam", 5) == [{"item": "tent-fam", "lot": "", "qty": 5}]


def test_a_correction_names_records_by_what_they_said(depot, cast):
    with signing_as(depot, cast.field):
        depot.append("request.open", {"request": "REQ-W", "site": "SHL-1", "item": "water-5l", "qty": 800,
                                      "priority": "normal", "needed_by_ms": LATER})
    offered = choices.records(depot.state.tables)
    request = next(c for c in offered if c.record_type == "request.open")
    assert (request.name, request.qty, request.item_name, request.to_site) == \
        ("REQ-W", 800, "Drinking water 5 L", "Dondo shelter")
    assert request.at_ms == depot.state.tables["requests"]["REQ-W"]["opened_ms"]
    receipts = [c for c in offered if c.record_type == "stock.receive"]
    # by site, then item name (water before tents), then lot
    assert [(c.name, c.qty, c.to_site) for c in receipts] == [
        ("WFP-LATE", 500, "Beira depot"), ("WFP-NONE", 900, "Beira depot"), ("WFP-SOON", 100, "Beira depot"),
        ("NR-T-1", 50, "Beira depot"), ("WFP-SHL", 70, "Dondo shelter")]
