"""What a conflict means in plain words, the action that resolves it, and whether it was resolved.

The fold records a conflict with a kind and a one-line message (docs/FORMAT.md §9, "Conflicts"); an
operator needs more: why it happened, what to do, and a form already filled in to do it. Pure: the
texts are templates with named parameters, marked for translation (`QT_TRANSLATE_NOOP`, which
pyside6-lupdate extracts) and worded by the client in the operator's language.

Resolution: the state closes only over-draws (`open` false, `resolved_by` the entry that brought the
balance back to zero or above); `resolution` reads when and by what from the tables. Every other kind
records an entry that changed nothing (or, for a discrepancy, a delivery that took effect as counted):
it stays on record, and the suggested action records the correct entry anew.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from app.core.schema import CORRECTABLE
from app.core.types import EntryType, Tables

CONTEXT = "ConflictHelp"

# Every conflict kind the fold raises (docs/FORMAT.md §9, the conflicts table).
KINDS = (
    "membership",
    "lot_item",
    "duplicate_id",
    "unknown_reference",
    "custody",
    "duplicate_delivery",
    "discrepancy",
    "overdraw",
    "bad_correction",
    "contract_version",
)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name pyside6-lupdate looks for
    """Mark `text` for the translation catalogue without translating it here (core has no Qt)."""
    return text


@dataclass(frozen=True)
class Phrase:
    """A sentence template and its values; `text()` words it, through a translator when one is given."""

    template: str
    values: tuple[tuple[str, Any], ...] = ()

    def text(self, translate: Callable[[str], str] = lambda s: s, show: Callable[[Any], str] = str) -> str:
        return translate(self.template).format(**{name: show(value) for name, value in self.values})


def phrase(template: str, **values: Any) -> Phrase:
    return Phrase(template, tuple(sorted(values.items())))


@dataclass(frozen=True)
class SuggestedAction:
    """A form to open, pre-filled: `open_form(entry_type, preset)` on the window."""

    label: Phrase
    entry_type: str
    preset: dict = field(hash=False)


@dataclass(frozen=True)
class Resolution:
    """How an over-draw closed: the entry (a proposal's hash for an approved action), what it was, when."""

    entry: str
    what: str  # an entry type, or the approved action's type
    at_ms: int | None  # None when neither the tables nor the caller know the entry's time
    balance: int


@dataclass(frozen=True)
class ConflictHelp:
    kind: str
    open: bool
    title: Phrase
    explanation: tuple[Phrase, ...]
    actions: tuple[SuggestedAction, ...]
    resolution: Resolution | None = None


TITLES = {
    "membership": QT_TRANSLATE_NOOP("ConflictHelp", "Membership change could not apply"),
    "lot_item": QT_TRANSLATE_NOOP("ConflictHelp", "Lot holds another item"),
    "duplicate_id": QT_TRANSLATE_NOOP("ConflictHelp", "Id already taken"),
    "unknown_reference": QT_TRANSLATE_NOOP("ConflictHelp", "Refers to something this ledger does not hold"),
    "custody": QT_TRANSLATE_NOOP("ConflictHelp", "Hand-over did not take effect"),
    "duplicate_delivery": QT_TRANSLATE_NOOP("ConflictHelp", "Shipment delivered twice"),
    "discrepancy": QT_TRANSLATE_NOOP("ConflictHelp", "Delivery differs from dispatch"),
    "overdraw": QT_TRANSLATE_NOOP("ConflictHelp", "Stock over-drawn"),
    "bad_correction": QT_TRANSLATE_NOOP("ConflictHelp", "Correction of a field that cannot be corrected"),
    "contract_version": QT_TRANSLATE_NOOP("ConflictHelp", "Contract version not higher"),
}
NO_EFFECT = QT_TRANSLATE_NOOP(
    "ConflictHelp", "This entry changed nothing: no stock, request or shipment moved. It stays on record."
)


def _name(tables: Tables, table: str, key: str) -> str:
    row = tables.get(table, {}).get(key)
    return str(row["name"]) if row and "name" in row else key


def _member(tables: Tables, key: str | None) -> str:
    row = tables.get("members", {}).get(key or "")
    return f"{row['name']} ({row['org']})" if row else (key or "")[:12] + "…"


def free_id(taken: dict, wanted: str) -> str:
    """`wanted` with the lowest suffix -2, -3, … that no row of `taken` uses (ids are at most 64 characters)."""
    n = 2
    while f"{wanted[:60]}-{n}" in taken:
        n += 1
    return f"{wanted[:60]}-{n}"


def source_of(tables: Tables, row: dict, entry: tuple[str, dict] | None) -> tuple[str | None, dict]:
    """(type, body) of the entry that raised the conflict: an approved action's from its proposal row,
    a direct entry's from `entry` as the caller read it from the ledger (None: not at hand)."""
    proposal = tables.get("proposals", {}).get(row.get("entry", ""))
    if proposal is not None:
        return proposal["action"], proposal["body"]
    if entry is not None:
        return entry
    return None, {}


def resolution(tables: Tables, row: dict, ts_of: Callable[[str], int | None] | None = None) -> Resolution | None:
    """How a closed over-draw was resolved (None while open, or for kinds the state never closes).

    The state marks it (`resolved_by`, FORMAT.md §9 "Stock changes"); the time comes from the row the
    resolving entry wrote (a proposal's decision, a delivery, a distribution) or else from `ts_of`.
    """
    if row["open"] or row["kind"] != "overdraw" or not row.get("resolved_by"):
        return None
    entry = row["resolved_by"]
    proposal = tables.get("proposals", {}).get(entry)
    if proposal is not None:
        return Resolution(entry, proposal["action"], proposal.get("decided_ms"), row["balance"])
    for shipment in tables.get("shipments", {}).values():
        if shipment.get("delivery") == entry:
            return Resolution(entry, EntryType.SHIPMENT_DELIVER, shipment.get("delivered_ms"), row["balance"])
    distribution = tables.get("distributions", {}).get(entry)
    if distribution is not None:
        return Resolution(entry, EntryType.STOCK_DISTRIBUTE, distribution["at_ms"], row["balance"])
    record = tables.get("records", {}).get(entry)
    what = record["type"] if record else ""
    return Resolution(entry, what, ts_of(entry) if ts_of else None, row["balance"])


def summary(tables: Tables, row: dict) -> Phrase:
    """One line for the Conflicts table, with names instead of codes (the state's message otherwise)."""
    if row["kind"] == "overdraw" and row["open"]:
        return phrase(
            QT_TRANSLATE_NOOP("ConflictHelp", "{item} lot {lot} at {site}: over-drawn by {missing}"),
            item=_name(tables, "items", row["item"]),
            lot=row["lot"],
            site=_name(tables, "sites", row["site"]),
            missing=-row["balance"],
        )
    if row["kind"] == "discrepancy":
        shipment = tables.get("shipments", {}).get(row.get("shipment", ""), {})
        return phrase(
            QT_TRANSLATE_NOOP("ConflictHelp", "{shipment} to {site}: {lines} line(s) differ from dispatch"),
            shipment=row.get("shipment", ""),
            site=_name(tables, "sites", shipment.get("to_site", "")),
            lines=len(shipment.get("discrepancies", [])),
        )
    return phrase(QT_TRANSLATE_NOOP("ConflictHelp", "{message}"), message=row["message"])

def explain(
    tables: Tables, row: dict, entry: tuple[str, dict] | None = None, ts_of: Callable[[str], int | None] | None = None
) -> ConflictHelp:
    """The conflict `row` in plain words, with the actions that resolve it (first: the one to try first).

    `entry` is the (type, body) of the entry that raised it, for kinds raised by a direct entry (the
    conflict row does not keep the body); without it the explanation still stands, the presets are thinner.
    """
    kind = row["kind"]
    title = phrase(TITLES.get(kind, QT_TRANSLATE_NOOP("ConflictHelp", "Conflict")))
    builder = _BUILDERS.get(kind)
    if builder is None:
        return ConflictHelp(
            kind,
            row["open"],
            title,
            (phrase(QT_TRANSLATE_NOOP("ConflictHelp", "{message}"), message=row["message"]),),
            (),
        )
    entry_type, body = source_of(tables, row, entry)
    explanation, actions = builder(tables, row, entry_type, body)
    found = resolution(tables, row, ts_of)
    if found is not None:
        actions = []
    return ConflictHelp(kind, row["open"], title, tuple(explanation), tuple(actions), found)


Built = tuple[list[Phrase], list[SuggestedAction]]


def _overdraw(tables: Tables, row: dict, _type: str | None, _body: dict) -> Built:
    site, item, lot = _name(tables, "sites", row["site"]), _name(tables, "items", row["item"]), row["lot"]
    if not row["open"]:
        return [
            phrase(
                QT_TRANSLATE_NOOP(
                    "ConflictHelp", "{item} lot {lot} at {site} was over-drawn; the balance is back at {balance}."
                ),
                item=item,
                lot=lot,
                site=site,
                balance=row["balance"],
            )
        ], []
    missing = -row["balance"]
    explanation = [
        phrase(
            QT_TRANSLATE_NOOP(
                "ConflictHelp",
                "The ledger shows {missing} more {item} of lot {lot} leaving {site} than arriving there.",
            ),
            missing=missing,
            item=item,
            lot=lot,
            site=site,
        ),
        phrase(
            QT_TRANSLATE_NOOP(
                "ConflictHelp",
                "Either a receipt is missing or recorded too small, or more was dispatched or handed "
                "out than was there (as when two centres draw on the same lot while cut off from each "
                "other). Count the lot on the shelf, then propose an adjustment so the ledger matches "
                "the count.",
            )
        ),
    ]
    actions = [
        SuggestedAction(
            phrase(
                QT_TRANSLATE_NOOP("ConflictHelp", "Propose an adjustment of +{missing} after a count"), missing=missing
            ),
            EntryType.STOCK_ADJUST,
            {
                "site": row["site"],
                "item": row["item"],
                "lot": row["lot"],
                "delta": missing,
                "reason": f"Count after over-draw of lot {row['lot']} at {site}",
            },
        )
    ]
    record = tables.get("records", {}).get(row["entry"])
    if record is not None and record["type"] == EntryType.STOCK_DISTRIBUTE:
        corrected = max(record["qty"] - missing, 0)
        actions.append(
            SuggestedAction(
                phrase(
                    QT_TRANSLATE_NOOP("ConflictHelp", "Correct the distribution that over-drew it to {qty}"),
                    qty=corrected,
                ),
                EntryType.RECORD_CORRECT,
                {
                    "target": row["entry"],
                    "set": {"qty": corrected},
                    "reason": f"Distribution recorded higher than the stock of lot {row['lot']}",
                },
            )
        )
    return explanation, actions


def _discrepancy(tables: Tables, row: dict, _type: str | None, _body: dict) -> Built:
    shipment = tables.get("shipments", {}).get(row.get("shipment", ""), {})
    sid = row.get("shipment", "")
    to_site = shipment.get("to_site", "")
    explanation = [
        phrase(
            QT_TRANSLATE_NOOP(
                "ConflictHelp",
                "Shipment {shipment} from {origin} arrived at {destination} with other "
                "quantities than were dispatched. The delivery was recorded as counted at "
                "the door; a difference is in no stock now.",
            ),
            shipment=sid,
            origin=_name(tables, "sites", shipment.get("from_site", "")),
            destination=_name(tables, "sites", to_site),
        )
    ]
    actions = []
    for line in shipment.get("discrepancies", []):
        item = _name(tables, "items", line["item"])
        explanation.append(
            phrase(
                QT_TRANSLATE_NOOP("ConflictHelp", "{item} lot {lot}: sent {sent}, received {received}. {reason}"),
                item=item,
                lot=line["lot"],
                sent=line["sent"],
                received=line["received"],
                reason=line["reason"],
            )
        )
        gap = line["sent"] - line["received"]
        if gap > 0:
            actions.append(
                SuggestedAction(
                    phrase(
                        QT_TRANSLATE_NOOP("ConflictHelp", "Request the missing {qty} {item} again"), qty=gap, item=item
                    ),
                    EntryType.REQUEST_OPEN,
                    {
                        "request": free_id(tables.get("requests", {}), f"REQ-{sid}"),
                        "site": to_site,
                        "item": line["item"],
                        "qty": gap,
                        "priority": "high",
                        "note": f"Replaces what shipment {sid} did not bring",
                    },
                )
            )
        else:
            actions.append(
                SuggestedAction(
                    phrase(
                        QT_TRANSLATE_NOOP(
                            "ConflictHelp",
                            "Propose an adjustment of −{qty} at {origin}, which sent more than it recorded",
                        ),
                        qty=-gap,
                        origin=_name(tables, "sites", shipment.get("from_site", "")),
                    ),
                    EntryType.STOCK_ADJUST,
                    {
                        "site": shipment.get("from_site", ""),
                        "item": line["item"],
                        "lot": line["lot"],
                        "delta": gap,
                        "reason": f"Shipment {sid} arrived with {-gap} more than dispatched",
                    },
                )
            )
    return explanation, actions


def _lot_item(tables: Tables, row: dict, entry_type: str | None, body: dict) -> Built:
    lot = body.get("lot", "")
    holds = tables.get("lots", {}).get(lot, {}).get("item", "")
    explanation = [
        phrase(
            QT_TRANSLATE_NOOP(
                "ConflictHelp",
                "Lot {lot} already holds {holds}; this entry named {item}. One lot holds one "
                "item, so nothing was recorded.",
            ),
            lot=lot,
            holds=_name(tables, "items", holds),
            item=_name(tables, "items", body.get("item", "")),
        )
        if body
        else phrase(QT_TRANSLATE_NOOP("ConflictHelp", "{message}"), message=row["message"]),
        phrase(NO_EFFECT),
    ]
    if entry_type == EntryType.STOCK_ADJUST:
        return explanation, [
            SuggestedAction(
                phrase(QT_TRANSLATE_NOOP("ConflictHelp", "Propose the adjustment for the lot's own item")),
                EntryType.STOCK_ADJUST,
                {**body, "item": holds},
            )
        ]
    preset = {k: v for k, v in body.items() if k != "lot"}
    return explanation, [
        SuggestedAction(
            phrase(QT_TRANSLATE_NOOP("ConflictHelp", "Record the receipt again under a lot of its own")),
            EntryType.STOCK_RECEIVE,
            preset,
        )
    ]


def _duplicate_id(tables: Tables, row: dict, entry_type: str | None, body: dict) -> Built:
    explanation = [
        phrase(
            QT_TRANSLATE_NOOP("ConflictHelp", "{message}: an id names one record only, so this one was not recorded."),
            message=row["message"],
        ),
        phrase(NO_EFFECT),
    ]
    if entry_type == EntryType.SHIPMENT_DISPATCH or "shipment" in body:
        fresh = free_id(tables.get("shipments", {}), body.get("shipment", "SHP"))
        return explanation, [
            SuggestedAction(
                phrase(QT_TRANSLATE_NOOP("ConflictHelp", "Dispatch it again as {id}"), id=fresh),
                EntryType.SHIPMENT_DISPATCH,
                {**body, "shipment": fresh},
            )
        ]
    fresh = free_id(tables.get("requests", {}), body.get("request", "REQ"))
    return explanation, [
        SuggestedAction(
            phrase(QT_TRANSLATE_NOOP("ConflictHelp", "Open the request again as {id}"), id=fresh),
            EntryType.REQUEST_OPEN,
            {**body, "request": fresh},
        )
    ]


def _unknown_reference(tables: Tables, row: dict, entry_type: str | None, body: dict) -> Built:
    explanation = [
        phrase(
            QT_TRANSLATE_NOOP(
                "ConflictHelp",
                "{message}. Either the id was mistyped, or the entry that creates it has not "
                "reached this replica yet (it may still arrive by sync).",
            ),
            message=row["message"],
        ),
        phrase(NO_EFFECT),
    ]
    if entry_type == EntryType.RECORD_CORRECT:
        preset = {k: v for k, v in body.items() if k != "target"}
        return explanation, [
            SuggestedAction(
                phrase(QT_TRANSLATE_NOOP("ConflictHelp", "Correct the right record")), EntryType.RECORD_CORRECT, preset
            )
        ]
    if entry_type == EntryType.REQUEST_CANCEL:
        preset = {k: v for k, v in body.items() if k != "request"}
        return explanation, [
            SuggestedAction(
                phrase(QT_TRANSLATE_NOOP("ConflictHelp", "Cancel the right request")), EntryType.REQUEST_CANCEL, preset
            )
        ]
    again = (
        entry_type
        if entry_type in (EntryType.SHIPMENT_POSITION, EntryType.SHIPMENT_DELIVER, EntryType.SHIPMENT_HANDOVER)
        else EntryType.SHIPMENT_POSITION
    )
    keep = {k: v for k, v in body.items() if k not in ("shipment", "receiver_sig", "receiver_code", "index")}
    return explanation, [
        SuggestedAction(
            phrase(QT_TRANSLATE_NOOP("ConflictHelp", "Record it again for the right shipment")), again, keep
        )
    ]


def _custody(tables: Tables, row: dict, _type: str | None, body: dict) -> Built:
    sid = body.get("shipment", "")
    shipment = tables.get("shipments", {}).get(sid)
    explanation = [phrase(QT_TRANSLATE_NOOP("ConflictHelp", "{message}."), message=row["message"])]
    if shipment is None or shipment["status"] != "in_transit":
        explanation.append(
            phrase(
                QT_TRANSLATE_NOOP(
                    "ConflictHelp",
                    "The shipment is no longer in transit, so there is nothing to hand "
                    "over. This entry changed nothing.",
                )
            )
        )
        return explanation, []
    explanation.append(
        phrase(
            QT_TRANSLATE_NOOP(
                "ConflictHelp",
                "Custody stays with {custodian}: only the one who holds a shipment hands it "
                "over, and the receiver must be a current member.",
            ),
            custodian=_member(tables, shipment["custodian"]),
        )
    )
    return explanation, [
        SuggestedAction(
            phrase(QT_TRANSLATE_NOOP("ConflictHelp", "Hand over {shipment} again, from its custodian"), shipment=sid),
            EntryType.SHIPMENT_HANDOVER,
            {"shipment": sid},
        )
    ]


def _duplicate_delivery(tables: Tables, row: dict, _type: str | None, body: dict) -> Built:
    sid = body.get("shipment", "")
    shipment = tables.get("shipments", {}).get(sid, {})
    explanation = [
        phrase(
            QT_TRANSLATE_NOOP(
                "ConflictHelp",
                "Shipment {shipment} was already delivered; this second delivery moved no "
                "stock. If more goods really arrived, record them as a receipt.",
            ),
            shipment=sid,
        )
    ]
    actions = []
    for line in body.get("lines", [])[:1]:
        if line.get("qty", 0) > 0:
            actions.append(
                SuggestedAction(
                    phrase(
                        QT_TRANSLATE_NOOP("ConflictHelp", "Receive the extra goods at {site}"),
                        site=_name(tables, "sites", shipment.get("to_site", "")),
                    ),
                    EntryType.STOCK_RECEIVE,
                    {
                        "site": shipment.get("to_site", ""),
                        "item": line["item"],
                        "lot": line["lot"],
                        "qty": line["qty"],
                        "source": f"Second delivery of shipment {sid}",
                    },
                )
            )
    if not actions:
        actions.append(
            SuggestedAction(
                phrase(QT_TRANSLATE_NOOP("ConflictHelp", "Record a receipt at the destination")),
                EntryType.STOCK_RECEIVE,
                {"site": shipment.get("to_site", "")},
            )
        )
    return explanation, actions


def _bad_correction(tables: Tables, row: dict, _type: str | None, body: dict) -> Built:
    record = tables.get("records", {}).get(body.get("target", ""), {})
    allowed = CORRECTABLE.get(record.get("type", ""), {})
    explanation = [
        phrase(QT_TRANSLATE_NOOP("ConflictHelp", "{message}. The correction was not applied."), message=row["message"])
    ]
    preset = {
        "target": body.get("target", ""),
        "reason": body.get("reason", ""),
        "set": {k: v for k, v in body.get("set", {}).items() if k in allowed},
    }
    return explanation, [
        SuggestedAction(
            phrase(QT_TRANSLATE_NOOP("ConflictHelp", "Propose the correction with correctable fields only")),
            EntryType.RECORD_CORRECT,
            {k: v for k, v in preset.items() if v},
        )
    ]


def _contract_version(tables: Tables, row: dict, _type: str | None, body: dict) -> Built:
    current = tables.get("contracts", {}).get(body.get("contract", ""), {}).get("version", 0)
    explanation = [
        phrase(
            QT_TRANSLATE_NOOP("ConflictHelp", "{message}. The deployed version stays in force."), message=row["message"]
        )
    ]
    return explanation, [
        SuggestedAction(
            phrase(
                QT_TRANSLATE_NOOP("ConflictHelp", "Propose the deployment as version {version}"), version=current + 1
            ),
            EntryType.CONTRACT_DEPLOY,
            {**body, "version": current + 1},
        )
    ]


def _membership(tables: Tables, row: dict, entry_type: str | None, body: dict) -> Built:
    key = body.get("key", "")
    member = tables.get("members", {}).get(key)
    explanation = [
        phrase(QT_TRANSLATE_NOOP("ConflictHelp", "{message}. Membership did not change."), message=row["message"])
    ]
    details = {k: body[k] for k in ("org", "name", "roles") if k in body}
    if member is not None and not member["revoked"] and entry_type == EntryType.MEMBER_ADD:
        return explanation, [
            SuggestedAction(
                phrase(
                    QT_TRANSLATE_NOOP("ConflictHelp", "Propose a change to {member} instead"),
                    member=_member(tables, key),
                ),
                EntryType.MEMBER_UPDATE,
                {"key": key, **details},
            )
        ]
    if member is not None and member["revoked"] and entry_type == EntryType.MEMBER_PIN:
        return explanation, [
            SuggestedAction(
                phrase(QT_TRANSLATE_NOOP("ConflictHelp", "Propose the revocation first")),
                EntryType.MEMBER_REVOKE,
                {"key": key},
            )
        ]
    if member is not None and not member["revoked"] and entry_type == EntryType.MEMBER_PIN:
        return explanation, [
            SuggestedAction(
                phrase(QT_TRANSLATE_NOOP("ConflictHelp", "Propose the revocation first")),
                EntryType.MEMBER_REVOKE,
                {"key": key, **({"reason": body["reason"]} if "reason" in body else {})},
            )
        ]
    if member is None and entry_type == EntryType.MEMBER_UPDATE:
        return explanation, [
            SuggestedAction(
                phrase(QT_TRANSLATE_NOOP("ConflictHelp", "Propose adding the member")),
                EntryType.MEMBER_ADD,
                {"key": key, **details},
            )
        ]
    # a revoked key is never re-admitted: enrol the person with a new key
    return explanation, [
        SuggestedAction(
            phrase(QT_TRANSLATE_NOOP("ConflictHelp", "Propose the member with a new key")),
            EntryType.MEMBER_ADD,
            details,
        )
    ]


_BUILDERS: dict[str, Callable[[Tables, dict, str | None, dict], Built]] = {
    "overdraw": _overdraw,
    "discrepancy": _discrepancy,
    "lot_item": _lot_item,
    "duplicate_id": _duplicate_id,
    "unknown_reference": _unknown_reference,
    "custody": _custody,
    "duplicate_delivery": _duplicate_delivery,
    "bad_correction": _bad_correction,
    "contract_version": _contract_version,
    "membership": _membership,
}
