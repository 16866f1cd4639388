"""File > Export bundle / Import bundle: sneakernet from the client, with progress, off the GUI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from app.net.bundle import BundleError, ImportReport, export_bundle, import_bundle, read_frontier
from app.ui.bridge import NodeBridge

FILTER = "Relief Ledger bundles (*.rlb);;All files (*)"


class _Progress(QObject):
    moved = Signal(int, int)
    finished = Signal(object)


def _progress_dialog(parent: QWidget, title: str) -> tuple[QProgressDialog, _Progress]:
    dialog = QProgressDialog(title, "", 0, 0, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setCancelButton(None)
    dialog.setMinimumDuration(300)
    relay = _Progress(dialog)

    def moved(done: int, total: int) -> None:
        dialog.setRange(0, max(total, 1))
        dialog.setValue(done)
    relay.moved.connect(moved)
    return dialog, relay


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
    dialog, relay = _progress_dialog(parent, parent.tr("Exporting bundle…"))
    node = bridge.node

    def job():  # type: ignore[no-untyped-def]
        frontier = None
        if frontier_path:
            with open(frontier_path, "rb") as stream:
                frontier = read_frontier(stream)
        return export_bundle(node, Path(path), frontier, progress=relay.moved.emit)

    def done(report) -> None:  # type: ignore[no-untyped-def]
        relay.finished.emit(report)
    relay.finished.connect(lambda report: (dialog.close(), QMessageBox.information(
        parent, parent.tr("Bundle exported"), report.summary()) if report else None))
    bridge.job_failed.connect(dialog.close)
    bridge.run(lambda: _guarded(job), done, parent.tr("Exporting bundle…"))


def import_dialog(parent: QWidget, bridge: NodeBridge, path: str | None = None,
                  on_done=None) -> None:  # type: ignore[no-untyped-def]
    """Validate a bundle exactly like sync; say what was new, refused and why."""
    if path is None:
        path, _ = QFileDialog.getOpenFileName(parent, parent.tr("Import bundle"), "", FILTER)
        if not path:
            return
    dialog, relay = _progress_dialog(parent, parent.tr("Importing bundle…"))
    node = bridge.node

    def finished(report: ImportReport | None) -> None:
        dialog.close()
        if report is None:
            return
        clean = report.sealed and not report.refused and not report.unplaced
        box = QMessageBox.information if clean else QMessageBox.warning
        box(parent, parent.tr("Bundle imported") if clean else parent.tr("Bundle imported with problems"),
            report.summary())
        if on_done:
            on_done(report)
    relay.finished.connect(finished)
    bridge.job_failed.connect(dialog.close)
    bridge.run(lambda: _guarded(lambda: import_bundle(node, Path(path), progress=relay.moved.emit)),
               relay.finished.emit, parent.tr("Importing bundle…"))


def _guarded(job):  # type: ignore[no-untyped-def]
    """Bundle errors become the operator message of the bridge's job_failed, like every node error."""
    from app.node import NodeError

    try:
        return job()
    except (BundleError, OSError) as exc:
        raise NodeError(str(exc)) from exc
