"""The node seen from the GUI: all node work on one worker thread, results as Qt signals.

After each commit the worker copies the tables the views show (shallow copies, under the node's
lock) and sends them along, so the GUI thread never waits for a fold or a commit.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Callable

from PySide6.QtCore import QObject, Signal

from app.core.entry import Entry
from app.core.state import LedgerState
from app.core.types import Tables
from app.errors import ReliefLedgerError
from app.node import Node, NodeError


def copy_tables(state: LedgerState) -> Tables:
    return {name: dict(rows) for name, rows in state.tables.items()}


def changed_keys(before: dict[str, dict], after: dict[str, dict]) -> set[str]:
    """Keys whose row differs; the fold replaces a row's dict whenever it changes, so identity suffices."""
    keys = {key for key, row in after.items() if before.get(key) is not row}
    keys.update(key for key in before if key not in after)
    return keys


class NodeBridge(QObject):
    """Owns the worker thread; the only way the GUI changes the ledger."""

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
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="relief-ledger-node")
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

    def run(self, job: Callable[[], Any], done: Callable[[Any], None] | None = None, label: str = "") -> Future:
        """Run `job` on the worker; errors become `job_failed`, never an exception in the GUI."""
        if label:
            self.busy.emit(label)

        def work() -> Any:
            try:
                result = job()
            except ReliefLedgerError as exc:
                self.job_failed.emit(str(exc))
                return None
            except Exception as exc:  # noqa: BLE001 - reported to the operator, not swallowed
                self.job_failed.emit(f"{type(exc).__name__}: {exc}")
                return None
            finally:
                if label:
                    self.busy.emit("")
            if done is not None:
                done(result)
            return result

        return self._pool.submit(work)

    def submit(self, entry_type: str, body: dict) -> Future:
        """Sign and store one entry as the local member; a refusal comes back as `entry_refused`."""

        def job() -> Entry | None:
            try:
                return self.node.append(entry_type, body)
            except NodeError as exc:   # the code travels beside the sentence; the sentence is never parsed
                self.entry_refused.emit(exc.code, exc.reason)
                return None

        return self.run(job, label=self.tr("Signing and storing…"))

    def verify(self) -> Future:
        return self.run(self.node.verify, self.verify_done.emit, self.tr("Verifying…"))

    def close(self) -> None:
        self.node.remove_listener(self._on_stored)
        self._pool.shutdown(wait=True)
        self.node.close()
