"""What a record means, in the operator's words: one sentence, a table of names (not codes), warnings first.

An operator signs what the review shows, so the review must read the way they speak: "Dispatch SHP-DON-010:
200 Family hygiene kit, lot UNICEF-HK-0314, from Beira port warehouse to Dondo school shelter, for
REQ-DON-010", dates in local time, members by name and organisation. Everything here is a plain function of
(entry type, body, tables): the dialog shows it, the window repeats it once the entry is stored, and tests
check it without a window. The wording goes through Qt's translator (context "Review").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.core.types import EntryType, Tables
from app.ui.formatting import degrees, local_time, shown
from app.ui.ledger_words import word

# `translate("Review", "…")` with literal text, so that pyside6-lupdate catalogues every sentence;
# tables of words hold QT_TRANSLATE_NOOP markers and are translated when used, after the translator is set.
translate = QCoreApplication.translate


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name pyside6-lupdate looks for
    """Mark `text` for the catalogue; it is translated where it is used (PySide's own marker is untyped)."""
    return text


# What the operator calls one record of each type ("Discard this receipt?", "Recorded: receipt of …").
RECORD_NOUNS: dict[str, str] = {
    EntryType.STOCK_RECEIVE: QT_TRANSLATE_NOOP("Review", "receipt"),
    EntryType.REQUEST_OPEN: QT_TRANSLATE_NOOP("Review", "request"),
    EntryType.SHIPMENT_DISPATCH: QT_TRANSLATE_NOOP("Review", "dispatch"),
    EntryType.SHIPMENT_POSITION: QT_TRANSLATE_NOOP("Review", "position report"),
    EntryType.SHIPMENT_HANDOVER: QT_TRANSLATE_NOOP("Review", "hand-over"),
    EntryType.SHIPMENT_DELIVER: QT_TRANSLATE_NOOP("Review", "delivery"),
    EntryType.STOCK_DISTRIBUTE: QT_TRANSLATE_NOOP("Review", "distribution"),
    EntryType.REQUEST_CANCEL: QT_TRANSLATE_NOOP("Review", "cancellation"),
    EntryType.ROAD_STATUS: QT_TRANSLATE_NOOP("Review", "road report"),
    EntryType.RECORD_CORRECT: QT_TRANSLATE_NOOP("Review", "correction"),
    EntryType.STOCK_ADJUST: QT_TRANSLATE_NOOP("Review", "stock adjustment"),
    EntryType.MEMBER_ADD: QT_TRANSLATE_NOOP("Review", "new member proposal"),
    EntryType.MEMBER_UPDATE: QT_TRANSLATE_NOOP("Review", "member change"),
    EntryType.MEMBER_REVOKE: QT_TRANSLATE_NOOP("Review", "key revocation"),
    EntryType.SITE_DEFINE: QT_TRANSLATE_NOOP("Review", "site definition"),
    EntryType.ITEM_DEFINE: QT_TRANSLATE_NOOP("Review", "catalog item"),
}

# How each field is labelled in the review table (the form's own labels are derived from the schema).
FIELD_LABELS: dict[str, str] = {
    "site": QT_TRANSLATE_NOOP("Review", "Site"),
    "from_site": QT_TRANSLATE_NOOP("Review", "From"),
    "to_site": QT_TRANSLATE_NOOP("Review", "To"),
    "item": QT_TRANSLATE_NOOP("Review", "Item"),
    "lot": QT_TRANSLATE_NOOP("Review", "Lot"),
    "qty": QT_TRANSLATE_NOOP("Review", "Quantity"),
    "source": QT_TRANSLATE_NOOP("Review", "Source"),
    "expiry_ms": QT_TRANSLATE_NOOP("Review", "Expires"),
    "note": QT_TRANSLATE_NOOP("Review", "Note"),
    "request": QT_TRANSLATE_NOOP("Review", "Request"),
    "priority": QT_TRANSLATE_NOOP("Review", "Priority"),
    "needed_by_ms": QT_TRANSLATE_NOOP("Review", "Needed by"),
    "reason": QT_TRANSLATE_NOOP("Review", "Reason"),
    "shipment": QT_TRANSLATE_NOOP("Review", "Shipment"),
    "carrier": QT_TRANSLATE_NOOP("Review", "Carrier"),
    "lines": QT_TRANSLATE_NOOP("Review", "Line"),
    "requests": QT_TRANSLATE_NOOP("Review", "For requests"),
    "lat_e6": QT_TRANSLATE_NOOP("Review", "Latitude"),
    "lon_e6": QT_TRANSLATE_NOOP("Review", "Longitude"),
    "at_ms": QT_TRANSLATE_NOOP("Review", "At"),
    "to": QT_TRANSLATE_NOOP("Review", "Receiver"),
    "index": QT_TRANSLATE_NOOP("Review", "Custody step"),
    "receiver_sig": QT_TRANSLATE_NOOP("Review", "Receiver's acceptance"),
    "receiver_code": QT_TRANSLATE_NOOP("Review", "Spoken code"),
    "beneficiaries": QT_TRANSLATE_NOOP("Review", "Beneficiaries"),
    "road": QT_TRANSLATE_NOOP("Review", "Road"),
    "name": QT_TRANSLATE_NOOP("Review", "Name"),
    "status": QT_TRANSLATE_NOOP("Review", "Status"),
    "path": QT_TRANSLATE_NOOP("Review", "Path"),
    "target": QT_TRANSLATE_NOOP("Review", "Record"),
    "set": QT_TRANSLATE_NOOP("Review", "Change"),
    "delta": QT_TRANSLATE_NOOP("Review", "Change in quantity"),
    "key": QT_TRANSLATE_NOOP("Review", "Member"),
    "org": QT_TRANSLATE_NOOP("Review", "Organisation"),
    "roles": QT_TRANSLATE_NOOP("Review", "Roles"),
    "kind": QT_TRANSLATE_NOOP("Review", "Kind"),
    "unit": QT_TRANSLATE_NOOP("Review", "Unit"),
    "category": QT_TRANSLATE_NOOP("Review", "Category"),
    "cold_chain": QT_TRANSLATE_NOOP("Review", "Cold chain"),
    "temp_min_dc": QT_TRANSLATE_NOOP("Review", "Lowest temperature"),
    "temp_max_dc": QT_TRANSLATE_NOOP("Review", "Highest temperature"),
}


def noun(entry_type: str) -> str:
    return translate("Review", RECORD_NOUNS[entry_type]) if entry_type in RECORD_NOUNS else entry_type


def label(name: str) -> str:
    return translate("Review", FIELD_LABELS[name]) if name in FIELD_LABELS else name


# -- names instead of codes ------------------------------------------------------------------------------
def site_name(tables: Tables, site: str) -> str:
    return shown(tables.get("sites", {}).get(site, {}).get("name") or site)


def item_name(tables: Tables, item: str) -> str:
    return shown(tables.get("items", {}).get(item, {}).get("name") or item)


def member_text(tables: Tables, key: str) -> str:
    """A member by name and organisation; an unknown key by its first characters, never all 64."""
    row = tables.get("members", {}).get(key)
    return shown(f"{row['name']} ({row['org']})") if row else (key[:12] + "…" if len(key) > 12 else key)


def amount(tables: Tables, item: str, qty: int) -> str:
    """'200 Family hygiene kit': the count and the item's name, as the sentence says it."""
    return f"{qty:,} {item_name(tables, item)}"


def with_unit(tables: Tables, item: str, qty: int) -> str:
    """'200 kit': the count in the item's unit, as the table shows it."""
    unit = tables.get("items", {}).get(item, {}).get("unit")
    return f"{qty:,} {shown(unit)}" if unit else f"{qty:,}"


def _line_phrase(tables: Tables, line: dict) -> str:
    return translate("Review", "{amount}, lot {lot}").format(amount=amount(tables, line["item"], line["qty"]),
                                                            lot=shown(line["lot"]))


def _lines_phrase(tables: Tables, lines: list[dict]) -> str:
    if not lines:
        return translate("Review", "nothing")
    return translate("Review", " and ").join(_line_phrase(tables, ln) for ln in lines)


def _place(lat: int | None, lon: int | None) -> str:
    return f"{degrees(lat)}, {degrees(lon)}" if lat is not None and lon is not None else ""


def _celsius(decidegrees: int) -> str:
    sign = "-" if decidegrees < 0 else ""
    return f"{sign}{abs(decidegrees) // 10}.{abs(decidegrees) % 10} °C"


def _record_phrase(tables: Tables, target: str) -> str:
    """An earlier record as the operator knows it ('receipt of 500 Drinking water 5 L, lot WFP-001 at Beira depot')."""
    record = tables.get("records", {}).get(target)
    if record is None:
        return translate("Review", "record {0}").format(target[:12] + "…")
    kind = noun(record["type"])
    if "request" in record and "item" not in record:
        return translate("Review", "{kind} {request}").format(kind=kind, request=shown(record["request"]))
    return translate("Review", "{kind} of {amount}, lot {lot} at {site}").format(
        kind=kind, amount=amount(tables, record.get("item", ""), record.get("qty", 0)), lot=shown(record.get("lot")),
        site=site_name(tables, record.get("site", "")))


def _assignments(values: dict) -> str:
    """'quantity → 450': field names as the review labels them, lower case inside a sentence."""
    return ", ".join(f"{(label(k) if k in FIELD_LABELS else shown(k)).lower()} → {shown(v)}"
                     for k, v in sorted(values.items()))


# -- the sentence ----------------------------------------------------------------------------------------
def _receive(b: dict, t: Tables) -> str:
    text = translate("Review", "Receive {amount}, lot {lot}, at {site} from {source}").format(
        amount=amount(t, b["item"], b["qty"]), lot=shown(b["lot"]), site=site_name(t, b["site"]),
        source=shown(b["source"]))
    if b.get("expiry_ms") is not None:
        text += translate("Review", ", expiring {0}").format(local_time(b["expiry_ms"]))
    return text


def _request(b: dict, t: Tables) -> str:
    return translate("Review", "Request {request}: {amount} for {site}, {priority} priority, needed by {when}").format(
        request=shown(b["request"]), amount=amount(t, b["item"], b["qty"]), site=site_name(t, b["site"]),
        priority=word(b["priority"]), when=local_time(b["needed_by_ms"]))


def _dispatch(b: dict, t: Tables) -> str:
    text = translate("Review", "Dispatch {shipment}: {lines}, from {origin} to {destination}").format(
        shipment=shown(b["shipment"]), lines=_lines_phrase(t, b.get("lines", [])),
        origin=site_name(t, b["from_site"]), destination=site_name(t, b["to_site"]))
    if b.get("requests"):
        text += translate("Review", ", for {0}").format(", ".join(shown(r) for r in b["requests"]))
    return text


def _shipment_bound(t: Tables, shipment: str) -> str:
    row = t.get("shipments", {}).get(shipment)
    if row is None:
        return shown(shipment)
    return translate("Review", "{shipment} (to {site})").format(shipment=shown(shipment),
                                                               site=site_name(t, row["to_site"]))


def _position(b: dict, t: Tables) -> str:
    return translate("Review", "Shipment {shipment} was at {place} at {when}").format(
        shipment=_shipment_bound(t, b["shipment"]), place=_place(b.get("lat_e6"), b.get("lon_e6")),
        when=local_time(b["at_ms"]))


def _handover(b: dict, t: Tables) -> str:
    return translate("Review", "Hand over custody of {shipment} to {receiver}").format(
        shipment=_shipment_bound(t, b["shipment"]), receiver=member_text(t, b["to"]))


def _deliver(b: dict, t: Tables) -> str:
    row = t.get("shipments", {}).get(b["shipment"])
    site = site_name(t, row["to_site"]) if row else translate("Review", "its destination")
    return translate("Review", "Delivery of {shipment} at {site}: {lines} received").format(
        shipment=shown(b["shipment"]), site=site, lines=_lines_phrase(t, b.get("lines", [])))


def _distribute(b: dict, t: Tables) -> str:
    text = translate("Review", "Distribute {amount}, lot {lot}, at {site} to {people:,} beneficiaries").format(
        amount=amount(t, b["item"], b["qty"]), lot=shown(b["lot"]), site=site_name(t, b["site"]),
        people=b["beneficiaries"])
    if b.get("request"):
        text += translate("Review", ", for {0}").format(shown(b["request"]))
    return text


def _cancel(b: dict, t: Tables) -> str:
    row = t.get("requests", {}).get(b["request"])
    what = translate("Review", "{request} ({amount} for {site})").format(
        request=shown(b["request"]), amount=amount(t, row["item"], row["qty"]), site=site_name(t, row["site"])) \
        if row else shown(b["request"])
    return translate("Review", "Cancel request {request}: {reason}").format(request=what, reason=shown(b["reason"]))


def _road(b: dict, t: Tables) -> str:
    return translate("Review", "Road {road} ({name}) is {status}").format(road=shown(b["road"]), name=shown(b["name"]),
                                                        status=word(b["status"]))


def _correct(b: dict, t: Tables) -> str:
    return translate("Review", "Propose to correct the {record}: {changes}, because {reason}").format(
        record=_record_phrase(t, b["target"]), changes=_assignments(b.get("set") or {}), reason=shown(b["reason"]))


def _adjust(b: dict, t: Tables) -> str:
    held = t.get("stock", {}).get(f"{b['site']}|{b['item']}|{b['lot']}", {}).get("qty", 0)
    return translate("Review", "Propose to change {item}, lot {lot} at {site} by {delta:+,} "
                               "(from {held:,} to {after:,}), because {reason}").format(
        item=item_name(t, b["item"]), lot=shown(b["lot"]), site=site_name(t, b["site"]), delta=b["delta"], held=held,
        after=held + b["delta"], reason=shown(b["reason"]))


def _member_add(b: dict, t: Tables) -> str:
    return translate("Review", "Propose to add {name} ({org}) as {roles}").format(
        name=shown(b["name"]), org=shown(b["org"]), roles=", ".join(b.get("roles", [])))


def _member_update(b: dict, t: Tables) -> str:
    changes = {k: (", ".join(v) if isinstance(v, list) else v) for k, v in b.items() if k != "key"}
    return translate("Review", "Propose to change {member}: {changes}").format(
        member=member_text(t, b["key"]), changes=_assignments(changes) or translate("Review", "nothing"))


def _member_revoke(b: dict, t: Tables) -> str:
    return translate("Review", "Propose to revoke the key of {member}, because {reason}").format(
        member=member_text(t, b["key"]), reason=shown(b["reason"]))


def _site(b: dict, t: Tables) -> str:
    return translate("Review", "Define site {site}: {name}, a {kind} of {org} at {place}").format(
        site=shown(b["site"]), name=shown(b["name"]), kind=word(b["kind"]), org=shown(b["org"]),
        place=_place(b.get("lat_e6"), b.get("lon_e6")))


def _item(b: dict, t: Tables) -> str:
    text = translate("Review", "Define catalog item {item}: {name}, counted in {unit}, {category}").format(
        item=shown(b["item"]), name=shown(b["name"]), unit=shown(b["unit"]), category=word(b["category"]))
    if b.get("cold_chain"):
        low, high = b.get("temp_min_dc"), b.get("temp_max_dc")
        text += translate("Review", ", cold chain {0} to {1}").format(_celsius(low), _celsius(high)) \
            if low is not None and high is not None else translate("Review", ", cold chain")
    return text


SENTENCES: dict[str, Callable[[dict, Tables], str]] = {
    EntryType.STOCK_RECEIVE: _receive, EntryType.REQUEST_OPEN: _request, EntryType.SHIPMENT_DISPATCH: _dispatch,
    EntryType.SHIPMENT_POSITION: _position, EntryType.SHIPMENT_HANDOVER: _handover,
    EntryType.SHIPMENT_DELIVER: _deliver, EntryType.STOCK_DISTRIBUTE: _distribute,
    EntryType.REQUEST_CANCEL: _cancel, EntryType.ROAD_STATUS: _road, EntryType.RECORD_CORRECT: _correct,
    EntryType.STOCK_ADJUST: _adjust, EntryType.MEMBER_ADD: _member_add, EntryType.MEMBER_UPDATE: _member_update,
    EntryType.MEMBER_REVOKE: _member_revoke, EntryType.SITE_DEFINE: _site, EntryType.ITEM_DEFINE: _item,
}


def sentence(entry_type: str, body: dict, tables: Tables) -> str:
    """The record as one sentence the operator can check before signing."""
    build = SENTENCES.get(entry_type)
    return build(body, tables) if build else translate("Review", "Record {0}").format(entry_type)


def recorded_text(entry_type: str, body: dict, tables: Tables) -> str:
    """What the window says once the entry is stored: 'Recorded: receipt of 500 Family hygiene kit, …'."""
    b = body
    if entry_type == EntryType.STOCK_RECEIVE:
        what = translate("Review", "receipt of {amount}, lot {lot}, at {site}").format(
            amount=amount(tables, b["item"], b["qty"]), lot=shown(b["lot"]), site=site_name(tables, b["site"]))
    elif entry_type == EntryType.PROPOSAL_OPEN:
        return translate("Review", "Proposed: {0}. It takes effect once approved (see Approvals).").format(
            sentence(b["action"], b["body"], tables).removeprefix(translate("Review", "Propose to ")))
    else:
        what = sentence(entry_type, body, tables)
        what = what[:1].lower() + what[1:] if what[:1].isupper() and not what[1:2].isupper() else what
    return translate("Review", "Recorded: {0}").format(what)


# -- the table -------------------------------------------------------------------------------------------
def _value(name: str, value: Any, body: dict, tables: Tables) -> str:
    if value is None:
        return ""
    if name in ("site", "from_site", "to_site"):
        return f"{site_name(tables, value)} ({shown(value)})" if value in tables.get("sites", {}) else shown(value)
    if name == "item":
        return f"{item_name(tables, value)} ({shown(value)})" if value in tables.get("items", {}) else shown(value)
    if name == "qty" and "item" in body:
        return with_unit(tables, body["item"], value)
    if name in ("to", "key") and len(str(value)) == 64:
        return member_text(tables, value)
    if name.endswith("_ms"):
        return local_time(value)
    if name in ("lat_e6", "lon_e6"):
        return degrees(value)
    if name in ("temp_min_dc", "temp_max_dc"):
        return _celsius(value)
    if name == "target":
        return _record_phrase(tables, value)
    if name == "receiver_sig":
        return translate("Review", "signed by the receiver (checked)")
    if name == "receiver_code":
        return translate("Review", "{0}, read aloud by the receiver: the receiver's device will confirm when the "
                                   "two sync").format(value)
    if name == "path":
        return "; ".join(_place(lat, lon) for lat, lon in value)
    if name == "set":
        return _assignments(value)
    if name == "shipment":
        return _shipment_bound(tables, value)
    if isinstance(value, bool):
        return translate("Review", "yes") if value else translate("Review", "no")
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, list):
        return ", ".join(shown(v) for v in value)
    return shown(value)


def fields(entry_type: str, body: dict, tables: Tables) -> list[tuple[str, str]]:
    """(label, value) rows in the form's order: names with their code, local times, quantities in units."""
    rows: list[tuple[str, str]] = []
    for name, value in body.items():
        if name == "lines":
            for number, line in enumerate(value, start=1):
                text = translate("Review", "{amount} ({units}), lot {lot}").format(
                    amount=amount(tables, line["item"], line["qty"]), units=with_unit(tables, line["item"],
                                                                                    line["qty"]),
                    lot=shown(line["lot"]))
                if line.get("reason"):
                    text += translate("Review", " — {0}").format(shown(line["reason"]))
                rows.append((translate("Review", "Line {0}").format(number), text))
            continue
        rows.append((label(name), _value(name, value, body, tables)))
    return rows


# -- warnings --------------------------------------------------------------------------------------------
def _draws(entry_type: str, body: dict) -> list[tuple[str, str, str, int]]:
    if entry_type == EntryType.SHIPMENT_DISPATCH:
        return [(body["from_site"], ln["item"], ln["lot"], ln["qty"]) for ln in body.get("lines", [])]
    if entry_type == EntryType.STOCK_DISTRIBUTE:
        return [(body["site"], body["item"], body["lot"], body["qty"])]
    if entry_type == EntryType.STOCK_ADJUST and body.get("delta", 0) < 0:
        return [(body["site"], body["item"], body["lot"], -body["delta"])]
    return []


def _remaining(row: dict) -> int:
    return max(row["qty"] - row["delivered"], 0)


def warnings(entry_type: str, body: dict, tables: Tables, now_ms: int,
             new_ids: frozenset[tuple[str, str]] = frozenset()) -> list[str]:
    """What is legal but probably wrong, most costly first: the operator acknowledges it before signing.

    `new_ids` names the (type, field) pairs that introduce a code rather than refer to one.
    """
    result: list[str] = []
    stock = tables.get("stock", {})
    taken: dict[str, int] = {}
    for site, item, lot, qty in _draws(entry_type, body):
        key = f"{site}|{item}|{lot}"
        taken[key] = taken.get(key, 0) + qty
        held = stock.get(key, {}).get("qty", 0)
        if taken[key] > held:
            result.append(translate("Review", "Lot {0} at {1} holds {2:,}; you are taking {3:,} — this will be "
                                              "flagged as an over-draw.")
                          .format(shown(lot), site_name(tables, site), held, taken[key]))
    if entry_type == EntryType.STOCK_RECEIVE and body.get("expiry_ms") is not None and body["expiry_ms"] <= now_ms:
        result.append(translate("Review", "Lot {0} expired on {1}: it is recorded as received, but it should not "
                                          "be handed out.").format(shown(body["lot"]), local_time(body["expiry_ms"])))
    if entry_type == EntryType.REQUEST_OPEN and body.get("needed_by_ms") is not None and body["needed_by_ms"] <= now_ms:
        result.append(translate("Review", "Needed by {0} is already past: the request opens as overdue.")
                      .format(local_time(body["needed_by_ms"])))
    if entry_type == EntryType.SHIPMENT_DISPATCH:
        requests = tables.get("requests", {})
        sent: dict[str, int] = {}
        for line in body.get("lines", []):
            sent[line["item"]] = sent.get(line["item"], 0) + line["qty"]
        for request in body.get("requests") or []:
            row = requests.get(request)
            if row is None:
                result.append(translate("Review", "Request {0} is not open in this ledger.").format(shown(request)))
                continue
            if row["site"] != body["to_site"]:
                result.append(translate("Review", "Request {0} is for {1}, but the shipment goes to {2}.").format(
                    shown(request), site_name(tables, row["site"]), site_name(tables, body["to_site"])))
            need, going = _remaining(row), sent.get(row["item"], 0)
            if going != need:
                result.append(translate("Review", "Request {0} still needs {1}; this shipment carries {2:,} of it.")
                              .format(shown(request), amount(tables, row["item"], need), going))
    if entry_type == EntryType.STOCK_DISTRIBUTE and body.get("request"):
        row = tables.get("requests", {}).get(body["request"])
        if row is not None and body["qty"] > row["qty"] - row["distributed"]:
            result.append(translate("Review", "Request {0} asked for {1:,}; {2:,} were already distributed and you "
                                              "hand out {3:,}.")
                          .format(shown(body["request"]), row["qty"], row["distributed"], body["qty"]))
    for name, table in (("item", "items"), ("site", "sites"), ("from_site", "sites"), ("to_site", "sites")):
        if name in body and (entry_type, name) not in new_ids and body[name] not in tables.get(table, {}):
            what = translate("Review", "Item") if table == "items" else translate("Review", "Site")
            result.append(translate("Review", "{0} {1} is not defined in this ledger yet.")
                          .format(what, shown(body[name])))
    return result
