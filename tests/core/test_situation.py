"""The overview's reading of state: what is short, what is late, what waits for me — on hand-made tables."""

from __future__ import annotations

from app.core.situation import HOUR_MS, STALE_AFTER_MS, situation

NOW = 1_773_600_000_000
ME, OTHER, WFP_DRIVER = "a" * 64, "b" * 64, "c" * 64


def request(rid: str, site: str, item: str, qty: int, delivered: int = 0, status: str = "open",
            needed_by_ms: int = NOW + 24 * HOUR_MS, priority: str = "normal") -> dict:
    return {"request": rid, "site": site, "item": item, "qty": qty, "priority": priority,
            "needed_by_ms": needed_by_ms, "status": status, "delivered": delivered, "distributed": 0,
            "opened_ms": NOW - 48 * HOUR_MS, "entry": "e" * 64, "by": OTHER}


def shipment(sid: str, to_site: str, lines: list[tuple[str, int]], custodian: str = WFP_DRIVER,
             position_at: int | None = None, dispatched_ms: int = NOW - HOUR_MS, requests: list[str] | None = None,
             status: str = "in_transit") -> dict:
    return {"shipment": sid, "from_site": "WH-BEIRA", "to_site": to_site, "carrier": "truck 7",
            "lines": [{"item": item, "lot": f"LOT-{item}", "qty": qty} for item, qty in lines],
            "requests": requests or [], "status": status, "custodian": custodian,
            "custody": [{"entry": "d" * 64, "from": None, "to": custodian}],
            "position": None if position_at is None else [-19_600_000, 34_700_000, position_at],
            "dispatched_ms": dispatched_ms, "dispatch": "d" * 64, "delivery": None, "received": [],
            "discrepancies": []}


def proposal(pid: str, proposer: str = OTHER, roles: tuple[str, ...] = ("commander",), status: str = "open",
             approvals: tuple[str, ...] = ()) -> dict:
    return {"proposal": pid, "action": "stock.adjust", "body": {"site": "WH-BEIRA", "item": "kit", "lot": "L",
                                                                 "delta": -5, "reason": "rain"},
            "reason": "rain", "subject": "stock:WH-BEIRA|kit|L", "proposer": proposer, "opened_ms": NOW - HOUR_MS,
            "deadline_ms": NOW + 23 * HOUR_MS, "policy": {"roles": list(roles)}, "status": status,
            "approvals": [{"by": a, "entry": "f" * 64, "ts": NOW, "comment": ""} for a in approvals],
            "rejections": [], "decided_by": None}


def tables() -> dict:
    """A morning at the Beira corridor: two shelters waiting for kits and water, trucks on the road."""
    return {
        "members": {
            ME: {"key": ME, "org": "Mozambique Red Cross", "name": "Field team Dondo", "roles": ["commander"],
                 "revoked": False},
            OTHER: {"key": OTHER, "org": "INGD", "name": "EOC Beira", "roles": ["commander"], "revoked": False},
            WFP_DRIVER: {"key": WFP_DRIVER, "org": "WFP", "name": "WFP logistics", "roles": ["logistics"],
                         "revoked": False},
        },
        "sites": {
            "SHL-DONDO": {"site": "SHL-DONDO", "name": "Dondo school shelter", "org": "Mozambique Red Cross"},
            "SHL-BUZI": {"site": "SHL-BUZI", "name": "Buzi church shelter", "org": "MSF"},
            "WH-BEIRA": {"site": "WH-BEIRA", "name": "Beira port warehouse", "org": "WFP"},
        },
        "requests": {
            # Dondo needs 300 kits (500 asked, 200 came); 100 on the shelf, 120 on a truck: short by 80
            "REQ-DON-1": request("REQ-DON-1", "SHL-DONDO", "kit", 500, delivered=200, status="partial",
                                 priority="high", needed_by_ms=NOW - 3 * HOUR_MS),
            # Dondo water: 200 needed, 200 on the shelf: covered
            "REQ-DON-2": request("REQ-DON-2", "SHL-DONDO", "water", 200),
            # Buzi water: 400 needed, nothing there, 400 on a truck: covered, but the truck is late for it
            "REQ-BUZ-1": request("REQ-BUZ-1", "SHL-BUZI", "water", 400, needed_by_ms=NOW - HOUR_MS,
                                 priority="critical"),
            # filled and cancelled requests need nothing, even past their date
            "REQ-BUZ-2": request("REQ-BUZ-2", "SHL-BUZI", "kit", 50, delivered=50, status="filled",
                                 needed_by_ms=NOW - 50 * HOUR_MS),
            "REQ-BUZ-3": request("REQ-BUZ-3", "SHL-BUZI", "kit", 70, status="cancelled",
                                 needed_by_ms=NOW - 50 * HOUR_MS),
        },
        "stock": {
            "SHL-DONDO|kit|L1": {"site": "SHL-DONDO", "item": "kit", "lot": "L1", "qty": 100},
            "SHL-DONDO|kit|L2": {"site": "SHL-DONDO", "item": "kit", "lot": "L2", "qty": -40},  # over-drawn: not stock
            "SHL-DONDO|water|W1": {"site": "SHL-DONDO", "item": "water", "lot": "W1", "qty": 200},
            "SHL-BUZI|kit|L9": {"site": "SHL-BUZI", "item": "kit", "lot": "L9", "qty": 999},
        },
        "shipments": {
            "SHP-1": shipment("SHP-1", "SHL-DONDO", [("kit", 120)], position_at=NOW - 30 * 60_000),
            "SHP-2": shipment("SHP-2", "SHL-BUZI", [("water", 400)], position_at=NOW - 7 * HOUR_MS,
                              requests=["REQ-BUZ-1"]),
            "SHP-3": shipment("SHP-3", "SHL-DONDO", [("tent", 10)], custodian=ME, dispatched_ms=NOW - 9 * HOUR_MS),
            "SHP-OLD": shipment("SHP-OLD", "SHL-BUZI", [("kit", 5)], dispatched_ms=NOW - 90 * 24 * HOUR_MS,
                                status="delivered", position_at=NOW - 90 * 24 * HOUR_MS),
        },
        "proposals": {
            "p1": proposal("p1"),                                # waiting for my vote
            "p2": proposal("p2", proposer=ME),                   # mine: I do not vote on it
            "p3": proposal("p3", approvals=(ME,)),               # already voted
            "p4": proposal("p4", roles=("admin",)),              # not my role
            "p5": proposal("p5", status="approved"),             # decided
        },
        "conflicts": {
            "overdraw:SHL-DONDO|kit|L2": {"kind": "overdraw", "open": True, "message": "over-drawn by 40"},
            "overdraw:WH-BEIRA|kit|L": {"kind": "overdraw", "open": False, "message": "over-drawn by 10"},
            "e1": {"kind": "discrepancy", "open": True, "message": "arrived with 1 line(s) differing"},
        },
    }


def test_short_is_open_need_beyond_stock_there_and_on_its_way():
    found = situation(tables(), NOW, ME)
    assert [(s.site, s.item) for s in found.short] == [("SHL-DONDO", "kit")]
    gap = found.short[0]
    assert (gap.need, gap.on_hand, gap.in_transit, gap.short) == (300, 100, 120, 80)
    assert gap.requests == ("REQ-DON-1",) and gap.priority == "high"


def test_a_truck_arriving_closes_the_gap():
    t = tables()
    t["shipments"]["SHP-1"]["lines"][0]["qty"] = 200
    assert situation(t, NOW, ME).short == ()


def test_overdue_requests_are_the_open_ones_past_needed_by_oldest_first():
    found = situation(tables(), NOW, ME)
    assert [(o.request, o.remaining, o.late_ms) for o in found.overdue] == [
        ("REQ-DON-1", 300, 3 * HOUR_MS), ("REQ-BUZ-1", 400, HOUR_MS)]


def test_a_request_is_not_overdue_the_minute_before_its_time():
    assert [o.request for o in situation(tables(), NOW - 3 * HOUR_MS - 1, ME).overdue] == []


def test_stale_positions_count_from_the_last_report_or_else_the_dispatch():
    found = situation(tables(), NOW, ME)
    assert [(s.shipment, s.age_ms, s.reported) for s in found.stale] == [
        ("SHP-3", 9 * HOUR_MS, False), ("SHP-2", 7 * HOUR_MS, True)]
    just_fresh = situation(tables(), NOW - 7 * HOUR_MS + STALE_AFTER_MS, ME)
    assert [s.shipment for s in just_fresh.stale] == ["SHP-3"]


def test_a_shipment_is_late_once_a_request_it_serves_is_past_due():
    found = situation(tables(), NOW, ME)
    assert [(s.shipment, s.late_ms, s.requests) for s in found.late_shipments] == [
        ("SHP-2", HOUR_MS, ("REQ-BUZ-1",))]


def test_waiting_for_me_approvals_custody_incoming_and_open_conflicts():
    found = situation(tables(), NOW, ME)
    assert found.approvals == ("p1",)
    assert found.custody == ("SHP-3",)
    assert found.incoming == ("SHP-1",)   # to my organisation's shelter, held by WFP
    assert found.conflicts == ("e1", "overdraw:SHL-DONDO|kit|L2")
    assert found.counts() == {"short": 1, "overdue": 2, "stale": 2, "late_shipments": 1, "approvals": 1,
                              "custody": 1, "incoming": 1, "conflicts": 2}


def test_a_read_only_window_has_nothing_waiting_on_a_key():
    found = situation(tables(), NOW, None)
    assert (found.approvals, found.custody, found.incoming) == ((), (), ())
    assert len(found.conflicts) == 2


def test_an_expired_proposal_waits_for_nobody():
    assert situation(tables(), NOW + 24 * HOUR_MS, ME).approvals == ()
