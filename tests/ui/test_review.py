"""The review reads as the operator speaks: a sentence per record type, names not codes, local dates, warnings.

These are plain functions of (entry type, body, tables): the tables here are the few rows a command center
on the Beira corridor would hold, written out by hand.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.ui.formatting import local_time
from app.ui.forms import FORM_TITLES
from app.ui.forms import review as words

NOW = 1_767_225_600_000            # 2026-01-01 00:00 UTC, the simulated "now" of these scenarios
DAY = 24 * 3_600_000
FEMI = "f" * 64
OMAR = "0" * 64
RECEIPT = "a" * 64

TABLES = {
    "sites": {"WH-BEIRA": {"site": "WH-BEIRA", "name": "Beira port warehouse"},
              "SHL-DONDO": {"site": "SHL-DONDO", "name": "Dondo school shelter"}},
    "items": {"hyg-kit": {"item": "hyg-kit", "name": "Family hygiene kit", "unit": "kit"},
              "water-5l": {"item": "water-5l", "name": "Drinking water 5 L", "unit": "jerrycan"}},
    "members": {FEMI: {"name": "Femi Field", "org": "IFRC", "revoked": False},
                OMAR: {"name": "Omar Observer", "org": "OCHA", "revoked": False}},
    "stock": {"WH-BEIRA|hyg-kit|UNICEF-HK-0314": {"site": "WH-BEIRA", "item": "hyg-kit", "lot": "UNICEF-HK-0314",
                                                  "qty": 500}},
    "requests": {"REQ-DON-010": {"request": "REQ-DON-010", "site": "SHL-DONDO", "item": "hyg-kit", "qty": 300,
                                 "delivered": 0, "distributed": 0, "status": "open", "priority": "high"}},
    "shipments": {"SHP-DON-009": {"shipment": "SHP-DON-009", "to_site": "SHL-DONDO", "from_site": "WH-BEIRA",
                                  "lines": [{"item": "hyg-kit", "lot": "UNICEF-HK-0314", "qty": 100}],
                                  "status": "in_transit"}},
    "records": {RECEIPT: {"type": "stock.receive", "site": "WH-BEIRA", "item": "hyg-kit", "lot": "UNICEF-HK-0314",
                          "qty": 500}},
}

DISPATCH = {"shipment": "SHP-DON-010", "from_site": "WH-BEIRA", "to_site": "SHL-DONDO", "carrier": "Truck 7",
            "lines": [{"item": "hyg-kit", "lot": "UNICEF-HK-0314", "qty": 200}], "requests": ["REQ-DON-010"]}
NEEDED_BY = NOW + 2 * DAY

# One body per form, and the sentence the review must show for it.
SENTENCES = {
    "stock.receive": ({"site": "WH-BEIRA", "item": "hyg-kit", "lot": "UNICEF-HK-0315", "qty": 500,
                       "source": "UNICEF"},
                      "Receive 500 Family hygiene kit, lot UNICEF-HK-0315, at Beira port warehouse from UNICEF"),
    "request.open": ({"request": "REQ-DON-011", "site": "SHL-DONDO", "item": "water-5l", "qty": 1200,
                      "priority": "critical", "needed_by_ms": NEEDED_BY},
                     f"Request REQ-DON-011: 1,200 Drinking water 5 L for Dondo school shelter, critical priority, "
                     f"needed by {local_time(NEEDED_BY)}"),
    "shipment.dispatch": (DISPATCH, "Dispatch SHP-DON-010: 200 Family hygiene kit, lot UNICEF-HK-0314, from Beira "
                                    "port warehouse to Dondo school shelter, for REQ-DON-010"),
    "shipment.position": ({"shipment": "SHP-DON-009", "lat_e6": -19_700_000, "lon_e6": 34_800_000, "at_ms": NOW},
                          f"Shipment SHP-DON-009 (to Dondo school shelter) was at -19.700000, 34.800000 at "
                          f"{local_time(NOW)}"),
    "shipment.handover": ({"shipment": "SHP-DON-009", "to": FEMI, "receiver_sig": "ab" * 64},
                          "Hand over custody of SHP-DON-009 (to Dondo school shelter) to Femi Field (IFRC)"),
    "shipment.deliver": ({"shipment": "SHP-DON-009", "lines": [{"item": "hyg-kit", "lot": "UNICEF-HK-0314",
                                                                "qty": 96, "reason": "4 kits soaked"}]},
                         "Delivery of SHP-DON-009 at Dondo school shelter: 96 Family hygiene kit, lot UNICEF-HK-0314 "
                         "received"),
    "stock.distribute": ({"site": "WH-BEIRA", "item": "hyg-kit", "lot": "UNICEF-HK-0314", "qty": 50,
                          "beneficiaries": 50, "request": "REQ-DON-010"},
                         "Distribute 50 Family hygiene kit, lot UNICEF-HK-0314, at Beira port warehouse to 50 "
                         "beneficiaries, for REQ-DON-010"),
    "request.cancel": ({"request": "REQ-DON-010", "reason": "Shelter evacuated"},
                       "Cancel request REQ-DON-010 (300 Family hygiene kit for Dondo school shelter): "
                       "Shelter evacuated"),
    "road.status": ({"road": "EN6", "name": "EN6 Beira–Dondo", "status": "closed",
                     "path": [[-19_800_000, 34_830_000], [-19_610_000, 34_740_000]]},
                    "Road EN6 (EN6 Beira–Dondo) is closed"),
    "record.correct": ({"target": RECEIPT, "reason": "Waybill says 450", "set": {"qty": 450}},
                       "Propose to correct the receipt of 500 Family hygiene kit, lot UNICEF-HK-0314 at Beira port "
                       "warehouse: quantity → 450, because Waybill says 450"),
    "stock.adjust": ({"site": "WH-BEIRA", "item": "hyg-kit", "lot": "UNICEF-HK-0314", "delta": -20,
                      "reason": "Crushed pallet"},
                     "Propose to change Family hygiene kit, lot UNICEF-HK-0314 at Beira port warehouse by -20 "
                     "(from 500 to 480), because Crushed pallet"),
    "member.add": ({"key": "c" * 64, "org": "MSF", "name": "Maria Medic", "roles": ["field"]},
                   "Propose to add Maria Medic (MSF) as field"),
    "member.update": ({"key": FEMI, "roles": ["field", "logistics"]},
                      "Propose to change Femi Field (IFRC): roles → field, logistics"),
    "member.revoke": ({"key": OMAR, "reason": "Left the operation"},
                      "Propose to revoke the key of Omar Observer (OCHA), because Left the operation"),
    "site.define": ({"site": "HOS-BEIRA", "name": "Beira central hospital", "kind": "hospital",
                     "lat_e6": -19_843_210, "lon_e6": 34_851_000, "org": "MISAU"},
                    "Define site HOS-BEIRA: Beira central hospital, a hospital of MISAU at -19.843210, 34.851000"),
    "item.define": ({"item": "vac-ocv", "name": "Oral cholera vaccine", "unit": "vial", "category": "medical",
                     "cold_chain": True, "temp_min_dc": 20, "temp_max_dc": 80},
                    "Define catalog item vac-ocv: Oral cholera vaccine, counted in vial, medical, cold chain "
                    "2.0 °C to 8.0 °C"),
}


def test_every_form_has_a_sentence_scenario_here():
    assert set(SENTENCES) == set(FORM_TITLES)


@pytest.mark.parametrize("entry_type", sorted(SENTENCES))
def test_each_record_type_reads_as_one_sentence(entry_type):
    body, expected = SENTENCES[entry_type]
    assert words.sentence(entry_type, body, TABLES) == expected


@pytest.mark.parametrize("entry_type", sorted(SENTENCES))
def test_the_review_table_shows_no_hex_keys_and_no_epoch_milliseconds(entry_type):
    body, _ = SENTENCES[entry_type]
    rows = words.fields(entry_type, body, TABLES)
    assert rows, "every record has at least one row to check"
    for label, value in rows:
        assert "ab" * 64 not in value and FEMI not in value and OMAR not in value, (label, value)
        assert str(NOW) not in value and str(NEEDED_BY) not in value, (label, value)


def test_the_review_table_names_sites_items_members_and_dates():
    rows = dict(words.fields("request.open", SENTENCES["request.open"][0], TABLES))
    assert rows["Site"] == "Dondo school shelter (SHL-DONDO)"
    assert rows["Item"] == "Drinking water 5 L (water-5l)"
    assert rows["Quantity"] == "1,200 jerrycan"
    assert rows["Needed by"] == local_time(NEEDED_BY)
    assert local_time(NEEDED_BY) == datetime.fromtimestamp(NEEDED_BY / 1000, tz=UTC).astimezone() \
        .strftime("%Y-%m-%d %H:%M")
    handover = dict(words.fields("shipment.handover", SENTENCES["shipment.handover"][0], TABLES))
    assert handover["Receiver"] == "Femi Field (IFRC)"
    assert handover["Receiver's acceptance"] == "signed by the receiver (checked)"
    dispatch = dict(words.fields("shipment.dispatch", DISPATCH, TABLES))
    assert dispatch["Line 1"] == "200 Family hygiene kit (200 kit), lot UNICEF-HK-0314"
    assert dispatch["From"] == "Beira port warehouse (WH-BEIRA)"


def test_warnings_name_the_overdraw_a_passed_expiry_and_a_request_left_short():
    too_much = {**DISPATCH, "lines": [{"item": "hyg-kit", "lot": "UNICEF-HK-0314", "qty": 650}]}
    warned = words.warnings("shipment.dispatch", too_much, TABLES, NOW)
    assert warned[0] == ("Lot UNICEF-HK-0314 at Beira port warehouse holds 500; you are taking 650 — this will be "
                         "flagged as an over-draw.")
    assert "Request REQ-DON-010 still needs 300 Family hygiene kit; this shipment carries 650 of it." in warned
    assert words.warnings("shipment.dispatch", {**DISPATCH, "lines": [{"item": "hyg-kit", "lot": "UNICEF-HK-0314",
                                                                       "qty": 300}]}, TABLES, NOW) == []
    expired = {**SENTENCES["stock.receive"][0], "expiry_ms": NOW - DAY}
    assert words.warnings("stock.receive", expired, TABLES, NOW) == [
        f"Lot UNICEF-HK-0315 expired on {local_time(NOW - DAY)}: it is recorded as received, but it should not be "
        "handed out."]
    late = {**SENTENCES["request.open"][0], "needed_by_ms": NOW - 1}
    assert "already past" in words.warnings("request.open", late, TABLES, NOW)[0]
    unknown = {**SENTENCES["stock.receive"][0], "site": "WH-NOWHERE"}
    assert words.warnings("stock.receive", unknown, TABLES, NOW) == [
        "Site WH-NOWHERE is not defined in this ledger yet."]


def test_a_shipment_to_another_site_than_its_request_is_pointed_out():
    elsewhere = {**DISPATCH, "to_site": "WH-BEIRA", "from_site": "SHL-DONDO", "lines": []}
    assert "Request REQ-DON-010 is for Dondo school shelter, but the shipment goes to Beira port warehouse." in \
        words.warnings("shipment.dispatch", elsewhere, TABLES, NOW)


def test_what_the_window_says_once_recorded():
    body = {"site": "WH-BEIRA", "item": "hyg-kit", "lot": "UNICEF-HK-0315", "qty": 500, "source": "UNICEF"}
    assert words.recorded_text("stock.receive", body, TABLES) == \
        "Recorded: receipt of 500 Family hygiene kit, lot UNICEF-HK-0315, at Beira port warehouse"
    assert words.recorded_text("shipment.dispatch", DISPATCH, TABLES).startswith(
        "Recorded: dispatch SHP-DON-010: 200 Family hygiene kit")
    proposal = {"action": "stock.adjust", "body": SENTENCES["stock.adjust"][0], "reason": "Crushed pallet"}
    assert words.recorded_text("proposal.open", proposal, TABLES) == (
        "Proposed: change Family hygiene kit, lot UNICEF-HK-0314 at Beira port warehouse by -20 (from 500 to 480), "
        "because Crushed pallet. It takes effect once approved (see Approvals).")
