"""Every conflict explains itself and says what resolves it; a resolved over-draw says by what and when."""

from __future__ import annotations

import pytest

from app.core.conflict_help import KINDS, explain, free_id, summary
from app.core.schema import SCHEMAS, check_body
from app.core.types import EntryType
from tests.conftest import signing_as

ME, OTHER = "a" * 64, "b" * 64
HASH = "e" * 64


def base_tables() -> dict:
    return {
        "members": {ME: {"key": ME, "org": "WFP", "name": "Lena", "roles": ["logistics"], "revoked": False},
                    OTHER: {"key": OTHER, "org": "MSF", "name": "Ola", "roles": ["field"], "revoked": True}},
        "sites": {"DEP-1": {"site": "DEP-1", "name": "Beira depot"},
                  "SHL-1": {"site": "SHL-1", "name": "Dondo shelter"}},
        "items": {"water-5l": {"item": "water-5l", "name": "Drinking water 5 L"},
                  "tent": {"item": "tent", "name": "Family tent"}},
        "lots": {"WFP-001": {"lot": "WFP-001", "item": "water-5l"}},
        "requests": {"REQ-1": {"request": "REQ-1"}},
        "shipments": {"SHP-1": {"shipment": "SHP-1", "from_site": "DEP-1", "to_site": "SHL-1", "status": "in_transit",
                                "custodian": ME, "custody": [{}], "lines": [], "discrepancies": []},
                      "SHP-2": {"shipment": "SHP-2", "from_site": "DEP-1", "to_site": "SHL-1", "status": "delivered",
                                "custodian": ME, "custody": [{}], "lines": [],
                                "discrepancies": [{"item": "water-5l", "lot": "WFP-001", "sent": 200, "received": 176,
                                                   "reason": "24 crushed"}]}},
        "records": {}, "contracts": {"alloc": {"contract": "alloc", "version": 3}},
        "proposals": {
            "pc": {"action": "contract.deploy", "body": {"contract": "alloc", "version": 2, "runtime": "starlark",
                                                          "source": "def allocate(s, p):\n    return []\n"}},
            "pm": {"action": "member.add", "body": {"key": ME, "org": "WFP", "name": "Lena", "roles": ["logistics"]}},
            "pb": {"action": "record.correct", "body": {"target": HASH, "set": {"site": "X"}, "reason": "typo"}},
        },
    }


# one conflict of every kind, as the fold writes it, with the entry that raised it where the row lacks it
CASES: dict[str, tuple[dict, tuple[str, dict] | None]] = {
    "membership": ({"kind": "membership", "entry": "pm", "message": "already a member", "open": True}, None),
    "lot_item": ({"kind": "lot_item", "entry": HASH, "open": True,
                  "message": "lot WFP-001 already holds water-5l, not tent"},
                 ("stock.receive", {"site": "DEP-1", "item": "tent", "lot": "WFP-001", "qty": 40, "source": "IFRC"})),
    "duplicate_id": ({"kind": "duplicate_id", "entry": HASH, "open": True, "message": "request REQ-1 already exists"},
                     ("request.open", {"request": "REQ-1", "site": "SHL-1", "item": "tent", "qty": 5,
                                       "priority": "high", "needed_by_ms": 1_800_000_000_000})),
    "unknown_reference": ({"kind": "unknown_reference", "entry": HASH, "open": True,
                           "message": "shipment SHP-9 does not exist"},
                          ("shipment.position", {"shipment": "SHP-9", "lat_e6": 1, "lon_e6": 2, "at_ms": 3})),
    "custody": ({"kind": "custody", "entry": HASH, "open": True,
                 "message": "hand-over of SHP-1 to a key that is not a current member"},
                ("shipment.handover", {"shipment": "SHP-1", "to": OTHER, "index": 0, "receiver_sig": "0" * 128})),
    "duplicate_delivery": ({"kind": "duplicate_delivery", "entry": HASH, "open": True,
                            "message": "shipment SHP-2 was already delivered"},
                           ("shipment.deliver", {"shipment": "SHP-2",
                                                 "lines": [{"item": "water-5l", "lot": "WFP-001", "qty": 20}]})),
    "discrepancy": ({"kind": "discrepancy", "entry": HASH, "open": True, "shipment": "SHP-2",
                     "message": "shipment SHP-2 arrived with 1 line(s) differing from dispatch"}, None),
    "overdraw": ({"kind": "overdraw", "entry": HASH, "open": True, "site": "DEP-1", "item": "water-5l",
                  "lot": "WFP-001", "balance": -150, "entries": [HASH],
                  "message": "stock of water-5l lot WFP-001 at DEP-1 is over-drawn by 150"}, None),
    "bad_correction": ({"kind": "bad_correction", "entry": "pb", "open": True,
                        "message": "stock.receive allows corrections of qty only"}, None),
    "contract_version": ({"kind": "contract_version", "entry": "pc", "open": True,
                          "message": "contract alloc is already at version 3; deploy a higher version"}, None),
}


def test_the_cases_cover_every_kind_in_the_format():
    assert set(CASES) == set(KINDS)


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_explains_itself_and_offers_a_form(kind):
    row, entry = CASES[kind]
    help_ = explain(base_tables(), row, entry)
    assert help_.kind == kind and help_.open
    assert help_.title.text() and help_.title.text() != kind
    words = " ".join(p.text() for p in help_.explanation)
    assert len(words) > 40 and "{" not in words
    assert help_.actions, f"{kind} offers nothing to do"
    for action in help_.actions:
        assert action.label.text() and "{" not in action.label.text()
        assert action.entry_type in SCHEMAS
        assert set(action.preset) <= set(SCHEMAS[action.entry_type]), "a preset names fields the form has"


def test_an_open_over_draw_suggests_the_adjustment_that_brings_it_back_to_zero():
    row, _ = CASES["overdraw"]
    help_ = explain(base_tables(), row)
    action = help_.actions[0]
    assert action.entry_type == EntryType.STOCK_ADJUST
    assert action.preset == {"site": "DEP-1", "item": "water-5l", "lot": "WFP-001", "delta": 150,
                             "reason": "Count after over-draw of lot WFP-001 at Beira depot"}
    check_body(EntryType.STOCK_ADJUST, action.preset)   # a body the ledger accepts as it stands
    assert "150 more Drinking water 5 L of lot WFP-001 leaving Beira depot" in help_.explanation[0].text()
    assert summary(base_tables(), row).text() == "Drinking water 5 L lot WFP-001 at Beira depot: over-drawn by 150"


def test_a_short_delivery_suggests_requesting_the_missing_quantity_again():
    row, _ = CASES["discrepancy"]
    help_ = explain(base_tables(), row)
    assert "sent 200, received 176. 24 crushed" in help_.explanation[1].text()
    action = help_.actions[0]
    assert action.label.text() == "Request the missing 24 Drinking water 5 L again"
    assert (action.entry_type, action.preset["site"], action.preset["qty"]) == (EntryType.REQUEST_OPEN, "SHL-1", 24)


def test_a_taken_id_is_offered_again_under_the_next_free_one():
    row, entry = CASES["duplicate_id"]
    tables = base_tables()
    tables["requests"]["REQ-1-2"] = {}
    action = explain(tables, row, entry).actions[0]
    assert action.preset["request"] == "REQ-1-3" and action.preset["qty"] == 5
    assert free_id({}, "X" * 64) == "X" * 60 + "-2"


def test_a_hand_over_after_delivery_has_nothing_left_to_do():
    row, entry = CASES["custody"]
    assert entry is not None
    delivered = ("shipment.handover", {**entry[1], "shipment": "SHP-2"})
    help_ = explain(base_tables(), row, delivered)
    assert help_.actions == () and "no longer in transit" in help_.explanation[-1].text()


def test_phrases_are_worded_through_the_translator_and_escape_what_members_typed():
    row, _ = CASES["overdraw"]
    tables = base_tables()
    tables["sites"]["DEP-1"]["name"] = "Beira\u202edepot"
    first = explain(tables, row).explanation[0]
    worded = first.text(translate=lambda s: s.replace("leaving", "saindo de"), show=lambda v: repr(v))
    assert "saindo de 'Beira\\u202edepot'" in worded


def test_a_resolved_over_draw_reads_resolved_by_the_receipt_and_when(network, cast):
    """Two centres drew on one lot; a late receipt brings it back: the conflict names that receipt."""
    with signing_as(network, cast.logistics):
        network.append("stock.receive", {"site": "DEP-1", "item": "water-5l", "lot": "L-7", "qty": 100,
                                         "source": "WFP"})
        network.append("shipment.dispatch", {"shipment": "SHP-7", "from_site": "DEP-1", "to_site": "SHL-1",
                                             "carrier": "truck 7",
                                             "lines": [{"item": "water-5l", "lot": "L-7", "qty": 250}]})
        row = dict(network.state.tables["conflicts"]["overdraw:DEP-1|water-5l|L-7"])
        assert row["open"] and explain(network.state.tables, row).actions
        late = network.append("stock.receive", {"site": "DEP-1", "item": "water-5l", "lot": "L-7", "qty": 200,
                                                "source": "WFP"})
    tables = network.state.tables
    row = tables["conflicts"]["overdraw:DEP-1|water-5l|L-7"]
    help_ = explain(tables, row, ts_of=lambda h: network.entry(h).ts if network.entry(h) else None)
    assert not help_.open and help_.actions == ()
    assert help_.resolution is not None
    assert (help_.resolution.entry, help_.resolution.what, help_.resolution.at_ms, help_.resolution.balance) == (
        late.hash, "stock.receive", late.ts, 50)
    assert "over-drawn by" not in " ".join(p.text() for p in help_.explanation)
