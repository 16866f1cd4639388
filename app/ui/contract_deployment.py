"""Deployment and runs from the contract editor: propose a version, sign a dry run, and say when not.

Deployment is a permissioned edit (approvals workflow); until a caller provides a way to propose
one, "Propose deployment…" stays disabled and says why. "Record run…" is enabled only while the
last dry run used exactly the deployed source of the deployed version; `record_blocker` is that
rule in one place, and its sentence is the action's tooltip.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QWidget

from app.contracts.plans import source_sha256
from app.contracts.runtime import RUNTIME_VERSION, RunResult
from app.ui.contract_dry_run import ContractDryRun
from app.ui.contract_files import ContractFiles

PROPOSE_DISABLED_TIP = "not connected to a ledger"


class ContractDeployment(QObject):
    """Owns the propose and record callables, the deployed versions, and both actions' enablement."""

    deployment_requested = Signal(str, int, str, str)   # contract id, version, source, runtime version
    run_requested = Signal(str, int, object)            # contract id, deployed version, RunResult

    def __init__(self, window: QWidget, files: ContractFiles, dry: ContractDryRun,
                 propose_action: QAction, record_action: QAction,
                 check_errors: Callable[[], bool], show_notice: Callable[[str], None]) -> None:
        super().__init__(window)
        self.window, self.files, self.dry = window, files, dry
        self.propose_action, self.record_action = propose_action, record_action
        self.check_errors, self.show_notice = check_errors, show_notice
        self.propose: Callable[..., Any] | None = None
        self.record: Callable[[str, int, RunResult], Any] | None = None
        self.deployments: dict[str, dict] = {}       # the ledger's `contracts` table
        self.confirm_record: Callable[[str], bool] = self._confirm_record   # tests replace it
        self.version = 1

    def source(self) -> str:
        return self.files.editor.toPlainText()

    def set_propose(self, propose: Callable[..., Any] | None) -> None:
        """Enable "Propose deployment…" with a callable(contract_id, version, source, runtime_version)."""
        self.propose = propose
        self.propose_action.setEnabled(propose is not None)
        tip = self.tr("Propose this contract for deployment (needs approvals)") if propose else \
            self.tr(PROPOSE_DISABLED_TIP)
        self.propose_action.setToolTip(tip)
        self.propose_action.setStatusTip(tip)

    def propose_deployment(self) -> None:
        """Propose the text as the next version after the deployed one (the ledger refuses older ones)."""
        if self.propose is None:
            return
        if self.check_errors():
            self.show_notice(self.tr("Not proposed: fix the errors marked in the source first."))
            return
        contract_id = self.files.contract_id
        deployed = self.deployments.get(contract_id)
        self.version = deployed["version"] + 1 if deployed else 1
        args = (contract_id, self.version, self.source(), RUNTIME_VERSION)
        self.deployment_requested.emit(*args)
        self.propose(*args)

    def set_record(self, record: Callable[[str, int, RunResult], Any] | None) -> None:
        """Enable "Record run…" with a callable(contract_id, deployed version, RunResult)."""
        self.record = record
        self.update_record_action()

    def set_deployments(self, contracts: dict[str, dict]) -> None:
        self.deployments = dict(contracts)
        self.update_record_action()

    def record_blocker(self) -> str | None:
        """Why the last dry run cannot be recorded now (None: it can)."""
        if self.record is None:
            return self.tr("not connected to a ledger")
        contract_id = self.files.contract_id
        deployed = self.deployments.get(contract_id)
        if deployed is None:
            return self.tr("contract {0} is not deployed; propose its deployment first").format(contract_id)
        if source_sha256(self.source()) != deployed["source_sha256"]:
            return self.tr("the text differs from deployed version {0}").format(deployed["version"])
        last = self.dry.last_result
        if self.dry.running or last is None or self.dry.last_error is not None:
            return self.tr("dry-run the deployed contract first (F5)")
        if last.source_digest != deployed["source_sha256"]:
            return self.tr("the last dry run used other text; dry-run again (F5)")
        return None

    def update_record_action(self) -> None:
        blocker = self.record_blocker()
        self.record_action.setEnabled(blocker is None)
        tip = self.tr("Sign the last dry run as an allocation run that every replica re-executes") \
            if blocker is None else blocker
        self.record_action.setToolTip(tip)
        self.record_action.setStatusTip(tip)

    def _confirm_record(self, text: str) -> bool:
        answer = QMessageBox.question(self.window, self.tr("Record run"), text)
        return answer == QMessageBox.StandardButton.Yes

    def record_run(self) -> bool:
        blocker = self.record_blocker()
        if blocker is not None or self.record is None or self.dry.last_result is None:
            self.show_notice(self.tr("Cannot record: {0}").format(blocker))
            return False
        contract_id = self.files.contract_id
        deployed = self.deployments[contract_id]
        result = self.dry.last_result
        text = self.tr("Record {0} allocation(s), {1:,} units, as a run of {2} version {3}? Every replica will "
                       "re-execute it.").format(len(result.allocations), sum(a["qty"] for a in result.allocations),
                                               contract_id, deployed["version"])
        if not self.confirm_record(text):
            return False
        self.run_requested.emit(contract_id, deployed["version"], result)
        self.record(contract_id, deployed["version"], result)
        return True
