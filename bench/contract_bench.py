"""Contract benchmark: the proportional (fair share) and min-cost (nearest depot) example contracts.

    python bench/contract_bench.py             # 1,000 requests, 100 depots, 20 items, 200 shelters
    python bench/contract_bench.py --quick     # a smoke run on a small state

Target (issue 6): each contract < 0.5 s over 1,000 requests, 100 depots and 20 items.

Each contract is timed through `run_contract` (Starlark evaluation, metering, output validation,
digests). The reference, measured in the same run on the same snapshot, is the same algorithm
written directly in Python over the same standard-library functions, without Starlark and
without validation; the ratio (contract / reference) is the price of running it as a metered,
validated contract. The reference's plan must equal the contract's, or the bench fails.
Times are the best of `--repeat` runs (the machine is shared; the best is the least disturbed).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.contracts import stdlib
from app.contracts.runtime import DEFAULT_BUDGET, run_contract
from app.contracts.synthetic import make_snapshot
from app.contracts.templates import template_source

TARGET_S = 0.5
T = TypeVar("T")
BUDGET = DEFAULT_BUDGET   # the contracts must fit the budget a deployment would get by default


@dataclass
class Figure:
    name: str
    seconds: float
    reference: float
    steps: int
    allocations: int

    @property
    def ratio(self) -> float:
        return self.seconds / self.reference if self.reference else float("inf")

    @property
    def verdict(self) -> str:
        return "PASS" if self.seconds < TARGET_S else "MISS"


def _supply(snapshot: dict, kinds: list[str]) -> tuple[dict, dict]:
    sites = snapshot["sites"]
    supply: dict[str, dict[str, int]] = {}
    for row in snapshot["stock"]:
        site = sites.get(row["site"])
        if site is None or site["kind"] not in kinds:
            continue
        per_site = supply.setdefault(row["item"], {})
        per_site[row["site"]] = per_site.get(row["site"], 0) + row["qty"]
    wanted: dict[str, list[dict]] = {}
    for request in snapshot["requests"]:
        if request["site"] in sites and request["item"] in supply:
            wanted.setdefault(request["item"], []).append(request)
    return supply, wanted


def reference_fair_share(snapshot: dict) -> list[dict]:
    """resources/contracts/fair_share.star with its default parameters, in Python."""
    sites = snapshot["sites"]
    supply, wanted = _supply(snapshot, ["depot", "staging"])
    cache = stdlib.DistanceCache()
    out = []
    for item in sorted(wanted):
        requests = wanted[item]
        depots = sorted(supply[item])
        free = [supply[item][d] for d in depots]
        needs = [r["remaining"] for r in requests]
        weights = [r["remaining"] * stdlib.priority_weight(r["priority"]) for r in requests]
        shares = stdlib.split_capped(sum(free), weights, needs)
        cost = stdlib.cost_matrix([sites[d] for d in depots], [sites[r["site"]] for r in requests], unit_m=1,
                                  cache=cache)
        for i, j, qty in stdlib.min_cost_assign(free, shares, cost):
            out.append({"from_site": depots[i], "request": requests[j]["request"], "item": item, "qty": qty})
    return out


def reference_nearest_depot(snapshot: dict) -> list[dict]:
    """resources/contracts/nearest_depot.star with its default parameters, in Python."""
    sites = snapshot["sites"]
    supply, wanted = _supply(snapshot, ["depot", "staging"])
    cache = stdlib.DistanceCache()
    out = []
    for item in sorted(wanted):
        requests = wanted[item]
        depots = sorted(supply[item])
        cost = stdlib.cost_matrix([sites[d] for d in depots], [sites[r["site"]] for r in requests],
                                  add=[r["priority_rank"] * 1000 for r in requests], cache=cache,
                                  avoid_roads=snapshot["roads"])
        plan = stdlib.min_cost_assign([supply[item][d] for d in depots], [r["remaining"] for r in requests], cost)
        for i, j, qty in plan:
            out.append({"from_site": depots[i], "request": requests[j]["request"], "item": item, "qty": qty})
    return out


CASES: list[tuple[str, str, Callable[[dict], list[dict]]]] = [
    ("proportional (fair_share.star)", "fair_share", reference_fair_share),
    ("min-cost (nearest_depot.star)", "nearest_depot", reference_nearest_depot),
]


def best_of(repeat: int, job: Callable[[], T]) -> tuple[float, T]:
    """The fastest of `repeat` runs (at least one), with the result of the last."""
    best = float("inf")
    for _ in range(max(repeat, 1)):
        start = time.perf_counter()
        result = job()
        best = min(best, time.perf_counter() - start)
    return best, result


def run(requests: int = 1000, depots: int = 100, items: int = 20, shelters: int = 200, repeat: int = 5,
        report: Callable[[str], None] = print) -> list[Figure]:
    snapshot = make_snapshot(2026, requests=requests, depots=depots, items=items, shelters=shelters)
    report(f"snapshot: {len(snapshot['requests'])} requests, {depots} depots, {items} items, {shelters} shelters, "
           f"{len(snapshot['stock'])} stock rows")
    figures = []
    for name, template, reference in CASES:
        source = template_source(template)
        seconds, result = best_of(repeat, lambda source=source: run_contract(source, snapshot, None, BUDGET))
        ref_seconds, ref_plan = best_of(repeat, lambda reference=reference: reference(snapshot))
        if result.allocations != ref_plan:
            raise SystemExit(f"{name}: the contract's plan differs from the Python reference's")
        figure = Figure(name, seconds, ref_seconds, result.steps, len(result.allocations))
        report(f"{name}: {seconds:.3f} s ({figure.verdict}, target < {TARGET_S} s), reference {ref_seconds:.3f} s, "
               f"ratio {figure.ratio:.2f} x, {figure.steps} steps, {figure.allocations} allocations")
        figures.append(figure)
    return figures


def table(figures: list[Figure]) -> str:
    lines = ["| contract | time (best) | Python reference | ratio | steps | allocations | target < 0.5 s |",
             "| --- | --- | --- | --- | --- | --- | --- |"]
    for f in figures:
        lines.append(f"| {f.name} | {f.seconds:.3f} s | {f.reference:.3f} s | {f.ratio:.2f} x | {f.steps:,} | "
                     f"{f.allocations:,} | {f.verdict} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small state, one repetition")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    if args.quick:
        figures = run(requests=100, depots=10, items=5, shelters=20, repeat=1)
    else:
        figures = run(repeat=args.repeat)
    print()
    print(table(figures))


if __name__ == "__main__":
    main()
