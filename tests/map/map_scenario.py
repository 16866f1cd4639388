"""A small operation on the map: water at the Beira depot, a critical request at Dondo, a truck on
the road between them, and a closed road."""

from __future__ import annotations

from app.node import Node
from tests.conftest import Cast, signing_as

TRUCK_AT = (-19_700_000, 34_800_000)


def play_operation(node: Node, cast: Cast) -> None:
    with signing_as(node, cast.logistics):
        node.append_many([
            ("stock.receive", {"site": "DEP-1", "item": "water-5l", "lot": "WFP-001", "qty": 500, "source": "WFP"}),
            ("stock.receive", {"site": "DEP-1", "item": "tent-fam", "lot": "NR-01", "qty": 80, "source": "Reserve"}),
            ("request.open", {"request": "REQ-1", "site": "SHL-1", "item": "water-5l", "qty": 400,
                              "priority": "critical", "needed_by_ms": 1_767_300_000_000}),
            ("shipment.dispatch", {"shipment": "SHP-1", "from_site": "DEP-1", "to_site": "SHL-1", "carrier": "Truck 7",
                                   "lines": [{"item": "water-5l", "lot": "WFP-001", "qty": 300}],
                                   "requests": ["REQ-1"]}),
            ("shipment.position", {"shipment": "SHP-1", "lat_e6": TRUCK_AT[0], "lon_e6": TRUCK_AT[1],
                                   "at_ms": 1_767_225_700_000}),
            ("road.status", {"road": "R-BUZI", "name": "Beira–Buzi", "status": "closed",
                             "path": [[-19_850_000, 34_780_000], [-19_872_000, 34_610_000]], "note": "Flooded"}),
        ])
