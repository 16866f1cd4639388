"""Map benchmark: first paint of a big operation, and how fast a position report shows on the map.

    python bench/map_bench.py            # 10,000 sites and 5,000 shipments in transit
    python bench/map_bench.py --quick    # 500 sites, 250 shipments (a smoke run)
    python bench/map_bench.py --sites 10000 --shipments 1   # what each layer costs on its own

Targets (issue 7): first paint < 2 s with 10,000 sites and 5,000 shipments; a position update
visible < 100 ms. Each figure is printed beside a reference measured in the same run on a map of
the same network reduced to one site and one shipment, so the ratio says what the size costs.

"First paint" runs from creating the map widget (page build, load, assets, features over
QWebChannel, clustering, drawing) to the page's acknowledgement after the next animation frame.
"Position update" runs from handing a signed `shipment.position` to the node (sign, fsync'd commit,
bridge, coalescing, patch, drawing) to the same acknowledgement.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from ledger_bench import Clock

from app.core.identity import Identity
from app.node import Node

BATCH = 1000
UPDATES = 20
FOUNDER, LOGISTICS = (Identity.from_seed(f"map-bench-{n}".encode()) for n in ("founder", "logistics"))
KINDS = ("depot", "staging", "shelter", "hospital", "distribution_point", "command_center")


def site_point(index: int) -> tuple[int, int]:
    """Sites on a jittered grid over central Mozambique (integer micro-degrees, as in the ledger)."""
    row, col = divmod(index, 100)
    return -24_000_000 + row * 90_000 + (index * 7919) % 40_000, 32_000_000 + col * 90_000 + (index * 104_729) % 40_000


def build(data_dir: Path, sites: int, shipments: int) -> Node:
    """A signed network: `sites` sites, stock at every 50th, `shipments` dispatched with one position each."""
    node = Node.create_network(data_dir, FOUNDER, name="Map bench", kind="exercise", org="NDMA", display_name="HQ",
                               members=[{"key": LOGISTICS.public_key_hex, "org": "WFP", "name": "Logistics",
                                         "roles": ["logistics"]}], clock=Clock())
    node.sign_as(LOGISTICS)
    depots = list(range(0, sites, 50))
    work: list[tuple[str, dict]] = [("item.define", {"item": "water-5l", "name": "Drinking water 5 L",
                                                     "unit": "jerrycan", "category": "water", "cold_chain": False})]
    for i in range(sites):
        lat, lon = site_point(i)
        kind = "depot" if i % 50 == 0 else KINDS[i % len(KINDS)]
        work.append(("site.define", {"site": f"S{i:05d}", "name": f"Site {i}", "kind": kind, "lat_e6": lat,
                                     "lon_e6": lon, "org": "WFP"}))
    for d in depots:
        work.append(("stock.receive", {"site": f"S{d:05d}", "item": "water-5l", "lot": f"L{d}", "qty": 1_000_000,
                                       "source": "WFP"}))
    for s in range(shipments):
        origin = depots[s % len(depots)]
        dest = (origin + 1 + (s * 37) % 49) % sites
        work.append(("shipment.dispatch", {"shipment": f"T{s:05d}", "from_site": f"S{origin:05d}",
                                           "to_site": f"S{dest:05d}", "carrier": f"Truck {s}",
                                           "lines": [{"item": "water-5l", "lot": f"L{origin}", "qty": 10}]}))
    for s in range(shipments):
        origin = depots[s % len(depots)]
        lat, lon = site_point(origin)
        work.append(("shipment.position", {"shipment": f"T{s:05d}", "lat_e6": lat + 10_000, "lon_e6": lon + 10_000,
                                           "at_ms": 1_773_468_000_000 + s}))
    for start in range(0, len(work), BATCH):
        node.append_many(work[start:start + BATCH])
    return node


def measure(node: Node, updates: int, report: Callable[[str], None]) -> tuple[float, list[float]]:
    """(first paint seconds, position-update latencies in seconds) for a map of this node."""
    from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QTimer

    from app.ui.bridge import NodeBridge
    from app.ui.map.view import MapView

    def wait_for(condition: Callable[[], bool], timeout_s: float = 60.0) -> None:
        deadline = time.perf_counter() + timeout_s
        while not condition():
            if time.perf_counter() > deadline:
                raise TimeoutError("the map did not answer in time")
            loop = QEventLoop()
            QTimer.singleShot(2, loop.quit)
            loop.exec()

    bridge = NodeBridge(node)
    tables = bridge.copy_tables()
    view = MapView(bridge, tables, node.data_dir)
    view.measure_paint = True  # before the page is up (it loads asynchronously), so first paint is acknowledged
    view.resize(1280, 800)
    view.show()
    wait_for(lambda: bool(view.painted_at))
    first_paint = view.painted_at[0] - view.created_at
    latencies = []
    shipments = sorted(tables["shipments"])
    for n in range(updates):
        key = shipments[n % len(shipments)]
        row = tables["shipments"][key]
        seen = len(view.painted_at)
        started = time.perf_counter()
        bridge.submit("shipment.position", {"shipment": key, "lat_e6": row["position"][0] - 5_000 * (n + 1),
                                            "lon_e6": row["position"][1], "at_ms": 1_773_500_000_000 + n})
        wait_for(lambda seen=seen: len(view.painted_at) > seen)
        latencies.append(view.painted_at[-1] - started)
    view.close_map()
    view.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    node.remove_listener(bridge._on_stored)
    bridge.wait_idle()
    return first_paint, latencies


def run(sites: int, shipments: int, report: Callable[[str], None] = print, updates: int = UPDATES) -> list[tuple]:
    from PySide6.QtWidgets import QApplication

    from app.ui.map.scheme import register_map_scheme

    register_map_scheme()
    app = QApplication.instance() or QApplication([])
    rows = []
    with tempfile.TemporaryDirectory(prefix="map-bench-") as folder:
        started = time.perf_counter()
        reference_node = build(Path(folder) / "small", 2, 1)
        big = build(Path(folder) / "big", sites, shipments)
        report(f"built the networks ({big.entry_count():,} entries) in {time.perf_counter() - started:.1f} s")
        # warm the web engine once, so neither map pays for starting Chromium
        measure(reference_node, 1, report)
        ref_paint, ref_updates = measure(reference_node, updates, report)
        report("reference update latencies (ms): " + " ".join(f"{x * 1000:.0f}" for x in ref_updates))
        paint, latencies = measure(big, updates, report)
        report("update latencies (ms): " + " ".join(f"{x * 1000:.0f}" for x in latencies))
        reference_node.close()
        big.close()
    del app
    ref_update = statistics.median(ref_updates)
    rows.append(("first paint, 2 sites + 1 shipment — reference", ref_paint, 1.0, ""))
    rows.append((f"first paint, {sites:,} sites + {shipments:,} shipments", paint, paint / ref_paint,
                 "< 2 s: " + ("pass" if paint < 2 else "MISS")))
    rows.append(("position update visible, small map, median — reference", ref_update, 1.0, ""))
    rows.append((f"position update visible, big map, median of {len(latencies)}", statistics.median(latencies),
                 statistics.median(latencies) / ref_update,
                 "< 100 ms: " + ("pass" if statistics.median(latencies) < 0.1 else "MISS")))
    rows.append(("position update visible, big map, worst", max(latencies), max(latencies) / ref_update,
                 "< 100 ms: " + ("pass" if max(latencies) < 0.1 else "MISS")))
    return rows


def table(rows: list[tuple]) -> str:
    lines = ["| measure | value | ratio to reference | target |", "| --- | --- | --- | --- |"]
    for name, seconds, ratio, target in rows:
        value = f"{seconds * 1000:,.0f} ms" if seconds < 10 else f"{seconds:.1f} s"
        lines.append(f"| {name} | {value} | {ratio:.2f} × | {target} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="500 sites and 250 shipments")
    parser.add_argument("--sites", type=int, default=10_000)
    parser.add_argument("--shipments", type=int, default=5_000)
    args = parser.parse_args()
    sites, shipments = (500, 250) if args.quick else (args.sites, args.shipments)
    print(table(run(sites, shipments)), flush=True)
    # Leave without tearing down the web engine: PySide 6.12 can abort in its finalizer after the
    # views are gone ("bool_dealloc"), which would turn a finished bench into a crash report.
    os._exit(0)


if __name__ == "__main__":
    main()
