"""After-action replay: the map's tables at any moment between two times of the ledger.

Qt-free. The ledger is folded once, in its total order; every row a map table gets is logged with
the entry's wall-clock time, and a frame at time T is those rows applied up to T. Shipments in
transit move smoothly: their position is interpolated (integer micro-degrees) between the origin at
dispatch, each reported position, and the destination at delivery.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field

from app.core.entry import Entry
from app.core.state import LedgerState
from app.core.types import Tables

MAP_TABLES = ("items", "sites", "stock", "requests", "shipments", "roads")


@dataclass(frozen=True)
class Change:
    ts: int
    table: str
    key: str
    row: dict | None


@dataclass
class Timeline:
    changes: list[Change]
    waypoints: dict[str, list[tuple[int, int, int]]] = field(default_factory=dict)  # shipment -> (ms, lat, lon)
    _cursor: int = 0
    _tables: Tables = field(default_factory=lambda: {t: {} for t in MAP_TABLES})

    @property
    def start_ms(self) -> int:
        return self.changes[0].ts if self.changes else 0

    @property
    def end_ms(self) -> int:
        return max((c.ts for c in self.changes), default=0)

    def tables_at(self, at_ms: int) -> Tables:
        """The map tables as they stood at `at_ms`; moving forward reuses the last frame's work.

        Rows keep their identity from frame to frame unless they changed, so the identity diff the
        live view uses works on replay frames too.
        """
        if self._cursor and self.changes[self._cursor - 1].ts > at_ms:
            self._cursor, self._tables = 0, {t: {} for t in MAP_TABLES}
        while self._cursor < len(self.changes) and self.changes[self._cursor].ts <= at_ms:
            change = self.changes[self._cursor]
            if change.row is None:
                self._tables[change.table].pop(change.key, None)
            else:
                self._tables[change.table][change.key] = change.row
            self._cursor += 1
        frame = {name: dict(rows) for name, rows in self._tables.items()}
        for key, row in frame["shipments"].items():
            if row["status"] == "in_transit":
                moved = self.position_at(key, at_ms)
                if moved is not None:
                    frame["shipments"][key] = {**row, "position": [moved[0], moved[1], at_ms]}
        return frame

    def position_at(self, shipment: str, at_ms: int) -> tuple[int, int] | None:
        points = self.waypoints.get(shipment)
        if not points:
            return None
        times = [p[0] for p in points]
        after = bisect.bisect_right(times, at_ms)
        if after == 0:
            return points[0][1], points[0][2]
        if after == len(points):
            return points[-1][1], points[-1][2]
        (t0, lat0, lon0), (t1, lat1, lon1) = points[after - 1], points[after]
        if t1 == t0:
            return lat1, lon1
        return lat0 + (lat1 - lat0) * (at_ms - t0) // (t1 - t0), lon0 + (lon1 - lon0) * (at_ms - t0) // (t1 - t0)


def build_timeline(entries_in_order: Iterable[Entry], equivocators: dict[str, int] | None = None,
                   pins: dict[str, int] | None = None) -> Timeline:
    """Fold the ledger once and log every change to a map table with its entry's time."""
    state = LedgerState()
    state.pins = dict(pins or {})
    state.set_equivocators(equivocators or {})
    state.take_dirty()
    changes: list[Change] = []
    for entry in entries_in_order:
        state.apply(entry)
        for table, key in sorted(state.take_dirty()):
            if table in MAP_TABLES:
                changes.append(Change(entry.ts, table, key, state.get(table, key)))
    changes.sort(key=lambda c: c.ts)  # stable: same-time changes keep the ledger's order
    return Timeline(changes, _waypoints(changes, state.tables["sites"]))


def _waypoints(changes: list[Change], sites: dict[str, dict]) -> dict[str, list[tuple[int, int, int]]]:
    points: dict[str, list[tuple[int, int, int]]] = {}
    for change in changes:
        row = change.row
        if change.table != "shipments" or row is None:
            continue
        track = points.setdefault(change.key, [])
        origin = sites.get(row["from_site"])
        if not track and origin is not None:
            track.append((row["dispatched_ms"], origin["lat_e6"], origin["lon_e6"]))
        if row.get("position") and (row["position"][2], row["position"][0], row["position"][1]) not in track:
            track.append((row["position"][2], row["position"][0], row["position"][1]))
        dest = sites.get(row["to_site"])
        if row["status"] == "delivered" and dest is not None and row.get("delivered_ms") is not None:
            if not track or track[-1][0] != row["delivered_ms"]:
                track.append((row["delivered_ms"], dest["lat_e6"], dest["lon_e6"]))
    for key, track in points.items():
        points[key] = sorted(set(track))
    return points
