"""Wire a contract editor to the window's ledger: propose deployments, record runs, list verdicts, map plans.

All signing happens on the NodeBridge worker (never on the GUI thread); outcomes come back to
the editor as `notice` text through a queued signal, refusals as the bridge's `job_failed`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from app.contract_runs import RunCheck
from app.contracts.runtime import RunResult
from app.core.types import EntryType
from app.node import record_run
from app.ui.runs_view import run_rows


class RunsController(QObject):
    """Child of the editor, so every connection below ends when the editor closes."""

    notice = Signal(str)          # emitted on the worker, delivered on the GUI thread
    checked = Signal(object)      # RunCheck, from the node's checker thread

    def __init__(self, window: Any, editor: Any) -> None:
        super().__init__(editor)
        self.window, self.editor = window, editor
        self.bridge, self.node = window.bridge, window.node
        self.notice.connect(editor.notice)
        self.checked.connect(self.on_checked)
        self.bridge.entries_stored.connect(self.on_entries_stored)
        self.node.run_checks.add_listener(self._from_checker)
        editor.destroyed.connect(lambda *_: self.node.run_checks.remove_listener(self._from_checker))
        editor.dry_run_finished.connect(self.show_plan)
        writable = not getattr(window, "read_only", False) and self.node.identity is not None
        editor.set_propose(self.propose if writable else None)
        editor.set_record(self.record if writable else None)
        self.tables = window.tables    # the newest copy the worker shipped; never read under the node's lock here
        self.refresh(self.tables)
        self.bridge.run(self.node.run_checks.check_missing)   # runs left unchecked when the replica stopped

    # -- state ------------------------------------------------------------------------------------------
    def _from_checker(self, check: RunCheck) -> None:
        try:
            self.checked.emit(check)
        except RuntimeError:   # the editor (and this object) closed meanwhile
            pass

    def on_checked(self, _check: RunCheck) -> None:
        self.refresh(self.tables)

    def on_entries_stored(self, _entries: list, tables: dict, changes: dict) -> None:
        self.tables = tables
        if changes.get("contracts") or changes.get("allocation_runs") or changes.get("members"):
            self.refresh(tables)

    def refresh(self, tables: dict) -> None:
        self.editor.set_deployments(tables.get("contracts", {}))
        self.editor.runs.show_runs(run_rows(tables, dict(self.node.run_checks.results)))

    def _say(self, text: str) -> None:
        try:
            self.notice.emit(text)
        except RuntimeError:
            pass

    # -- deployment -------------------------------------------------------------------------------------
    def propose(self, contract_id: str, _version: int, source: str, runtime: str) -> None:
        """Propose `source` as the next version after the one deployed when the worker signs."""
        node = self.node

        def job() -> None:
            current = node.read(lambda state: state.get("contracts", contract_id))
            version = current["version"] + 1 if current else 1
            body = {"contract": contract_id, "version": version, "runtime": runtime, "source": source}
            entry = node.propose(EntryType.CONTRACT_DEPLOY, body, f"deploy contract {contract_id} version {version}")
            row = node.read(lambda state: state.get("proposals", entry.hash)) or {}
            if row.get("status") == "approved" and row.get("outcome") == "applied":
                self._say(self.tr("Deployed: {0} version {1} applied at once (fewer than three eligible "
                                  "approvers). You can record runs now.").format(contract_id, version))
            elif row.get("status") == "approved":
                self._say(self.tr("Proposal decided but not applied: {0}").format(row.get("outcome")))
            else:
                self._say(self.tr("Proposed {0} version {1}: it waits for approvals (see Approvals; {2} more "
                                  "needed).").format(contract_id, version, self._missing(row)))

        self.bridge.run(job, label=self.tr("Signing deployment proposal…"))

    @staticmethod
    def _missing(row: dict) -> str:
        policy = row.get("policy") or {}
        quorum = policy.get("quorum")
        return str(max(quorum - len(row.get("counted", [])), 1)) if isinstance(quorum, int) else "?"

    # -- runs -------------------------------------------------------------------------------------------
    def record(self, contract_id: str, version: int, result: RunResult) -> None:
        node = self.node

        def job() -> None:
            entry = record_run(node, contract_id, version, result.params, result.allocations, result.input_digest,
                               result.output_digest)
            self._say(self.tr("Run {0}… recorded: {1} allocation(s). Every replica re-executes it; see the Runs "
                              "tab.").format(entry.hash[:12], len(result.allocations)))

        self.bridge.run(job, label=self.tr("Signing allocation run…"))

    def show_plan(self, result: object) -> None:
        """Draw a successful dry run on the map's plan layer (when the window has a map)."""
        controller = getattr(self.window, "map", None)
        if controller is None or not isinstance(result, RunResult):
            return
        from app.map.features import PlanAllocation

        requests = {r["request"]: r for r in getattr(result, "snapshot", {}).get("requests", [])}
        plan = [PlanAllocation(a["from_site"], requests[a["request"]]["site"], a["item"], a["qty"], a["request"])
                for a in result.allocations if a["request"] in requests]
        controller.view.show_plan(plan)
