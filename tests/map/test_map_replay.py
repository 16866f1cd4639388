"""After-action review: the map as it stood at any moment of the operation."""

from __future__ import annotations

from app.map.features import MapFeatures
from app.map.replay import build_timeline
from tests.conftest import signing_as
from tests.map.map_scenario import TRUCK_AT, play_operation


def test_replay_moves_the_truck_along_its_reported_track_and_shows_what_existed_then(network, cast):
    play_operation(network, cast)
    network.clock.now = 1_767_226_000_000          # the truck arrives a few minutes after its last report
    with signing_as(network, cast.field):
        network.append("shipment.deliver", {"shipment": "SHP-1",
                                            "lines": [{"item": "water-5l", "lot": "WFP-001", "qty": 300}]})
    timeline = build_timeline(network.entries_in_order())
    shipment = network.state.get("shipments", "SHP-1")
    dispatched, delivered = shipment["dispatched_ms"], shipment["delivered_ms"]
    report_ms = 1_767_225_700_000

    before = timeline.tables_at(dispatched - 1)
    assert "SHP-1" not in before["shipments"] and "DEP-1" in before["sites"]

    at_dispatch = timeline.tables_at(dispatched)["shipments"]["SHP-1"]
    assert at_dispatch["position"][:2] == [-19_843_000, 34_838_000]     # still at the depot

    halfway = (dispatched + report_ms) // 2                               # between depot and the reported spot
    lat, lon, _ = timeline.tables_at(halfway)["shipments"]["SHP-1"]["position"]
    assert min(-19_843_000, TRUCK_AT[0]) < lat < max(-19_843_000, TRUCK_AT[0])
    assert min(34_838_000, TRUCK_AT[1]) < lon < max(34_838_000, TRUCK_AT[1])

    final = timeline.tables_at(delivered)
    assert final["shipments"]["SHP-1"]["status"] == "delivered"
    assert final["requests"]["REQ-1"]["delivered"] == 300

    rewound = timeline.tables_at(dispatched - 1)                          # dragging the slider back works too
    assert "SHP-1" not in rewound["shipments"]


def test_replay_frames_become_map_features_like_live_state(network, cast):
    play_operation(network, cast)
    timeline = build_timeline(network.entries_in_order())
    features = {f["id"] for f in MapFeatures().full(timeline.tables_at(timeline.end_ms))}
    assert {"site:DEP-1", "site:SHL-1", "request:REQ-1", "shipment:SHP-1", "road:R-BUZI"} <= features
