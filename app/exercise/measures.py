"""Exercise measures computed from the ledger alone, for the evaluation and the after-action report.

Every figure is a function of the ledger's entries (in their total order), an evaluation window and
the replica's equivocation flags: no local clock, no floats, so two replicas holding the same
entries compute the same JSON and the same digest. The definitions are docs/EVALUATION.md; this
module follows them rule by rule. Pure: no Qt, no I/O.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, fields, is_dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from app.core import canonical
from app.core.entry import Entry
from app.core.schema import PRIORITIES
from app.errors import ReliefLedgerError
from app.exercise.measures_fold import PassLog, ledger_pins, measure_times, run_pass

MEASURES_VERSION = 1
HOUR_MS = 3_600_000


class MeasureError(ReliefLedgerError, ValueError):
    """An evaluation that cannot be computed as asked (a window that is not one, a ledger with nothing)."""

    code = "bad_window"


# -- integer statistics (docs/EVALUATION.md, "Arithmetic") -----------------------------------------------

def median(values: list[int]) -> int | None:
    """The middle value; of an even count, the mean of the two middle values rounded down. None if empty."""
    if not values:
        return None
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) // 2


def p90(values: list[int]) -> int | None:
    """The 90th percentile by nearest rank: the value at rank ceil(0.9 n) of the ascending list. None if empty."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[(9 * len(ordered) + 9) // 10 - 1]


def per_mille(part: int, whole: int) -> int | None:
    """1000 × part / whole rounded half up; None when whole is 0."""
    if whole == 0:
        return None
    return (2000 * part + whole) // (2 * whole)


def unit_hours(unit_ms: int) -> int:
    """Unit-milliseconds as unit-hours, rounded half up."""
    return (unit_ms + HOUR_MS // 2) // HOUR_MS


# -- results ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class RequestFill:
    """One request opened in the window: when it was met (its status last became `filled`), if it was."""

    request: str
    site: str
    item: str
    priority: str
    qty: int
    delivered: int
    status: str              # at the end of the window: open, partial, filled or cancelled
    opened_ms: int           # measure time of its request.open
    needed_by_ms: int
    met_ms: int | None       # measure time at which it became filled for the last time, if filled at the end
    fill_ms: int | None      # met_ms − opened_ms
    timeliness: str          # on_time, late, overdue, not_due or cancelled


@dataclass(frozen=True)
class PriorityStats:
    priority: str
    requests: int            # opened in the window and not cancelled
    met: int
    median_fill_ms: int | None
    p90_fill_ms: int | None
    on_time: int
    due: int                 # on_time + late + overdue: the on-time rate's denominator
    on_time_per_mille: int | None


@dataclass(frozen=True)
class UnmetPair:
    site: str
    item: str
    unit_ms: int
    unit_hours: int
    peak: int


@dataclass(frozen=True)
class UnmetItem:
    item: str
    unit_ms: int
    unit_hours: int
    peak: int
    series: tuple[tuple[int, int], ...]   # (measure time, unmet quantity from then on), from the window's start


@dataclass(frozen=True)
class StockOut:
    site: str
    item: str
    start_ms: int            # clipped to the window's start
    end_ms: int | None       # None: still out at the window's end
    duration_ms: int
    began_before: bool       # the site was already out when the window began


@dataclass(frozen=True)
class ProposalLatency:
    proposal: str
    action: str
    status: str              # at the end of the window: open, approved, rejected, withdrawn or expired
    opened_ms: int
    decided_ms: int | None
    latency_ms: int | None


@dataclass(frozen=True)
class ActionStats:
    action: str
    proposals: int
    approved: int
    rejected: int
    withdrawn: int
    expired: int
    open: int
    median_latency_ms: int | None          # over every decided proposal
    median_approval_ms: int | None         # over the approved ones


@dataclass(frozen=True)
class ConflictSpan:
    key: str
    kind: str
    entry: str
    raised_ms: int
    resolved_ms: int | None
    resolution_ms: int | None


@dataclass(frozen=True)
class KindStats:
    kind: str
    raised: int
    resolved: int
    open: int
    median_resolution_ms: int | None


@dataclass(frozen=True)
class Measures:
    """Every measure of one evaluation window; `to_json()` is canonical, so replicas compare `digest()`."""

    version: int
    network: str
    from_ms: int
    until_ms: int
    entries: int             # entries folded: those with measure time ≤ until_ms
    late_stamped: int        # of those, entries whose own ts was below their measure time
    max_lag_ms: int          # the largest such difference
    requests: tuple[RequestFill, ...]
    by_priority: tuple[PriorityStats, ...]
    unmet: tuple[UnmetPair, ...]
    unmet_by_item: tuple[UnmetItem, ...]
    stock_outs: tuple[StockOut, ...]
    proposals: tuple[ProposalLatency, ...]
    by_action: tuple[ActionStats, ...]
    conflicts: tuple[ConflictSpan, ...]
    by_kind: tuple[KindStats, ...]

    def to_plain(self) -> dict[str, Any]:
        plain = _plain(self)
        assert isinstance(plain, dict)
        return plain

    def to_json(self) -> str:
        """Canonical JSON (sorted keys, no whitespace, integers only): the same text on every replica."""
        return canonical.encode(self.to_plain()).decode("utf-8")

    def digest(self) -> str:
        """SHA-256 of `to_json()`, in hex: one value two replicas compare."""
        return hashlib.sha256(self.to_json().encode("utf-8")).hexdigest()


def _plain(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value


# -- the computation ---------------------------------------------------------------------------------------

def measure_all(entries: list[Entry], from_ms: int | None = None, until_ms: int | None = None,
                equivocators: dict[str, int] | None = None) -> Measures:
    """Every measure over the window [from_ms, until_ms] of measure time (docs/EVALUATION.md).

    `entries` are the ledger's entries (any order: they are put in the total order here); `from_ms`
    defaults to the genesis's measure time, `until_ms` to the last entry's, never to the local clock.
    `equivocators` are the replica's equivocation flags (author -> seq), as its state uses them.
    """
    ordered = sorted(entries, key=lambda e: e.key)
    if not ordered:
        raise MeasureError("there are no entries to measure: the ledger is empty", "empty_ledger")
    times = measure_times(ordered)
    start = times[0] if from_ms is None else from_ms
    end = times[-1] if until_ms is None else until_ms
    for name, value in (("from", start), ("until", end)):
        if type(value) is not int or value < 0:
            raise MeasureError(f"the window's {name} must be a whole number of milliseconds ≥ 0 (got {value!r})")
    if start > end:
        raise MeasureError(f"the window starts ({start}) after it ends ({end}); give a start at or before the end")
    cut = sum(1 for t in times if t <= end)
    log = run_pass(ordered[:cut], times[:cut], dict(equivocators or {}), ledger_pins(ordered))
    network = log.state.tables["network"].get("network", {}).get("id", "")
    requests = _requests(log, start, end)
    unmet, unmet_items = _unmet(log, start, end)
    proposals = _proposals(log, start, end)
    conflicts = _conflicts(log, start)
    return Measures(
        version=MEASURES_VERSION, network=network, from_ms=start, until_ms=end, entries=log.folded,
        late_stamped=log.late_stamped, max_lag_ms=log.max_lag_ms,
        requests=requests, by_priority=_by_priority(requests), unmet=unmet, unmet_by_item=unmet_items,
        stock_outs=_stock_outs(log, start, end), proposals=proposals, by_action=_by_action(proposals),
        conflicts=conflicts, by_kind=_by_kind(conflicts))


def _requests(log: PassLog, start: int, end: int) -> tuple[RequestFill, ...]:
    found = []
    for request_id, seen in sorted(log.requests.items()):
        if not start <= seen.opened_at <= end:
            continue
        row = log.state.tables["requests"][request_id]
        status = row["status"]
        met = seen.met_at if status == "filled" else None
        if status == "cancelled":
            timeliness = "cancelled"
        elif met is not None:
            timeliness = "on_time" if met <= row["needed_by_ms"] else "late"
        else:
            timeliness = "overdue" if row["needed_by_ms"] < end else "not_due"
        found.append(RequestFill(
            request=request_id, site=row["site"], item=row["item"], priority=row["priority"], qty=row["qty"],
            delivered=row["delivered"], status=status, opened_ms=seen.opened_at, needed_by_ms=row["needed_by_ms"],
            met_ms=met, fill_ms=None if met is None else met - seen.opened_at, timeliness=timeliness))
    return tuple(found)


def _by_priority(requests: tuple[RequestFill, ...]) -> tuple[PriorityStats, ...]:
    stats = []
    for priority in PRIORITIES:
        mine = [r for r in requests if r.priority == priority and r.status != "cancelled"]
        fills = [r.fill_ms for r in mine if r.fill_ms is not None]
        on_time = sum(1 for r in mine if r.timeliness == "on_time")
        due = sum(1 for r in mine if r.timeliness in ("on_time", "late", "overdue"))
        stats.append(PriorityStats(priority=priority, requests=len(mine), met=len(fills), median_fill_ms=median(fills),
                                   p90_fill_ms=p90(fills), on_time=on_time, due=due,
                                   on_time_per_mille=per_mille(on_time, due)))
    return tuple(stats)


def integrate(changes: list[tuple[int, int]], start: int, end: int) -> tuple[int, int, tuple[tuple[int, int], ...]]:
    """(integral over [start, end] in unit-ms, peak, series) of a step function given by its changes.

    `changes` are (time, value from then on) with times non-decreasing and one value per time; before the
    first change the value is 0. The series starts at `start` with the value then, and lists each later
    change whose value differs from the one before.
    """
    value, index = 0, 0
    while index < len(changes) and changes[index][0] <= start:
        value = changes[index][1]
        index += 1
    series = [(start, value)]
    for at, new in changes[index:]:
        if new != series[-1][1]:
            series.append((at, new))
    total = 0
    for (at, level), (after, _next) in zip(series, series[1:] + [(end, 0)], strict=True):
        total += level * (after - at)
    return total, max(level for _at, level in series), tuple(series)


def _unmet(log: PassLog, start: int, end: int) -> tuple[tuple[UnmetPair, ...], tuple[UnmetItem, ...]]:
    pairs = []
    for (site, item), changes in sorted(log.shortfall.items()):
        total, peak, _series = integrate(changes, start, end)
        pairs.append(UnmetPair(site=site, item=item, unit_ms=total, unit_hours=unit_hours(total), peak=peak))
    items = []
    for item, changes in sorted(log.shortfall_by_item.items()):
        total, peak, series = integrate(changes, start, end)
        items.append(UnmetItem(item=item, unit_ms=total, unit_hours=unit_hours(total), peak=peak, series=series))
    return tuple(pairs), tuple(items)


def _stock_outs(log: PassLog, start: int, end: int) -> tuple[StockOut, ...]:
    found = []
    for out in log.stock_outs:
        if out.start < start and out.end is not None and out.end <= start:
            continue
        begin = max(out.start, start)
        found.append(StockOut(site=out.site, item=out.item, start_ms=begin, end_ms=out.end,
                              duration_ms=(end if out.end is None else out.end) - begin,
                              began_before=out.start < start))
    return tuple(sorted(found, key=lambda s: (s.site, s.item, s.start_ms)))


def _proposals(log: PassLog, start: int, end: int) -> tuple[ProposalLatency, ...]:
    found = []
    for key, seen in log.proposals.items():
        if not start <= seen.opened_at <= end:
            continue
        row = log.state.tables["proposals"][key]
        decided = seen.decided_at if row["status"] != "open" else None
        found.append(ProposalLatency(proposal=key, action=row["action"], status=row["status"],
                                     opened_ms=seen.opened_at, decided_ms=decided,
                                     latency_ms=None if decided is None else decided - seen.opened_at))
    return tuple(sorted(found, key=lambda p: (p.opened_ms, p.proposal)))


def _by_action(proposals: tuple[ProposalLatency, ...]) -> tuple[ActionStats, ...]:
    stats = []
    for action in sorted({p.action for p in proposals}):
        mine = [p for p in proposals if p.action == action]
        count = {status: sum(1 for p in mine if p.status == status)
                 for status in ("approved", "rejected", "withdrawn", "expired", "open")}
        stats.append(ActionStats(
            action=action, proposals=len(mine), approved=count["approved"], rejected=count["rejected"],
            withdrawn=count["withdrawn"], expired=count["expired"], open=count["open"],
            median_latency_ms=median([p.latency_ms for p in mine if p.latency_ms is not None]),
            median_approval_ms=median([p.latency_ms for p in mine
                                       if p.status == "approved" and p.latency_ms is not None])))
    return tuple(stats)


def _conflicts(log: PassLog, start: int) -> tuple[ConflictSpan, ...]:
    found = [ConflictSpan(key=c.key, kind=c.kind, entry=c.entry, raised_ms=c.raised_at, resolved_ms=c.resolved_at,
                          resolution_ms=None if c.resolved_at is None else c.resolved_at - c.raised_at)
             for c in log.conflicts if c.raised_at >= start]
    return tuple(sorted(found, key=lambda c: (c.raised_ms, c.key, c.entry)))


def _by_kind(conflicts: tuple[ConflictSpan, ...]) -> tuple[KindStats, ...]:
    stats = []
    for kind in sorted({c.kind for c in conflicts}):
        mine = [c for c in conflicts if c.kind == kind]
        spans = [c.resolution_ms for c in mine if c.resolution_ms is not None]
        stats.append(KindStats(kind=kind, raised=len(mine), resolved=len(spans), open=len(mine) - len(spans),
                               median_resolution_ms=median(spans)))
    return tuple(stats)


# -- plain text ----------------------------------------------------------------------------------------------

def _duration(ms: int | None) -> str:
    """Milliseconds as h:mm (rounded down to the minute), or a dash."""
    if ms is None:
        return "-"
    minutes = ms // 60_000
    return f"{minutes // 60}:{minutes % 60:02d}"


def iso_utc(ms: int) -> str:
    """A measure time as ISO 8601 UTC to the minute (exact integer arithmetic, no local time zone)."""
    return (datetime(1970, 1, 1, tzinfo=UTC) + timedelta(milliseconds=ms)).strftime("%Y-%m-%dT%H:%MZ")


def summary(measures: Measures) -> str:
    """The measures as a few plain-text tables, for a terminal or the hot wash's first look."""
    m = measures
    lines = [f"Evaluation window {iso_utc(m.from_ms)} .. {iso_utc(m.until_ms)} "
             f"({_duration(m.until_ms - m.from_ms)} h:mm), "
             f"{m.entries} entries folded",
             f"Entries stamped behind the measure time: {m.late_stamped} (largest lag {_duration(m.max_lag_ms)})",
             "", "Requests by priority (fill times h:mm)",
             f"  {'priority':<9}{'requests':>9}{'met':>5}{'median':>8}{'p90':>8}{'on time':>9}{'due':>5}{'‰':>6}"]
    for p in m.by_priority:
        rate = "-" if p.on_time_per_mille is None else str(p.on_time_per_mille)
        lines.append(f"  {p.priority:<9}{p.requests:>9}{p.met:>5}{_duration(p.median_fill_ms):>8}"
                     f"{_duration(p.p90_fill_ms):>8}{p.on_time:>9}{p.due:>5}{rate:>6}")
    lines += ["", "Unmet need by item (unit-hours, peak units short)"]
    lines += [f"  {u.item:<20}{u.unit_hours:>10}{u.peak:>8}" for u in m.unmet_by_item] or ["  none"]
    lines += ["", "Stock-outs (site, item, from, duration h:mm)"]
    lines += [f"  {s.site:<20}{s.item:<16}{iso_utc(s.start_ms):>18}{_duration(s.duration_ms):>9}"
              f"{'  still out' if s.end_ms is None else ''}" for s in m.stock_outs] or ["  none"]
    lines += ["", "Proposals by action (median latency h:mm)"]
    lines += [f"  {a.action:<16} {a.proposals} proposed, {a.approved} approved, {a.rejected} rejected, "
              f"{a.withdrawn} withdrawn, {a.expired} expired, {a.open} open; median {_duration(a.median_latency_ms)}"
              for a in m.by_action] or ["  none"]
    lines += ["", "Conflicts by kind (median time to resolution h:mm)"]
    lines += [f"  {k.kind:<18} {k.raised} raised, {k.resolved} resolved, {k.open} open; "
              f"median {_duration(k.median_resolution_ms)}" for k in m.by_kind] or ["  none"]
    return "\n".join(lines)


__all__ = ["ActionStats", "ConflictSpan", "KindStats", "MeasureError", "Measures", "PriorityStats", "ProposalLatency",
           "RequestFill", "StockOut", "UnmetItem", "UnmetPair", "integrate", "measure_all", "median", "p90",
           "per_mille", "summary", "unit_hours"]
