"""The node seen from the GUI: all node work in one background lane, results on the GUI thread.

After each commit the worker copies the tables the views show (shallow copies, under the node's
lock) and sends them along, so the GUI thread never waits for a fold or a commit.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from app.core.entry import Entry
from app.core.state import LedgerState
from app.core.types import Tables
from app.node import Node, NodeError
from app.ui.background import BackgroundOp, BackgroundRunner, failure_sentence

log = logging.getLogger(__name__)


def copy_tables(state: LedgerState) -> Tables:
    return {name: dict(rows) for name, rows in state.tables.items()}


def changed_keys(before: dict[str, dict], after: dict[str, dict]) -> set[str]:
    """Keys whose row differs; the fold replaces a row's dict whenever it changes, so identity suffices."""
    keys = {key for key, row in after.items() if before.get(key) is not row}
    keys.update(key for key in before if key not in after)
    return keys


class NodeBridge(QObject):
    """The only way the GUI changes the ledger: node jobs run in this bridge's lane of the shared
    background pool, one at a time and in the order asked, so entries are signed in that order."""

    # new entries, table copies after them, {table: keys whose row changed, appeared or vanished}
    # (declared as objects so Qt passes the Python objects instead of converting them to a QVariantMap)
    entries_stored = Signal(object, object, object)
    entry_refused = Signal(str, str)        # reason code, operator message
    job_failed = Signal(str)                # a background job ended with an error
    verify_done = Signal(object)            # VerifyReport
    busy = Signal(str)                      # status text while work runs ("" when idle)

    def __init__(self, node: Node, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.node = node
        self.runner = BackgroundRunner.instance()
        self._shipped: Tables = self.node.read(copy_tables)
        node.add_listener(self._on_stored)

    def _on_stored(self, entries: list[Entry]) -> None:
        """On the thread that stored the entries: copy the tables and work out which rows changed."""
        tables = self.node.read(copy_tables)
        changes = {name: changed_keys(self._shipped.get(name, {}), rows) for name, rows in tables.items()}
        self._shipped = tables
        self.entries_stored.emit(entries, tables, changes)

    def copy_tables(self) -> Tables:
        return self.node.read(copy_tables)

    def run(self, job: Callable[[], Any], done: Callable[[Any], None] | None = None, label: str = "",
            parent: QWidget | None = None) -> BackgroundOp:
        """Run `job` in the node's lane; `done(result)` and failures (as `job_failed`) arrive on the GUI thread.

        The status bar shows `label` while it runs; given a `parent`, a slow job also gets a progress dialog.
        """
        return self.run_op(lambda _op: job(), done, label, parent)

    def run_op(self, job: Callable[[BackgroundOp], Any], done: Callable[[Any], None] | None = None,
               label: str = "", parent: QWidget | None = None,
               failed_to: Callable[[BaseException], None] | None = None) -> BackgroundOp:
        """As `run`, for a job that reports its progress through the op it is handed.

        A failure goes to `failed_to` when given (the caller tells the operator where it belongs), else to
        `job_failed`.
        """
        if label:
            self.busy.emit(label)

        def finished(result: Any) -> None:
            if label:
                self.busy.emit("")
            if done is not None:
                done(result)

        def failed(exc: BaseException) -> None:
            if label:
                self.busy.emit("")
            if failed_to is not None:
                failed_to(exc)
            else:
                self.job_failed.emit(failure_sentence(exc))

        return self.runner.run(parent, label, job, finished, failed, progress=parent is not None, lane=self)

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Block until the node jobs asked so far have done their work (closing, tests)."""
        return self.runner.wait_idle(self, timeout)

    def submit(self, entry_type: str, body: dict,
               outcome: Callable[[Entry | BaseException], None] | None = None) -> BackgroundOp:
        """Sign and store one entry as the local member; a refusal comes back as `entry_refused`.

        Given `outcome`, the caller hears the stored entry, or the refusal or failure, on the GUI thread
        instead: a record form keeps what the operator typed and shows the reason beside it.
        """

        def job() -> Entry | BaseException | None:
            try:
                return self.node.append(entry_type, body)
            except NodeError as exc:   # the code travels beside the sentence; the sentence is never parsed
                log.info("%s refused (%s): %s", entry_type, exc.code, exc.reason)
                if outcome is not None:
                    return exc
                self.entry_refused.emit(exc.code, exc.reason)
                return None

        return self.run_op(lambda _op: job(), outcome, self.tr("Signing and storing…"), failed_to=outcome)

    def verify(self, parent: QWidget | None = None) -> BackgroundOp:
        return self.run_op(lambda op: self.node.verify(op.report), self.verify_done.emit, self.tr("Verifying…"),
                           parent)

    def close(self) -> None:
        self.node.remove_listener(self._on_stored)
        self.wait_idle()
        self.node.close()
