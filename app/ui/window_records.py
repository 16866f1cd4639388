"""The window's records: the forms that record entries, custody acceptance, and a record with its lineage."""

from __future__ import annotations

import json
from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog

from app.core.lineage import lot_trail
from app.core.state import LedgerState
from app.ui import approvals_view
from app.ui import table_models as tm
from app.ui.formatting import shown
from app.ui.forms import make_record_dialog, open_accept_custody_dialog
from app.ui.forms.context import FormContext
from app.ui.lineage_view import RecordView, TimelineStep, summary, timeline
from app.ui.window_host import WindowHost


class WindowRecords(QObject):
    """One job: open what the operator records with, and show a record with where its material came from."""

    def __init__(self, window: WindowHost) -> None:
        super().__init__(window.window())
        self.window = window
        self.bridge, self.node = window.bridge, window.node

    def form_context(self) -> FormContext:
        return FormContext(tables=self.bridge.copy_tables, submit=self.bridge.submit, identity=self.node.identity,
                           network_id=self.node.network_id, network_kind=self.node.network.get("kind", "live"))

    def form_opener(self, entry_type: str) -> Callable[[], object]:
        """One Record menu action per entry type; each opens its own form (a closure, not a lambda default)."""
        return lambda: self.open_form(entry_type)

    def open_form(self, entry_type: str, preset: dict | None = None) -> QDialog:
        dialog = make_record_dialog(self.window.window(), entry_type, self.form_context(), preset)
        dialog.open()
        return dialog

    def accept_custody(self) -> None:
        open_accept_custody_dialog(self.window.window(), self.form_context())

    def record_detail(self, model: tm.StateTableModel, key: str) -> str:
        """The record as text, with where its material came from and where it went."""
        row = model.rows[key]
        lines = [*json.dumps(row, indent=2, ensure_ascii=False).split("\n"), ""]   # JSON escapes newlines in strings
        lots = [row["lot"]] if "lot" in row else sorted({ln["lot"] for ln in row.get("lines", [])})
        state = LedgerState(tables=self.window.tables)
        subject = f"stock:{key}" if model.table == "stock" else f"entry:{row.get('entry', key)}"
        history = approvals_view.decision_lines(self.window.tables, subject)
        if history:
            lines += [self.tr("Decisions on this record:"), *history, ""]
        for lot in lots:
            lines.append(self.tr("Lineage of lot {0}:").format(lot))
            hashes = [step.entry for step in lot_trail(state, lot)]
            by_hash = {e.hash: e for e in self.node.entries(hashes)}
            for step in lot_trail(state, lot):
                entry = by_hash.get(step.entry)
                if entry is None:
                    continue
                body = entry.body
                where = body.get("site") or f"{body.get('from_site', '')} → {body.get('to_site', '')}".strip(" →")
                lines.append(f"  {step.event:<10} {entry.type:<18} {where:<24} "
                             f"{self.node.member_name(entry.author)}  {step.entry[:12]}…")
        return "\n".join(shown(line) for line in lines)   # names, reasons and sources are typed by members

    def lineage_steps(self, model: tm.StateTableModel, key: str) -> dict[str, list[TimelineStep]]:
        """Per lot the record moved, the timeline of that lot (a handful of entries, read by hash)."""
        row = model.rows[key]
        lots = [row["lot"]] if "lot" in row else sorted({ln["lot"] for ln in row.get("lines", [])})
        tables = self.window.tables
        events = {lot: [(event, entry) for event, entry in tables.get("lots", {}).get(lot, {}).get("events", [])]
                  for lot in lots}
        hashes = sorted({entry for trail in events.values() for _event, entry in trail})
        by_hash = {e.hash: e for e in self.node.entries(hashes)}
        return {lot: timeline(tables, lot, trail, by_hash, self.node.member_name) for lot, trail in events.items()}

    def open_record(self, model: tm.StateTableModel, key: str) -> RecordView:
        """The record in words, with a clickable timeline per lot (each step opens its entry in the explorer)."""
        view = RecordView(self.tr("Record {0}").format(shown(key)),
                          summary(self.window.tables, model.rows[key], self.node.member_name),
                          self.lineage_steps(model, key), self.record_detail(model, key),
                          self.window.explorer.reveal, parent=self.window.window())
        view.show()   # not modal: the operator keeps the timeline open while reading entries in the explorer
        return view
