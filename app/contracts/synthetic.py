"""Synthetic contract snapshots from a seeded generator, for benchmarks and property tests.

Same seed and sizes, same snapshot, on every platform (random.Random with an integer seed is
specified to reproduce its sequence; only integer draws are used).
"""

from __future__ import annotations

import random

from app.core.schema import PRIORITIES

BASE_MS = 1_773_468_000_000
HOUR_MS = 3_600_000


def make_snapshot(seed: int, *, requests: int = 40, depots: int = 6, items: int = 4, shelters: int | None = None,
                  stock_chance_pct: int = 60, max_qty: int = 500) -> dict:
    """A region ~300 km across around Beira with depots holding lots, shelters asking for items."""
    rng = random.Random(seed)
    shelters = shelters if shelters is not None else max(1, requests // 5)
    sites: dict[str, dict] = {}

    def place(prefix: str, count: int, kind: str) -> list[str]:
        names = []
        for n in range(count):
            site = f"{prefix}-{n:03d}"
            sites[site] = {"site": site, "name": f"{kind} {n}", "kind": kind,
                           "lat_e6": -19_800_000 + rng.randint(-1_500_000, 1_500_000),
                           "lon_e6": 34_800_000 + rng.randint(-1_500_000, 1_500_000), "org": "SYN"}
            names.append(site)
        return names

    depot_ids = place("DEP", depots, "depot")
    shelter_ids = place("SHL", shelters, "shelter")
    item_ids = [f"item-{k:02d}" for k in range(items)]
    item_rows = {item: {"item": item, "name": item, "unit": "unit", "category": "other",
                        "cold_chain": k % 5 == 4} for k, item in enumerate(item_ids)}
    stock = []
    for depot in depot_ids:
        for item in item_ids:
            if rng.randint(1, 100) <= stock_chance_pct:
                for lot_no in range(rng.randint(1, 2)):
                    stock.append({"site": depot, "item": item, "lot": f"{depot}-{item}-L{lot_no}",
                                  "qty": rng.randint(1, max_qty)})
    request_rows = []
    for n in range(requests):
        item = rng.choice(item_ids)
        qty = rng.randint(1, max_qty)
        priority = rng.choice(PRIORITIES)
        request_rows.append({"request": f"REQ-{n:05d}", "site": rng.choice(shelter_ids), "item": item, "qty": qty,
                             "remaining": rng.randint(1, qty), "priority": priority,
                             "priority_rank": PRIORITIES.index(priority),
                             "needed_by_ms": BASE_MS + rng.randint(1, 96) * HOUR_MS,
                             "status": rng.choice(("open", "partial"))})
    return {"as_of_ms": BASE_MS, "stock": sorted(stock, key=lambda r: (r["site"], r["item"], r["lot"])),
            "requests": request_rows, "sites": dict(sorted(sites.items())), "items": item_rows,
            "roads": [{"road": "R-1", "name": "Road 1", "status": "closed",
                       "path": [[-19_850_000, 34_780_000], [-19_872_000, 34_610_000]]}]}
