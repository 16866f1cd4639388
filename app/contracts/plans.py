"""Plan and diff computation for a dry run, free of Qt so the CLI, exports and tests can use it.

The contract editor shows what these return; keeping them here means the numbers an operator reads
(per-allocation distance, what changed since the last dry run) do not depend on a widget toolkit.
"""

from __future__ import annotations

import hashlib
from typing import Any

from app.contracts import geo

PLAN_COLUMNS = ["Request", "Item", "From", "Lot", "Qty", "To", "Priority", "Distance (km)"]
DIFF_COLUMNS = ["Change", "Request", "Item", "From", "Lot", "Before", "After"]


def plan_key(alloc: dict) -> tuple[str, str, str, str]:
    """What identifies one allocation across two dry runs: request, item, source site and lot."""
    return alloc["request"], alloc["item"], alloc["from_site"], alloc.get("lot") or ""


def diff_plans(before: list[dict], after: list[dict]) -> list[tuple[str, tuple, int, int]]:
    """(change, key, before qty, after qty) for each allocation that appeared, vanished or changed."""
    old: dict[tuple, int] = {}
    new: dict[tuple, int] = {}
    for alloc in before:
        old[plan_key(alloc)] = old.get(plan_key(alloc), 0) + alloc["qty"]
    for alloc in after:
        new[plan_key(alloc)] = new.get(plan_key(alloc), 0) + alloc["qty"]
    rows = []
    for key in sorted(set(old) | set(new)):
        a, b = old.get(key, 0), new.get(key, 0)
        if a == b:
            continue
        rows.append(("added" if not a else "removed" if not b else "changed", key, a, b))
    return rows


def plan_rows(allocations: list[dict], requests: list[dict], sites: dict[str, dict]) -> list[list[Any]]:
    """One row per allocation in PLAN_COLUMNS order; the distance (whole km) is blank when a site is unknown."""
    by_id = {r["request"]: r for r in requests}
    rows = []
    for alloc in allocations:
        request = by_id.get(alloc["request"], {})
        to = request.get("site", "")
        km: int | str = ""
        a, b = sites.get(alloc["from_site"]), sites.get(to)
        if a and b:
            km = geo.distance_m(a["lat_e6"], a["lon_e6"], b["lat_e6"], b["lon_e6"]) // 1000
        rows.append([alloc["request"], alloc["item"], alloc["from_site"], alloc.get("lot", ""), alloc["qty"], to,
                     request.get("priority", ""), km])
    return rows


def source_sha256(source: str) -> str:
    """The digest a deployment records for its source text (UTF-8), compared before recording a run."""
    return hashlib.sha256(source.encode("utf-8")).hexdigest()
