"""The allocation contract editor: write a contract, check it, dry-run it against current state.

Deployment is a permissioned edit (approvals workflow); until a caller provides a way to propose
one, "Propose deployment…" stays disabled and says why. When enabled it emits
`deployment_requested(contract_id, version, source, runtime_version)` and calls the callable.
"Record run…" signs the last dry run as an `allocation.run` through a second callable; it is
enabled only while that dry run used exactly the deployed source of the deployed version.
The main window wires both (app/ui/contract_actions.py); `notice` carries their outcome.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QBrush, QCloseEvent, QColor, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.contracts import geo
from app.contracts.isolated import DEFAULT_MEMORY_MB, run_isolated
from app.contracts.runtime import (
    DEFAULT_BUDGET,
    RUNTIME_VERSION,
    ContractError,
    Diagnostic,
    ParamSpec,
    RunResult,
    declared_params,
    lint,
    run_contract,
)
from app.contracts.snapshot import build_snapshot
from app.contracts.templates import TEMPLATES, template_source
from app.core.types import Tables
from app.ui.background import BackgroundOp, BackgroundRunner, run_in_background
from app.ui.contract_code import CodeEditor
from app.ui.runs_view import RunsTable

PROPOSE_DISABLED_TIP = "not connected to a ledger"
LINT_DELAY_MS = 300
PLAN_COLUMNS = ["Request", "Item", "From", "Lot", "Qty", "To", "Priority", "Distance (km)"]
DIFF_COLUMNS = ["Change", "Request", "Item", "From", "Lot", "Before", "After"]


def plan_key(alloc: dict) -> tuple[str, str, str, str]:
    return alloc["request"], alloc["item"], alloc["from_site"], alloc.get("lot") or ""


def diff_plans(before: list[dict], after: list[dict]) -> list[tuple[str, tuple, int, int]]:
    """(change, key, before qty, after qty) for each allocation that appeared, vanished or changed."""
    old: dict[tuple, int] = {}
    new: dict[tuple, int] = {}
    for alloc in before:
        old[plan_key(alloc)] = old.get(plan_key(alloc), 0) + alloc["qty"]
    for alloc in after:
        new[plan_key(alloc)] = new.get(plan_key(alloc), 0) + alloc["qty"]
    rows = []
    for key in sorted(set(old) | set(new)):
        a, b = old.get(key, 0), new.get(key, 0)
        if a == b:
            continue
        rows.append(("added" if not a else "removed" if not b else "changed", key, a, b))
    return rows


class ParamsForm(QWidget):
    """One editor per declared parameter; values survive re-parsing while the name and kind stay."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_ = QFormLayout(self)
        self.specs: list[ParamSpec] = []
        self.widgets: dict[str, QWidget] = {}
        self.note = QLabel(self.tr("The contract declares no parameters (PARAMS)."))
        self.note.setWordWrap(True)
        self.layout_.addRow(self.note)

    def set_specs(self, specs: list[ParamSpec]) -> None:
        if [(s.name, s.kind, s.default, s.choices) for s in specs] == \
                [(s.name, s.kind, s.default, s.choices) for s in self.specs]:
            return
        kept = {s.name: (s.kind, self.value_of(s)) for s in self.specs}
        while self.layout_.rowCount():
            self.layout_.removeRow(0)
        self.specs, self.widgets = list(specs), {}
        self.note = QLabel(self.tr("The contract declares no parameters (PARAMS)."))
        self.note.setVisible(not specs)
        self.layout_.addRow(self.note)
        for spec in specs:
            value = kept[spec.name][1] if spec.name in kept and kept[spec.name][0] == spec.kind else spec.default
            widget = self._widget(spec, value)
            if spec.help:
                widget.setToolTip(spec.help)
            self.widgets[spec.name] = widget
            self.layout_.addRow(spec.label or spec.name, widget)

    def _widget(self, spec: ParamSpec, value: Any) -> QWidget:
        if spec.kind == "bool":
            box = QCheckBox()
            box.setChecked(bool(value))
            box.toggled.connect(self.changed)
            return box
        if spec.kind == "int":
            spin = QSpinBox()
            spin.setRange(spec.minimum if spec.minimum is not None else -2_000_000_000,
                          spec.maximum if spec.maximum is not None else 2_000_000_000)
            spin.setValue(int(value))
            spin.valueChanged.connect(self.changed)
            return spin
        if spec.kind == "choice":
            combo = QComboBox()
            combo.addItems([str(c) for c in spec.choices])
            combo.setCurrentIndex(list(spec.choices).index(value) if value in spec.choices else 0)
            combo.currentIndexChanged.connect(self.changed)
            return combo
        line = QLineEdit(", ".join(value) if spec.kind == "list" else str(value))
        if spec.kind == "list":
            line.setPlaceholderText(self.tr("comma-separated"))
        line.textChanged.connect(self.changed)
        return line

    def value_of(self, spec: ParamSpec) -> Any:
        widget = self.widgets[spec.name]
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        if isinstance(widget, QSpinBox):
            return widget.value()
        if isinstance(widget, QComboBox):
            return spec.choices[widget.currentIndex()]
        text = widget.text()  # type: ignore[attr-defined]  # every other parameter widget is a QLineEdit
        if spec.kind == "list":
            return [part.strip() for part in text.split(",") if part.strip()]
        return text

    def values(self) -> dict:
        return {spec.name: self.value_of(spec) for spec in self.specs}


class ContractEditor(QMainWindow):
    """Edit, check and dry-run one allocation contract (a .star file)."""

    deployment_requested = Signal(str, int, str, str)   # contract id, version, source, runtime version
    dry_run_finished = Signal(object)                   # RunResult or ContractError
    run_requested = Signal(str, int, object)            # contract id, deployed version, RunResult
    notice = Signal(str)                                # outcome of a proposal or run (any thread may emit)

    def __init__(self, tables: Callable[[], Tables] | None = None, propose: Callable[..., Any] | None = None,
                 parent: QWidget | None = None, budget: int = DEFAULT_BUDGET, isolated: bool = True,
                 memory_mb: int = DEFAULT_MEMORY_MB) -> None:
        super().__init__(parent)
        self.isolated, self.memory_mb = isolated, memory_mb   # dry runs in a child process (see isolated.py)
        self.tables_provider = tables
        self.propose = propose
        self.record: Callable[[str, int, RunResult], Any] | None = None
        self.deployments: dict[str, dict] = {}       # the ledger's `contracts` table
        self.confirm_record: Callable[[str], bool] = self._confirm_record   # tests replace it
        self.budget = budget
        self.path: Path | None = None
        self.contract_id = "untitled"
        self.version = 1
        self.last_result: RunResult | None = None
        self.previous_result: RunResult | None = None
        self.last_error: ContractError | None = None
        self.lint_markers: list[Diagnostic] = []
        self.run_markers: list[Diagnostic] = []
        self.sites: dict[str, dict] = {}
        self.generation = 0
        self.running = False
        self.controller: QObject | None = None   # what deploys and records runs for the window that opened us
        self.ask_discard: Callable[[], str] = self._ask_discard   # "save", "discard" or "cancel"; tests replace it
        self.resize(1280, 800)

        self.editor = CodeEditor()
        self.params = ParamsForm()
        self.plan_model = QStandardItemModel(0, len(PLAN_COLUMNS), self)
        self.plan_model.setHorizontalHeaderLabels(PLAN_COLUMNS)
        self.plan_view = self._table(self.plan_model)
        self.diff_model = QStandardItemModel(0, len(DIFF_COLUMNS), self)
        self.diff_model.setHorizontalHeaderLabels(DIFF_COLUMNS)
        self.diff_view = self._table(self.diff_model)
        self.problems = QListWidget()
        self.problems.itemActivated.connect(self._jump_to_problem)
        self.problems.itemClicked.connect(self._jump_to_problem)
        self.summary = QLabel(self.tr("Dry run: not run yet (F5)."))
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.tabs = QTabWidget()
        params_page = QWidget()
        params_layout = QVBoxLayout(params_page)
        params_layout.addWidget(self.params)
        params_layout.addStretch(1)
        self.tabs.addTab(self.plan_view, self.tr("Plan"))
        self.tabs.addTab(self.diff_view, self.tr("Changes since last dry run"))
        self.tabs.addTab(params_page, self.tr("Parameters"))
        self.runs = RunsTable()
        self.tabs.addTab(self.runs, self.tr("Runs"))
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.summary)
        right_layout.addWidget(self.tabs, 1)
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.editor)
        left.addWidget(self.problems)
        left.setSizes([600, 140])
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([700, 580])
        self.setCentralWidget(split)

        self.lint_timer = QTimer(self)
        self.lint_timer.setSingleShot(True)
        self.lint_timer.setInterval(LINT_DELAY_MS)
        self.lint_timer.timeout.connect(self.check)
        self.editor.textChanged.connect(self._on_text_changed)
        self.editor.document().modificationChanged.connect(lambda _m: self._update_title())
        self.notice.connect(self._show_notice)
        self._build_actions()
        self.new_from_template("priority_first", ask=False)

    def _table(self, model: QStandardItemModel) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        view.setSortingEnabled(True)
        view.verticalHeader().hide()
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.horizontalHeader().setStretchLastSection(True)
        view.setAlternatingRowColors(True)
        return view

    # -- actions -----------------------------------------------------------------------------------------
    def _build_actions(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&Contract"))
        templates = file_menu.addMenu(self.tr("New from template"))
        self.template_actions: dict[str, QAction] = {}
        for key, title in TEMPLATES.items():
            self.template_actions[key] = templates.addAction(title, self._template_opener(key))
        self.open_action = file_menu.addAction(self.tr("Open…"), self.open_file)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.save_action = file_menu.addAction(self.tr("Save"), self.save)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        file_menu.addAction(self.tr("Save as…"), self.save_as).setShortcut(QKeySequence.StandardKey.SaveAs)
        file_menu.addSeparator()
        self.propose_action = file_menu.addAction(self.tr("Propose deployment…"), self.propose_deployment)
        self.record_action = file_menu.addAction(self.tr("Record run…"), self.record_run)
        file_menu.addSeparator()
        file_menu.addAction(self.tr("Close"), self.close).setShortcut(QKeySequence.StandardKey.Close)

        edit = bar.addMenu(self.tr("&Edit"))
        self.undo_action = edit.addAction(self.tr("Undo"), self.editor.undo)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = edit.addAction(self.tr("Redo"), self.editor.redo)
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.editor.undoAvailable.connect(self.undo_action.setEnabled)
        self.editor.redoAvailable.connect(self.redo_action.setEnabled)
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)

        run = bar.addMenu(self.tr("&Run"))
        self.check_action = run.addAction(self.tr("Check (lint)"), self.check)
        self.check_action.setShortcut(QKeySequence("Ctrl+L"))
        self.dry_run_action = run.addAction(self.tr("Dry run against current state"), self.dry_run)
        self.dry_run_action.setShortcut(QKeySequence("F5"))

        toolbar = self.addToolBar(self.tr("Contract"))
        toolbar.setObjectName("toolbar-contract")
        for action in (self.open_action, self.save_action, self.undo_action, self.redo_action, self.dry_run_action,
                       self.propose_action, self.record_action):
            toolbar.addAction(action)
        self.set_propose(self.propose)
        self.update_record_action()

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
        if any(m.severity == "error" for m in self.check()):
            self._show_notice(self.tr("Not proposed: fix the errors marked in the source first."))
            return
        deployed = self.deployments.get(self.contract_id)
        self.version = deployed["version"] + 1 if deployed else 1
        args = (self.contract_id, self.version, self.source(), RUNTIME_VERSION)
        self.deployment_requested.emit(*args)
        self.propose(*args)

    # -- deployment and runs -----------------------------------------------------------------------------
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
        deployed = self.deployments.get(self.contract_id)
        if deployed is None:
            return self.tr("contract {0} is not deployed; propose its deployment first").format(self.contract_id)
        source_digest = hashlib.sha256(self.source().encode("utf-8")).hexdigest()
        if source_digest != deployed["source_sha256"]:
            return self.tr("the text differs from deployed version {0}").format(deployed["version"])
        if self.running or self.last_result is None or self.last_error is not None:
            return self.tr("dry-run the deployed contract first (F5)")
        if self.last_result.source_digest != deployed["source_sha256"]:
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
        answer = QMessageBox.question(self, self.tr("Record run"), text)
        return answer == QMessageBox.StandardButton.Yes

    def record_run(self) -> bool:
        blocker = self.record_blocker()
        if blocker is not None or self.record is None or self.last_result is None:
            self._show_notice(self.tr("Cannot record: {0}").format(blocker))
            return False
        deployed = self.deployments[self.contract_id]
        result = self.last_result
        text = self.tr("Record {0} allocation(s), {1:,} units, as a run of {2} version {3}? Every replica will "
                       "re-execute it.").format(len(result.allocations), sum(a["qty"] for a in result.allocations),
                                               self.contract_id, deployed["version"])
        if not self.confirm_record(text):
            return False
        self.run_requested.emit(self.contract_id, deployed["version"], result)
        self.record(self.contract_id, deployed["version"], result)
        return True

    def _show_notice(self, text: str) -> None:
        self.summary.setText(text)
        self.statusBar().showMessage(text, 15000)

    # -- document ----------------------------------------------------------------------------------------
    def source(self) -> str:
        return self.editor.toPlainText()

    def set_source(self, text: str, contract_id: str, path: Path | None) -> None:
        self.editor.setPlainText(text)
        self.editor.document().setModified(False)
        self.contract_id, self.path, self.version = contract_id, path, 1
        self.previous_result = self.last_result = None
        self.check()
        self._update_title()
        if hasattr(self, "record_action"):
            self.update_record_action()

    def _update_title(self) -> None:
        name = self.path.name if self.path else f"{self.contract_id}.star"
        star = "*" if self.editor.document().isModified() else ""
        self.setWindowTitle(self.tr("Contract editor — {0}{1}").format(name, star))

    def _ask_discard(self) -> str:
        answer = QMessageBox.question(
            self, self.tr("Unsaved changes"),
            self.tr("The contract has unsaved changes. Save them first?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)
        return {QMessageBox.StandardButton.Save: "save", QMessageBox.StandardButton.Discard: "discard"}.get(
            answer, "cancel")

    def may_discard(self) -> bool:
        """True when the current text may be replaced (saved, or the operator chose so)."""
        if not self.editor.document().isModified():
            return True
        answer = self.ask_discard()
        if answer == "save":
            return self.save()
        return answer == "discard"

    def _template_opener(self, key: str) -> Callable[[], object]:
        """One menu action per template; each opens its own key (a closure, not a lambda default)."""
        return lambda: self.new_from_template(key)

    def new_from_template(self, key: str, ask: bool = True) -> bool:
        if ask and not self.may_discard():
            return False
        self.set_source(template_source(key), key, None)
        return True

    def open_file(self, path: str | Path | None = None) -> bool:
        if not self.may_discard():
            return False
        if path is None:
            start = QSettings().value("contracts/dir", "")
            chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Open contract"), str(start),
                                                    self.tr("Starlark contracts (*.star);;All files (*)"))
            if not chosen:
                return False
            path = chosen
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            QMessageBox.warning(self, self.tr("Open contract"),
                                self.tr("Cannot read {0}: {1}").format(path, exc))
            return False
        QSettings().setValue("contracts/dir", str(path.parent))
        self.set_source(text, path.stem, path)
        return True

    def save(self) -> bool:
        if self.path is None:
            return self.save_as()
        return self._write(self.path)

    def save_as(self, path: str | Path | None = None) -> bool:
        if path is None:
            start = Path(str(QSettings().value("contracts/dir", ""))) / f"{self.contract_id}.star"
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Save contract"), str(start),
                                                    self.tr("Starlark contracts (*.star)"))
            if not chosen:
                return False
            path = chosen
        path = Path(path)
        if path.suffix != ".star":
            path = path.with_suffix(".star")
        if not self._write(path):
            return False
        self.path, self.contract_id = path, path.stem
        self._update_title()
        return True

    def _write(self, path: Path) -> bool:
        try:
            tmp = path.with_suffix(path.suffix + ".tmp")
            tmp.write_text(self.source(), encoding="utf-8")
            tmp.replace(path)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Save contract"), self.tr("Cannot save {0}: {1}").format(path, exc))
            return False
        self.editor.document().setModified(False)
        self.statusBar().showMessage(self.tr("Saved {0}").format(path), 4000)
        return True

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if not self.may_discard():
            event.ignore()
            return
        self.generation += 1
        BackgroundRunner.instance().cancel_lane(self)   # a dry run still going stops; queued ones never start
        super().closeEvent(event)

    # -- checking ----------------------------------------------------------------------------------------
    def _on_text_changed(self) -> None:
        self.run_markers = []
        self.update_record_action()
        self.lint_timer.start()

    def check(self) -> list[Diagnostic]:
        """Lint now; on a clean parse, refresh the parameter form from PARAMS."""
        self.lint_timer.stop()
        source = self.source()
        self.lint_markers = lint(source)
        if not any(m.severity == "error" for m in self.lint_markers):
            try:
                self.params.set_specs(declared_params(source))
            except ContractError as exc:
                self.lint_markers.append(self._diagnostic(exc))
        self._show_markers()
        return self.lint_markers

    @staticmethod
    def _diagnostic(exc: ContractError) -> Diagnostic:
        line, col = exc.line or 1, exc.column or 1
        return Diagnostic("error", exc.message, line, col, exc.end_line or line, exc.end_column or col, exc.kind)

    def markers(self) -> list[Diagnostic]:
        merged = {(m.line, m.column, m.message): m for m in self.lint_markers + self.run_markers}
        return sorted(merged.values(), key=lambda m: (m.line, m.column))

    def _show_markers(self) -> None:
        markers = self.markers()
        self.editor.set_markers(markers)
        self.problems.clear()
        for m in markers:
            item = QListWidgetItem(f"{m.line}:{m.column}  {m.severity}: {m.message}")
            item.setData(Qt.ItemDataRole.UserRole, (m.line, m.column))
            item.setForeground(QBrush({"error": QColor(180, 0, 0), "warning": QColor(150, 90, 0)}.get(
                m.severity, QColor(60, 90, 150))))
            self.problems.addItem(item)
        if not markers:
            self.problems.addItem(QListWidgetItem(self.tr("No problems found.")))
            self.problems.item(0).setForeground(QBrush(QColor(130, 130, 130)))
            self.problems.item(0).setData(Qt.ItemDataRole.UserRole, None)

    def _jump_to_problem(self, item: QListWidgetItem) -> None:
        position = item.data(Qt.ItemDataRole.UserRole)
        if position:
            self.editor.go_to(*position)

    def error_markers(self) -> list[Diagnostic]:
        return [m for m in self.markers() if m.severity == "error"]

    # -- dry run -----------------------------------------------------------------------------------------
    def dry_run(self) -> None:
        """Snapshot current state and run the contract on a worker thread; the plan arrives later."""
        self.check()
        if self.tables_provider is None:
            self.summary.setText(self.tr("Dry run unavailable: no ledger state is connected."))
            return
        try:
            params = self.params.values()
        except ValueError as exc:
            self.summary.setText(str(exc))
            return
        self.generation += 1
        generation, source, provider, budget = self.generation, self.source(), self.tables_provider, self.budget
        self.running = True
        self.update_record_action()
        self.dry_run_action.setEnabled(False)
        self.summary.setText(self.tr("Dry run: running…"))

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
        run_in_background(self, self.tr("Dry run: running…"), work,
                          lambda result: self._on_finished(generation, result), cancellable=True, lane=self)

    def _on_finished(self, generation: int, result: Any) -> None:
        if generation != self.generation:
            return
        self.running = False
        self.dry_run_action.setEnabled(True)
        if isinstance(result, RunResult):
            self.last_error = None
            self.run_markers = []
            self.previous_result, self.last_result = self.last_result, result
            self.sites = result.snapshot["sites"]  # type: ignore[attr-defined]  # attached by dry_run's work()
            self.plan_view.setEnabled(True)
            self._fill_plan(result)
            self._fill_diff()
            total = sum(a["qty"] for a in result.allocations)
            self.summary.setText(self.tr(
                "Dry run OK: {0} allocation(s), {1:,} units, {2:,} of {3:,} steps. Input {4}… output {5}…").format(
                len(result.allocations), total, result.steps, self.budget, result.input_digest[:12],
                result.output_digest[:12]))
            self.tabs.setCurrentIndex(0)
        elif isinstance(result, ContractError):
            self.last_error = result
            self.plan_view.setEnabled(False)   # the plan shown is the last good one: greyed out
            self.run_markers = [self._diagnostic(result)] if result.line else []
            where = self.tr(" (line {0}, column {1})").format(result.line, result.column) if result.line else ""
            self.summary.setText(self.tr("Dry run failed — {0}{1}: {2}").format(result.kind, where, result.message))
        else:
            self.last_error = None
            self.summary.setText(self.tr("Dry run failed: {0}: {1}").format(type(result).__name__, result))
        self._show_markers()
        self.update_record_action()
        self.dry_run_finished.emit(result)

    def _fill_plan(self, result: RunResult) -> None:
        self.plan_view.setSortingEnabled(False)
        self.plan_model.removeRows(0, self.plan_model.rowCount())
        # dry_run attached the snapshot it ran on (see its work()), which RunResult does not declare
        requests = {r["request"]: r for r in result.snapshot["requests"]}  # type: ignore[attr-defined]  # see dry_run
        for alloc in result.allocations:
            request = requests.get(alloc["request"], {})
            to = request.get("site", "")
            km: int | str = ""
            a, b = self.sites.get(alloc["from_site"]), self.sites.get(to)
            if a and b:
                km = geo.distance_m(a["lat_e6"], a["lon_e6"], b["lat_e6"], b["lon_e6"]) // 1000
            values = [alloc["request"], alloc["item"], alloc["from_site"], alloc.get("lot", ""), alloc["qty"], to,
                      request.get("priority", ""), km]
            self.plan_model.appendRow([self._cell(v) for v in values])
        self.plan_view.setSortingEnabled(True)

    @staticmethod
    def _cell(value: Any) -> QStandardItem:
        item = QStandardItem(f"{value:,}" if isinstance(value, int) else str(value))
        item.setData(value, Qt.ItemDataRole.UserRole)
        if isinstance(value, int):
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return item

    def _fill_diff(self) -> None:
        self.diff_model.removeRows(0, self.diff_model.rowCount())
        if self.previous_result is None or self.last_result is None:
            return
        colors = {"added": QColor(220, 245, 220), "removed": QColor(250, 220, 220), "changed": QColor(250, 245, 210)}
        for change, (request, item, site, lot), before, after in diff_plans(self.previous_result.allocations,
                                                                              self.last_result.allocations):
            cells = [self._cell(v) for v in (change, request, item, site, lot, before, after)]
            for cell in cells:
                cell.setBackground(colors[change])
            self.diff_model.appendRow(cells)
        self.tabs.setTabText(1, self.tr("Changes since last dry run ({0})").format(self.diff_model.rowCount()))
