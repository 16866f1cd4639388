"""File > Export bundle / Import bundle: sneakernet from the client, with progress, off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app.net.bundle import (
    BundleError,
    ExportReport,
    ImportReport,
    Progress,
    export_bundle,
    import_bundle,
    read_frontier,
)
from app.node import NodeError
from app.ui.background import BackgroundOp
from app.ui.bridge import NodeBridge
from app.ui.i18n import tr
from app.ui.widgets import exercise_file_name, exercise_prefix

FILTER = "Relief Ledger bundles (*.rlb);;All files (*)"
T = TypeVar("T")  # what a bundle job returns and its `finished` receives: an export or an import report


def _in_background(parent: QWidget, bridge: NodeBridge, title: str, job: Callable[[Progress], T],
                   finished: Callable[[T], None]) -> None:
    """Run `job(progress)` in the node's lane behind a progress dialog; errors reach the operator through
    the bridge's job_failed like every node error, and the dialog closes either way."""
    def work(op: BackgroundOp) -> T:
        try:
            return job(op.report)
        except (BundleError, OSError) as exc:
            raise NodeError(str(exc)) from exc
    bridge.run_op(work, finished, title, parent)


def export_dialog(parent: QWidget, bridge: NodeBridge, path: str | None = None,
                  frontier_path: str | None = None) -> None:
    """Write what another replica lacks (everything, or beyond its frontier file) to one sealed file."""
    exercise = bridge.node.is_exercise
    if path is None:
        path, _ = QFileDialog.getSaveFileName(parent, tr("Export bundle for a USB stick"),
                                              exercise_file_name("relief-ledger.rlb", exercise), FILTER)
        if not path:
            return
        if frontier_path is None and QMessageBox.question(
                parent, tr("Export bundle"),
                tr("Do you have the receiving replica's frontier file (from `relief-ledger bundle frontier`)? "
                          "With it the bundle holds only what they lack; without it, everything.")) \
                == QMessageBox.StandardButton.Yes:
            frontier_path, _ = QFileDialog.getOpenFileName(parent, tr("Frontier file"), "", "JSON (*.json)")
    node = bridge.node

    def job(progress: Progress) -> ExportReport:
        frontier = None
        if frontier_path:
            with open(frontier_path, "rb") as stream:
                frontier = read_frontier(stream)
        return export_bundle(node, Path(path), frontier, progress=progress)

    def finished(report: ExportReport) -> None:
        QMessageBox.information(parent, _titled(tr("Bundle exported"), exercise),
                                _of_exercise(report.summary(), exercise))

    _in_background(parent, bridge, tr("Exporting bundle…"), job, finished)


def import_dialog(parent: QWidget, bridge: NodeBridge, path: str | None = None,
                  on_done: Callable[[ImportReport], None] | None = None) -> None:
    """Validate a bundle exactly like sync; say what was new, refused and why."""
    if path is None:
        path, _ = QFileDialog.getOpenFileName(parent, tr("Import bundle"), "", FILTER)
        if not path:
            return
    node = bridge.node
    exercise = node.is_exercise

    def finished(report: ImportReport) -> None:
        clean = report.sealed and not report.refused and not report.unplaced
        box = QMessageBox.information if clean else QMessageBox.warning
        box(parent, _titled(tr("Bundle imported") if clean else tr("Bundle imported with problems"), exercise),
            _of_exercise(report.summary(), exercise))
        if on_done:
            on_done(report)

    _in_background(parent, bridge, tr("Importing bundle…"),
                   lambda progress: import_bundle(node, Path(path), progress=progress), finished)


def _titled(title: str, exercise: bool) -> str:
    return exercise_prefix() + title if exercise else title


def _of_exercise(summary: str, exercise: bool) -> str:
    """A report about an exercise replica says so on its first line."""
    return tr("EXERCISE network — nothing in it is a real movement.") + "\n\n" + summary if exercise else summary
