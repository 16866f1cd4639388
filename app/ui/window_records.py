"""The window's records: the forms that record entries, custody acceptance, and a record with its lineage."""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QItemSelectionModel, QObject
from PySide6.QtWidgets import QDialog

from app.core import choices
from app.core.entry import Entry
from app.core.lineage import lot_trail
from app.core.state import LedgerState
from app.core.types import EntryType
from app.ui import approvals_view
from app.ui import table_models as tm
from app.ui.formatting import shown
from app.ui.forms import make_record_dialog, open_accept_custody_dialog
from app.ui.forms import review as words
from app.ui.forms.context import FormContext
from app.ui.lineage_view import RecordView, TimelineStep, summary, timeline
from app.ui.notice import Notice
from app.ui.window_host import WindowHost

# Where a stored record shows: (dock, key of its row) from its type and body.
ROW_OF: dict[str, Callable[[dict], tuple[str, str]]] = {
    EntryType.STOCK_RECEIVE: lambda b: ("stock", f"{b['site']}|{b['item']}|{b['lot']}"),
    EntryType.STOCK_DISTRIBUTE: lambda b: ("stock", f"{b['site']}|{b['item']}|{b['lot']}"),
    EntryType.REQUEST_OPEN: lambda b: ("requests", b["request"]),
    EntryType.REQUEST_CANCEL: lambda b: ("requests", b["request"]),
    EntryType.SHIPMENT_DISPATCH: lambda b: ("shipments", b["shipment"]),
    EntryType.SHIPMENT_POSITION: lambda b: ("shipments", b["shipment"]),
    EntryType.SHIPMENT_HANDOVER: lambda b: ("shipments", b["shipment"]),
    EntryType.SHIPMENT_DELIVER: lambda b: ("shipments", b["shipment"]),
    EntryType.SITE_DEFINE: lambda b: ("sites", b["site"]),
}


class WindowRecords(QObject):
    """One job: open what the operator records with, and show a record with where its material came from."""

    def __init__(self, window: WindowHost) -> None:
        super().__init__(window.window())
        self.window = window
        self.bridge, self.node = window.bridge, window.node
        self.notice = Notice(window.window())
        self.waiting_row: tuple[str, str] | None = None   # a recorded row to select once the refresh shows it
        self.watching = False

    def form_context(self) -> FormContext:
        return FormContext(tables=self.bridge.copy_tables, submit=self.bridge.submit, identity=self.node.identity,
                           network_id=self.node.network_id, network_kind=self.node.network.get("kind", "live"),
                           submit_then=lambda entry_type, body, then: self.bridge.submit(entry_type, body, then),
                           lot_expiry=self.lot_expiry)

    def lot_expiry(self, lots: list[str]) -> dict[str, int]:
        """The earliest expiry the receipts of each of `lots` stated (lots without one are left out).

        Reads the receipts of the few lots a picker offers at one site, not the ledger.
        """
        rows = self.window.tables.get("lots", {})
        receipts = [entry for lot in lots for event, entry in rows.get(lot, {}).get("events", []) if event == "receive"]
        found: dict[str, int] = {}
        for entry in self.node.entries(receipts):
            lot, expiry = entry.body.get("lot"), entry.body.get("expiry_ms")
            if isinstance(lot, str) and isinstance(expiry, int):
                found[lot] = min(expiry, found.get(lot, expiry))
        return found

    def form_opener(self, entry_type: str) -> Callable[[], object]:
        """One Record menu action per entry type; each opens its own form (a closure, not a lambda default),
        pre-filled from the focused table's selected row when that row is something this form acts on."""
        return lambda: self.open_form(entry_type, self.preset_from_selection(entry_type))

    # -- acting on a selected row ---------------------------------------------------------------------
    def row_forms(self, table: str, key: str) -> list[tuple[str, str, dict]]:
        """(entry type, label, preset) of each form that acts on row `key` of `table`, pre-filled from it."""
        tables = self.window.tables
        row = tables.get(table, {}).get(key)
        if row is None:
            return []
        if table == "requests" and row["status"] in choices.OPEN_STATUSES:
            origin = choices.dispatch_preset(tables, key).get("from_site")
            expiry = self.lot_expiry([c.code for c in choices.lots_at(tables, origin, row["item"])])
            return [(EntryType.SHIPMENT_DISPATCH, self.tr("Dispatch for this request…"),
                     choices.dispatch_preset(tables, key, expiry)),
                    (EntryType.REQUEST_CANCEL, self.tr("Cancel this request…"), {"request": key})]
        if table == "shipments" and row["status"] == "in_transit":
            return [(EntryType.SHIPMENT_DELIVER, self.tr("Record delivery…"), {"shipment": key}),
                    (EntryType.SHIPMENT_HANDOVER, self.tr("Hand over custody…"), {"shipment": key}),
                    (EntryType.SHIPMENT_POSITION, self.tr("Report position…"), {"shipment": key})]
        if table == "stock":
            where = {"site": row["site"], "item": row["item"], "lot": row["lot"]}
            sources = tables.get("lots", {}).get(row["lot"], {}).get("sources") or []
            more = {"site": row["site"], "item": row["item"], **({"source": sources[-1]} if sources else {})}
            receive = (EntryType.STOCK_RECEIVE, self.tr("Receive more of this item here…"), more)
            held = [(EntryType.SHIPMENT_DISPATCH, self.tr("Dispatch from here…"),
                     {"from_site": row["site"], "lines": [{"item": row["item"], "lot": row["lot"], "qty": ""}]}),
                    (EntryType.STOCK_DISTRIBUTE, self.tr("Distribute…"), where)] if row["qty"] > 0 else []
            return [receive, *held, (EntryType.STOCK_ADJUST, self.tr("Propose adjustment…"), where)]
        return []

    def row_actions(self, table: str, key: str) -> list[tuple[str, Callable[[], object]]]:
        """The context menu of a table row: each form that acts on it, opened pre-filled."""
        if self.window.read_only:
            return []
        return [(label, partial(self.open_form, entry_type, preset))
                for entry_type, label, preset in self.row_forms(table, key)]

    def preset_from_selection(self, entry_type: str) -> dict | None:
        """The preset a form takes from the row selected in the table that has the focus, if it acts on it."""
        focused = self.window.window().focusWidget()
        for table, panel in self.window.panels.items():
            key = panel.selected_key() if focused is not None and panel.isAncestorOf(focused) else None
            if key is None:
                continue
            return next((preset for kind, _label, preset in self.row_forms(table, key) if kind == entry_type), None)
        return None

    def open_form(self, entry_type: str, preset: dict | None = None) -> QDialog:
        dialog = make_record_dialog(self.window.window(), entry_type, self.form_context(), preset)
        dialog.recorded.connect(self.show_recorded)
        dialog.open()
        return dialog

    # -- after signing -----------------------------------------------------------------------------------
    def show_recorded(self, entry_type: str, body: dict, entry: Entry) -> str:
        """Say what was recorded, by name, in the status bar and a notice; select its row once it shows."""
        text = words.recorded_text(entry_type, body, self.window.tables)
        self.window.statusBar().showMessage(text, 15000)
        self.notice.show_text(text)
        if entry_type == EntryType.PROPOSAL_OPEN:
            self.waiting_row = ("approvals", entry.hash)
        elif entry_type in ROW_OF:
            self.waiting_row = ROW_OF[entry_type](body)
        else:
            self.waiting_row = None
        self._watch()
        self._select_waiting()
        return text

    def _watch(self) -> None:
        """Retry the selection whenever rows arrive (the models and approvals exist once the window is built)."""
        if self.watching:
            return
        self.watching = True
        for model in self.window.models.values():
            model.rowsInserted.connect(lambda *_args: self._select_waiting())
        self.window.approvals.count_changed.connect(lambda _count: self._select_waiting())

    def _select_waiting(self) -> None:
        if self.waiting_row is not None and self.select_row(*self.waiting_row):
            self.waiting_row = None

    def select_row(self, table: str, key: str) -> bool:
        """Raise the dock of `table` and select the row `key`, clearing a filter that hides it."""
        if table == "approvals":
            if not self.window.approvals.select(key):
                return False
            self.window.docks["approvals"].show()
            self.window.docks["approvals"].raise_()
            return True
        model, panel = self.window.models.get(table), self.window.panels.get(table)
        if model is None or panel is None or model.row_for(key) < 0:
            return False
        index = panel.proxy.mapFromSource(model.index(model.row_for(key), 0))
        if not index.isValid():
            panel.filter.clear()
            index = panel.proxy.mapFromSource(model.index(model.row_for(key), 0))
        self.window.docks[table].show()
        self.window.docks[table].raise_()
        # explicit flags: the view's own selectRow reads the keyboard, and Ctrl (still down after Ctrl+Enter
        # signed the record) would toggle the row off instead of selecting it
        panel.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        panel.view.scrollTo(index)
        return True

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
