"""One pass of the real fold over a ledger, logging what the exercise measures need, at measure time.

The measures (app/exercise/measures.py, docs/EVALUATION.md) never re-implement stock or request
arithmetic: the ledger is folded entry by entry with `LedgerState.apply`, exactly as every replica
folds it, and after each entry the rows it touched are compared with what they were before. What
changed is logged with the entry's *measure time*: the running maximum of the signed `ts` along the
total order, so time never runs backwards and the state at any measure time is the fold of a prefix.
Pure: no Qt, no I/O, no local clock, integers only.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.core.entry import Entry
from app.core.membership import MEMBER_TYPES
from app.core.state import LedgerState, settle_pins

OPEN_STATUSES = ("open", "partial")


def measure_times(entries_in_order: list[Entry]) -> list[int]:
    """The measure time of each entry: the largest `ts` among it and every entry sorting before it."""
    times: list[int] = []
    latest: int | None = None
    for entry in entries_in_order:
        latest = entry.ts if latest is None else max(latest, entry.ts)
        times.append(latest)
    return times


@dataclass
class RequestLog:
    """One request as the pass saw it: when it was opened and when (if at all) it last became filled."""

    opened_at: int
    met_at: int | None = None


@dataclass
class ProposalLog:
    opened_at: int
    decided_at: int | None = None


@dataclass
class ConflictLog:
    """One raised conflict (an over-draw that closes and opens again is a second one)."""

    key: str
    kind: str
    entry: str
    raised_at: int
    resolved_at: int | None = None


@dataclass
class StockOutLog:
    site: str
    item: str
    start: int
    end: int | None = None


@dataclass
class PassLog:
    """Everything the pass logged, plus the state folded up to the end of the window."""

    state: LedgerState
    folded: int = 0
    late_stamped: int = 0
    max_lag_ms: int = 0
    requests: dict[str, RequestLog] = field(default_factory=dict)
    # (site, item) -> [(measure time, unmet quantity after the entry)], one element per entry that changed it
    shortfall: dict[tuple[str, str], list[tuple[int, int]]] = field(default_factory=dict)
    # item -> the same, summed over sites
    shortfall_by_item: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    stock_outs: list[StockOutLog] = field(default_factory=list)
    proposals: dict[str, ProposalLog] = field(default_factory=dict)
    conflicts: list[ConflictLog] = field(default_factory=list)


def request_shortfall(row: dict | None) -> int:
    """What a request still lacks: qty − delivered (never below 0) while open or partial, else 0."""
    if row is None or row["status"] not in OPEN_STATUSES:
        return 0
    return max(row["qty"] - row["delivered"], 0)


def ledger_pins(entries_in_order: list[Entry]) -> dict[str, int]:
    """The revocation pins the whole ledger settles (as the replica's state has them), for every window alike."""
    return settle_pins([e for e in entries_in_order if e.type in MEMBER_TYPES])


def run_pass(entries_in_order: list[Entry], times: list[int], equivocators: dict[str, int],
             pins: dict[str, int]) -> PassLog:
    """Fold `entries_in_order` (already cut at the window's end) and log every change the measures read."""
    state = LedgerState()
    state.pins = dict(pins)
    state.set_equivocators(equivocators)
    state.take_dirty()
    log = PassLog(state)
    req_short: dict[str, int] = {}
    req_status: dict[str, str] = {}
    pair_short: dict[tuple[str, str], int] = {}
    item_short: dict[str, int] = {}
    lot_qty: dict[str, int] = {}
    on_hand: dict[tuple[str, str], int] = {}
    open_outs: dict[tuple[str, str], StockOutLog] = {}
    proposal_status: dict[str, str] = {}
    open_conflicts: dict[str, ConflictLog] = {}
    for entry, now in zip(entries_in_order, times, strict=True):
        state.apply(entry)
        log.folded += 1
        if entry.ts < now:
            log.late_stamped += 1
            log.max_lag_ms = max(log.max_lag_ms, now - entry.ts)
        pairs_short: set[tuple[str, str]] = set()
        pairs_stock: dict[tuple[str, str], int] = {}
        for table, key in sorted(state.take_dirty()):
            row = state.get(table, key)
            if table == "requests" and row is not None:
                if key not in log.requests:
                    log.requests[key] = RequestLog(opened_at=now)
                status = row["status"]
                if status == "filled" and req_status.get(key) != "filled":
                    log.requests[key].met_at = now
                elif status != "filled":
                    log.requests[key].met_at = None
                req_status[key] = status
                new = request_shortfall(row)
                old = req_short.get(key, 0)
                if new != old:
                    pair = (row["site"], row["item"])
                    pair_short[pair] = pair_short.get(pair, 0) + new - old
                    item_short[row["item"]] = item_short.get(row["item"], 0) + new - old
                    req_short[key] = new
                    pairs_short.add(pair)
            elif table == "stock":
                site, item, _lot = key.split("|", 2)
                pair = (site, item)
                pairs_stock.setdefault(pair, on_hand.get(pair, 0))
                new_qty = max(row["qty"], 0) if row is not None else 0
                on_hand[pair] = on_hand.get(pair, 0) + new_qty - max(lot_qty.get(key, 0), 0)
                lot_qty[key] = row["qty"] if row is not None else 0
            elif table == "proposals" and row is not None:
                if key not in log.proposals:
                    log.proposals[key] = ProposalLog(opened_at=now)
                if row["status"] != "open" and proposal_status.get(key, "open") == "open":
                    log.proposals[key].decided_at = now
                proposal_status[key] = row["status"]
            elif table == "conflicts" and row is not None:
                current = open_conflicts.get(key)
                if row["open"] and current is None:
                    raised = ConflictLog(key, row["kind"], row["entry"], now)
                    log.conflicts.append(raised)
                    open_conflicts[key] = raised
                elif not row["open"] and current is not None:
                    current.resolved_at = now
                    del open_conflicts[key]
        for pair in sorted(pairs_short):
            _record(log.shortfall.setdefault(pair, []), now, pair_short[pair])
        for item in sorted({item for _site, item in pairs_short}):
            _record(log.shortfall_by_item.setdefault(item, []), now, item_short[item])
        for pair, before in sorted(pairs_stock.items()):
            after = on_hand[pair]
            if before > 0 >= after:
                out = StockOutLog(pair[0], pair[1], now)
                log.stock_outs.append(out)
                open_outs[pair] = out
            elif before <= 0 < after and pair in open_outs:
                open_outs.pop(pair).end = now
    return log


def _record(changes: list[tuple[int, int]], now: int, value: int) -> None:
    """Log a value after an entry; two entries at one measure time keep only the later value."""
    if changes and changes[-1][0] == now:
        changes[-1] = (now, value)
    else:
        changes.append((now, value))
