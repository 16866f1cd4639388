"""Recording through forms: every entry type, a good form signs exactly what it shows, a bad one signs nothing."""

from __future__ import annotations

import copy

import pytest
from PySide6.QtWidgets import QComboBox, QLineEdit

from app.core.custody import countersign
from app.ui.bridge import copy_tables
from app.ui.forms import FORM_TITLES, make_record_dialog
from app.ui.forms.context import FormContext
from app.ui.forms.handover import AcceptCustodyDialog
from app.ui.forms.record_dialog import LinesEditor
from tests.conftest import signing_as


class Recorder:
    """A FormContext whose submit signs with the node directly, remembering what was submitted."""

    def __init__(self, node, identity) -> None:
        self.node, self.submitted = node, []
        self.context = FormContext(tables=lambda: copy.deepcopy(node.read(copy_tables)), submit=self.submit,
                                   identity=identity, network_id=node.network_id, network_kind="exercise")

    def submit(self, entry_type: str, body: dict) -> None:
        self.submitted.append((entry_type, body))
        self.node.append(entry_type, body)


@pytest.fixture
def recorder(stocked, cast):
    return Recorder(stocked, cast.logistics)


def dialog(qtbot, recorder, entry_type, preset=None):
    d = make_record_dialog(None, entry_type, recorder.context, preset)
    qtbot.addWidget(d)
    return d


def fill(d, **values) -> None:
    for name, value in values.items():
        widget = d.widgets[name]
        if isinstance(widget, QComboBox):
            index = widget.findData(value)
            assert index >= 0, f"{value} not offered for {name}"
            widget.setCurrentIndex(index)
        elif isinstance(widget, QLineEdit):
            widget.setText(str(value))
        elif isinstance(widget, LinesEditor):
            widget.set_lines(value)
        else:
            d.set_value(name, value)


def sign(d) -> None:
    assert d.review(), d.problem.text() or d.warning_text.text()
    assert d.canonical.toPlainText().startswith("{")
    d.confirm()


def test_every_recordable_type_has_a_form(qtbot, recorder):
    for entry_type in FORM_TITLES:
        assert dialog(qtbot, recorder, entry_type).windowTitle().startswith("EXERCISE")


def test_receiving_stock_signs_exactly_what_the_review_showed(qtbot, recorder):
    d = dialog(qtbot, recorder, "stock.receive")
    fill(d, site="DEP-1", item="tent-fam", lot="NR-T-9", qty="1,200", source="National reserve")
    assert d.review()
    assert d.canonical.toPlainText() == '{"item":"tent-fam","lot":"NR-T-9","qty":1200,"site":"DEP-1",' \
                                        '"source":"National reserve"}'
    d.confirm()
    assert recorder.node.state.get("stock", "DEP-1|tent-fam|NR-T-9")["qty"] == 1200


@pytest.mark.parametrize("qty, message", [("", "Quantity is required"), ("12.5", "whole number"),
                                          ("0", "at least 1")])
def test_a_bad_quantity_is_explained_and_nothing_is_signed(qtbot, recorder, qty, message):
    d = dialog(qtbot, recorder, "stock.receive")
    fill(d, site="DEP-1", item="tent-fam", lot="NR-T-9", qty=qty, source="National reserve")
    assert not d.review()
    assert message in d.problem.text()
    assert not recorder.submitted


def test_a_site_is_placed_exactly_in_micro_degrees(qtbot, recorder, cast):
    recorder.node.sign_as(cast.commander)
    recorder.context = FormContext(**{**recorder.context.__dict__, "identity": cast.commander})
    d = dialog(qtbot, recorder, "site.define")
    fill(d, site="HOS-1", name="Beira hospital", lat_e6="-19.843210", lon_e6="34.8510", org="MISAU")
    d.widgets["kind"].setCurrentText("hospital")
    sign(d)
    assert recorder.submitted[-1][1]["lat_e6"] == -19_843_210 and recorder.submitted[-1][1]["lon_e6"] == 34_851_000
    bad = dialog(qtbot, recorder, "site.define")
    fill(bad, site="HOS-2", name="X", lat_e6="-19.8432101", lon_e6="34", org="X")
    assert not bad.review() and "six decimal places" in bad.problem.text()


def test_opening_a_request_refuses_a_used_id(qtbot, recorder):
    d = dialog(qtbot, recorder, "request.open")
    fill(d, request="REQ-1", site="SHL-1", item="water-5l", qty="300")
    d.widgets["priority"].setCurrentText("critical")
    sign(d)
    again = dialog(qtbot, recorder, "request.open")
    fill(again, request="REQ-1", site="SHL-1", item="water-5l", qty="5")
    assert not again.review() and "already exists" in again.problem.text()
    cancel = dialog(qtbot, recorder, "request.cancel")
    fill(cancel, request="REQ-1", reason="Shelter evacuated")
    sign(cancel)
    assert recorder.node.state.get("requests", "REQ-1")["status"] == "cancelled"


def test_a_dispatch_beyond_stock_must_be_acknowledged_as_an_overdraw(qtbot, recorder):
    d = dialog(qtbot, recorder, "shipment.dispatch")
    fill(d, shipment="SHP-1", from_site="DEP-1", to_site="SHL-1", carrier="Truck 7",
         lines=[{"item": "water-5l", "lot": "WFP-001", "qty": 800}])
    assert not d.review()
    assert "holds 500" in d.warning_text.text() and "over-draw" in d.warning_text.text()
    assert not recorder.submitted
    d.warning.setChecked(True)
    sign(d)
    assert recorder.node.state.get("stock", "DEP-1|water-5l|WFP-001")["qty"] == -300


def test_a_dispatch_to_its_own_origin_is_refused(qtbot, recorder):
    d = dialog(qtbot, recorder, "shipment.dispatch")
    fill(d, shipment="SHP-2", from_site="DEP-1", to_site="DEP-1", carrier="Truck",
         lines=[{"item": "water-5l", "lot": "WFP-001", "qty": 5}])
    assert not d.review() and "different site" in d.problem.text()


def dispatched(recorder, qty: int = 100) -> None:
    recorder.node.append("shipment.dispatch", {"shipment": "SHP-9", "from_site": "DEP-1", "to_site": "SHL-1",
                                               "carrier": "Truck", "lines": [{"item": "water-5l", "lot": "WFP-001",
                                                                              "qty": qty}]})


def test_a_delivery_is_prefilled_and_a_difference_needs_a_reason(qtbot, recorder):
    dispatched(recorder)
    d = dialog(qtbot, recorder, "shipment.deliver")
    fill(d, shipment="SHP-9")
    editor = d.widgets["lines"]
    assert editor.value() == [{"item": "water-5l", "lot": "WFP-001", "qty": 100}]
    editor.table.item(0, 2).setText("96")
    assert not d.review() and "give a reason" in d.problem.text()
    editor.table.item(0, 3).setText("4 jerrycans leaking")
    sign(d)
    shipment = recorder.node.state.get("shipments", "SHP-9")
    assert shipment["status"] == "delivered" and shipment["discrepancies"][0]["reason"] == "4 jerrycans leaking"


def test_a_hand_over_needs_the_receivers_acceptance(qtbot, recorder, cast):
    dispatched(recorder)
    receiver_context = FormContext(**{**recorder.context.__dict__, "identity": cast.field})
    accept = AcceptCustodyDialog(receiver_context)
    qtbot.addWidget(accept)
    accept.shipment.setCurrentIndex(accept.shipment.findData("SHP-9"))
    acceptance = accept.sign()
    assert acceptance is not None
    assert acceptance.receiver_sig == countersign(cast.field, recorder.node.network_id, "SHP-9",
                                                  cast.logistics.public_key_hex, 0)
    unread = dialog(qtbot, recorder, "shipment.handover")
    fill(unread, shipment="SHP-9", to=cast.field.public_key_hex)
    assert not unread.review() and "Read the receiver's acceptance first" in unread.problem.text()
    d = dialog(qtbot, recorder, "shipment.handover")
    assert d.widgets["receiver_sig"].read_text(acceptance.text(), "camera")
    assert d.readers["shipment"]() == "SHP-9" and d.readers["to"]() == cast.field.public_key_hex
    sign(d)
    assert recorder.node.state.get("shipments", "SHP-9")["custodian"] == cast.field.public_key_hex


def test_positions_roads_and_distributions(qtbot, recorder):
    dispatched(recorder)
    position = dialog(qtbot, recorder, "shipment.position")
    fill(position, shipment="SHP-9", lat_e6="-19.7", lon_e6="34.8")
    sign(position)
    assert recorder.node.state.get("shipments", "SHP-9")["position"][:2] == [-19_700_000, 34_800_000]
    road = dialog(qtbot, recorder, "road.status")
    fill(road, road="EN6", name="EN6 Beira–Dondo", path="-19.80,34.83; -19.61,34.74")
    road.widgets["status"].setCurrentText("closed")
    sign(road)
    assert recorder.node.state.get("roads", "EN6")["path"] == [[-19_800_000, 34_830_000], [-19_610_000, 34_740_000]]
    bad_road = dialog(qtbot, recorder, "road.status")
    fill(bad_road, road="X", name="X", path="-19.80,34.83")
    assert not bad_road.review() and "2 to 50 items" in bad_road.problem.text()
    handout = dialog(qtbot, recorder, "stock.distribute")
    fill(handout, site="DEP-1", item="water-5l", lot="WFP-001", qty="50", beneficiaries="25")
    sign(handout)
    assert recorder.node.state.get("stock", "DEP-1|water-5l|WFP-001")["qty"] == 350


def test_a_correction_offers_correctable_records_and_fields_only(qtbot, stocked, cast):
    recorder = Recorder(stocked, cast.commander)
    stocked.sign_as(cast.commander)
    receipt = next(h for h, r in stocked.state.tables["records"].items() if r["type"] == "stock.receive")
    d = dialog(qtbot, recorder, "record.correct")
    offered = {d.widgets["target"].itemData(i) for i in range(d.widgets["target"].count())}
    assert receipt in offered
    fill(d, target=receipt, reason="Waybill says 450", set="colour=red")
    assert not d.review()
    fill(d, set="qty=450")
    sign(d)
    assert stocked.state.get("stock", "DEP-1|water-5l|WFP-001")["qty"] == 450


def test_catalog_items_and_members_from_forms(qtbot, stocked, cast):
    recorder = Recorder(stocked, cast.commander)
    stocked.sign_as(cast.commander)
    item = dialog(qtbot, recorder, "item.define")
    fill(item, item="vac-ocv", name="Oral cholera vaccine", unit="vial", temp_min_dc="20", temp_max_dc="80")
    item.widgets["category"].setCurrentText("medical")
    item.widgets["cold_chain"].setChecked(True)
    sign(item)
    assert stocked.state.get("items", "vac-ocv")["cold_chain"] is True
    bad = dialog(qtbot, recorder, "item.define")
    fill(bad, item="x", name="x", unit="x", temp_min_dc="90", temp_max_dc="20")
    assert not bad.review() and "temp_min_dc" in bad.problem.text()


def test_permissioned_forms_sign_a_proposal_that_takes_effect_once_approved(qtbot, stocked, cast):
    recorder = Recorder(stocked, cast.logistics)
    d = dialog(qtbot, recorder, "stock.adjust")
    fill(d, site="DEP-1", item="water-5l", lot="WFP-001", delta="-20", reason="Crushed pallet")
    assert d.review() and "proposal" in d.summary.text()
    d.confirm()
    entry_type, body = recorder.submitted[-1]
    assert entry_type == "proposal.open" and body["action"] == "stock.adjust" and body["body"]["delta"] == -20
    proposal = next(iter(stocked.state.tables["proposals"].values()))
    assert proposal["status"] == "open"          # the logistics officer's own approval does not count
    with signing_as(stocked, cast.commander):   # the lone commander (default rule: quorum 1) approves
        stocked.approve(proposal["proposal"])
    assert stocked.state.get("stock", "DEP-1|water-5l|WFP-001")["qty"] == 480
    admin = Recorder(stocked, cast.commander)
    stocked.sign_as(cast.commander)
    revoke = dialog(qtbot, admin, "member.revoke")
    fill(revoke, key=cast.observer.public_key_hex, reason="Left the operation")
    sign(revoke)
    assert stocked.state.get("members", cast.observer.public_key_hex)["revoked"]
