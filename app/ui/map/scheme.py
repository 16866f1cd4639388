"""The `rlmap:` URL scheme: the only place the map page may load anything from.

`register_map_scheme()` must run before the QApplication exists (Qt's rule for custom schemes);
`map_profile()` makes a private web profile with the scheme handler and a guard that blocks
every request not on the scheme, unless the operator configured an online tile server.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QFile, QIODevice, QObject, Qt
from PySide6.QtWebEngineCore import (
    QWebEngineProfile,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
    QWebEngineUrlRequestJob,
    QWebEngineUrlScheme,
    QWebEngineUrlSchemeHandler,
)

from app.map import assets
from app.map.mbtiles import TileReader
from app.map.page import world_js

LOCAL_SCHEMES = (assets.SCHEME, "data", "blob", "about")


def register_map_scheme() -> None:
    """Declare `rlmap://` to the web engine; call before the QApplication is created (idempotent)."""
    if QWebEngineUrlScheme.schemeByName(assets.SCHEME.encode()).name().data() == assets.SCHEME.encode():
        return
    scheme = QWebEngineUrlScheme(assets.SCHEME.encode())
    scheme.setSyntax(QWebEngineUrlScheme.Syntax.Host)
    scheme.setFlags(QWebEngineUrlScheme.Flag.SecureScheme | QWebEngineUrlScheme.Flag.CorsEnabled
                    | QWebEngineUrlScheme.Flag.ContentSecurityPolicyIgnored
                    | QWebEngineUrlScheme.Flag.FetchApiAllowed)
    QWebEngineUrlScheme.registerScheme(scheme)
    if QCoreApplication.instance() is None:
        QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)


def _qwebchannel_js() -> bytes:
    handle = QFile(":/qtwebchannel/qwebchannel.js")
    if not handle.open(QIODevice.OpenModeFlag.ReadOnly):
        return b""
    try:
        return bytes(handle.readAll().data())
    finally:
        handle.close()


class MapSchemeHandler(QWebEngineUrlSchemeHandler):
    """Answers rlmap:// requests from memory, the XStatic packages, resources/map and MBTiles packages.

    Every answer is a small read (an asset cached after its first read, or one tile by primary key),
    so it is served inline rather than handed to a thread.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pages: dict[str, bytes] = {}
        self.tiles = TileReader([])
        self._special: dict[str, bytes] = {}

    def set_page(self, path: str, html: str) -> None:
        self.pages[path] = html.encode("utf-8")

    def _special_asset(self, path: str) -> bytes | None:
        if path not in self._special:
            if path == "qwebchannel.js":
                self._special[path] = _qwebchannel_js()
            elif path == "basemap/world.js":
                self._special[path] = world_js()
            else:
                return None
        return self._special[path]

    def requestStarted(self, job: QWebEngineUrlRequestJob) -> None:  # noqa: N802 - Qt override
        url = job.requestUrl()
        path = url.path().lstrip("/")
        if url.host() != assets.HOST:
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        found: tuple[bytes, str] | None = None
        if "/" + path in self.pages:
            found = (self.pages["/" + path], "text/html")
        elif (special := self._special_asset(path)) is not None:
            found = (special, "text/javascript")
        elif path.startswith("tiles/"):
            parts = path.split("/")
            if len(parts) == 5 and all(p.isdigit() for p in parts[2:]):
                found = self.tiles.tile(parts[1], int(parts[2]), int(parts[3]), int(parts[4]))
        else:
            data = assets.read(path)
            found = (data, assets.mime_of(path)) if data is not None else None
        if found is None:
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        buffer = QBuffer(job)
        buffer.setData(QByteArray(found[0]))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        job.reply(found[1].encode("ascii"), buffer)


class OfflineGuard(QWebEngineUrlRequestInterceptor):
    """Blocks every request that would leave the machine, except to a configured online tile host.

    Runs on the engine's IO thread; `seen` keeps the last requested URLs so a test can check them.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.allowed_hosts: frozenset[str] = frozenset()
        self.seen: list[str] = []
        self.blocked: list[str] = []
        self._lock = threading.Lock()

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:  # noqa: N802 - Qt override
        url = info.requestUrl()
        text = url.toString()
        allowed = url.scheme() in LOCAL_SCHEMES or (url.scheme() in ("http", "https")
                                                    and url.host() in self.allowed_hosts)
        with self._lock:
            self.seen.append(text)
            del self.seen[:-5000]
            if not allowed:
                self.blocked.append(text)
                del self.blocked[:-500]
        if not allowed:
            info.block(True)

    def requests(self) -> tuple[list[str], list[str]]:
        """Copies of the URLs seen and of those blocked (safe from the GUI thread)."""
        with self._lock:
            return list(self.seen), list(self.blocked)


def map_profile(parent: QObject) -> tuple[QWebEngineProfile, MapSchemeHandler, OfflineGuard]:
    """A private off-the-record profile for one map page: nothing cached on disk, nothing sent out.

    Create the page's view before calling this with the same parent: children are deleted in
    creation order, and a page must be gone before its profile.
    """
    profile = QWebEngineProfile(parent)
    scheme_handler, request_guard = MapSchemeHandler(profile), OfflineGuard(profile)
    profile.installUrlSchemeHandler(assets.SCHEME.encode(), scheme_handler)
    profile.setUrlRequestInterceptor(request_guard)
    return profile, scheme_handler, request_guard
