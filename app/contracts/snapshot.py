"""The read-only view a contract sees: a pure function of the projected tables.

    {
      "as_of_ms": int,                      # ledger time of the view (newest time the state records)
      "stock":    [{"site", "item", "lot", "qty"}],          # qty > 0, sorted by site, item, lot
      "requests": [{"request", "site", "item", "qty", "remaining", "priority", "priority_rank",
                    "needed_by_ms", "status"}],               # open or partial with remaining > 0, by id
      "sites":    {site: {"site", "name", "kind", "lat_e6", "lon_e6", "org"}},
      "items":    {item: {"item", "name", "unit", "category", "cold_chain"[, "temp_min_dc", "temp_max_dc"]}},
      "roads":    [{"road", "name", "status", "path"}],       # path: [[lat_e6, lon_e6], ...], by id
    }

`remaining` = requested - delivered - what shipments still on the road carry for the request
(shared out like delivery does: in the order the shipment lists its requests). Everything is
integers, strings, booleans and lists/dicts of them, in a fixed order, so its canonical JSON (and
so the input digest) is the same on every replica holding the same entries.

This module reads LedgerState tables (or plain {table: {key: row}} dicts, as the UI holds them)
and never changes them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.core.schema import PRIORITIES

PRIORITY_RANK = {name: rank for rank, name in enumerate(PRIORITIES)}
SITE_FIELDS = ("site", "name", "kind", "lat_e6", "lon_e6", "org")
ITEM_FIELDS = ("item", "name", "unit", "category", "cold_chain", "temp_min_dc", "temp_max_dc")


def _tables(state: Any) -> Mapping[str, Mapping[str, dict]]:
    return state.tables if hasattr(state, "tables") else state


def in_transit_by_request(tables: Mapping[str, Mapping[str, dict]]) -> dict[str, int]:
    """Units on the road for each request, shared out over a shipment's requests as delivery would."""
    out: dict[str, int] = {}
    requests = tables.get("requests", {})
    for key in sorted(tables.get("shipments", {})):
        shipment = tables["shipments"][key]
        if shipment.get("status") != "in_transit" or not shipment.get("requests"):
            continue
        by_item: dict[str, int] = {}
        for line in shipment["lines"]:
            by_item[line["item"]] = by_item.get(line["item"], 0) + line["qty"]
        for request_id in shipment["requests"]:
            request = requests.get(request_id)
            if request is None or request["status"] == "cancelled" or by_item.get(request["item"], 0) <= 0:
                continue
            need = max(request["qty"] - request["delivered"] - out.get(request_id, 0), 0)
            share = min(by_item[request["item"]], need)
            by_item[request["item"]] -= share
            out[request_id] = out.get(request_id, 0) + share
    return out


def as_of(tables: Mapping[str, Mapping[str, dict]]) -> int:
    """The newest ledger time the state records (request opened, road report, dispatch, delivery)."""
    times = [0]
    times.extend(r.get("opened_ms", 0) for r in tables.get("requests", {}).values())
    times.extend(r.get("at_ms", 0) for r in tables.get("roads", {}).values())
    for s in tables.get("shipments", {}).values():
        times.append(s.get("dispatched_ms", 0))
        times.append(s.get("delivered_ms") or 0)
    times.extend(d.get("at_ms", 0) for d in tables.get("distributions", {}).values())
    return max(t for t in times if isinstance(t, int))


def build_snapshot(state: Any, as_of_ms: int | None = None) -> dict:
    """The contract's view of `state` (a LedgerState or its tables)."""
    tables = _tables(state)
    stock = []
    for key in sorted(tables.get("stock", {})):
        row = tables["stock"][key]
        if row["qty"] > 0:
            stock.append({"site": row["site"], "item": row["item"], "lot": row["lot"], "qty": row["qty"]})
    transit = in_transit_by_request(tables)
    requests = []
    for key in sorted(tables.get("requests", {})):
        row = tables["requests"][key]
        if row["status"] not in ("open", "partial"):
            continue
        remaining = row["qty"] - row["delivered"] - transit.get(key, 0)
        if remaining <= 0:
            continue
        requests.append({"request": row["request"], "site": row["site"], "item": row["item"], "qty": row["qty"],
                         "remaining": remaining, "priority": row["priority"],
                         "priority_rank": PRIORITY_RANK.get(row["priority"], len(PRIORITIES)),
                         "needed_by_ms": row["needed_by_ms"], "status": row["status"]})
    sites = {key: {f: tables["sites"][key][f] for f in SITE_FIELDS if f in tables["sites"][key]}
             for key in sorted(tables.get("sites", {}))}
    items = {key: {f: tables["items"][key][f] for f in ITEM_FIELDS if f in tables["items"][key]}
             for key in sorted(tables.get("items", {}))}
    roads = [{"road": r["road"], "name": r["name"], "status": r["status"], "path": [list(p) for p in r["path"]]}
             for r in (tables["roads"][k] for k in sorted(tables.get("roads", {})))]
    return {"as_of_ms": as_of(tables) if as_of_ms is None else as_of_ms, "stock": stock, "requests": requests,
            "sites": sites, "items": items, "roads": roads}
