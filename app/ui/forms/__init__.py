"""Record forms: one dialog per entry type, and the receiver's custody acceptance."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app.core.types import EntryType
from app.ui.forms.context import FormContext


def _t(text: str) -> str:
    return QCoreApplication.translate("RecordForms", text)


FORM_TITLES: dict[str, str] = {
    EntryType.STOCK_RECEIVE: _t("Receive stock…"),
    EntryType.REQUEST_OPEN: _t("Open request…"),
    EntryType.SHIPMENT_DISPATCH: _t("Dispatch shipment…"),
    EntryType.SHIPMENT_POSITION: _t("Report shipment position…"),
    EntryType.SHIPMENT_HANDOVER: _t("Hand over custody…"),
    EntryType.SHIPMENT_DELIVER: _t("Record delivery…"),
    EntryType.STOCK_DISTRIBUTE: _t("Distribute…"),
    EntryType.REQUEST_CANCEL: _t("Cancel request…"),
    EntryType.ROAD_STATUS: _t("Report road status…"),
    EntryType.RECORD_CORRECT: _t("Correct a record…"),
    EntryType.STOCK_ADJUST: _t("Propose stock adjustment…"),
    EntryType.MEMBER_ADD: _t("Propose new member…"),
    EntryType.MEMBER_UPDATE: _t("Propose member change…"),
    EntryType.MEMBER_REVOKE: _t("Propose key revocation…"),
    EntryType.SITE_DEFINE: _t("Define site…"),
    EntryType.ITEM_DEFINE: _t("Define catalog item…"),
}


def make_record_dialog(parent: QWidget | None, entry_type: str, context: FormContext, preset: dict | None = None):
    from app.ui.forms.record_dialog import RecordDialog

    return RecordDialog(entry_type, context, FORM_TITLES.get(entry_type, entry_type), preset, parent)


def open_record_dialog(parent: QWidget | None, entry_type: str, context: FormContext,
                       preset: dict | None = None) -> None:
    make_record_dialog(parent, entry_type, context, preset).exec()


def open_accept_custody_dialog(parent: QWidget | None, context: FormContext) -> None:
    from app.ui.forms.handover import AcceptCustodyDialog

    AcceptCustodyDialog(context, parent).exec()
