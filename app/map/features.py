"""Ledger state -> map features: plain JSON-ready dicts the page draws, one per map object.

Qt-free. Coordinates stay integer micro-degrees in the ledger; they become floats only here, at
the presentation edge. `MapFeatures.update` looks only at the rows the fold changed, so a live
position update costs a few dicts however big the map is. Names, organisations, carriers and notes
are typed by members: they reach the page escaped (app/core/display.py), as in every other view.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable
from dataclasses import dataclass

from app.core.display import printable
from app.core.types import Tables

Feature = dict
MICRO = 1_000_000
STOCK_LINES = 6              # stock lines shown per site (largest first)
LAYERS = ("sites", "requests", "shipments", "roads", "plan")
KIND_OF_LAYER = {"sites": "site", "requests": "request", "shipments": "shipment", "roads": "road", "plan": "plan"}


def feature_id(kind: str, key: str) -> str:
    return f"{kind}:{key}"


def degrees(lat_e6: int, lon_e6: int) -> list[float]:
    return [lat_e6 / MICRO, lon_e6 / MICRO]


@dataclass(frozen=True)
class PlanAllocation:
    """One line of an allocation plan (a contract dry run): qty of item from a site to a site."""

    from_site: str
    to_site: str
    item: str
    qty: int
    request: str | None = None


@dataclass(frozen=True)
class Patch:
    """What the page must change: features to add or replace, ids to remove."""

    upsert: list[Feature]
    remove: list[str]

    def __bool__(self) -> bool:
        return bool(self.upsert or self.remove)


def _site_point(tables: Tables, site: str) -> tuple[int, int] | None:
    row = tables.get("sites", {}).get(site)
    return (row["lat_e6"], row["lon_e6"]) if row else None


def _name(tables: Tables, table: str, key: str) -> str:
    row = tables.get(table, {}).get(key)
    return printable(row.get("name", key) if row else key)


def site_feature(tables: Tables, row: dict, by_item: dict[str, int]) -> Feature:
    """A site with its stock summed per item over lots (largest first)."""
    items = tables.get("items", {})
    lines = sorted(((item, qty) for item, qty in by_item.items() if qty), key=lambda kv: (-kv[1], kv[0]))
    return {
        "id": feature_id("site", row["site"]), "layer": "sites", "key": row["site"], "name": printable(row["name"]),
        "kind": row["kind"], "org": printable(row["org"]), "lat": row["lat_e6"] / MICRO, "lon": row["lon_e6"] / MICRO,
        "stock": [[_name(tables, "items", item), qty, items.get(item, {}).get("unit", "")]
                  for item, qty in lines[:STOCK_LINES]],
        "more": max(len(lines) - STOCK_LINES, 0), "negative": any(q < 0 for q in by_item.values()),
    }


RING = ((0, 2), (1, 2), (2, 1), (2, 0), (2, -1), (1, -2), (0, -2), (-1, -2), (-2, -1), (-2, 0), (-2, 1), (-1, 2))


def request_slot(request: str) -> list[int]:
    """A stable spot (in marker widths, drawn in screen pixels) on a ring around the site.

    Chosen from the request id alone, so a new request never moves the others; the page offsets in
    pixels, so requests stay beside their site's symbol at every zoom.
    """
    dy, dx = RING[zlib.crc32(request.encode("utf-8")) % len(RING)]
    return [dy, dx]


def request_feature(tables: Tables, row: dict) -> Feature | None:
    point = _site_point(tables, row["site"])
    if point is None or row["status"] == "cancelled":
        return None
    unmet = max(row["qty"] - row["delivered"], 0)
    return {
        "id": feature_id("request", row["request"]), "layer": "requests", "key": row["request"],
        "lat": point[0] / MICRO, "lon": point[1] / MICRO, "slot": request_slot(row["request"]),
        "site": _name(tables, "sites", row["site"]),
        "item": _name(tables, "items", row["item"]), "qty": row["qty"], "delivered": row["delivered"],
        "unmet": round(unmet / row["qty"], 3) if row["qty"] else 0.0, "priority": row["priority"],
        "status": row["status"],
    }


def shipment_feature(tables: Tables, row: dict) -> Feature | None:
    origin, dest = _site_point(tables, row["from_site"]), _site_point(tables, row["to_site"])
    position = row.get("position")
    if row["status"] == "delivered" and dest is not None:
        pos = degrees(*dest)
    elif position is not None:
        pos = degrees(position[0], position[1])
    elif origin is not None:
        pos = degrees(*origin)
    else:
        pos = None
    if pos is None and dest is None:
        return None
    cargo = ", ".join(f"{line['qty']:,} {_name(tables, 'items', line['item'])}" for line in row["lines"][:4])
    return {
        "id": feature_id("shipment", row["shipment"]), "layer": "shipments", "key": row["shipment"],
        "status": row["status"], "from": degrees(*origin) if origin else None, "to": degrees(*dest) if dest else None,
        "pos": pos, "pos_ms": position[2] if position else None, "carrier": printable(row["carrier"]), "cargo": cargo,
        "from_name": _name(tables, "sites", row["from_site"]), "to_name": _name(tables, "sites", row["to_site"]),
        "discrepancies": len(row.get("discrepancies", [])),
    }


def road_feature(row: dict) -> Feature:
    return {"id": feature_id("road", row["road"]), "layer": "roads", "key": row["road"], "name": printable(row["name"]),
            "status": row["status"], "path": [degrees(lat, lon) for lat, lon in row["path"]],
            "note": printable(row.get("note", ""))}


def plan_features(tables: Tables, plan: Iterable[PlanAllocation]) -> list[Feature]:
    """The plan layer: one arrow per allocation whose two sites are known."""
    features = []
    for index, allocation in enumerate(plan):
        origin, dest = _site_point(tables, allocation.from_site), _site_point(tables, allocation.to_site)
        if origin is None or dest is None:
            continue
        features.append({
            "id": feature_id("plan", str(index)), "layer": "plan", "key": allocation.request or str(index),
            "from": degrees(*origin), "to": degrees(*dest), "qty": allocation.qty,
            "item": _name(tables, "items", allocation.item), "from_name": _name(tables, "sites", allocation.from_site),
            "to_name": _name(tables, "sites", allocation.to_site),
        })
    return features


class MapFeatures:
    """The features of one state, kept up to date from the changed keys the bridge reports.

    Stock is kept as running totals per site and item, so a site holding ten thousand lots costs
    the same to refresh as one holding a single lot.
    """

    def __init__(self) -> None:
        self.features: dict[str, Feature] = {}
        self.stock_qty: dict[str, int] = {}
        self.site_items: dict[str, dict[str, int]] = {}
        self.requests_by_site: dict[str, set[str]] = {}
        self.shipments_by_site: dict[str, set[str]] = {}
        self.tables: Tables = {}

    def _stock_changed(self, key: str, row: dict | None) -> str:
        site, item = key.split("|", 2)[:2]
        qty = row["qty"] if row is not None else 0
        delta = qty - self.stock_qty.get(key, 0)
        if row is None:
            self.stock_qty.pop(key, None)
        else:
            self.stock_qty[key] = qty
        if delta:
            totals = self.site_items.setdefault(site, {})
            totals[item] = totals.get(item, 0) + delta
        return site

    def _index(self, tables: Tables) -> None:
        self.stock_qty, self.site_items, self.requests_by_site, self.shipments_by_site = {}, {}, {}, {}
        for key, row in tables.get("stock", {}).items():
            self._stock_changed(key, row)
        for key, row in tables.get("requests", {}).items():
            self.requests_by_site.setdefault(row["site"], set()).add(key)
        for key, row in tables.get("shipments", {}).items():
            self.shipments_by_site.setdefault(row["from_site"], set()).add(key)
            self.shipments_by_site.setdefault(row["to_site"], set()).add(key)

    def _build(self, tables: Tables, kind: str, key: str) -> Feature | None:
        if kind == "site":
            row = tables.get("sites", {}).get(key)
            return site_feature(tables, row, self.site_items.get(key, {})) if row else None
        if kind == "request":
            row = tables.get("requests", {}).get(key)
            return request_feature(tables, row) if row else None
        if kind == "shipment":
            row = tables.get("shipments", {}).get(key)
            return shipment_feature(tables, row) if row else None
        row = tables.get("roads", {}).get(key)
        return road_feature(row) if row else None

    def full(self, tables: Tables) -> list[Feature]:
        """Every feature of `tables`; the page is reset to exactly these."""
        self.tables = tables
        self._index(tables)
        self.features = {}
        for table, kind in (("sites", "site"), ("requests", "request"), ("shipments", "shipment"), ("roads", "road")):
            for key in tables.get(table, {}):
                feature = self._build(tables, kind, key)
                if feature is not None:
                    self.features[feature["id"]] = feature
        return list(self.features.values())

    def update(self, tables: Tables, changes: dict[str, set[str]]) -> Patch:
        """The patch that brings the page from the previous tables to `tables`, given the changed keys."""
        if changes.get("items"):
            # names appear on many features; item definitions are rare, so rebuild and diff everything
            before = self.features
            self.full(tables)
            return self._diff(before, self.features)
        self.tables = tables
        wanted: set[tuple[str, str]] = set()
        stock = tables.get("stock", {})
        for key in changes.get("stock", ()):
            wanted.add(("site", self._stock_changed(key, stock.get(key))))
        for key in changes.get("requests", ()):
            row = tables.get("requests", {}).get(key)
            if row is not None:
                self.requests_by_site.setdefault(row["site"], set()).add(key)
            wanted.add(("request", key))
        for key in changes.get("shipments", ()):
            row = tables.get("shipments", {}).get(key)
            if row is not None:
                self.shipments_by_site.setdefault(row["from_site"], set()).add(key)
                self.shipments_by_site.setdefault(row["to_site"], set()).add(key)
            wanted.add(("shipment", key))
        for key in changes.get("sites", ()):
            wanted.add(("site", key))
            wanted.update(("request", r) for r in self.requests_by_site.get(key, ()))
            wanted.update(("shipment", s) for s in self.shipments_by_site.get(key, ()))
        wanted.update(("road", key) for key in changes.get("roads", ()))
        upsert, remove = [], []
        for kind, key in sorted(wanted):
            fid = feature_id(kind, key)
            feature = self._build(tables, kind, key)
            if feature is None:
                if self.features.pop(fid, None) is not None:
                    remove.append(fid)
            elif self.features.get(fid) != feature:
                self.features[fid] = feature
                upsert.append(feature)
        return Patch(upsert, remove)

    @staticmethod
    def _diff(before: dict[str, Feature], after: dict[str, Feature]) -> Patch:
        upsert = [f for fid, f in after.items() if before.get(fid) != f]
        return Patch(upsert, [fid for fid in before if fid not in after])
