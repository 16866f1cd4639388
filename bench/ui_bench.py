"""Client responsiveness: the longest stall of the GUI event loop while entries arrive in the background.

    python bench/ui_bench.py            # 10,000 entries in commits of 200, three rounds
    python bench/ui_bench.py --quick    # 1,000 entries, one round (a smoke run)

Target (issue 4): while another thread stores 10,000 entries, the window's event loop never stalls
for 100 ms or more. A 10 ms timer on the GUI thread records the gap between its ticks. The reference,
measured in the same run, is the same arrival with the same timer and no window: what the storing
thread alone costs the GUI thread (the GIL, the machine's noise), so the ratio says what the window adds.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QEvent, QTimer
from PySide6.QtWidgets import QApplication

from app.core.identity import Identity
from app.node import Node
from app.ui.app import tune_runtime
from app.ui.bridge import NodeBridge
from app.ui.main_window import MainWindow
from app.ui.map.scheme import register_map_scheme

BATCH = 200          # entries per commit, as sync and bundle import deliver them
TARGET_MS = 100
FOUNDER = Identity.from_seed(b"ui-bench-founder")


def make_node(directory: Path) -> Node:
    node = Node.create_network(directory, FOUNDER, name="Bench", kind="exercise", org="NDMA",
                               display_name="Bench founder")
    node.append_many([
        ("site.define", {"site": "DEP-1", "name": "Beira depot", "kind": "depot", "lat_e6": -19_843_000,
                         "lon_e6": 34_838_000, "org": "WFP"}),
        ("item.define", {"item": "water-5l", "name": "Drinking water 5 L", "unit": "jerrycan",
                         "category": "water", "cold_chain": False}),
    ])
    return node


def worst_stall(app: QApplication, node: Node, count: int, arrived: Callable[[], bool]) -> int:
    """Milliseconds of the longest gap between 10 ms ticks while `count` entries are stored and shown."""
    clock = QElapsedTimer()
    clock.start()
    gaps: list[int] = []
    last = [clock.elapsed()]

    def tick() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(10)
    done = threading.Event()

    def arrive() -> None:
        for batch in range(count // BATCH):
            node.append_many([("stock.receive", {"site": "DEP-1", "item": "water-5l", "lot": f"B{batch}-{i}",
                                                 "qty": 1, "source": "WFP"}) for i in range(BATCH)])
            time.sleep(0.01)
        done.set()

    thread = threading.Thread(target=arrive)
    thread.start()
    while not (done.is_set() and arrived()):
        app.processEvents()
        time.sleep(0.001)
    thread.join()
    timer.stop()
    return max(gaps[1:], default=0)


def measure(count: int, rounds: int, report: Callable[[str], None] = print) -> list[tuple[int, int]]:
    """(reference stall, window stall) in ms per round."""
    if QApplication.instance() is None:
        register_map_scheme()   # before the QApplication, as app.ui.app.application() does
    app = QApplication.instance() or QApplication([])
    tune_runtime()
    results = []
    for round_ in range(rounds):
        with tempfile.TemporaryDirectory() as tmp:
            bare = make_node(Path(tmp) / "bare")
            reference = worst_stall(app, bare, count, lambda: True)
            bare.close()
            node = make_node(Path(tmp) / "window")
            bridge = NodeBridge(node)
            window = MainWindow(bridge)
            window.show()
            stock = window.models["stock"]
            stalled = worst_stall(app, node, count, lambda stock=stock: stock.rowCount() == count)
            window.close()
            window.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            bridge.node.remove_listener(bridge._on_stored)
            bridge.wait_idle()
            node.close()
        report(f"round {round_ + 1}: reference {reference} ms, window {stalled} ms")
        results.append((reference, stalled))
    return results


def table(results: list[tuple[int, int]], count: int) -> str:
    reference = max(r for r, _w in results)
    window = max(w for _r, w in results)
    verdict = "pass" if window < TARGET_MS else "miss"
    return "\n".join([
        "| measure | value | ratio | target |",
        "| --- | --- | --- | --- |",
        f"| worst event-loop stall, {count:,} entries stored, no window (reference) | {reference} ms | 1 | |",
        f"| worst event-loop stall, the same with the main window showing them | {window} ms | "
        f"{window / max(reference, 1):.2f} × reference | < {TARGET_MS} ms: **{verdict}** |",
    ])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    count, rounds = (1_000, 1) if args.quick else (10_000, 3)
    print(table(measure(count, rounds), count), flush=True)
    # Leave without tearing down the web engine, as bench/map_bench.py does: PySide 6.12 can abort in
    # its finalizer after the views are gone ("bool_dealloc"), turning a finished bench into a crash.
    os._exit(0)


if __name__ == "__main__":
    main()
