"""Record forms: one dialog per entry type, and the receiver's custody acceptance."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app.core.types import EntryType
from app.ui.forms.context import FormContext
from app.ui.help_view import attach_help
from app.ui.i18n import QT_TRANSLATE_NOOP

# English titles, catalogued for translation; form_title() shows one in the operator's language (translated
# when shown, not at import, so the language installed at start applies).
FORM_TITLES: dict[str, str] = {
    EntryType.STOCK_RECEIVE: QT_TRANSLATE_NOOP("RecordForms", "Receive stock…"),
    EntryType.REQUEST_OPEN: QT_TRANSLATE_NOOP("RecordForms", "Open request…"),
    EntryType.SHIPMENT_DISPATCH: QT_TRANSLATE_NOOP("RecordForms", "Dispatch shipment…"),
    EntryType.SHIPMENT_POSITION: QT_TRANSLATE_NOOP("RecordForms", "Report shipment position…"),
    EntryType.SHIPMENT_HANDOVER: QT_TRANSLATE_NOOP("RecordForms", "Hand over custody…"),
    EntryType.SHIPMENT_DELIVER: QT_TRANSLATE_NOOP("RecordForms", "Record delivery…"),
    EntryType.STOCK_DISTRIBUTE: QT_TRANSLATE_NOOP("RecordForms", "Distribute…"),
    EntryType.REQUEST_CANCEL: QT_TRANSLATE_NOOP("RecordForms", "Cancel request…"),
    EntryType.ROAD_STATUS: QT_TRANSLATE_NOOP("RecordForms", "Report road status…"),
    EntryType.RECORD_CORRECT: QT_TRANSLATE_NOOP("RecordForms", "Correct a record…"),
    EntryType.STOCK_ADJUST: QT_TRANSLATE_NOOP("RecordForms", "Propose stock adjustment…"),
    EntryType.MEMBER_ADD: QT_TRANSLATE_NOOP("RecordForms", "Propose new member…"),
    EntryType.MEMBER_UPDATE: QT_TRANSLATE_NOOP("RecordForms", "Propose member change…"),
    EntryType.MEMBER_REVOKE: QT_TRANSLATE_NOOP("RecordForms", "Propose key revocation…"),
    EntryType.SITE_DEFINE: QT_TRANSLATE_NOOP("RecordForms", "Define site…"),
    EntryType.ITEM_DEFINE: QT_TRANSLATE_NOOP("RecordForms", "Define catalog item…"),
}


def form_title(entry_type: str) -> str:
    """The form's title in the operator's language."""
    return QCoreApplication.translate("RecordForms", FORM_TITLES.get(entry_type, entry_type))


def help_topics(entry_type: str) -> tuple[str, ...]:
    """Where the guide describes this form: its row in the Recording table, else the section itself."""
    title = FORM_TITLES.get(entry_type, "").rstrip("…")
    return (title, title.split()[0] + " " + title.split()[-1], "Recording") if title else ("Recording",)


def make_record_dialog(parent: QWidget | None, entry_type: str, context: FormContext, preset: dict | None = None):
    from app.ui.forms.record_dialog import RecordDialog

    dialog = RecordDialog(entry_type, context, form_title(entry_type), preset, parent)
    attach_help(dialog, *help_topics(entry_type))   # F1 opens the guide where this form is described
    return dialog


def open_record_dialog(parent: QWidget | None, entry_type: str, context: FormContext,
                       preset: dict | None = None) -> None:
    make_record_dialog(parent, entry_type, context, preset).exec()


def open_accept_custody_dialog(parent: QWidget | None, context: FormContext) -> None:
    from app.ui.forms.handover import AcceptCustodyDialog

    dialog = AcceptCustodyDialog(context, parent)
    attach_help(dialog, "Custody hand-over")
    dialog.exec()
