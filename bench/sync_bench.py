"""Sync benchmark: catch-up of a fresh replica over loopback TLS, and propagation of single entries.

    python bench/sync_bench.py             # 100,000 entries (the source replica is cached in bench/out/)
    python bench/sync_bench.py --quick     # 5,000 entries, a smoke run

The source node runs in its own process (as it would on another machine) and serves the cached
ledger-bench replica; the fresh node in this process dials it and catches up from its genesis.
Targets (issue 4): catch-up >= 0.5 x the raw Ed25519 verify rate of the same run; propagation of one
new entry between two connected nodes p50 < 100 ms, p99 < 500 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import ledger_bench
from ledger_bench import AUTHORS, Figure, raw_verify_rate, table

from app.net.events import Limits
from app.net.runner import NetworkRunner
from app.net.service import SyncService
from app.node import Node

PROPAGATION_SAMPLES = 200


def serve(data: Path) -> int:
    """The source side (a separate process): serve `data` on loopback, append when told on stdin."""
    node = Node.open(data, identity=AUTHORS[0])
    runner = NetworkRunner(lambda: SyncService(node, display_name="source", host="127.0.0.1", port=0),
                           discovery=False)
    port = runner.start()
    print(f"port {port}", flush=True)
    count = 0
    for line in sys.stdin:
        if line.strip() == "append":
            count += 1
            node.append("site.define", {"site": f"P-{count}", "name": "probe", "kind": "depot",
                                        "lat_e6": 0, "lon_e6": 0, "org": "Bench"})
    runner.stop()
    node.close()
    return 0


def catch_up_and_propagate(source: Path, entries: int, samples: int,
                           report: Callable[[str], None] = print) -> tuple[float, list[float]]:
    process = subprocess.Popen([sys.executable, __file__, "--serve", str(source)], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None and process.stdin is not None
        port = int(process.stdout.readline().split()[1])
        with tempfile.TemporaryDirectory() as tmp:
            shared = Node.open(source, shared=True)
            genesis = next(iter(shared.entries_in_order()))
            total = shared.entry_count()
            shared.close()
            fresh = Node.create_joining(Path(tmp) / "fresh", AUTHORS[1])
            fresh.receive([genesis])
            arrived = threading.Event()
            fresh.add_listener(lambda batch: arrived.set())
            runner = NetworkRunner(lambda: SyncService(fresh, display_name="fresh", host="127.0.0.1", port=0,
                                                       limits=Limits()),
                                   discovery=False, peers=[("127.0.0.1", port, None)])
            start = time.perf_counter()
            runner.start()
            while sum(fresh.frontier().values()) < total:
                time.sleep(0.02)
            catch_up = (total - 1) / (time.perf_counter() - start)
            report(f"  caught up {total - 1:,} entries")
            delays = []
            for _ in range(samples):
                arrived.clear()
                before = sum(fresh.frontier().values())
                sent = time.perf_counter()
                process.stdin.write("append\n")
                process.stdin.flush()
                while sum(fresh.frontier().values()) == before:
                    arrived.wait(0.5)
                    arrived.clear()
                delays.append((time.perf_counter() - sent) * 1000)
                time.sleep(0.005)
            runner.stop()
            fresh.close()
        return catch_up, delays
    finally:
        if process.stdin:
            process.stdin.close()
        process.wait(30)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def run(entries: int, rebuild: bool = False, samples: int = PROPAGATION_SAMPLES,
        report: Callable[[str], None] = print) -> list[Figure]:
    raw = raw_verify_rate()
    figures = [Figure("raw Ed25519 verify (cryptography, reference)", raw, "verifies/s")]
    source = ledger_bench.replica(entries, rebuild, report)
    rate, delays = catch_up_and_propagate(source, entries, samples, report)
    ratio = rate / raw
    figures.append(Figure(f"catch-up of {entries:,} entries over loopback TLS", rate, "entries/s",
                          f"{ratio:.2f} x raw", "PASS" if ratio >= 0.5 else "MISS (>= 0.5 x raw)"))
    p50, p99 = percentile(delays, 0.5), percentile(delays, 0.99)
    figures.append(Figure(f"propagation of one entry, p50 of {len(delays)}", p50, "ms", "",
                          "PASS" if p50 < 100 else "MISS (< 100 ms)"))
    figures.append(Figure(f"propagation of one entry, p99 of {len(delays)}", p99, "ms", "",
                          "PASS" if p99 < 500 else "MISS (< 500 ms)"))
    figures.append(Figure("propagation, mean", statistics.fmean(delays), "ms"))
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--quick", action="store_true", help="5,000 entries")
    parser.add_argument("--rebuild", action="store_true", help="rebuild the cached source replica")
    parser.add_argument("--serve", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        return serve(Path(args.serve))
    entries = 5_000 if args.quick else args.entries
    print(f"Relief Ledger sync bench: {entries:,} entries, Python {sys.version.split()[0]}, {os.cpu_count()} cores")
    print(table(run(entries, args.rebuild)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
