"""Record forms: one dialog per entry type, and the receiver's custody acceptance."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app.ui.forms.context import FormContext


def _t(text: str) -> str:
    return QCoreApplication.translate("RecordForms", text)


FORM_TITLES: dict[str, str] = {
    "stock.receive": _t("Receive stock…"),
    "request.open": _t("Open request…"),
    "shipment.dispatch": _t("Dispatch shipment…"),
    "shipment.position": _t("Report shipment position…"),
    "shipment.handover": _t("Hand over custody…"),
    "shipment.deliver": _t("Record delivery…"),
    "stock.distribute": _t("Distribute…"),
    "request.cancel": _t("Cancel request…"),
    "road.status": _t("Report road status…"),
    "record.correct": _t("Correct a record…"),
    "stock.adjust": _t("Propose stock adjustment…"),
    "member.add": _t("Propose new member…"),
    "member.update": _t("Propose member change…"),
    "member.revoke": _t("Propose key revocation…"),
    "site.define": _t("Define site…"),
    "item.define": _t("Define catalog item…"),
}


def make_record_dialog(parent: QWidget | None, entry_type: str, context: FormContext, preset: dict | None = None):
    from app.ui.forms.record_dialog import RecordDialog

    return RecordDialog(entry_type, context, FORM_TITLES.get(entry_type, entry_type), preset, parent)


def open_record_dialog(parent: QWidget | None, entry_type: str, context: FormContext,
                       preset: dict | None = None) -> None:
    make_record_dialog(parent, entry_type, context, preset).exec()


def open_accept_custody_dialog(parent: QWidget | None, context: FormContext) -> None:
    from app.ui.forms.record_dialog import AcceptCustodyDialog

    AcceptCustodyDialog(context, parent).exec()
