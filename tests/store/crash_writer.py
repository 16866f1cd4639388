"""Appends receipts to a replica forever, printing each hash only after its commit returned.

Run by tests/store/test_crash_safety.py, which SIGKILLs it at random moments.
"""

from __future__ import annotations

import sys
from pathlib import Path

from app.core.identity import Identity
from app.node import Node


def main(data_dir: str, tag: str) -> None:
    node = Node.open(Path(data_dir), identity=Identity.from_seed(b"logistics"))
    print("ready", flush=True)
    n = 0
    while True:
        n += 1
        body = {"site": "DEP-1", "item": "water-5l", "lot": f"{tag}-{n}", "qty": n, "source": "crash test"}
        if n % 3:
            stored = [node.append("stock.receive", body)]
        else:
            stored = node.append_many([("stock.receive", {**body, "lot": f"{tag}-{n}-{i}"}) for i in range(5)])
        for entry in stored:
            sys.stdout.write(entry.hash + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
