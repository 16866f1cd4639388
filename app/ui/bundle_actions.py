"""File > Export bundle / Import bundle: sneakernet from the client, with progress, off the GUI thread."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from app.net.bundle import (BundleError, ExportReport, ImportReport, Progress, export_bundle, import_bundle,
                            read_frontier)
from app.node import NodeError
from app.ui.bridge import NodeBridge

FILTER = "Relief Ledger bundles (*.rlb);;All files (*)"


class _Progress(QObject):
    moved = Signal(int, int)
    ended = Signal()
    finished = Signal(object)


def _in_background(parent: QWidget, bridge: NodeBridge, title: str, job: Callable[[Progress], object],
                   finished: Callable[[object], None]) -> None:
    """Run `job(progress)` on the node worker behind a progress dialog; errors reach the operator through
    the bridge's job_failed like every node error, and the dialog closes either way."""
    dialog = QProgressDialog(title, "", 0, 0, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setCancelButton(None)
    dialog.setMinimumDuration(300)
    relay = _Progress(dialog)

    def moved(done: int, total: int) -> None:
        dialog.setRange(0, max(total, 1))
        dialog.setValue(done)
    relay.moved.connect(moved)
    relay.ended.connect(dialog.close)
    relay.finished.connect(finished)

    def work() -> object:
        try:
            return job(relay.moved.emit)
        except (BundleError, OSError) as exc:
            raise NodeError(str(exc)) from exc
        finally:
            relay.ended.emit()
    bridge.run(work, relay.finished.emit, title)


def export_dialog(parent: QWidget, bridge: NodeBridge, path: str | None = None, frontier_path: str | None = None) -> None:
    """Write what another replica lacks (everything, or beyond its frontier file) to one sealed file."""
    if path is None:
        path, _ = QFileDialog.getSaveFileName(parent, parent.tr("Export bundle for a USB stick"),
                                              "relief-ledger.rlb", FILTER)
        if not path:
            return
        if frontier_path is None and QMessageBox.question(
                parent, parent.tr("Export bundle"),
                parent.tr("Do you have the receiving replica's frontier file (from `relief-ledger bundle frontier`)? "
                          "With it the bundle holds only what they lack; without it, everything.")) \
                == QMessageBox.StandardButton.Yes:
            frontier_path, _ = QFileDialog.getOpenFileName(parent, parent.tr("Frontier file"), "", "JSON (*.json)")
    node = bridge.node

    def job(progress: Progress) -> ExportReport:
        frontier = None
        if frontier_path:
            with open(frontier_path, "rb") as stream:
                frontier = read_frontier(stream)
        return export_bundle(node, Path(path), frontier, progress=progress)

    _in_background(parent, bridge, parent.tr("Exporting bundle…"), job, lambda report: QMessageBox.information(
        parent, parent.tr("Bundle exported"), report.summary()))


def import_dialog(parent: QWidget, bridge: NodeBridge, path: str | None = None,
                  on_done: Callable[[ImportReport], None] | None = None) -> None:
    """Validate a bundle exactly like sync; say what was new, refused and why."""
    if path is None:
        path, _ = QFileDialog.getOpenFileName(parent, parent.tr("Import bundle"), "", FILTER)
        if not path:
            return
    node = bridge.node

    def finished(report: ImportReport) -> None:
        clean = report.sealed and not report.refused and not report.unplaced
        box = QMessageBox.information if clean else QMessageBox.warning
        box(parent, parent.tr("Bundle imported") if clean else parent.tr("Bundle imported with problems"),
            report.summary())
        if on_done:
            on_done(report)

    _in_background(parent, bridge, parent.tr("Importing bundle…"),
                   lambda progress: import_bundle(node, Path(path), progress=progress), finished)
