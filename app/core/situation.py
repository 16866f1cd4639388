"""The situation at a glance: what is short, what is late, what waits for me.

Pure functions over the projected tables, a time (`now_ms`) and the operator's key (`me`), so the
overview an operator reads at 3 a.m. is the same computation a test checks against hand-made tables.
Nothing here is part of the ledger or its digest: it is a reading of state at one moment, and the
rules are written down in docs/USER_GUIDE.md ("The overview").
"""

from __future__ import annotations

from dataclasses import dataclass

from app.core.approvals import can_decide
from app.core.types import Tables

HOUR_MS = 3_600_000
# A shipment in transit whose last known position (or, with none reported, its dispatch) is older than
# this is "not seen": a truck reports every few hours on the demo and in the field; six hours of silence
# is worth a phone call.
STALE_AFTER_MS = 6 * HOUR_MS
# Requests still waiting for material; `filled` and `cancelled` ones need nothing more.
ACTIVE_REQUEST_STATUSES = ("open", "partial")
PRIORITY_RANK = {"critical": 0, "high": 1, "normal": 2, "low": 3}


@dataclass(frozen=True)
class Shortage:
    """At one site, open requests for one item need more than is there or on its way there."""

    site: str
    item: str
    need: int          # the requests' remaining quantity (requested − delivered, never below 0)
    on_hand: int       # the item's stock at the site (lots above zero; an over-drawn lot counts as 0)
    in_transit: int    # in shipments still in transit to the site
    requests: tuple[str, ...]
    priority: str      # the most urgent priority among those requests

    @property
    def short(self) -> int:
        return self.need - self.on_hand - self.in_transit


@dataclass(frozen=True)
class OverdueRequest:
    """A request still open or partly filled after its needed-by time."""

    request: str
    site: str
    item: str
    remaining: int
    needed_by_ms: int
    late_ms: int
    priority: str


@dataclass(frozen=True)
class StaleShipment:
    """A shipment in transit not seen for longer than the threshold (no position, or an old one)."""

    shipment: str
    to_site: str
    last_seen_ms: int   # the last position's `at_ms`, or the dispatch time when none was reported
    age_ms: int
    reported: bool      # False: no position was ever reported; the age counts from the dispatch


@dataclass(frozen=True)
class LateShipment:
    """A shipment still in transit after the needed-by time of a request it carries material for.

    The ledger records no expected arrival of its own; the requests a shipment serves say when the
    material was due, so that is the arrival it is late against.
    """

    shipment: str
    to_site: str
    due_ms: int
    late_ms: int
    requests: tuple[str, ...]


@dataclass(frozen=True)
class Situation:
    """Everything the overview counts, each group in the order an operator should look at it."""

    now_ms: int
    short: tuple[Shortage, ...]
    overdue: tuple[OverdueRequest, ...]
    stale: tuple[StaleShipment, ...]
    late_shipments: tuple[LateShipment, ...]
    approvals: tuple[str, ...]        # proposal hashes I can still approve or reject
    custody: tuple[str, ...]          # shipments in transit whose custodian is me: hand over or deliver
    incoming: tuple[str, ...]         # shipments in transit to a site of my organisation, held by another
    conflicts: tuple[str, ...]        # keys of open conflicts

    def counts(self) -> dict[str, int]:
        return {"short": len(self.short), "overdue": len(self.overdue), "stale": len(self.stale),
                "late_shipments": len(self.late_shipments), "approvals": len(self.approvals),
                "custody": len(self.custody), "incoming": len(self.incoming), "conflicts": len(self.conflicts)}


def remaining_need(request: dict) -> int:
    return max(request["qty"] - request["delivered"], 0)


def _active(request: dict) -> bool:
    return request["status"] in ACTIVE_REQUEST_STATUSES and remaining_need(request) > 0


def overdue_by(request: dict, now_ms: int) -> int | None:
    """How long past its needed-by time a request still waiting for material is (None: not overdue)."""
    if _active(request) and request["needed_by_ms"] < now_ms:
        return now_ms - request["needed_by_ms"]
    return None


def unseen_for(shipment: dict, now_ms: int) -> int | None:
    """How long a shipment in transit has gone since its last position (or its dispatch, when none was
    reported); None once delivered."""
    if shipment["status"] != "in_transit":
        return None
    return now_ms - (shipment["position"][2] if shipment["position"] else shipment["dispatched_ms"])


def shortages(tables: Tables) -> tuple[Shortage, ...]:
    """Per (site, item): open need above stock there plus what is on its way there; most urgent first."""
    need: dict[tuple[str, str], int] = {}
    asked: dict[tuple[str, str], list[dict]] = {}
    for request in tables.get("requests", {}).values():
        if _active(request):
            key = (request["site"], request["item"])
            need[key] = need.get(key, 0) + remaining_need(request)
            asked.setdefault(key, []).append(request)
    on_hand: dict[tuple[str, str], int] = {}
    for row in tables.get("stock", {}).values():
        key = (row["site"], row["item"])
        if key in need and row["qty"] > 0:
            on_hand[key] = on_hand.get(key, 0) + row["qty"]
    coming: dict[tuple[str, str], int] = {}
    for shipment in tables.get("shipments", {}).values():
        if shipment["status"] != "in_transit":
            continue
        for line in shipment["lines"]:
            key = (shipment["to_site"], line["item"])
            if key in need:
                coming[key] = coming.get(key, 0) + line["qty"]
    found = []
    for (site, item), wanted in need.items():
        requests = sorted(asked[(site, item)], key=lambda r: r["request"])
        priority = min((r["priority"] for r in requests), key=lambda p: PRIORITY_RANK.get(p, 9))
        gap = Shortage(site, item, wanted, on_hand.get((site, item), 0), coming.get((site, item), 0),
                       tuple(r["request"] for r in requests), priority)
        if gap.short > 0:
            found.append(gap)
    return tuple(sorted(found, key=lambda s: (PRIORITY_RANK.get(s.priority, 9), -s.short, s.site, s.item)))


def overdue_requests(tables: Tables, now_ms: int) -> tuple[OverdueRequest, ...]:
    """Requests still waiting for material after their needed-by time; the longest overdue first."""
    found = [OverdueRequest(r["request"], r["site"], r["item"], remaining_need(r), r["needed_by_ms"],
                            now_ms - r["needed_by_ms"], r["priority"])
             for r in tables.get("requests", {}).values() if overdue_by(r, now_ms) is not None]
    return tuple(sorted(found, key=lambda o: (o.needed_by_ms, o.request)))


def stale_shipments(tables: Tables, now_ms: int, stale_after_ms: int = STALE_AFTER_MS) -> tuple[StaleShipment, ...]:
    """Shipments in transit not seen for more than `stale_after_ms`; the longest silent first."""
    found = []
    for s in tables.get("shipments", {}).values():
        silence = unseen_for(s, now_ms)
        if silence is not None and silence > stale_after_ms:
            found.append(StaleShipment(s["shipment"], s["to_site"], now_ms - silence, silence,
                                       s["position"] is not None))
    return tuple(sorted(found, key=lambda x: (x.last_seen_ms, x.shipment)))


def late_shipments(tables: Tables, now_ms: int) -> tuple[LateShipment, ...]:
    """Shipments in transit past the earliest needed-by of the (not cancelled) requests they serve."""
    requests = tables.get("requests", {})
    found = []
    for s in tables.get("shipments", {}).values():
        if s["status"] != "in_transit":
            continue
        served = [requests[r] for r in s["requests"] if r in requests and requests[r]["status"] != "cancelled"]
        if not served:
            continue
        due = min(r["needed_by_ms"] for r in served)
        if due < now_ms:
            found.append(LateShipment(s["shipment"], s["to_site"], due, now_ms - due,
                                      tuple(r["request"] for r in served)))
    return tuple(sorted(found, key=lambda x: (x.due_ms, x.shipment)))


def approvals_for(tables: Tables, me: str | None, now_ms: int) -> tuple[str, ...]:
    """Proposals I can still approve or reject, oldest first (the same rule as the Approvals view)."""
    rows = [r for r in tables.get("proposals", {}).values() if can_decide(tables, r, me, now_ms)]
    return tuple(r["proposal"] for r in sorted(rows, key=lambda r: (r["opened_ms"], r["proposal"])))


def custody_with(tables: Tables, me: str | None) -> tuple[str, ...]:
    """Shipments in transit that I hold: I hand them over or record their delivery."""
    if me is None:
        return ()
    return tuple(sorted(k for k, s in tables.get("shipments", {}).items()
                        if s["status"] == "in_transit" and s["custodian"] == me))


def incoming_for(tables: Tables, me: str | None) -> tuple[str, ...]:
    """Shipments in transit to a site of my organisation that someone else holds: mine to accept at the door."""
    member = tables.get("members", {}).get(me or "")
    if member is None or member["revoked"]:
        return ()
    sites = tables.get("sites", {})
    return tuple(sorted(k for k, s in tables.get("shipments", {}).items()
                        if s["status"] == "in_transit" and s["custodian"] != me
                        and sites.get(s["to_site"], {}).get("org") == member["org"]))


def open_conflicts(tables: Tables) -> tuple[str, ...]:
    return tuple(sorted(k for k, c in tables.get("conflicts", {}).items() if c["open"]))


def situation(tables: Tables, now_ms: int, me: str | None, stale_after_ms: int = STALE_AFTER_MS) -> Situation:
    """The whole overview at `now_ms` for the operator holding key `me` (None: read-only, nothing waits)."""
    return Situation(now_ms=now_ms, short=shortages(tables), overdue=overdue_requests(tables, now_ms),
                     stale=stale_shipments(tables, now_ms, stale_after_ms),
                     late_shipments=late_shipments(tables, now_ms), approvals=approvals_for(tables, me, now_ms),
                     custody=custody_with(tables, me), incoming=incoming_for(tables, me),
                     conflicts=open_conflicts(tables))

