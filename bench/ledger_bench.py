"""Ledger benchmark: append, verify, rebuild and reopen, each beside the raw Ed25519 verify rate of this run.

    python bench/ledger_bench.py              # 100,000 entries (the replica is cached in bench/out/)
    python bench/ledger_bench.py --quick      # 5,000 entries, a smoke run
    python bench/ledger_bench.py --rebuild    # rebuild the cached replica

Targets (issue 2): full verify >= 0.7 x raw Ed25519 verify on one core; batched append >= 5,000
entries/s; reopening a 100,000-entry replica < 1 s.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.core.identity import Identity
from app.core.state import LedgerState
from app.node import Node
from app.store.verification import verify_replica

OUT = Path(__file__).resolve().parent / "out"
BATCH = 1000
AUTHORS = [Identity.from_seed(f"bench-author-{i}".encode()) for i in range(4)]


class Clock:
    def __init__(self) -> None:
        self.now = 1_773_468_000_000

    def __call__(self) -> int:
        self.now += 1000
        return self.now


@dataclass
class Figure:
    name: str
    value: float
    unit: str
    ratio: str = ""
    verdict: str = ""


def raw_verify_rate(samples: int = 20_000) -> float:
    """Ed25519 verifications per second with `cryptography`, public keys preloaded: the reference."""
    keys = [Ed25519PrivateKey.generate() for _ in range(8)]
    publics = [k.public_key() for k in keys]
    messages = [os.urandom(55) for _ in range(samples)]
    signatures = [keys[i % 8].sign(m) for i, m in enumerate(messages)]
    start = time.perf_counter()
    for i, (message, signature) in enumerate(zip(messages, signatures, strict=True)):
        publics[i % 8].verify(signature, message)
    return samples / (time.perf_counter() - start)


def found(data_dir: Path) -> Node:
    founder = AUTHORS[0]
    members = [{"key": a.public_key_hex, "org": f"Org {i}", "name": f"Center {i}", "roles": ["logistics", "field"]}
               for i, a in enumerate(AUTHORS[1:], 1)]
    node = Node.create_network(data_dir, founder, name="Bench", kind="exercise", org="Org 0",
                               display_name="Center 0", members=members, clock=Clock())
    node.sign_as(founder)
    node.append_many([("site.define", {"site": f"S-{i}", "name": f"Site {i}", "kind": "depot",
                                       "lat_e6": -19_800_000 + i, "lon_e6": 34_800_000 + i, "org": "Org"})
                      for i in range(20)])
    return node


def operation(batch: int, size: int) -> list[tuple[str, dict]]:
    """A realistic mix: receipts, requests, dispatches with positions, deliveries, distributions."""
    items: list[tuple[str, dict]] = []
    n = batch * size
    while len(items) < size:
        k = n + len(items)
        site, other, lot = f"S-{k % 20}", f"S-{(k + 7) % 20}", f"LOT-{batch}-{k % 50}"
        kind = k % 10
        if kind in (0, 1):
            items.append(("stock.receive", {"site": site, "item": f"item-{k % 12}", "lot": lot, "qty": 500,
                                            "source": "Donor"}))
        elif kind == 2:
            items.append(("request.open", {"request": f"R-{k}", "site": other, "item": f"item-{k % 12}",
                                           "qty": 40, "priority": "high", "needed_by_ms": 1_773_500_000_000}))
        elif kind == 3:
            items.append(("shipment.dispatch", {"shipment": f"SH-{k}", "from_site": site, "to_site": other,
                                                "carrier": "truck", "lines": [{"item": f"item-{(k - 3) % 12}",
                                                                               "lot": lot, "qty": 10}]}))
        elif kind in (4, 5, 6, 7):
            items.append(("shipment.position", {"shipment": f"SH-{k - kind + 3}", "lat_e6": -19_000_000 - k,
                                                "lon_e6": 34_000_000 + k, "at_ms": 1_773_468_000_000 + k}))
        elif kind == 8:
            items.append(("shipment.deliver", {"shipment": f"SH-{k - 5}", "lines": [
                {"item": f"item-{(k - 8) % 12}", "lot": lot, "qty": 10}]}))
        else:
            items.append(("stock.distribute", {"site": other, "item": f"item-{(k - 9) % 12}", "lot": lot, "qty": 5,
                                               "beneficiaries": 12}))
    return items


def build(data_dir: Path, entries: int, report: Callable[[str], None]) -> float:
    """Build the replica in batches of BATCH signed entries per commit; returns entries/s."""
    node = found(data_dir)
    start = time.perf_counter()
    batches = max(1, entries // BATCH)
    for batch in range(batches):
        node.sign_as(AUTHORS[1 + batch % (len(AUTHORS) - 1)])
        node.append_many(operation(batch, BATCH))
        if batch % 10 == 9:
            report(f"  built {(batch + 1) * BATCH:,} entries")
    elapsed = time.perf_counter() - start
    node.close()
    return batches * BATCH / elapsed


def single_append_rate(count: int = 200) -> float:
    """One entry per append() call, so one durable commit (fsync) per entry."""
    with tempfile.TemporaryDirectory() as tmp:
        node = found(Path(tmp) / "single")
        node.sign_as(AUTHORS[1])
        items = operation(0, count)
        start = time.perf_counter()
        for entry_type, body in items:
            node.append(entry_type, body)
        elapsed = time.perf_counter() - start
        node.close()
    return count / elapsed


def batched_append_rate(entries: int) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        return build(Path(tmp) / "batched", entries, lambda _line: None)


def replica(entries: int, rebuild: bool, report: Callable[[str], None]) -> Path:
    path = OUT / f"replica-{entries}"
    if rebuild and path.exists():
        shutil.rmtree(path)
    if not path.exists():
        report(f"building a {entries:,}-entry replica in {path} (cached for later runs)")
        build(path, entries, report)
    return path


def run(entries: int, rebuild: bool = False, report: Callable[[str], None] = print) -> list[Figure]:
    figures: list[Figure] = []
    raw = raw_verify_rate()
    figures.append(Figure("raw Ed25519 verify (cryptography, reference)", raw, "verifies/s"))
    path = replica(entries, rebuild, report)

    single = single_append_rate()
    figures.append(Figure("append, one entry per commit", single, "entries/s", f"{single / raw:.3f} x raw"))
    batched = batched_append_rate(min(entries, 20_000))
    figures.append(Figure(f"append, batches of {BATCH}", batched, "entries/s", f"{batched / 5000:.2f} x target",
                          "PASS" if batched >= 5000 else "MISS"))

    start = time.perf_counter()
    node = Node.open(path)
    reopen = time.perf_counter() - start
    count = node.entry_count()
    figures.append(Figure(f"reopen a {count:,}-entry replica", reopen, "s", f"{reopen / 1.0:.2f} x target",
                          "PASS" if reopen < 1.0 else "MISS"))

    start = time.perf_counter()
    entry_report = verify_replica(node.store, check_state=False)
    entries_phase = time.perf_counter() - start
    assert entry_report.ok, entry_report.defects[:3]
    rate = count / entries_phase
    figures.append(Figure("verify: every entry, every rule", rate, "entries/s", f"{rate / raw:.3f} x raw",
                          "PASS" if rate >= 0.7 * raw else "MISS"))

    start = time.perf_counter()
    with node.store.engine.connect() as connection:
        state = LedgerState()
        for entry in node.store.iter_in_order(connection):
            state.apply(entry)
    rebuild_s = time.perf_counter() - start
    figures.append(Figure("state rebuild (full fold from the store)", rebuild_s, "s",
                          f"{count / rebuild_s:,.0f} entries/s"))

    start = time.perf_counter()
    full = verify_replica(node.store)
    full_s = time.perf_counter() - start
    assert full.ok, full.defects[:3]
    figures.append(Figure("verify: entries + state re-fold (relief-ledger verify)", count / full_s, "entries/s",
                          f"{count / full_s / raw:.3f} x raw"))
    node.close()
    return figures


def table(figures: list[Figure]) -> str:
    lines = [f"{'measure':<58} {'value':>14} {'unit':<12} {'ratio':<18} target",
             "-" * 112]
    for f in figures:
        value = f"{f.value:,.0f}" if f.value >= 100 else f"{f.value:,.3f}"
        lines.append(f"{f.name:<58} {value:>14} {f.unit:<12} {f.ratio:<18} {f.verdict}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--quick", action="store_true", help="5,000 entries")
    parser.add_argument("--rebuild", action="store_true", help="rebuild the cached replica")
    args = parser.parse_args()
    entries = 5_000 if args.quick else args.entries
    print(f"Relief Ledger ledger bench: {entries:,} entries, Python {sys.version.split()[0]}, {os.cpu_count()} cores")
    print(table(run(entries, args.rebuild)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
