"""`relief-ledger gui --self-test REPORT`: open the client as an operator would, note when each stage was
reached, and quit once the map is up, writing what was seen to REPORT (JSON) and the window as it looked to REPORT's
name with .png.

For checking an installation (the frozen build's smoke test, packaging/smoke.py) and for timing a cold
start (bench/startup_bench.py): the unlock dialog is filled from $RELIEF_LEDGER_PASSPHRASE once it has been
shown, so the time to each stage is what an operator waits for, less their typing.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from app.map.assets import ORIGIN

PASSPHRASE_ENV = "RELIEF_LEDGER_PASSPHRASE"
MAP_WAIT_MS = 60_000   # a map page that has not loaded by then is reported as not loaded
SETTLE_MS = 1_500      # from the map's load to the screenshot (after the stage times are taken)


class SelfTest(QObject):
    """Collects stage times (wall clock, seconds since the epoch) and the map's requests; writes them once."""

    def __init__(self, report: Path) -> None:
        super().__init__()
        self.report = Path(report)
        self.facts: dict[str, Any] = {"pid": os.getpid(), "stages": {}}
        self.written = False
        self.exit_code = 0
        self.window: QWidget | None = None

    def stage(self, name: str) -> None:
        self.facts["stages"].setdefault(name, time.time())

    def after_paint(self, name: str) -> None:
        """The stage is reached once the event loop has turned after the show: the widget painted and answers."""
        QTimer.singleShot(0, lambda: self.stage(name))

    def passphrase(self) -> str | None:
        return os.environ.get(PASSPHRASE_ENV)

    def unlock_shown(self, fill: Callable[[str], None]) -> None:
        """Called just before the unlock dialog runs: note its first paint, then unlock with the passphrase
        from the environment."""
        def unlock() -> None:
            self.stage("unlock_dialog")
            secret = self.passphrase()
            if secret is None:
                self.finish("no passphrase in $" + PASSPHRASE_ENV)
            else:
                fill(secret)
        QTimer.singleShot(0, unlock)

    def window_shown(self, window: Any) -> None:
        self.window = window
        self.after_paint("window_interactive")
        self.facts["window_title"] = window.windowTitle()
        controller = getattr(window, "map", None)
        if controller is None:
            self.facts["map_error"] = "the map is not available in this client"
            QTimer.singleShot(0, lambda: self.finish())
            return
        view = controller.view
        view.loaded.connect(lambda: self._map_loaded(view))
        QTimer.singleShot(MAP_WAIT_MS, lambda: self.finish("the map page did not load in time"))

    def _map_loaded(self, view: Any) -> None:
        self.stage("map_loaded")
        self.facts["map_url"] = view.page.url().toString()
        from app.ui.map.scheme import LOCAL_SCHEMES

        seen, blocked = view.guard.requests()
        self.facts["requests"] = len(seen)
        self.facts["requests_local_scheme"] = sum(1 for url in seen if url.startswith(ORIGIN))
        self.facts["blocked"] = blocked
        self.facts["outside"] = [url for url in seen if url.split(":", 1)[0] not in LOCAL_SCHEMES]
        # the page is up; its first frame reaches the widget a moment later: wait for it before the screenshot
        QTimer.singleShot(SETTLE_MS, lambda: self.finish())

    def finish(self, error: str | None = None) -> None:
        if self.written:
            return
        self.written = True
        if error:
            self.facts["error"] = error
            self.exit_code = 1
        if self.window is not None:   # after every stage was timed: what the About box shows, and the window
            from app import build_info
            from app.paths import NOTICES

            self.facts["version"] = build_info.current().line()   # a checkout asks git: kept out of the stages
            self.facts["notices"] = NOTICES.exists()               # the About box's "Third-party notices" button
            picture = self.report.with_suffix(".png")
            self.facts["screenshot"] = str(picture) if self.window.grab().save(str(picture)) else None
        self.report.write_text(json.dumps(self.facts, indent=1, sort_keys=True), encoding="utf-8")
        for widget in QApplication.topLevelWidgets():   # a dialog still open (the unlock dialog) ends its own loop
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.reject()
        app = QApplication.instance()
        if app is not None:
            app.exit(self.exit_code)
