"""The map widget: a folium page in a QWebEngineView, fed live over QWebChannel, with a replay bar.

Thin Qt glue over the pure parts: features.py decides what is drawn, replay.py what stood when,
page.py builds the page, scheme.py serves it. The page is loaded once; afterwards only patches
travel, so the operator's zoom and pan survive every update.
"""

from __future__ import annotations

import atexit
import html
import itertools
import time
import weakref
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QObject, QRect, QSettings, Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QColor, QFont, QPainter, QPixmap
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineCore import QWebEnginePage
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QSlider, QVBoxLayout, QWidget

from app.core.types import Tables
from app.map import assets, mbtiles, page
from app.map.features import KIND_OF_LAYER, MapFeatures, Patch, PlanAllocation, feature_id, plan_features
from app.map.replay import Timeline
from app.ui.bridge import NodeBridge, changed_keys
from app.ui.map.scheme import map_profile
from app.ui.widgets import exercise_banner

LIVE_COALESCE_MS = 30            # live patches are gathered this long, so a burst of entries is one patch
REPLAY_TICK_MS = 100
_OPEN_VIEWS: weakref.WeakSet[MapView] = weakref.WeakSet()


@atexit.register
def _release_pages() -> None:
    """At exit, delete map pages that are still open before the web engine releases their profiles.

    A window nobody closed (a test, a crash path) would otherwise make the engine warn that a
    profile went away under a live page. Runs before PySide's own exit handler (registered earlier).
    """
    import shiboken6

    for view in list(_OPEN_VIEWS):
        if shiboken6.isValid(view) and shiboken6.isValid(view.page):
            view.web.setPage(None)  # type: ignore[arg-type]  # PySide6's stub refuses None, Qt takes it to detach
            shiboken6.delete(view.page)


REPLAY_SPEEDS = (("10 min / s", 600), ("1 h / s", 3_600), ("4 h / s", 14_400), ("12 h / s", 43_200))
ONLINE_SETTING = "map/online_tiles"


class MapChannel(QObject):
    """The object the page sees as `relief`: patches and commands go out, clicks and paints come back."""

    patch = Signal(str)
    command = Signal(str)
    page_ready = Signal()
    object_clicked = Signal(str, str)   # layer, key
    painted_tag = Signal(int)

    @Slot()
    def ready(self) -> None:
        self.page_ready.emit()

    @Slot(str, str)
    def clicked(self, layer: str, key: str) -> None:
        self.object_clicked.emit(layer, key)

    @Slot(int)
    def painted(self, tag: int) -> None:
        self.painted_tag.emit(tag)


class ReplayBar(QWidget):
    """Replay controls: start/stop, play/pause, speed, a time slider and the time it shows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.toggle = QPushButton(self.tr("Replay…"))
        self.toggle.setCheckable(True)
        self.toggle.setToolTip(
            self.tr("Play the operation's material movement between two times (after-action review)"))
        self.play = QPushButton(self.tr("Play"))
        self.play.setCheckable(True)
        self.speed = QComboBox()
        self.speed.setAccessibleName(self.tr("Replay speed"))
        for label, factor in REPLAY_SPEEDS:
            self.speed.addItem(self.tr(label), factor)
        self.speed.setCurrentIndex(2)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setAccessibleName(self.tr("Replay time"))
        self.slider.setRange(0, 1000)
        self.time = QLabel(self.tr("Live"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        for widget in (self.toggle, self.play, self.speed, self.slider, self.time):
            layout.addWidget(widget)
        layout.setStretch(3, 1)
        self.set_replaying(False)

    def set_replaying(self, on: bool) -> None:
        for widget in (self.play, self.speed, self.slider):
            widget.setEnabled(on)
        self.toggle.setChecked(on)
        self.toggle.setText(self.tr("Back to live") if on else self.tr("Replay…"))
        if not on:
            self.play.setChecked(False)
            self.time.setText(self.tr("Live"))


class MapView(QWidget):
    """Live map of one replica; `object_clicked` tells which (layer, key) the operator clicked."""

    object_clicked = Signal(str, str)
    loaded = Signal()                   # the page is up and holds the current state
    replay_ready = Signal()
    package_imported = Signal(object)   # a MapPackage, from the worker that copied it
    _timeline_built = Signal(object)
    measure_paint = False   # ask the page to acknowledge each paint (bench, tests); off by default because
    #                         the extra animation frames cost the GUI thread a software-rendered repaint each

    def __init__(self, bridge: NodeBridge | None, tables: Tables, data_dir: Path | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.created_at = time.perf_counter()
        self.bridge, self.data_dir = bridge, data_dir
        self.tables = tables
        self.live = MapFeatures()
        self.plan: list[PlanAllocation] = []
        self.page_up = False
        self.pending: Tables | None = None
        self.pending_changes: dict[str, set[str]] = {}
        self.stored_at: dict[int, float] = {}     # patch tag -> perf_counter when its entries were stored
        self.paint_latency: list[float] = []      # seconds from stored to painted, per tagged patch
        self.painted_at: list[float] = []         # perf_counter of each acknowledged paint
        self.last_patch_at = 0.0
        self._tags = itertools.count(1)
        self.timeline: Timeline | None = None
        self.replay_tables: Tables | None = None
        self.replay_features = MapFeatures()
        self.replay_ms = 0

        self.channel_object = MapChannel(self)
        self.channel_object.page_ready.connect(self._on_page_ready)
        self.channel_object.object_clicked.connect(self.object_clicked)
        self.channel_object.painted_tag.connect(self._on_painted)
        self.web = QWebEngineView(self)
        self.web.setAccessibleName(self.tr("Map of sites, stock, requests, shipments and roads"))
        self.profile, self.handler, self.guard = map_profile(self)
        self.page = QWebEnginePage(self.profile, self.web)
        self.channel = QWebChannel(self.page)
        self.channel.registerObject("relief", self.channel_object)
        self.page.setWebChannel(self.channel)
        self.web.setPage(self.page)
        self.replay = ReplayBar(self)
        self.replay.toggle.toggled.connect(self._toggle_replay)
        self.replay.slider.valueChanged.connect(self._slider_moved)
        self.replay.play.toggled.connect(self._play_toggled)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # on screen the window's banner heads the map; every export of it carries its own (export_document, export_png)
        self.exercise = bridge is not None and bridge.node.is_exercise
        layout.addWidget(self.web, 1)
        layout.addWidget(self.replay)

        self.live_timer = QTimer(self)
        self.live_timer.setSingleShot(True)
        self.live_timer.timeout.connect(self.apply_live)
        self.play_timer = QTimer(self)
        self.play_timer.setInterval(REPLAY_TICK_MS)
        self.play_timer.timeout.connect(self._play_tick)
        self._timeline_built.connect(self._on_timeline)
        self.package_imported.connect(lambda _package: self.reload())
        if bridge is not None:
            bridge.entries_stored.connect(self.on_entries_stored)
        self.path = "/map.html"
        _OPEN_VIEWS.add(self)
        self.reload()

    # -- the page ------------------------------------------------------------------------------------
    def packages(self) -> list[mbtiles.MapPackage]:
        return mbtiles.installed(self.data_dir)

    def online_url(self) -> str:
        return str(QSettings().value(ONLINE_SETTING, "") or "").strip()

    def reload(self) -> None:
        """(Re)build the page: on start, and when basemaps change (an import, the online setting)."""
        packages = self.packages()
        online = self.online_url()
        self.handler.tiles.close()
        self.handler.tiles = mbtiles.TileReader(packages)
        self.guard.allowed_hosts = frozenset({QUrl(online.replace("{", "").replace("}", "")).host()} if online else ())
        self.page_up = False
        self.handler.set_page(self.path, page.build_html(page.page_config(packages, online), *self.view_hint()))
        self.page.load(QUrl(assets.ORIGIN + self.path))

    def view_hint(self) -> tuple[tuple[float, float], int]:
        sites = list(self.tables.get("sites", {}).values())
        if not sites:
            return (0.0, 20.0), 3
        lat = sum(s["lat_e6"] for s in sites) / len(sites) / 1e6
        lon = sum(s["lon_e6"] for s in sites) / len(sites) / 1e6
        return (lat, lon), 9

    def _on_page_ready(self) -> None:
        self.page_up = True
        if self.timeline is not None and self.replay_tables is not None:
            self._send_replay_reset()
        else:
            features = self.live.full(self.tables) + plan_features(self.tables, self.plan)
            tag = None
            if self.measure_paint:
                tag = next(self._tags)
                self.stored_at[tag] = self.created_at
            self._send({"reset": True, "upsert": features, "tag": tag})
        self.loaded.emit()

    def _send(self, patch: dict) -> None:
        if self.page_up:
            self.channel_object.patch.emit(page.dumps(patch))

    def _send_patch(self, patch: Patch, tag: int | None = None) -> None:
        if patch or tag is not None:
            self._send({"upsert": patch.upsert, "remove": patch.remove, "tag": tag})

    def _command(self, command: dict) -> None:
        if self.page_up:
            self.channel_object.command.emit(page.dumps(command))

    # -- live --------------------------------------------------------------------------------------------
    def on_entries_stored(self, entries: list, tables: Tables, changes: dict[str, set[str]]) -> None:
        self.pending = tables
        for name, keys in changes.items():
            self.pending_changes.setdefault(name, set()).update(keys)
        now = time.perf_counter()
        self.stored_at.setdefault(-1, now)
        if not self.live_timer.isActive():
            # at most one patch per LIVE_COALESCE_MS, but a lone update goes out at once
            since_last_ms = (now - self.last_patch_at) * 1000
            self.live_timer.start(int(max(0.0, LIVE_COALESCE_MS - since_last_ms)))

    def apply_live(self) -> None:
        """Send what changed since the last patch; the view (zoom, pan, open popup) stays as it is."""
        if self.pending is None:
            return
        self.tables, self.pending = self.pending, None
        changes, self.pending_changes = self.pending_changes, {}
        self.last_patch_at = time.perf_counter()
        stored = self.stored_at.pop(-1, self.last_patch_at)
        patch = self.live.update(self.tables, changes)
        if self.plan and changes.get("sites"):
            patch = Patch(patch.upsert + plan_features(self.tables, self.plan), patch.remove)
        if self.timeline is not None or not self.page_up:
            return  # replaying (or still loading): the live features are kept, sent on return / on ready
        if not self.measure_paint:
            self._send_patch(patch)
            return
        tag = next(self._tags)
        self.stored_at[tag] = stored
        self._send_patch(patch, tag)

    def _on_painted(self, tag: int) -> None:
        self.painted_at.append(time.perf_counter())
        stored = self.stored_at.pop(tag, None)
        if stored is not None:
            self.paint_latency.append(time.perf_counter() - stored)

    # -- selection ---------------------------------------------------------------------------------------
    def focus(self, layer: str, key: str) -> None:
        """Highlight a map object and bring it into view (from a table selection)."""
        self._command({"op": "focus", "id": feature_id(KIND_OF_LAYER.get(layer, layer), key)})

    def show_plan(self, plan: Iterable[PlanAllocation]) -> None:
        """Draw an allocation plan (a contract dry run) on the plan layer, replacing the previous one."""
        old = [f["id"] for f in plan_features(self.tables, self.plan)]
        self.plan = list(plan)
        new = plan_features(self.tables, self.plan)
        self._send({"upsert": new, "remove": [i for i in old if i not in {f["id"] for f in new}]})

    # -- replay ------------------------------------------------------------------------------------------
    def _toggle_replay(self, on: bool) -> None:
        if on and self.timeline is None:
            self.start_replay()
        elif not on and self.timeline is not None:
            self.stop_replay()

    def start_replay(self) -> None:
        """Fold the ledger once on the node's worker, then show the first moment of the operation."""
        self.replay.set_replaying(True)
        self.replay.time.setText(self.tr("Reading the ledger…"))
        if self.bridge is None:
            return
        self.bridge.run(self.bridge.node.timeline, self._timeline_built.emit, self.tr("Preparing replay…"))

    def use_timeline(self, timeline: Timeline) -> None:
        """Enter replay with a prepared timeline (tests and benches call this directly)."""
        self.replay.set_replaying(True)
        self._on_timeline(timeline)

    def _on_timeline(self, timeline: Timeline | None) -> None:
        if timeline is None or not self.replay.toggle.isChecked():
            return
        self.timeline = timeline
        self.replay_tables = None
        self.replay.slider.blockSignals(True)
        self.replay.slider.setValue(0)
        self.replay.slider.blockSignals(False)
        self.set_replay_time(timeline.start_ms)
        self.replay_ready.emit()

    def _send_replay_reset(self) -> None:
        assert self.replay_tables is not None
        self._send({"reset": True, "upsert": self.replay_features.full(self.replay_tables)})

    def set_replay_time(self, at_ms: int) -> None:
        """Show the map as it stood at `at_ms` (shipments in transit interpolated along their track)."""
        if self.timeline is None:
            return
        self.replay_ms = at_ms
        frame = self.timeline.tables_at(at_ms)
        if self.replay_tables is None:
            self.replay_tables = frame
            self._send_replay_reset()
        else:
            changes = {name: changed_keys(self.replay_tables.get(name, {}), rows) for name, rows in frame.items()}
            self.replay_tables = frame
            self._send_patch(self.replay_features.update(frame, changes))
        text = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(at_ms / 1000))
        self.replay.time.setText(text)
        self._command({"op": "clock", "text": self.tr("Replay {0}").format(text)})

    def _slider_moved(self, value: int) -> None:
        if self.timeline is not None:
            span = self.timeline.end_ms - self.timeline.start_ms
            self.set_replay_time(self.timeline.start_ms + span * value // 1000)

    def _play_toggled(self, on: bool) -> None:
        if on and self.timeline is not None:
            if self.replay_ms >= self.timeline.end_ms:
                self.replay.slider.setValue(0)
            self.play_timer.start()
        else:
            self.play_timer.stop()
        self.replay.play.setText(self.tr("Pause") if on else self.tr("Play"))

    def _play_tick(self) -> None:
        if self.timeline is None:
            self.play_timer.stop()
            return
        step = int(self.replay.speed.currentData()) * REPLAY_TICK_MS
        at_ms = min(self.replay_ms + step, self.timeline.end_ms)
        span = max(self.timeline.end_ms - self.timeline.start_ms, 1)
        self.replay.slider.blockSignals(True)
        self.replay.slider.setValue((at_ms - self.timeline.start_ms) * 1000 // span)
        self.replay.slider.blockSignals(False)
        self.set_replay_time(at_ms)
        if at_ms >= self.timeline.end_ms:
            self.replay.play.setChecked(False)

    def stop_replay(self) -> None:
        """Back to the live state, as it is now."""
        self.play_timer.stop()
        self.timeline, self.replay_tables = None, None
        self.replay.set_replaying(False)
        self._command({"op": "clock", "text": ""})
        self._send({"reset": True, "upsert": list(self.live.features.values()) + plan_features(self.tables, self.plan)})

    # -- export ------------------------------------------------------------------------------------------
    def current_features(self) -> list[dict]:
        if self.timeline is not None and self.replay_tables is not None:
            return list(self.replay_features.features.values())
        return list(self.live.features.values()) + plan_features(self.tables, self.plan)

    def export_document(self) -> str:
        """The map as one offline HTML document (assets, outline and features inlined; no tile packages)."""
        config = page.page_config([], embedded={"reset": True, "upsert": self.current_features()})
        document = page.export_html(config, *self.view_hint())
        return with_exercise_banner(document) if self.exercise else document

    def export_html(self, path: Path) -> None:
        Path(path).write_text(self.export_document(), encoding="utf-8")

    def export_png(self, path: Path) -> bool:
        image = self.web.grab()
        if self.exercise:
            stamp_exercise(image)
        return image.save(str(path))

    def close_map(self) -> None:
        self.play_timer.stop()
        self.live_timer.stop()
        if self.bridge is not None:
            try:
                self.bridge.entries_stored.disconnect(self.on_entries_stored)
            except (RuntimeError, TypeError):
                pass
        self.handler.pages.pop(self.path, None)


EXERCISE_HTML = ('<div id="rl-exercise" style="position:fixed;top:0;left:0;right:0;z-index:10000;background:#ff8f00;'
                 'color:black;font:bold 14px sans-serif;text-align:center;padding:6px;letter-spacing:1px">'
                 '{0}</div>')


def with_exercise_banner(document: str) -> str:
    """An exported map of an exercise: the banner stays on top of the map in any browser, whatever is panned."""
    text = html.escape(exercise_banner().text())
    return document.replace("<body>", "<body>" + EXERCISE_HTML.format(text), 1)


def stamp_exercise(image: QPixmap) -> None:
    """Paint the exercise banner across the top of a map picture, so a printout cannot pass for live data."""
    painter = QPainter(image)
    try:
        band = QRect(0, 0, image.width(), max(28, image.height() // 20))
        painter.fillRect(band, QColor("#ff8f00"))
        font = QFont(painter.font())
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("black"))
        painter.drawText(band, Qt.AlignmentFlag.AlignCenter, exercise_banner().text())
    finally:
        painter.end()
