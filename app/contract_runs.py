"""Re-execution of recorded allocation runs: every replica checks every run for itself.

Why here and not in app/core: checking means running Starlark, and core stays free of the
contract runtime. The node captures, while it folds, the contract's view of the state just
before each `allocation.run` entry (the same snapshot the author used, when the author's
replica held the same entries before the run); after the commit a worker thread re-executes the
deployed source on it with the recorded params and compares digests. Results are this
replica's own verdicts, kept in the store's meta (key `run_checks`), never in the ledger.

Verdicts: `verified`; `mismatch` (input digest, output digest or params differ, or the contract
fails or exceeds its budget on this replica); `unchecked` (this machine could not judge: the
child process ran out of memory or crashed, or the deployed source is not held).
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import asdict, dataclass
from typing import Protocol, TypeVar

from app.contracts.isolated import run_isolated
from app.contracts.runtime import DEFAULT_BUDGET, RUNTIME_VERSION, ContractError, input_digest, run_contract
from app.contracts.snapshot import build_snapshot
from app.core.entry import Entry
from app.core.state import LedgerState, SnapshotError
from app.core.types import EntryType
from app.store.replica_store import ReplicaStore, now_ms

log = logging.getLogger(__name__)
T = TypeVar("T")
META_KEY = "run_checks"
VERIFIED, MISMATCH, UNCHECKED = "verified", "mismatch", "unchecked"
NOT_VERDICTS = ("memory", "crashed", "cancelled")   # machine limits, not a property of the contract


class RunReplica(Protocol):
    """What checking runs reads of the replica that owns the checker (app.node.Node provides it).

    Named here so that this module need not import app.node, which imports it (tests/test_import_graph.py).
    """

    @property
    def store(self) -> ReplicaStore: ...

    @property
    def state(self) -> LedgerState: ...

    def entries(self, hashes: list[str]) -> list[Entry]: ...

    def read(self, reader: Callable[[LedgerState], T]) -> T: ...


@dataclass(frozen=True)
class Capture:
    """A run entry and what the replica saw just before it in the total order."""

    entry: Entry
    snapshot: dict | None          # None: building it failed (a bug), reported as unchecked
    contract: dict | None          # the `contracts` row at that point


@dataclass(frozen=True)
class RunCheck:
    run: str
    status: str                    # verified | mismatch | unchecked
    reason: str
    input_digest: str              # this replica's own
    output_digest: str
    steps: int
    runtime: str
    checked_ms: int


def capture(state: LedgerState, entry: Entry) -> Capture:
    """Called by the fold just before it applies a run entry; never raises (the fold must not fail)."""
    row = state.get("contracts", entry.body.get("contract", ""))
    try:
        snapshot: dict | None = build_snapshot(state)
    except Exception:  # noqa: BLE001 - a snapshot bug must not stop the replica storing entries
        snapshot = None
    return Capture(entry, snapshot, dict(row) if row else None)


def deployed_source(node: RunReplica, contract_row: dict) -> str | None:
    """The source of a deployment: the body of the approved `proposal.open` it came from."""
    found = node.entries([contract_row["entry"]])
    if not found:
        return None
    body = found[0].body
    source = body.get("body", {}).get("source") if found[0].type == EntryType.PROPOSAL_OPEN else body.get("source")
    if not isinstance(source, str):
        return None
    if hashlib.sha256(source.encode("utf-8")).hexdigest() != contract_row["source_sha256"]:
        return None
    return source


def check(node: RunReplica, item: Capture, isolated: bool = True) -> RunCheck | None:
    """This replica's verdict on one run (None: the run has no effect here, see `ineffective`)."""
    body, row = item.entry.body, item.contract
    if row is None or row["version"] != body["version"]:
        return None
    if item.snapshot is None:
        return RunCheck(item.entry.hash, UNCHECKED, "the snapshot before the run could not be built", "", "", 0,
                        RUNTIME_VERSION, now_ms())
    own_input = input_digest(item.snapshot, body["params"])

    def verdict(status: str, reason: str, output: str = "", steps: int = 0) -> RunCheck:
        return RunCheck(item.entry.hash, status, reason, own_input, output, steps, RUNTIME_VERSION, now_ms())

    source = deployed_source(node, row)
    if source is None:
        return verdict(UNCHECKED, "the deployed source is not held by this replica")
    try:
        if isolated:
            result = run_isolated(source, item.snapshot, body["params"], DEFAULT_BUDGET)
        else:
            result = run_contract(source, item.snapshot, body["params"], DEFAULT_BUDGET)
    except ContractError as exc:
        status = UNCHECKED if exc.kind in NOT_VERDICTS else MISMATCH
        return verdict(status, f"the contract failed here: {exc}")
    problems = []
    if own_input != body["input_digest"]:
        problems.append(f"input digest differs (recorded {body['input_digest'][:12]}…, here {own_input[:12]}…): "
                        "the state before the run is not what the author saw")
    if result.params != body["params"]:
        problems.append("recorded params are not the contract's effective parameters")
    if result.output_digest != body["output_digest"]:
        problems.append(f"output digest differs (recorded {body['output_digest'][:12]}…, here "
                        f"{result.output_digest[:12]}…): {len(result.allocations)} allocation(s) here, "
                        f"{len(body['allocations'])} recorded")
    if row.get("runtime") and row["runtime"] != RUNTIME_VERSION:
        note = f" (deployed for {row['runtime']}, checked with {RUNTIME_VERSION})"
    else:
        note = ""
    if problems:
        return verdict(MISMATCH, "; ".join(problems) + note, result.output_digest, result.steps)
    return verdict(VERIFIED, "re-executed: same input and output" + note, result.output_digest, result.steps)


def recapture(node: RunReplica, wanted: set[str]) -> list[Capture]:
    """Rebuild the captures of stored runs by re-folding, read-only, from the snapshot before the first.

    For runs whose check never finished (the replica stopped with checks queued).
    """
    found = node.entries(sorted(wanted))
    if not found:
        return []
    first = min(entry.key for entry in found)
    out: list[Capture] = []
    with node.store.engine.connect() as connection:
        blob = node.store.read_snapshot_before(connection, first)
        try:
            state = LedgerState.from_snapshot(blob) if blob else LedgerState()
        except SnapshotError:   # unreadable or folded under older rules: the entries tell the same story
            state = LedgerState()
        state.set_equivocators(dict(node.state.equivocators))
        state.pins = dict(node.state.pins)
        for entry in node.store.iter_in_order(connection, after=state.position):
            if entry.hash in wanted:
                out.append(capture(state, entry))
                if len(out) == len(found):
                    break
            state.apply(entry)
    return out


class RunChecker:
    """One worker thread per replica re-executing captured runs; verdicts persisted in meta."""

    def __init__(self, node: RunReplica, lock: threading.RLock, read_only: bool = False,
                 isolated: bool = True) -> None:
        self.node = node
        self._node_lock = lock        # the node's own: its commits hold it
        self._read_only = read_only   # a replica opened beside the process that runs it writes nothing
        self.isolated = isolated
        self._pool: ThreadPoolExecutor | None = None
        self._futures: list[Future] = []
        self._lock = threading.Lock()
        self._listeners: list[Callable[[RunCheck], None]] = []
        stored = node.store.get_meta(META_KEY) if node.store.network_id else None
        self.results: dict[str, dict] = json.loads(stored) if stored else {}

    def add_listener(self, listener: Callable[[RunCheck], None]) -> None:
        self._listeners.append(listener)

    def remove_listener(self, listener: Callable[[RunCheck], None]) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def get(self, run: str) -> dict | None:
        return self.results.get(run)

    def submit(self, captures: list[Capture]) -> None:
        """Queue checks (after the commit that stored the runs)."""
        if not captures:
            return
        with self._lock:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="run-check")
            for item in captures:
                self._futures.append(self._pool.submit(self._work, item))

    def _work(self, item: Capture) -> None:
        previous = self.results.get(item.entry.hash)
        if previous is not None and item.snapshot is not None and previous["status"] != UNCHECKED \
                and previous["input_digest"] == input_digest(item.snapshot, item.entry.body["params"]):
            return     # re-captured by a re-fold with the same input: the verdict cannot change
        try:
            result = check(self.node, item, self.isolated)
        except Exception as exc:  # noqa: BLE001 - a checker bug must not stop later checks; recorded
            log.warning("re-executing run %s failed in the checker: %s", item.entry.hash[:16], type(exc).__name__,
                        exc_info=log.isEnabledFor(logging.DEBUG))
            result = RunCheck(item.entry.hash, UNCHECKED, f"checker error: {type(exc).__name__}: {exc}", "", "", 0,
                              RUNTIME_VERSION, now_ms())
        if result is None:
            return
        log.log(logging.WARNING if result.status == MISMATCH else logging.INFO, "run %s re-executed here: %s (%s)",
                result.run[:16], result.status, result.reason)
        with self._node_lock:   # the node's commits hold it: one writer at a time
            self.results[result.run] = asdict(result)
            if not self._read_only:
                with self.node.store.transaction() as connection:
                    self.node.store.set_meta(connection, META_KEY, json.dumps(self.results, sort_keys=True))
        for listener in list(self._listeners):
            listener(result)

    def missing(self) -> set[str]:
        """Recorded runs this replica holds no verdict on."""
        return {run for run in self.node.read(lambda state: list(state.tables["allocation_runs"]))
                if run not in self.results}

    def check_missing(self) -> int:
        """Queue checks for runs without a verdict (call off the GUI thread: it re-folds); how many."""
        wanted = self.missing()
        if wanted:
            self.submit(recapture(self.node, wanted))
        return len(wanted)

    def drain(self, timeout: float | None = None) -> None:
        """Wait for every queued check (tests, CLI, before closing)."""
        while True:
            with self._lock:
                pending = [f for f in self._futures if not f.done()]
                self._futures = pending
            if not pending:
                return
            for future in pending:
                future.result(timeout)

    def close(self) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
