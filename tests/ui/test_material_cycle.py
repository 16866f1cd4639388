"""An operator records a whole material cycle through the window's forms alone and follows it."""

from __future__ import annotations

from app.ui.forms.context import FormContext
from app.ui.forms.handover import AcceptCustodyDialog
from tests.ui.conftest import settle


def through_form(qtbot, window, entry_type: str, fill) -> None:
    before, shown_before = window.bridge.node.entry_count(), len(window.explorer.model.entries)
    dialog = window.open_form(entry_type)
    fill(dialog)
    assert dialog.review(), dialog.problem.text() or dialog.warning_text.text()
    dialog.confirm()
    # stored is not yet shown: the window has the entry once its explorer lists it and no refresh is pending
    settle(qtbot, window, lambda: window.bridge.node.entry_count() == before + 1
           and len(window.explorer.model.entries) == shown_before + 1 and window.pending is None)


def pick(dialog, name: str, value: str) -> None:
    combo = dialog.widgets[name]
    combo.setCurrentIndex(combo.findData(value))


def text(dialog, name: str, value: str) -> None:
    dialog.widgets[name].setText(value)


def test_receive_request_dispatch_hand_over_deliver_distribute(qtbot, window, cast):
    def receive(d):
        pick(d, "site", "DEP-1")
        pick(d, "item", "tent-fam")
        text(d, "lot", "NR-TENT-01")
        text(d, "qty", "200")
        text(d, "source", "National reserve")

    def request(d):
        text(d, "request", "REQ-SHL-1")
        pick(d, "site", "SHL-1")
        pick(d, "item", "tent-fam")
        text(d, "qty", "120")
        d.widgets["priority"].setCurrentText("high")

    def dispatch(d):
        text(d, "shipment", "SHP-100")
        pick(d, "from_site", "DEP-1")
        pick(d, "to_site", "SHL-1")
        text(d, "carrier", "Truck 7")
        text(d, "requests", "REQ-SHL-1")
        d.widgets["lines"].set_lines([{"item": "tent-fam", "lot": "NR-TENT-01", "qty": 120}])

    for entry_type, fill in (("stock.receive", receive), ("request.open", request), ("shipment.dispatch", dispatch)):
        through_form(qtbot, window, entry_type, fill)

    receiver = AcceptCustodyDialog(FormContext(**{**window.form_context().__dict__, "identity": cast.field}))
    qtbot.addWidget(receiver)
    receiver.shipment.setCurrentIndex(receiver.shipment.findData("SHP-100"))
    acceptance = receiver.sign()
    assert acceptance is not None

    def hand_over(d):   # the giver pastes the acceptance text the receiver sent, and types the code read aloud
        acceptance_input = d.widgets["receiver_sig"]
        assert acceptance_input.read_text(acceptance.text(), acceptance_input.PASTE)
        acceptance_input.code.setText(receiver.code.text())

    def deliver(d):
        pick(d, "shipment", "SHP-100")
        d.widgets["lines"].table.item(0, 2).setText("118")
        d.widgets["lines"].table.item(0, 3).setText("2 tents torn")

    def distribute(d):
        pick(d, "site", "SHL-1")
        pick(d, "item", "tent-fam")
        pick(d, "lot", "NR-TENT-01")
        text(d, "qty", "100")
        text(d, "beneficiaries", "500")
        pick(d, "request", "REQ-SHL-1")

    through_form(qtbot, window, "shipment.handover", hand_over)
    window.bridge.node.sign_as(cast.field)  # the field team at the shelter records arrival and hand-out
    for entry_type, fill in (("shipment.deliver", deliver), ("stock.distribute", distribute)):
        through_form(qtbot, window, entry_type, fill)

    stock = {window.models["stock"].key_at(r): window.models["stock"].index(r, 3).data()
             for r in range(window.models["stock"].rowCount())}
    assert stock["DEP-1|tent-fam|NR-TENT-01"] == "80" and stock["SHL-1|tent-fam|NR-TENT-01"] == "18"
    requests = window.models["requests"]
    row = requests.row_for("REQ-SHL-1")
    assert requests.index(row, 5).data() == "118" and requests.index(row, 6).data() == "partial"
    shipments = window.models["shipments"]
    assert shipments.index(shipments.row_for("SHP-100"), 1).data() == "delivered"
    assert [e.type for e in window.explorer.model.entries[:6]] == [
        "stock.distribute", "shipment.deliver", "shipment.handover", "shipment.dispatch", "request.open",
        "stock.receive"]
    detail = window.record_detail(window.models["stock"], "SHL-1|tent-fam|NR-TENT-01")
    trail = detail.split("Lineage of lot NR-TENT-01:")[1]
    assert [line.split()[0] for line in trail.strip().splitlines()] == ["receive", "dispatch", "deliver", "distribute"]

