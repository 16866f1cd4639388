"""The window's status bar: key, network, integrity (verify results) and the own-tail banner."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel, QMessageBox

from app.core.exercise import CLOCK_KEY, CLOCK_TABLE, scenario_time
from app.exercise.msel import format_time
from app.ui.formatting import shown
from app.ui.window_host import WindowHost

if TYPE_CHECKING:
    from app.node import VerifyReport


class WindowStatus(QObject):
    """One job: tell the operator how trustworthy this replica is right now, and who is signing."""

    def __init__(self, window: WindowHost) -> None:
        super().__init__(window.window())
        self.window = window
        self.node = window.node
        self.integrity = self.tr("not verified this session")
        identity = self.node.identity
        who = identity.fingerprint if identity else self.tr("read-only")
        self.status_key = QLabel(self.tr("Key {0}").format(who))
        self.status_network = QLabel(self.tr("Network {0} ({1})").format(self.node.network.get("name", "?"),
                                                                         self.node.network.get("kind", "?")))
        self.status_integrity = QLabel()
        self.status_peers = QLabel(self.tr("Peers 0"))
        self.status_approvals = QLabel(self.tr("Pending approvals 0"))
        for label in (self.status_key, self.status_network, self.status_integrity, self.status_peers,
                      self.status_approvals):
            window.statusBar().addPermanentWidget(label)
        self.show_integrity()
        self.status_exercise_clock: QLabel | None = None
        if self.node.is_exercise:   # players and control read the same exercise time
            self.status_exercise_clock = QLabel()
            self.status_exercise_clock.setObjectName("exercise-clock")
            window.statusBar().insertPermanentWidget(0, self.status_exercise_clock)
            self.clock_timer = QTimer(self)
            self.clock_timer.timeout.connect(self.show_exercise_clock)
            self.clock_timer.start(1000)
            self.show_exercise_clock()

    def show_exercise_clock(self, now_ms: int | None = None) -> None:
        """Exercise time from the signed clock entries (docs/FORMAT.md §9.5), read at this machine's time.

        The clock row is the same on every replica holding the same entries; only the instant it is read at
        is local, so two windows agree to within their machines' clock difference times the speed.
        """
        if self.status_exercise_clock is None:
            return
        clock = self.window.tables.get(CLOCK_TABLE, {}).get(CLOCK_KEY)   # the shown copy: never waits on the node
        if clock is None:
            self.status_exercise_clock.setText(self.tr("Exercise clock not started"))
            return
        at = int(time.time() * 1000) if now_ms is None else now_ms
        shown_time = format_time(scenario_time(clock, at) // 1000 * 1000)
        if clock["status"] == "running":
            text = self.tr("Exercise time {0} (running ×{1})").format(shown_time, clock["speed"])
        else:
            text = self.tr("Exercise time {0} (paused)").format(shown_time)
        self.status_exercise_clock.setText(text)

    def show_integrity(self) -> None:
        count = self.node.state.count
        self.status_integrity.setText(self.tr("Integrity: {0} · {1:,} entries").format(self.integrity, count))
        self.show_own_tail()

    def show_own_tail(self) -> None:
        """While the node's own feed lacks entries it signed, say so above everything; recording is refused."""
        problems = self.node.own_tail_problems()
        self.window.tail_banner.setText("\n".join(p.sentence() for p in problems))
        self.window.tail_banner.setVisible(bool(problems))

    def on_verified(self, report: VerifyReport) -> None:
        """Defects fail the check; notes are ledger history (docs/FORMAT.md §9.4), told but not alarming."""
        notes = [shown(f"{n.hash[:16]}… {n.code}: {n.message}") for n in report.notes[:20]]
        outcomes = ", ".join(f"{code} {count}" for code, count in sorted(report.ineffective.items()))
        if outcomes:
            notes.append(self.tr("{0} entries have no effect in the fold ({1}): ledger history, not defects")
                         .format(sum(report.ineffective.values()), shown(outcomes)))
        self.status_integrity.setToolTip("\n".join(notes))
        if report.ok:
            self.integrity = self.tr("verified OK") if not report.notes else \
                self.tr("verified OK, {0} note(s)").format(len(report.notes))
        else:
            self.integrity = self.tr("{0} DEFECT(S)").format(len(report.defects))
            details = "\n".join(shown(f"{d.hash[:16]}… {d.code}: {d.message}") for d in report.defects[:20])
            if report.notes:
                details += "\n\n" + self.tr("Also {0} note(s), ledger history rather than defects:").format(
                    len(report.notes)) + "\n" + "\n".join(notes[:5])
            QMessageBox.critical(self.window.window(), self.tr("Replica verification failed"), details)
        self.show_integrity()
