"""Offline map packages: MBTiles files (SQLite) the operator imports, read one tile at a time.

Qt-free. An MBTiles file holds `tiles(zoom_level, tile_column, tile_row, tile_data)` with rows
numbered TMS-style (from the south), and `metadata(name, value)`. Importing checks the file before
copying it into the replica's `maps/` folder, so a bad file changes nothing.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path

from app.errors import ReliefLedgerError

FOLDER = "maps"
_NAME = re.compile(r"[^A-Za-z0-9_-]+")
FORMATS = {"png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "webp": "image/webp",
           "pbf": "application/x-protobuf"}


class MapPackageError(ReliefLedgerError, ValueError):
    """The file is not a usable MBTiles package; the message says why, for the operator."""

    code = "map_package_invalid"


@dataclass(frozen=True)
class MapPackage:
    name: str            # url-safe id, the file's stem
    title: str
    path: Path
    mime: str
    min_zoom: int
    max_zoom: int
    bounds: tuple[float, float, float, float] | None  # west, south, east, north
    attribution: str


def _connect(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)


def inspect(path: Path) -> MapPackage:
    """Read a package's metadata; raises MapPackageError when it is not MBTiles with raster tiles."""
    path = Path(path)
    if not path.is_file():
        raise MapPackageError(f"{path} does not exist")
    try:
        with _connect(path) as db:
            names = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type IN ('table','view')")}
            if "tiles" not in names:
                raise MapPackageError(f"{path.name} is not an MBTiles package: it has no tiles table")
            meta = dict(db.execute("SELECT name, value FROM metadata").fetchall()) if "metadata" in names else {}
            # no COUNT(*): a national package holds millions of tiles; MIN/MAX walk the index's ends
            any_tile = db.execute("SELECT 1 FROM tiles LIMIT 1").fetchone()
            zooms = db.execute("SELECT MIN(zoom_level), MAX(zoom_level) FROM tiles").fetchone() + (any_tile,)
    except sqlite3.DatabaseError as exc:
        raise MapPackageError(f"{path.name} is not an MBTiles package ({exc})") from exc
    if not zooms or not zooms[2]:
        raise MapPackageError(f"{path.name} holds no tiles")
    fmt = str(meta.get("format", "png")).lower()
    if fmt not in FORMATS or fmt == "pbf":
        raise MapPackageError(f"{path.name} holds {fmt} tiles; only raster tiles (png, jpg, webp) can be shown")
    bounds = None
    try:
        west, south, east, north = (float(v) for v in str(meta["bounds"]).split(","))
        bounds = (west, south, east, north)
    except (KeyError, ValueError):
        pass
    name = _NAME.sub("-", path.stem).strip("-") or "map"
    return MapPackage(name=name, title=str(meta.get("name") or path.stem), path=path, mime=FORMATS[fmt],
                      min_zoom=int(zooms[0]), max_zoom=int(zooms[1]), bounds=bounds,
                      attribution=str(meta.get("attribution", "")))


def import_package(source: Path, data_dir: Path) -> MapPackage:
    """Check `source`, then copy it into `data_dir/maps/` (replacing a package of the same name)."""
    package = inspect(source)
    folder = Path(data_dir) / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{package.name}.mbtiles"
    partial = target.with_suffix(".mbtiles.part")
    shutil.copyfile(source, partial)
    partial.replace(target)
    return inspect(target)


def installed(data_dir: Path | None) -> list[MapPackage]:
    """The packages imported into a replica, skipping any that no longer read."""
    if data_dir is None or not (Path(data_dir) / FOLDER).is_dir():
        return []
    found = []
    for path in sorted((Path(data_dir) / FOLDER).glob("*.mbtiles")):
        try:
            found.append(inspect(path))
        except MapPackageError:
            continue
    return found


class TileReader:
    """Tiles by XYZ address from the imported packages; one read-only connection per package."""

    def __init__(self, packages: list[MapPackage]) -> None:
        self.packages = {p.name: p for p in packages}
        self._connections: dict[str, sqlite3.Connection] = {}
        self._lock = threading.Lock()

    def tile(self, name: str, z: int, x: int, y: int) -> tuple[bytes, str] | None:
        package = self.packages.get(name)
        if package is None or not 0 <= z <= 30:
            return None
        tms_row = (1 << z) - 1 - y
        with self._lock:
            db = self._connections.get(name)
            if db is None:
                db = self._connections[name] = _connect(package.path)
            row = db.execute("SELECT tile_data FROM tiles WHERE zoom_level=? AND tile_column=? AND tile_row=?",
                             (z, x, tms_row)).fetchone()
        return (bytes(row[0]), package.mime) if row else None

    def close(self) -> None:
        with self._lock:
            for db in self._connections.values():
                db.close()
            self._connections.clear()
