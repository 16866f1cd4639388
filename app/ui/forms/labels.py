"""Form labels for schema field names, catalogued for translation (record forms show these, not names)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.ui.i18n import QT_TRANSLATE_NOOP

CONTEXT = "RecordForms"

# Every field name of app/core/schema.py that a form shows; a name missing here falls back to a label
# made from the name itself (untranslated), so a new schema field still shows.
FIELD_LABELS: dict[str, str] = {
    "action": QT_TRANSLATE_NOOP("RecordForms", "Action"),
    "allocations": QT_TRANSLATE_NOOP("RecordForms", "Allocations"),
    "at_ms": QT_TRANSLATE_NOOP("RecordForms", "At"),
    "beneficiaries": QT_TRANSLATE_NOOP("RecordForms", "Beneficiaries"),
    "body": QT_TRANSLATE_NOOP("RecordForms", "Body"),
    "carrier": QT_TRANSLATE_NOOP("RecordForms", "Carrier"),
    "category": QT_TRANSLATE_NOOP("RecordForms", "Category"),
    "cold_chain": QT_TRANSLATE_NOOP("RecordForms", "Cold chain"),
    "comment": QT_TRANSLATE_NOOP("RecordForms", "Comment"),
    "contract": QT_TRANSLATE_NOOP("RecordForms", "Contract"),
    "delta": QT_TRANSLATE_NOOP("RecordForms", "Change"),
    "expiry_ms": QT_TRANSLATE_NOOP("RecordForms", "Expiry"),
    "from_site": QT_TRANSLATE_NOOP("RecordForms", "From site"),
    "head": QT_TRANSLATE_NOOP("RecordForms", "Head"),
    "index": QT_TRANSLATE_NOOP("RecordForms", "Step"),
    "input_digest": QT_TRANSLATE_NOOP("RecordForms", "Input digest"),
    "item": QT_TRANSLATE_NOOP("RecordForms", "Item"),
    "key": QT_TRANSLATE_NOOP("RecordForms", "Member"),
    "kind": QT_TRANSLATE_NOOP("RecordForms", "Kind"),
    "lat_e6": QT_TRANSLATE_NOOP("RecordForms", "Latitude"),
    "lines": QT_TRANSLATE_NOOP("RecordForms", "Lines"),
    "lon_e6": QT_TRANSLATE_NOOP("RecordForms", "Longitude"),
    "lot": QT_TRANSLATE_NOOP("RecordForms", "Lot"),
    "members": QT_TRANSLATE_NOOP("RecordForms", "Members"),
    "name": QT_TRANSLATE_NOOP("RecordForms", "Name"),
    "needed_by_ms": QT_TRANSLATE_NOOP("RecordForms", "Needed by"),
    "note": QT_TRANSLATE_NOOP("RecordForms", "Note"),
    "org": QT_TRANSLATE_NOOP("RecordForms", "Organisation"),
    "output_digest": QT_TRANSLATE_NOOP("RecordForms", "Output digest"),
    "params": QT_TRANSLATE_NOOP("RecordForms", "Parameters"),
    "path": QT_TRANSLATE_NOOP("RecordForms", "Path"),
    "policies": QT_TRANSLATE_NOOP("RecordForms", "Policies"),
    "policy": QT_TRANSLATE_NOOP("RecordForms", "Policy"),
    "priority": QT_TRANSLATE_NOOP("RecordForms", "Priority"),
    "proposal": QT_TRANSLATE_NOOP("RecordForms", "Proposal"),
    "qty": QT_TRANSLATE_NOOP("RecordForms", "Quantity"),
    "reason": QT_TRANSLATE_NOOP("RecordForms", "Reason"),
    "receiver_sig": QT_TRANSLATE_NOOP("RecordForms", "Receiver's acceptance"),
    "receiver_code": QT_TRANSLATE_NOOP("RecordForms", "Spoken code"),
    "request": QT_TRANSLATE_NOOP("RecordForms", "Request"),
    "requests": QT_TRANSLATE_NOOP("RecordForms", "Requests"),
    "road": QT_TRANSLATE_NOOP("RecordForms", "Road"),
    "roles": QT_TRANSLATE_NOOP("RecordForms", "Roles"),
    "runtime": QT_TRANSLATE_NOOP("RecordForms", "Runtime"),
    "seq": QT_TRANSLATE_NOOP("RecordForms", "Sequence"),
    "set": QT_TRANSLATE_NOOP("RecordForms", "Set"),
    "shipment": QT_TRANSLATE_NOOP("RecordForms", "Shipment"),
    "site": QT_TRANSLATE_NOOP("RecordForms", "Site"),
    "source": QT_TRANSLATE_NOOP("RecordForms", "Source"),
    "status": QT_TRANSLATE_NOOP("RecordForms", "Status"),
    "target": QT_TRANSLATE_NOOP("RecordForms", "Record"),
    "temp_max_dc": QT_TRANSLATE_NOOP("RecordForms", "Highest temperature (tenths of °C)"),
    "temp_min_dc": QT_TRANSLATE_NOOP("RecordForms", "Lowest temperature (tenths of °C)"),
    "to": QT_TRANSLATE_NOOP("RecordForms", "To"),
    "to_site": QT_TRANSLATE_NOOP("RecordForms", "To site"),
    "unit": QT_TRANSLATE_NOOP("RecordForms", "Unit"),
    "version": QT_TRANSLATE_NOOP("RecordForms", "Version"),
}


def field_label(name: str) -> str:
    """The label of a schema field in the operator's language."""
    if name in FIELD_LABELS:
        return QCoreApplication.translate(CONTEXT, FIELD_LABELS[name])
    return name.replace("_e6", "").replace("_ms", "").replace("_", " ").capitalize()
