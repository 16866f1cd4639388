"""A whole material cycle on one replica, as an operator would record it."""

from app.core.custody import countersign
from app.core.lineage import lineage
from tests.conftest import signing_as


def test_receive_request_dispatch_handover_deliver_distribute(network, cast):
    node = network
    with signing_as(node, cast.logistics):
        node.append("stock.receive", {"site": "DEP-1", "item": "water-5l", "lot": "WFP-24-001", "qty": 500,
                                      "source": "WFP pipeline"})
    with signing_as(node, cast.field):
        node.append("request.open", {"request": "REQ-1", "site": "SHL-1", "item": "water-5l", "qty": 300,
                                     "priority": "critical", "needed_by_ms": 1_767_300_000_000})
    with signing_as(node, cast.logistics):
        dispatch = node.append("shipment.dispatch", {
            "shipment": "SHP-1", "from_site": "DEP-1", "to_site": "SHL-1", "carrier": "Truck MZ-44",
            "lines": [{"item": "water-5l", "lot": "WFP-24-001", "qty": 300}], "requests": ["REQ-1"]})
        sig = countersign(cast.field, node.network_id, "SHP-1", cast.logistics.public_key_hex, 0)
        node.append("shipment.handover", {"shipment": "SHP-1", "to": cast.field.public_key_hex, "index": 0,
                                          "receiver_sig": sig})
    with signing_as(node, cast.field):
        node.append("shipment.deliver", {"shipment": "SHP-1", "lines": [
            {"item": "water-5l", "lot": "WFP-24-001", "qty": 290, "reason": "10 jerrycans leaking"}]})
        node.append("stock.distribute", {"site": "SHL-1", "item": "water-5l", "lot": "WFP-24-001", "qty": 200,
                                         "beneficiaries": 100, "request": "REQ-1"})
    state = node.state
    assert state.get("stock", "DEP-1|water-5l|WFP-24-001")["qty"] == 200
    assert state.get("stock", "SHL-1|water-5l|WFP-24-001")["qty"] == 90
    assert state.get("requests", "REQ-1")["delivered"] == 290
    assert state.get("requests", "REQ-1")["status"] == "partial"
    shipment = state.get("shipments", "SHP-1")
    assert shipment["status"] == "delivered"
    assert shipment["custodian"] == cast.field.public_key_hex
    assert shipment["discrepancies"] == [{"item": "water-5l", "lot": "WFP-24-001", "sent": 300, "received": 290,
                                          "reason": "10 jerrycans leaking"}]
    back, forward = lineage(state, dispatch.hash)
    assert [s.event for s in back] == ["receive"]
    assert [s.event for s in forward] == ["deliver", "distribute"]
