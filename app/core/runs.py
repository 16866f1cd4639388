"""Allocation runs on the ledger: what core can know about an `allocation.run` without running it.

Core never executes a contract (that is the node's job, app/contract_runs.py). Here: the body's
internal consistency (output_digest is the digest of the recorded allocations), whether the
contract version is the one deployed at the run's point of the order, and the row the fold keeps.
"""

from __future__ import annotations

import hashlib
from typing import Any

from app.core import canonical
from app.core.entry import Entry, EntryError


def allocations_digest(allocations: list[dict]) -> str:
    """SHA-256 of the canonical JSON of the allocation list: the run's `output_digest`."""
    return hashlib.sha256(canonical.encode(allocations)).hexdigest()


def check_run_body(body: dict, path: str = "body") -> None:
    """Refuse a run whose digest does not describe its own allocations (tampering in transit or a bug)."""
    if allocations_digest(body["allocations"]) != body["output_digest"]:
        raise EntryError("bad_body", f"{path}.output_digest is not the digest of {path}.allocations")
    try:
        canonical.check_value(body["params"])
    except canonical.CanonicalError as exc:
        raise EntryError("bad_body", f"{path}.params: {exc}") from None


def not_deployed(state: Any, body: dict) -> str | None:
    """Why the run's contract version is not the deployed one at this point (None: it is)."""
    row = state.get("contracts", body["contract"])
    if row is None:
        return f"contract {body['contract']} is not deployed"
    if row["version"] != body["version"]:
        return (f"contract {body['contract']} version {body['version']} is not the deployed version "
                f"(deployed: version {row['version']})")
    return None


def fold_run(state: Any, entry: Entry) -> None:
    """Record the run where it sorts, or mark it ineffective when its version is not deployed there.

    A run records a decision (a plan); it moves no stock. Dispatches that carry it out are
    ordinary `shipment.dispatch` entries.
    """
    b = entry.body
    problem = not_deployed(state, b)
    if problem is not None:
        state.ineffective(entry, "not_deployed", problem)
        return
    deployed = state.get("contracts", b["contract"])
    state.put("allocation_runs", entry.hash, {
        "run": entry.hash, "contract": b["contract"], "version": b["version"], "deploy": deployed["entry"],
        "source_sha256": deployed["source_sha256"], "params": b["params"], "input_digest": b["input_digest"],
        "output_digest": b["output_digest"], "allocations": len(b["allocations"]),
        "units": sum(a["qty"] for a in b["allocations"]), "by": entry.author, "at_ms": entry.ts,
    })
