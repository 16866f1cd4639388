"""The allocation contract editor window: widgets, layout, menus, and the wiring between its parts.

Each job has its own collaborator: `contract_files.ContractFiles` (templates, open, save, asking
before unsaved text is lost), `contract_dry_run.ContractDryRun` (dry runs in a background lane,
cancellation, the last result), `contract_deployment.ContractDeployment` (propose a deployment,
record a run, and when either is allowed) and `app.contracts.plans` (plan rows and the diff
between two dry runs, free of Qt). The window keeps linting, markers and showing results.
Callers and tests reach a collaborator's job through it (`editor.files.open_file`,
`editor.dry.budget`, `editor.deployment.record_blocker()`), not through pass-throughs here.
The main window wires proposing and recording (app/ui/contract_actions.py) through the three
calls the window keeps, `set_propose`, `set_record` and `set_deployments`: the controller wires
the window as a whole and need not know how it divides its work; `notice` carries their outcome.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QBrush, QCloseEvent, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.contracts.isolated import DEFAULT_MEMORY_MB
from app.contracts.plans import DIFF_COLUMNS, PLAN_COLUMNS, diff_plans, plan_rows
from app.contracts.runtime import (
    DEFAULT_BUDGET,
    ContractError,
    Diagnostic,
    ParamSpec,
    RunResult,
    declared_params,
    lint,
)
from app.contracts.templates import TEMPLATES
from app.core.types import Tables
from app.ui import palette
from app.ui.contract_code import CodeEditor
from app.ui.contract_deployment import PROPOSE_DISABLED_TIP, ContractDeployment
from app.ui.contract_dry_run import ContractDryRun
from app.ui.contract_files import ContractFiles
from app.ui.formatting import shown
from app.ui.i18n import QT_TRANSLATE_NOOP
from app.ui.runs_view import RunsTable
from app.ui.widgets import exercise_prefix, in_exercise

__all__ = ["PROPOSE_DISABLED_TIP", "ContractEditor", "ParamsForm"]

LINT_DELAY_MS = 300
# The plan and diff column headers (app/contracts/plans.py, which has no Qt), catalogued for translation.
HEADERS = (
    QT_TRANSLATE_NOOP("ContractEditor", "Request"), QT_TRANSLATE_NOOP("ContractEditor", "Item"),
    QT_TRANSLATE_NOOP("ContractEditor", "From"), QT_TRANSLATE_NOOP("ContractEditor", "Lot"),
    QT_TRANSLATE_NOOP("ContractEditor", "Qty"), QT_TRANSLATE_NOOP("ContractEditor", "To"),
    QT_TRANSLATE_NOOP("ContractEditor", "Priority"), QT_TRANSLATE_NOOP("ContractEditor", "Distance (km)"),
    QT_TRANSLATE_NOOP("ContractEditor", "Change"), QT_TRANSLATE_NOOP("ContractEditor", "Before"),
    QT_TRANSLATE_NOOP("ContractEditor", "After"),
)


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
        self.lint_markers: list[Diagnostic] = []
        self.run_markers: list[Diagnostic] = []
        self.sites: dict[str, dict] = {}
        self.controller: QObject | None = None   # what deploys and records runs for the window that opened us
        self.resize(1280, 800)

        self.editor = CodeEditor()
        self.files = ContractFiles(self, self.editor, self.set_source)
        self.files.renamed.connect(self._update_title)
        self.dry = ContractDryRun(tables, self, budget=budget, isolated=isolated, memory_mb=memory_mb)
        self.dry.finished.connect(self._on_finished)
        self.params = ParamsForm()
        self.plan_model = QStandardItemModel(0, len(PLAN_COLUMNS), self)
        self.plan_model.setHorizontalHeaderLabels([self.tr(column) for column in PLAN_COLUMNS])
        self.plan_view = self._table(self.plan_model)
        self.diff_model = QStandardItemModel(0, len(DIFF_COLUMNS), self)
        self.diff_model.setHorizontalHeaderLabels([self.tr(column) for column in DIFF_COLUMNS])
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
        self.set_propose(propose)
        self.deployment.update_record_action()
        self.files.new_from_template("priority_first", ask=False)

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
            self.template_actions[key] = templates.addAction(title, self.files.template_opener(key))
        self.open_action = file_menu.addAction(self.tr("Open…"), self.files.open_file)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.save_action = file_menu.addAction(self.tr("Save"), self.files.save)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        file_menu.addAction(self.tr("Save as…"), self.files.save_as).setShortcut(QKeySequence.StandardKey.SaveAs)
        file_menu.addSeparator()
        self.propose_action = file_menu.addAction(self.tr("Propose deployment…"))
        self.record_action = file_menu.addAction(self.tr("Record run…"))
        file_menu.addSeparator()
        file_menu.addAction(self.tr("Close"), self.close).setShortcut(QKeySequence.StandardKey.Close)
        self.deployment = ContractDeployment(
            self, self.files, self.dry, self.propose_action, self.record_action,
            lambda: any(m.severity == "error" for m in self.check()), self._show_notice)
        self.propose_action.triggered.connect(self.deployment.propose_deployment)
        self.record_action.triggered.connect(self.deployment.record_run)
        self.deployment.deployment_requested.connect(self.deployment_requested)
        self.deployment.run_requested.connect(self.run_requested)

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

    # -- the editor's controller (app/ui/contract_actions.py) wires the window, not its collaborators ---------
    def set_propose(self, propose: Callable[..., Any] | None) -> None:
        """Enable "Propose deployment…" with a callable(contract_id, version, source, runtime_version)."""
        self.deployment.set_propose(propose)

    def set_record(self, record: Callable[[str, int, RunResult], Any] | None) -> None:
        """Enable "Record run…" with a callable(contract_id, deployed version, RunResult)."""
        self.deployment.set_record(record)

    def set_deployments(self, contracts: dict[str, dict]) -> None:
        """The ledger's `contracts` table as it stands: what is deployed, at which version."""
        self.deployment.set_deployments(contracts)

    def _show_notice(self, text: str) -> None:
        self.summary.setText(text)
        self.statusBar().showMessage(text, 15000)

    # -- document ----------------------------------------------------------------------------------------
    def source(self) -> str:
        return self.editor.toPlainText()

    def set_source(self, text: str, contract_id: str, path: Path | None) -> None:
        self.editor.setPlainText(text)
        self.editor.document().setModified(False)
        self.files.contract_id, self.files.path, self.deployment.version = contract_id, path, 1
        self.dry.forget()
        self.check()
        self._update_title()
        self.deployment.update_record_action()

    def _update_title(self) -> None:
        name = self.files.path.name if self.files.path else f"{self.files.contract_id}.star"
        star = "*" if self.editor.document().isModified() else ""
        title = self.tr("Contract editor — {0}{1}").format(name, star)
        self.setWindowTitle(exercise_prefix() + title if in_exercise(self) else title)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if not self.files.may_discard():
            event.ignore()
            return
        self.dry.cancel()
        super().closeEvent(event)

    # -- checking ----------------------------------------------------------------------------------------
    def _on_text_changed(self) -> None:
        self.run_markers = []
        self.deployment.update_record_action()
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
            item.setForeground(QBrush(palette.tone({"error": "danger", "warning": "caution"}.get(m.severity, "info"))))
            self.problems.addItem(item)
        if not markers:
            self.problems.addItem(QListWidgetItem(self.tr("No problems found.")))
            self.problems.item(0).setForeground(QBrush(palette.tone("muted")))
            self.problems.item(0).setData(Qt.ItemDataRole.UserRole, None)

    def _jump_to_problem(self, item: QListWidgetItem) -> None:
        position = item.data(Qt.ItemDataRole.UserRole)
        if position:
            self.editor.go_to(*position)

    def error_markers(self) -> list[Diagnostic]:
        return [m for m in self.markers() if m.severity == "error"]

    # -- dry run ---------------------------------------------------------------------------------------------
    def dry_run(self) -> None:
        """Snapshot current state and run the contract on a worker thread; the plan arrives later."""
        self.check()
        if self.dry.tables_provider is None:
            self.summary.setText(self.tr("Dry run unavailable: no ledger state is connected."))
            return
        try:
            params = self.params.values()
        except ValueError as exc:
            self.summary.setText(str(exc))
            return
        self.dry.start(self.source(), params, self.tr("Dry run: running…"))
        self.deployment.update_record_action()
        self.dry_run_action.setEnabled(False)
        self.summary.setText(self.tr("Dry run: running…"))

    def _on_finished(self, result: Any) -> None:
        """Show the current dry run's outcome (ContractDryRun has already dropped stale ones)."""
        self.dry_run_action.setEnabled(True)
        if isinstance(result, RunResult):
            self.run_markers = []
            self.sites = result.snapshot["sites"]  # type: ignore[attr-defined]  # attached by ContractDryRun's work()
            self.plan_view.setEnabled(True)
            self._fill_plan(result)
            self._fill_diff()
            total = sum(a["qty"] for a in result.allocations)
            self.summary.setText(self.tr(
                "Dry run OK: {0} allocation(s), {1:,} units, {2:,} of {3:,} steps. Input {4}… output {5}…").format(
                len(result.allocations), total, result.steps, self.dry.budget, result.input_digest[:12],
                result.output_digest[:12]))
            self.tabs.setCurrentIndex(0)
        elif isinstance(result, ContractError):
            self.plan_view.setEnabled(False)   # the plan shown is the last good one: greyed out
            self.run_markers = [self._diagnostic(result)] if result.line else []
            where = self.tr(" (line {0}, column {1})").format(result.line, result.column) if result.line else ""
            self.summary.setText(self.tr("Dry run failed — {0}{1}: {2}").format(result.kind, where, result.message))
        else:
            self.summary.setText(self.tr("Dry run failed: {0}: {1}").format(type(result).__name__, result))
        self._show_markers()
        self.deployment.update_record_action()
        self.dry_run_finished.emit(result)

    def _fill_plan(self, result: RunResult) -> None:
        self.plan_view.setSortingEnabled(False)
        self.plan_model.removeRows(0, self.plan_model.rowCount())
        # ContractDryRun attached the snapshot it ran on, which RunResult does not declare
        requests = result.snapshot["requests"]  # type: ignore[attr-defined]  # see ContractDryRun.start
        items = result.snapshot.get("items", {})  # type: ignore[attr-defined]  # see ContractDryRun.start
        named = {PLAN_COLUMNS.index("Item"): items, PLAN_COLUMNS.index("From"): self.sites,
                 PLAN_COLUMNS.index("To"): self.sites}
        for values in plan_rows(result.allocations, requests, self.sites):
            cells = [self._cell(v) for v in values]
            for column, rows in named.items():   # names, as everywhere else; the code stays in the tooltip
                code = values[column]
                name = rows.get(code, {}).get("name") if isinstance(code, str) else None
                if name:
                    cells[column].setText(shown(name))
                    cells[column].setToolTip(shown(code))
            self.plan_model.appendRow(cells)
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
        previous, last = self.dry.previous_result, self.dry.last_result
        if previous is None or last is None:
            return
        colors = {"added": palette.tint("good"), "removed": palette.tint("danger"), "changed": palette.tint("warning")}
        for change, (request, item, site, lot), before, after in diff_plans(previous.allocations, last.allocations):
            cells = [self._cell(v) for v in (change, request, item, site, lot, before, after)]
            for cell in cells:
                cell.setBackground(colors[change])
            self.diff_model.appendRow(cells)
        self.tabs.setTabText(1, self.tr("Changes since last dry run ({0})").format(self.diff_model.rowCount()))
