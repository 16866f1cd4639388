"""The one way the client runs work off the GUI thread, in the spirit of Anki's CollectionOp.

Every job goes to one shared, bounded worker pool. Jobs that share a *lane* run one at a time in
the order they were asked for (all of one node's ledger writes share a lane, so entries are signed
in the order the operator made them); jobs in different lanes may run side by side. The result or
the failure always arrives on the GUI thread. A job still running after `progress_delay_ms` gets a
progress dialog (with a Cancel button when the job can stop early); a failure reaches the operator
as one sentence unless the caller handles it.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Callable, Hashable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from app.errors import ReliefLedgerError

log = logging.getLogger(__name__)

MAX_WORKERS = 4              # bounded: a burst of jobs queues instead of spawning threads
PROGRESS_DELAY_MS = 500      # work shorter than this never flashes a dialog


def failure_sentence(exc: BaseException) -> str:
    """What the operator reads: the project's own errors speak for themselves, others say what they are."""
    if isinstance(exc, ReliefLedgerError):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"


class Cancelled(ReliefLedgerError):
    """The job was dropped before it ran, or stopped early because its op was cancelled."""

    code = "cancelled"


class BackgroundOp:
    """One job's handle: the job reports progress and asks whether it should stop through it."""

    def __init__(self, runner: BackgroundRunner, parent: QObject | None, label: str,
                 job: Callable[[BackgroundOp], Any], on_done: Callable[[Any], None] | None,
                 on_failure: Callable[[BaseException], None] | None, progress: bool, cancellable: bool,
                 lane: Hashable | None) -> None:
        self.runner, self.parent, self.label, self.job = runner, parent, label, job
        self.on_done, self.on_failure = on_done, on_failure
        self.progress, self.cancellable, self.lane = progress, cancellable, lane
        self.dialog: QProgressDialog | None = None
        self.finished = False
        self._cancel = threading.Event()
        self._timer: QTimer | None = None
        self._moved: tuple[int, int] | None = None   # the last progress reported, for a dialog shown later

    # -- called from the job's thread ----------------------------------------------------------------
    def report(self, done: int, total: int) -> None:
        """Move the progress bar (any thread; Qt queues it to the GUI thread)."""
        self.runner._moved.emit(self, done, total)

    def cancelled(self) -> bool:
        """True once the operator pressed Cancel or the owner gave up on the job."""
        return self._cancel.is_set()

    # -- GUI thread --------------------------------------------------------------------------------------
    def cancel(self) -> None:
        self._cancel.set()

    def _show_progress(self) -> None:
        """The delay ran out with the job still going: show a dialog the operator can watch (and cancel)."""
        if self.finished or (self.parent is not None and not shiboken6.isValid(self.parent)) or not self.label:
            return
        dialog = QProgressDialog(self.label, QCoreApplication.translate("BackgroundOp", "Cancel"), 0, 0,
                                 self.window())
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(0)
        if self.cancellable:
            dialog.canceled.connect(self.cancel)
        else:
            dialog.setCancelButton(None)
        self.dialog = dialog
        if self._moved is not None:
            self._show_moved(*self._moved)
        dialog.show()

    def _show_moved(self, done: int, total: int) -> None:
        self._moved = (done, total)
        if self.dialog is not None:
            self.dialog.setRange(0, max(total, 1))
            self.dialog.setValue(min(done, max(total, 1)))

    def window(self) -> QWidget | None:
        """Where dialogs about this job appear: the asking widget, or none when a non-widget asked."""
        return self.parent if isinstance(self.parent, QWidget) else None

    def _close_progress(self) -> None:
        self.finished = True
        if self._timer is not None:
            self._timer.stop()
            self._timer.deleteLater()
            self._timer = None
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None


class BackgroundRunner(QObject):
    """The shared pool and its lanes; lives on the GUI thread, so its queued signals land there."""

    _finished = Signal(object, bool, object)     # op, ok, result or exception
    _moved = Signal(object, int, int)            # op, done, total

    _instance: BackgroundRunner | None = None

    def __init__(self, max_workers: int = MAX_WORKERS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.progress_delay_ms = PROGRESS_DELAY_MS
        self._pool = ThreadPoolExecutor(max_workers=max_workers, thread_name_prefix="relief-ledger-bg")
        self._lock = threading.Condition()
        self._lanes: dict[Hashable, deque[BackgroundOp]] = {}   # waiting ops of each busy lane
        self._running: dict[Hashable, BackgroundOp] = {}         # the op each busy lane is running
        self._unlaned = 0
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._moved.connect(self._move, Qt.ConnectionType.QueuedConnection)

    @classmethod
    def instance(cls) -> BackgroundRunner:
        """The client's one runner, made on first use on the GUI thread and owned by the application."""
        if cls._instance is None or not shiboken6.isValid(cls._instance):
            app = QCoreApplication.instance()
            if app is None:
                raise RuntimeError("background work needs a running QApplication")
            cls._instance = BackgroundRunner(parent=app)
        return cls._instance

    def run(self, parent: QObject | None, label: str, job: Callable[[BackgroundOp], Any],
            on_done: Callable[[Any], None] | None = None, on_failure: Callable[[BaseException], None] | None = None,
            *, progress: bool = True, cancellable: bool = False, lane: Hashable | None = None) -> BackgroundOp:
        """Queue `job(op)`; see `run_in_background`. Call on the GUI thread."""
        op = BackgroundOp(self, parent, label, job, on_done, on_failure, progress, cancellable, lane)
        if progress:
            op._timer = QTimer(self)
            op._timer.setSingleShot(True)
            op._timer.timeout.connect(op._show_progress)
            op._timer.start(self.progress_delay_ms)
        with self._lock:
            if lane is None:
                self._unlaned += 1
            elif lane in self._running:
                self._lanes.setdefault(lane, deque()).append(op)
                return op
            else:
                self._running[lane] = op
        self._pool.submit(self._work, op)
        return op

    def _work(self, op: BackgroundOp) -> None:
        """On a pool thread: run the job, hand the outcome to the GUI thread, start the lane's next job."""
        try:
            if op.cancelled():
                raise Cancelled(op.label)
            result: Any = op.job(op)
            ok = True
        except BaseException as exc:  # noqa: BLE001 - every failure goes to the GUI thread, none is lost
            if not isinstance(exc, Cancelled):
                log.warning("background job %r failed: %s", op.label, type(exc).__name__,
                            exc_info=log.isEnabledFor(logging.DEBUG))   # the traceback only when asked for
            result, ok = exc, False
        self._finished.emit(op, ok, result)
        with self._lock:
            if op.lane is None:
                self._unlaned -= 1
            else:
                waiting = self._lanes.get(op.lane)
                if waiting:
                    following = waiting.popleft()
                    if not waiting:
                        del self._lanes[op.lane]
                    self._running[op.lane] = following
                    self._pool.submit(self._work, following)
                else:
                    del self._running[op.lane]
            self._lock.notify_all()

    def _deliver(self, op: BackgroundOp, ok: bool, result: Any) -> None:
        """On the GUI thread: close the progress, then the result or the failure to whoever asked."""
        op._close_progress()
        if op.parent is not None and not shiboken6.isValid(op.parent):
            return   # the window that asked is gone; nobody is left to show the outcome to
        if ok:
            if op.on_done is not None:
                op.on_done(result)
        elif isinstance(result, Cancelled):
            return
        elif op.on_failure is not None:
            op.on_failure(result)
        else:
            QMessageBox.warning(op.window(), QCoreApplication.translate("BackgroundOp", "Relief Ledger"),
                                failure_sentence(result))

    def _move(self, op: BackgroundOp, done: int, total: int) -> None:
        if not op.finished:
            op._show_moved(done, total)

    def cancel_lane(self, lane: Hashable) -> None:
        """Ask the lane's running job to stop and drop its waiting ones (an editor closing, say)."""
        with self._lock:
            ops = list(self._lanes.get(lane, ()))
            if lane in self._running:
                ops.append(self._running[lane])
        for op in ops:
            op.cancel()   # a waiting op is skipped when its turn comes; its outcome is never delivered

    def wait_idle(self, lane: Hashable | None = None, timeout: float | None = None) -> bool:
        """Block until `lane` (or every job) has finished its work; True unless the timeout ran out.

        Only the jobs' own work is awaited: results reach their callers when the GUI loop next runs.
        """
        def idle() -> bool:
            if lane is not None:
                return lane not in self._running
            return not self._running and not self._unlaned
        with self._lock:
            return self._lock.wait_for(idle, timeout)


def run_in_background(parent: QObject | None, label: str, job: Callable[[BackgroundOp], Any],
                      on_done: Callable[[Any], None] | None = None,
                      on_failure: Callable[[BaseException], None] | None = None, *, progress: bool = True,
                      cancellable: bool = False, lane: Hashable | None = None) -> BackgroundOp:
    """Run `job(op)` on the shared pool and deliver its outcome on the GUI thread.

    `on_done(result)` gets the result; `on_failure(exc)` the exception, or else the operator reads
    it in a message box as one sentence. With `progress`, a dialog titled `label` appears if the job
    is still running after the runner's delay; with `cancellable` it has a Cancel button that sets
    `op.cancelled()`, which the job should check between steps (raising `Cancelled` or returning
    early). Jobs given the same `lane` run one after another in the order asked.
    """
    return BackgroundRunner.instance().run(parent, label, job, on_done, on_failure, progress=progress,
                                           cancellable=cancellable, lane=lane)
