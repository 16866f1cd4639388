"""The Approvals view: proposals waiting for me, waiting for others, decided; one proposal in detail.

Approving or rejecting asks for the passphrase again: the key file is decrypted (scrypt) and the
decision signed and stored on the bridge's worker thread, never on the GUI thread. Everything shown is
read from the table copies the main window already holds (`proposals`, `members`, `policies`, ...).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.core.approvals import Tally, can_decide, describe_change, row_tally
from app.core.identity import Identity, load_key_file
from app.core.policy import policy_from_json
from app.core.types import Tables
from app.paths import KEY_NAME
from app.ui import palette
from app.ui.bridge import NodeBridge
from app.ui.formatting import local_time, shown, shown_html
from app.ui.forms.keyboard import GuardedDialog, ask_discard, is_enter, no_default_buttons, widget_state, with_ctrl
from app.ui.i18n import QT_TRANSLATE_NOOP, tr
from app.ui.widgets import mark_exercise

WAITING_FOR_ME, WAITING_FOR_OTHERS, DECIDED = range(3)
STATUS_TEXT = {"open": QT_TRANSLATE_NOOP("ApprovalsView", "open"),
               "approved": QT_TRANSLATE_NOOP("ApprovalsView", "approved"),
               "rejected": QT_TRANSLATE_NOOP("ApprovalsView", "rejected"),
               "withdrawn": QT_TRANSLATE_NOOP("ApprovalsView", "withdrawn"),
               "expired": QT_TRANSLATE_NOOP("ApprovalsView", "expired")}
Unlock = Callable[[str], Identity]


def standing_in(tables: Tables, row: dict) -> Tally:
    return row_tally(row, tables.get("members", {}))


def sort_proposals(tables: Tables, me: str | None, now_ms: int | None = None) -> tuple[list[dict], list[dict],
                                                                                   list[dict]]:
    """(waiting for me, waiting for others, decided), newest first; overdue ones wait for nobody."""
    rows = sorted(tables.get("proposals", {}).values(), key=lambda r: (-r["opened_ms"], r["proposal"]))
    mine = [r for r in rows if can_decide(tables, r, me, now_ms)]
    others = [r for r in rows if r["status"] == "open" and r not in mine]
    decided = sorted((r for r in rows if r["status"] != "open"), key=lambda r: (-(r["decided_ms"] or 0), r["proposal"]))
    return mine, others, decided


def subject_text(tables: Tables, subject: str) -> str:
    """The record a proposal is about, as an operator names it."""
    kind, _, ref = subject.partition(":")
    if kind == "entry":
        record = tables.get("records", {}).get(ref)
        if record:
            where = " ".join(str(record[k]) for k in ("site", "item", "lot", "request") if k in record)
            return f"{record['type']} {where} ({ref[:8]}…)"
        return f"entry {ref[:12]}…"
    if kind == "member":
        return member_name(tables, ref)
    if kind == "stock":
        return ref.replace("|", " · ")
    return ref


def member_name(tables: Tables, key: str) -> str:
    row = tables.get("members", {}).get(key)
    return f"{row['name']} ({row['org']})" if row else key[:12] + "…"


def decision_lines(tables: Tables, subject: str) -> list[str]:
    """The history of decisions on one record, as text lines (for record details)."""
    rows = sorted((r for r in tables.get("proposals", {}).values() if r["subject"] == subject),
                  key=lambda r: (r["opened_ms"], r["proposal"]))
    lines = []
    for r in rows:
        when = local_time(r["decided_ms"]) if r["decided_ms"] else "until " + local_time(r["deadline_ms"])
        lines.append(f"  {r['status']:<9} {r['action']:<14} {when}  proposed by {member_name(tables, r['proposer'])}: "
                     f"{r['reason']}" + (f" — {r['outcome']}" if r["outcome"] else ""))
    return lines


def detail_html(tables: Tables, row: dict, me: str | None, now_ms: int | None = None) -> str:
    """Before and after, who approved, who is still needed and until when."""
    e = shown_html   # reasons, names and comments are typed by members: escaped for the eye and for HTML
    result = standing_in(tables, row)
    policy = policy_from_json(row["action"], row["policy"])
    parts = [f"<h3>{e(row['action'])} — {e(row['status'])}</h3>",
             f"<p><b>Why:</b> {e(row['reason'])}<br><b>Proposed by</b> {e(member_name(tables, row['proposer']))} "
             f"at {e(local_time(row['opened_ms']))}<br><b>Policy:</b> {e(policy.describe())}</p>",
             "<table border='1' cellspacing='0' cellpadding='4'><tr><th>What</th><th>"
             + ("Before" if row["status"] == "approved" else "Now") + "</th><th>"
             + ("After" if row["status"] == "approved" else "After approval") + "</th></tr>"]
    for what, before, after in describe_change(tables, row):
        parts.append(f"<tr><td>{e(what)}</td><td>{e(before)}</td><td><b>{e(after)}</b></td></tr>")
    parts.append("</table>")
    approvals = []
    for vote in row["approvals"]:
        counts = vote["by"] in result.counted
        mark = "✔" if counts else "✘ no longer counts"
        comment = f" — “{e(vote['comment'])}”" if vote["comment"] else ""
        approvals.append(f"<li>{mark} {e(member_name(tables, vote['by']))}, {e(local_time(vote['ts']))}{comment}</li>")
    if result.proposer_counts and row["proposer"] in result.counted:
        proposer = e(member_name(tables, row["proposer"]))
        approvals.insert(0, f"<li>✔ {proposer} (proposer; counts under this policy)</li>")
    parts.append("<p><b>Approved by:</b></p><ul>" + ("".join(approvals) or "<li>nobody yet</li>") + "</ul>")
    for vote in row["rejections"]:
        parts.append(f"<p><b>Rejected by</b> {e(member_name(tables, vote['by']))} at {e(local_time(vote['ts']))}: "
                     f"“{e(vote['comment'])}”</p>")
    if row["status"] == "open":
        unit = "organisations" if result.distinct_orgs else "approvals"
        waiting = ", ".join(member_name(tables, k) for k in result.waiting_on) or "nobody eligible is left"
        late = now_ms is not None and now_ms > row["deadline_ms"]
        parts.append(f"<p><b>{result.have} of {result.needed} {unit}</b> — needs {result.missing} more "
                     f"(of {result.eligible_total} eligible).<br><b>Still needed from:</b> {e(waiting)}<br>"
                     f"<b>Until</b> {e(local_time(row['deadline_ms']))}"
                     + (f" — <span style='color:{palette.css('danger')}'>past its deadline: it expires with "
                        "the next workflow entry</span>" if late else "") + "</p>")
        if can_decide(tables, row, me, now_ms):
            parts.append(f"<p style='color:{palette.css('info')}'><b>Your approval is requested.</b></p>")
    else:
        parts.append(f"<p><b>Decided</b> {e(local_time(row['decided_ms']))}: {e(row['outcome'] or '')}<br>"
                     f"<small>deciding entry {e(row['decided_by'] or '')}</small></p>")
    parts.append(f"<p><small>proposal entry {e(row['proposal'])}<br>subject {e(row['subject'])}</small></p>")
    return "".join(parts)


class DecisionDialog(GuardedDialog):
    """Approve or reject: the operator re-enters the passphrase and may add a comment.

    Enter (in the passphrase) and Ctrl+Enter (anywhere) sign the decision this dialog was opened for; they
    never cancel it. Escape or closing with a comment or passphrase typed asks before discarding.
    """

    def __init__(self, kind: str, row: dict, tables: Tables, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.setWindowTitle(self.tr("Approve proposal") if kind == "approve" else self.tr("Reject proposal"))
        summary = QLabel(self.tr("{0}: {1}").format(row["action"], shown(row["reason"])))
        summary.setTextFormat(Qt.TextFormat.PlainText)
        summary.setWordWrap(True)
        self.comment = QPlainTextEdit()
        self.comment.setPlaceholderText(self.tr("Comment (required to reject)") if kind == "reject"
                                        else self.tr("Comment (optional)"))
        self.comment.setMaximumHeight(80)
        self.comment.setTabChangesFocus(True)     # Tab moves on to the passphrase, as in every other field
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setStyleSheet(f"color: {palette.css('danger')};")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.addButton(self.tr("Sign approval") if kind == "approve" else self.tr("Sign rejection"),
                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setToolTip(self.tr("Sign with your key (Enter in the passphrase, or Ctrl+Enter)"))
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        layout = QFormLayout(self)
        layout.addRow(summary)
        for what, before, after in describe_change(tables, row):
            change = QLabel(shown(f"{what}: {before} → {after}"))
            change.setTextFormat(Qt.TextFormat.PlainText)
            layout.addRow(change)
        layout.addRow(self.tr("Comment"), self.comment)
        layout.addRow(self.tr("Passphrase"), self.passphrase)
        layout.addRow(self.message)
        layout.addRow(buttons)
        no_default_buttons(self)
        QWidget.setTabOrder(self.comment, self.passphrase)
        QWidget.setTabOrder(self.passphrase, self.ok)
        QWidget.setTabOrder(self.ok, self.cancel_button)
        (self.comment if kind == "reject" else self.passphrase).setFocus()
        mark_exercise(self)   # an approval signed in an exercise says so before it is signed
        self.opened_with = widget_state(self)
        self.discard_box: QMessageBox | None = None
        # given by the view: sign now, off the GUI thread; the view answers through `signed`, and until then
        # the dialog stays open, so a wrong passphrase costs a retyped passphrase, not the comment
        self.submit: Callable[[], None] | None = None
        self.signing = False

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        """Enter signs the chosen decision (or presses the button the operator tabbed to); never Cancel."""
        if event.key() == Qt.Key.Key_Escape:
            event.accept()
            self.reject()
            return
        if not is_enter(event):
            super().keyPressEvent(event)
            return
        event.accept()
        focused = self.focusWidget()
        if isinstance(focused, QPushButton) and not with_ctrl(event):
            focused.click()
        else:
            self.try_accept()

    def reject(self) -> None:
        """Cancel, Escape or the close button: ask first when a comment or passphrase was typed."""
        if self.signing:
            return
        if widget_state(self) == self.opened_with:
            super().reject()
        elif self.discard_box is None or not self.discard_box.isVisible():
            what = self.tr("approval") if self.kind == "approve" else self.tr("rejection")
            self.discard_box = ask_discard(self, what, lambda: QDialog.reject(self))

    def try_accept(self) -> None:
        if self.kind == "reject" and not self.comment.toPlainText().strip():
            self.message.setText(self.tr("Say why you reject it: the comment goes on the ledger."))
            return
        if not self.passphrase.text():
            self.message.setText(self.tr("Enter your passphrase to sign."))
            return
        if self.signing:
            return
        if self.submit is None:
            self.accept()
            return
        self.signing = True
        self.ok.setEnabled(False)
        self.message.setText(self.tr("Unlocking the key and signing…"))
        self.submit()

    def signed(self, ok: bool, message: str) -> None:
        """The view's answer: recorded closes the dialog; not signed says why here and keeps the comment."""
        self.signing = False
        self.ok.setEnabled(True)
        if ok:
            self.accept()
            return
        self.message.setText(message)
        self.passphrase.selectAll()
        self.passphrase.setFocus()


class ApprovalsView(QWidget):
    """Three lists and a detail pane; emits `count_changed(waiting for me)` for the badge."""

    count_changed = Signal(int)
    decided = Signal(str, str)        # ("ok" | "error", message) — from the worker, delivered on the GUI thread

    HEADERS = (QT_TRANSLATE_NOOP("ApprovalsView", "Action"), QT_TRANSLATE_NOOP("ApprovalsView", "Subject"),
               QT_TRANSLATE_NOOP("ApprovalsView", "Proposed by"), QT_TRANSLATE_NOOP("ApprovalsView", "Progress"),
               QT_TRANSLATE_NOOP("ApprovalsView", "Deadline / decided"))

    def __init__(self, bridge: NodeBridge, tables: Tables, read_only: bool = False,
                 unlock: Unlock | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge, self.node = bridge, bridge.node
        self.read_only = read_only
        self.unlock = unlock or self._unlock_key_file
        self.tables = tables
        self.rows: list[list[dict]] = [[], [], []]
        self.current: dict | None = None
        self.last_dialog: DecisionDialog | None = None
        self.asking: DecisionDialog | None = None     # the dialog waiting for its decision to be signed
        self.tabs = QTabWidget()
        self.lists: list[QTableWidget] = []
        for _ in range(3):
            table = QTableWidget(0, len(self.HEADERS))
            table.setHorizontalHeaderLabels([self.tr(h) for h in self.HEADERS])
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.verticalHeader().hide()
            table.horizontalHeader().setStretchLastSection(True)
            table.itemSelectionChanged.connect(self._selection_changed)
            self.lists.append(table)
            self.tabs.addTab(table, "")
        self.tabs.currentChanged.connect(lambda _i: self._selection_changed())
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("History of a record: filter by subject (site, item, lot, entry hash, "
                                               "member key)…"))
        self.filter.setAccessibleName(self.tr("Filter proposals by subject"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(lambda _t: self.refresh(self.tables))
        self.detail = QTextBrowser()
        self.detail.setPlaceholderText(self.tr("Select a proposal to see what it changes, who approved it and who is "
                                               "still needed."))
        self.approve_button = QPushButton(self.tr("Approve…"))
        self.reject_button = QPushButton(self.tr("Reject…"))
        self.withdraw_button = QPushButton(self.tr("Withdraw"))
        self.show_entry_button = QPushButton(self.tr("Show in ledger"))
        self.approve_button.clicked.connect(lambda: self.ask("approve"))
        self.reject_button.clicked.connect(lambda: self.ask("reject"))
        self.withdraw_button.clicked.connect(self.withdraw)
        self.status = QLabel()
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        for b in (self.approve_button, self.reject_button, self.withdraw_button, self.show_entry_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.detail, 1)
        right_layout.addLayout(buttons)
        right_layout.addWidget(self.status)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.filter)
        left_layout.addWidget(self.tabs)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([560, 440])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(splitter)
        self.decided.connect(self._on_decided)
        self.refresh(tables)

    # -- data ---------------------------------------------------------------------------------------------
    @property
    def me(self) -> str | None:
        return self.node.identity.public_key_hex if self.node.identity and not self.read_only else None

    def waiting_for_me(self) -> int:
        return len(self.rows[WAITING_FOR_ME])

    def refresh(self, tables: Tables) -> None:
        self.tables = tables
        selected = self.current["proposal"] if self.current else None
        text = self.filter.text().strip().lower()
        groups: tuple[list[dict], ...] = sort_proposals(tables, self.me, self.node.clock())
        if text:
            groups = tuple([r for r in g if text in r["subject"].lower() or text in r["proposal"]] for g in groups)
        self.rows = [list(g) for g in groups]
        titles = (self.tr("Waiting for me ({0})"), self.tr("Waiting for others ({0})"), self.tr("Decided ({0})"))
        for index, (table, rows) in enumerate(zip(self.lists, self.rows, strict=True)):
            self.tabs.setTabText(index, titles[index].format(len(rows)))
            table.setAccessibleName(self.tabs.tabText(index))   # the tab's words, read by a screen reader
            table.blockSignals(True)
            table.setRowCount(len(rows))
            for r, row in enumerate(rows):
                for c, value in enumerate(self._cells(row)):
                    item = QTableWidgetItem(shown(value))
                    item.setData(Qt.ItemDataRole.UserRole, row["proposal"])
                    table.setItem(r, c, item)
                if row["proposal"] == selected:
                    table.selectRow(r)
            table.blockSignals(False)
        for table in self.lists:
            table.resizeColumnsToContents()
        self.count_changed.emit(self.waiting_for_me())
        self._selection_changed()

    def _cells(self, row: dict) -> list[str]:
        result = standing_in(self.tables, row)
        if row["status"] == "open":
            progress = self.tr("{0} of {1}").format(result.have, result.needed)
            when = self.tr("until {0}").format(local_time(row["deadline_ms"]))
        else:
            progress = self.tr(STATUS_TEXT.get(row["status"], row["status"]))
            when = local_time(row["decided_ms"])
        return [row["action"], subject_text(self.tables, row["subject"]), member_name(self.tables, row["proposer"]),
                progress, when]

    def _selection_changed(self) -> None:
        index = self.tabs.currentIndex()
        table = self.lists[index]
        rows = table.selectionModel().selectedRows()
        item = table.item(rows[0].row(), 0) if rows else None
        proposal = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        self.current = self.tables.get("proposals", {}).get(proposal) if proposal else None
        if self.current is None:
            self.detail.clear()
        else:
            self.detail.setHtml(detail_html(self.tables, self.current, self.me, self.node.clock()))
        row = self.current
        now = self.node.clock()
        self.approve_button.setEnabled(row is not None and can_decide(self.tables, row, self.me, now))
        self.reject_button.setEnabled(row is not None and can_decide(self.tables, row, self.me, now))
        self.withdraw_button.setEnabled(row is not None and row["status"] == "open" and row["proposer"] == self.me)
        self.show_entry_button.setEnabled(bool(row))

    def select(self, proposal: str) -> bool:
        for index, rows in enumerate(self.rows):
            for r, row in enumerate(rows):
                if row["proposal"] == proposal:
                    self.tabs.setCurrentIndex(index)
                    self.lists[index].selectRow(r)
                    return True
        return False

    # -- decisions ----------------------------------------------------------------------------------------
    def _unlock_key_file(self, passphrase: str) -> Identity:
        assert self.node.data_dir is not None
        return load_key_file(Path(self.node.data_dir) / KEY_NAME, passphrase)

    def ask(self, kind: str) -> DecisionDialog | None:
        if self.current is None:
            return None
        dialog = DecisionDialog(kind, self.current, self.tables, self)
        self.last_dialog = dialog
        proposal = self.current["proposal"]   # the vote is on this proposal, whatever is selected meanwhile
        dialog.submit = lambda: self.sign(kind, proposal, dialog.passphrase.text(),
                                          dialog.comment.toPlainText().strip(), dialog)
        dialog.open()
        return dialog

    def sign(self, kind: str, proposal: str, passphrase: str, comment: str,
             dialog: DecisionDialog | None = None) -> None:
        """Unlock (scrypt) and sign on the worker thread; the result comes back through `decided` (and to
        `dialog`, which stays open until then)."""
        node = self.node
        self.asking = dialog

        def job() -> None:
            try:
                identity = self.unlock(passphrase)
            except Exception as exc:  # noqa: BLE001 - wrong passphrase or damaged key file: told to the operator
                self.decided.emit("error", self.tr("Not signed: {0}").format(exc))
                return
            if node.identity is None or identity.public_key_hex != node.identity.public_key_hex:
                self.decided.emit("error", self.tr("Not signed: that key is not the one this window signs with"))
                return
            self._decide_job(kind, proposal, comment)

        self.status.setText(self.tr("Unlocking the key and signing…"))
        self.bridge.run_op(lambda _op: job(), label=self.tr("Signing decision…"),
                           failed_to=lambda exc: self.decided.emit("error", self.tr("Not signed: {0}").format(exc)))

    def withdraw(self) -> None:
        if self.current is None:
            return
        proposal = self.current["proposal"]
        self.bridge.run(lambda: self._decide_job("withdraw", proposal), label=self.tr("Withdrawing…"))

    def _decide_job(self, kind: str, proposal: str, comment: str = "") -> None:
        """On the worker thread: the node's one decision call; the outcome comes back through `decided`."""
        try:
            entry = self.node.decide(proposal, kind, comment)
        except Exception as exc:  # noqa: BLE001 - NodeError with the reason
            self.decided.emit("error", self.tr("Not recorded: {0}").format(exc))
            return
        self.decided.emit("ok", self.tr("Recorded {0} as entry {1}…").format(entry.type, entry.hash[:12]))

    def _on_decided(self, outcome: str, message: str) -> None:
        color = palette.css("good" if outcome == "ok" else "danger")
        self.status.setText(f"<span style='color:{color}'>{shown_html(message)}</span>")
        dialog, self.asking = self.asking, None
        if dialog is not None and shiboken6.isValid(dialog):
            dialog.signed(outcome == "ok", message)


def install(window) -> ApprovalsView:  # window: the MainWindow, unnamed here (main_window imports this module)
    """Put the Approvals view into the main window: a dock, a menu entry, the status-bar badge, a notice."""
    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QApplication

    view = ApprovalsView(window.bridge, window.tables, read_only=window.read_only)
    dock = window._dock("approvals", tr("Approvals"), view, Qt.DockWidgetArea.BottomDockWidgetArea)
    window.tabifyDockWidget(window.docks["shipments"], dock)
    window.docks["requests"].raise_()
    window.docks["approvals"] = dock
    for action in window.menuBar().actions():
        if action.menu() is not None and action.text() == tr("&View"):
            action.menu().addAction(dock.toggleViewAction())
        if action.menu() is not None and action.text() == tr("&Ledger"):
            show = action.menu().addAction(tr("Approvals"), lambda: (dock.show(), dock.raise_()))
            show.setShortcut(QKeySequence("Ctrl+Shift+A"))
    view.show_entry_button.clicked.connect(
        lambda: view.current is not None and window.explorer.select_hash(view.current["proposal"]))
    seen = {"count": -1}

    def badge(count: int) -> None:
        window.status_approvals.setText(tr("Waiting for me: {0}").format(count))
        window.status_approvals.setStyleSheet(f"color: {palette.css('info')}; font-weight: bold;" if count else "")
        dock.setWindowTitle(tr("Approvals ({0})").format(count) if count else tr("Approvals"))
        if seen["count"] >= 0 and count > seen["count"]:
            window.statusBar().showMessage(tr("A proposal is waiting for your approval"), 8000)
            QApplication.alert(window)
        seen["count"] = count

    view.count_changed.connect(badge)
    badge(view.waiting_for_me())
    return view


__all__ = ["install", "ApprovalsView", "DecisionDialog", "decision_lines", "detail_html", "sort_proposals"]
