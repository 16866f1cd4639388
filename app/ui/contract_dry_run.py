"""Dry runs of the contract editor: one at a time in its own background lane, newest wins.

The run itself (snapshot, child process or in-process evaluator) happens off the GUI thread; a
newer run, Cancel in the progress dialog or `cancel()` makes an older one stale, and a stale
outcome is never delivered. The outcome of the current run lands here on the GUI thread, which
keeps the last good result (and the one before it, for the diff) for the window and deployment.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from app.contracts.isolated import DEFAULT_MEMORY_MB, run_isolated
from app.contracts.runtime import DEFAULT_BUDGET, ContractError, RunResult, run_contract
from app.contracts.snapshot import build_snapshot
from app.core.types import Tables
from app.ui.background import BackgroundOp, BackgroundRunner, run_in_background


class ContractDryRun(QObject):
    """Starts dry runs, drops stale outcomes, and remembers the last result and error."""

    finished = Signal(object)   # RunResult, ContractError or another exception, current runs only

    def __init__(self, tables: Callable[[], Tables] | None, parent: QObject | None = None,
                 budget: int = DEFAULT_BUDGET, isolated: bool = True, memory_mb: int = DEFAULT_MEMORY_MB) -> None:
        super().__init__(parent)
        self.isolated, self.memory_mb = isolated, memory_mb   # dry runs in a child process (see isolated.py)
        self.tables_provider = tables
        self.budget = budget
        self.generation = 0
        self.running = False
        self.last_result: RunResult | None = None
        self.previous_result: RunResult | None = None
        self.last_error: ContractError | None = None
        self.parent_widget = parent

    def forget(self) -> None:
        """A new document: no earlier result applies to it."""
        self.previous_result = self.last_result = None

    def cancel(self) -> None:
        """Make any run stale and stop it (the window is closing)."""
        self.generation += 1
        BackgroundRunner.instance().cancel_lane(self)   # a dry run still going stops; queued ones never start

    def start(self, source: str, params: dict, label: str) -> None:
        """Snapshot current state and run the contract on a worker thread; `finished` fires later."""
        assert self.tables_provider is not None, "the window checks for a ledger before starting"
        self.generation += 1
        generation, provider, budget = self.generation, self.tables_provider, self.budget
        self.running = True

        def work(op: BackgroundOp) -> Any:
            try:
                tables = provider()
                snapshot = build_snapshot(tables)

                def stale() -> bool:
                    return generation != self.generation or op.cancelled()

                if self.isolated:
                    result: Any = run_isolated(source, snapshot, params, budget, memory_mb=self.memory_mb,
                                               cancelled=stale)
                else:
                    result = run_contract(source, snapshot, params, budget, cancelled=stale)
                result.snapshot = snapshot
            except ContractError as exc:
                result = exc
            except Exception as exc:  # noqa: BLE001 - shown to the operator
                result = exc
            return result

        # one dry run at a time per editor (its own lane, so node work never waits behind it); Cancel in the
        # progress dialog stops the run between steps
        run_in_background(self.parent_widget, label, work, lambda result: self._on_finished(generation, result),
                          cancellable=True, lane=self)

    def _on_finished(self, generation: int, result: Any) -> None:
        if generation != self.generation:
            return
        self.running = False
        if isinstance(result, RunResult):
            self.last_error = None
            self.previous_result, self.last_result = self.last_result, result
        elif isinstance(result, ContractError):
            self.last_error = result
        else:
            self.last_error = None
        self.finished.emit(result)
