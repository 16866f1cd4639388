"""Exercise measures read from the ledger alone: every figure below is worked out by hand from the drill's log.

The drill (`drill()`), in scenario time after the start (0:00, the genesis):

    1:00  WFP receives 100 jerrycans of water at the Beira depot (DEP-1, lot L-1)
    2:00  Dondo shelter (SHL-1) asks for 60 water, critical, needed by 6:00      R-1
    3:00  ... and for 50 more, high, needed by 4:00                               R-2
    4:00  truck S-1 leaves with 60 for R-1                      depot 100 -> 40
    5:00  S-1 delivered: R-1 filled (3 h, on time)
    6:00  truck S-2 leaves with 40 for R-2                      depot 40 -> 0: stock-out begins
    7:00  S-2 delivered: R-2 has 40 of 50 (partial)
    8:00  the shelter asks for 5 family tents, normal, needed by 20:00            R-3
    9:00  ... and cancels it
   10:00  WFP receives 30 more at the depot                     depot 0 -> 30: stock-out ends (4 h)
   11:00  truck S-3 leaves with 10 for R-2                      depot 30 -> 20
   12:00  S-3 delivered: R-2 filled (9 h after it was opened, 8 h after it was needed: late)
   12:30  truck S-4 is loaded with 30 from a depot holding 20   over-draw of 10 raised, stock-out begins
   13:00  proposal P1 (WFP): count +5 at the depot; 13:30 the commander approves (30 min)   balance -5
   14:00  proposal P2 (WFP): count -3 elsewhere
   14:30  WFP receives 10 at the depot                           balance 5: over-draw resolved (2 h), stock-out ends
   15:00  proposal P3 (IFRC); 15:15 withdrawn by its proposer (15 min)
   16:00  the commander rejects P2 (2 h)
   16:30  proposal P4 (WFP), deadline 19:30
   20:00  proposal P5 (IFRC); 20:10 proposal P6 (WFP): governance time passes 19:30, P4 expires (3 h 40)
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.state import fold
from app.exercise.measures import MeasureError, Measures, measure_all, median, p90, per_mille, summary, unit_hours
from app.node import Node
from app.paths import database_url
from app.store.replica_store import ReplicaStore
from tests.conftest import Clock
from tests.exercise.book import COMMANDER, FIELD, HOUR, LOGISTICS, MINUTE, Book, at

POLICIES = {"stock.adjust": {"quorum": 1, "roles": ["commander"], "expiry_ms": 3 * HOUR}}
WATER = {"item": "water-5l", "lot": "L-1"}


def drill() -> tuple[Book, dict[str, str]]:
    """The drill of the module docstring; returns the book and the proposals' hashes by name."""
    book = Book(POLICIES)
    book.add(COMMANDER, at(0), "site.define", {"site": "DEP-1", "name": "Beira depot", "kind": "depot",
                                               "lat_e6": -19_843_000, "lon_e6": 34_838_000, "org": "WFP"})
    book.add(COMMANDER, at(0), "site.define", {"site": "SHL-1", "name": "Dondo shelter", "kind": "shelter",
                                               "lat_e6": -19_609_000, "lon_e6": 34_743_000, "org": "IFRC"})
    book.add(LOGISTICS, at(1), "stock.receive", {"site": "DEP-1", **WATER, "qty": 100, "source": "WFP"})
    book.add(FIELD, at(2), "request.open", {"request": "R-1", "site": "SHL-1", "item": "water-5l", "qty": 60,
                                            "priority": "critical", "needed_by_ms": at(6)})
    book.add(FIELD, at(3), "request.open", {"request": "R-2", "site": "SHL-1", "item": "water-5l", "qty": 50,
                                            "priority": "high", "needed_by_ms": at(4)})
    for shipment, qty, request, leaves, arrives in (("S-1", 60, "R-1", 4, 5), ("S-2", 40, "R-2", 6, 7)):
        book.add(LOGISTICS, at(leaves), "shipment.dispatch", {
            "shipment": shipment, "from_site": "DEP-1", "to_site": "SHL-1", "carrier": "truck",
            "lines": [{**WATER, "qty": qty}], "requests": [request]})
        book.add(FIELD, at(arrives), "shipment.deliver", {"shipment": shipment, "lines": [{**WATER, "qty": qty}]})
    book.add(FIELD, at(8), "request.open", {"request": "R-3", "site": "SHL-1", "item": "tent-fam", "qty": 5,
                                            "priority": "normal", "needed_by_ms": at(20)})
    book.add(FIELD, at(9), "request.cancel", {"request": "R-3", "reason": "tents came from the church"})
    book.add(LOGISTICS, at(10), "stock.receive", {"site": "DEP-1", **WATER, "qty": 30, "source": "WFP"})
    book.add(LOGISTICS, at(11), "shipment.dispatch", {
        "shipment": "S-3", "from_site": "DEP-1", "to_site": "SHL-1", "carrier": "truck",
        "lines": [{**WATER, "qty": 10}], "requests": ["R-2"]})
    book.add(FIELD, at(12), "shipment.deliver", {"shipment": "S-3", "lines": [{**WATER, "qty": 10}]})
    book.add(LOGISTICS, at(12, 30), "shipment.dispatch", {
        "shipment": "S-4", "from_site": "DEP-1", "to_site": "SHL-1", "carrier": "truck",
        "lines": [{**WATER, "qty": 30}]})
    adjust = {"site": "DEP-1", **WATER, "reason": "count"}
    p: dict[str, str] = {}
    p["P1"] = book.add(LOGISTICS, at(13), "proposal.open", {
        "action": "stock.adjust", "body": {**adjust, "delta": 5}, "reason": "recount"}).hash
    book.add(COMMANDER, at(13, 30), "proposal.approve", {"proposal": p["P1"]})
    p["P2"] = book.add(LOGISTICS, at(14), "proposal.open", {
        "action": "stock.adjust", "body": {**adjust, "delta": -3}, "reason": "damaged"}).hash
    book.add(LOGISTICS, at(14, 30), "stock.receive", {"site": "DEP-1", **WATER, "qty": 10, "source": "WFP"})
    p["P3"] = book.add(FIELD, at(15), "proposal.open", {
        "action": "stock.adjust", "body": {**adjust, "delta": -1}, "reason": "lost"}).hash
    book.add(FIELD, at(15, 15), "proposal.withdraw", {"proposal": p["P3"], "comment": "found it"})
    book.add(COMMANDER, at(16), "proposal.reject", {"proposal": p["P2"], "comment": "count again"})
    p["P4"] = book.add(LOGISTICS, at(16, 30), "proposal.open", {
        "action": "stock.adjust", "body": {**adjust, "delta": -2}, "reason": "spilt"}).hash
    p["P5"] = book.add(FIELD, at(20), "proposal.open", {
        "action": "stock.adjust", "body": {**adjust, "delta": -4}, "reason": "stolen"}).hash
    p["P6"] = book.add(LOGISTICS, at(20, 10), "proposal.open", {
        "action": "stock.adjust", "body": {**adjust, "delta": -6}, "reason": "leaking"}).hash
    return book, p


@pytest.fixture(scope="module")
def drilled() -> tuple[Book, dict[str, str], Measures]:
    book, proposals = drill()
    return book, proposals, measure_all(book.entries)


def test_the_drill_is_a_ledger_a_replica_accepts_and_folds_to_the_state_measured(drilled, tmp_path: Path):
    book, _p, measures = drilled
    replica = Node(ReplicaStore(database_url(tmp_path)), clock=Clock())
    try:
        report = replica.receive(book.entries)
        assert not report.refused and not report.deferred, report.summary()
        assert len(report.accepted) == len(book.entries) == measures.entries
        assert not replica.state.tables["ineffective"]
        assert replica.state.get("proposals", _p["P4"])["status"] == "expired"
        assert measure_all(list(replica.entries_in_order())).to_json() == measures.to_json()
    finally:
        replica.close()


def test_the_window_defaults_to_the_genesis_and_the_last_entry_never_the_local_clock(drilled):
    _book, _p, m = drilled
    assert (m.from_ms, m.until_ms) == (at(0), at(20, 10))


def test_fill_time_is_from_opening_to_the_moment_the_request_is_filled(drilled):
    _book, _p, m = drilled
    by_id = {r.request: r for r in m.requests}
    assert (by_id["R-1"].opened_ms, by_id["R-1"].met_ms, by_id["R-1"].fill_ms) == (at(2), at(5), 3 * HOUR)
    assert (by_id["R-2"].opened_ms, by_id["R-2"].met_ms, by_id["R-2"].fill_ms) == (at(3), at(12), 9 * HOUR)
    assert (by_id["R-1"].timeliness, by_id["R-2"].timeliness, by_id["R-3"].timeliness) == (
        "on_time", "late", "cancelled")
    assert (by_id["R-3"].met_ms, by_id["R-3"].status) == (None, "cancelled")


def test_per_priority_medians_and_on_time_rates(drilled):
    _book, _p, m = drilled
    stats = {s.priority: s for s in m.by_priority}
    assert [s.priority for s in m.by_priority] == ["critical", "high", "normal", "low"]
    critical, high, normal = stats["critical"], stats["high"], stats["normal"]
    assert (critical.requests, critical.met, critical.median_fill_ms, critical.p90_fill_ms) == (
        1, 1, 3 * HOUR, 3 * HOUR)
    assert (critical.on_time, critical.due, critical.on_time_per_mille) == (1, 1, 1000)
    assert (high.requests, high.met, high.median_fill_ms, high.on_time, high.due, high.on_time_per_mille) == (
        1, 1, 9 * HOUR, 0, 1, 0)
    # the cancelled tent request counts nowhere: no request, nothing due, no rate
    assert (normal.requests, normal.met, normal.median_fill_ms, normal.due, normal.on_time_per_mille) == (
        0, 0, None, 0, None)


def test_unmet_need_is_the_quantity_short_integrated_over_time(drilled):
    _book, _p, m = drilled
    # water at the shelter: 60 from 2:00, 110 from 3:00, 50 from 5:00, 10 from 7:00, 0 from 12:00
    water = 60 * 1 + 110 * 2 + 50 * 2 + 10 * 5
    assert water == 430
    # tents: 5 from 8:00 until the cancellation at 9:00
    pairs = {(u.site, u.item): u for u in m.unmet}
    assert (pairs["SHL-1", "water-5l"].unit_ms, pairs["SHL-1", "water-5l"].unit_hours) == (430 * HOUR, 430)
    assert (pairs["SHL-1", "tent-fam"].unit_ms, pairs["SHL-1", "tent-fam"].unit_hours) == (5 * HOUR, 5)
    assert pairs["SHL-1", "water-5l"].peak == 110
    items = {u.item: u for u in m.unmet_by_item}
    assert items["water-5l"].series == ((at(0), 0), (at(2), 60), (at(3), 110), (at(5), 50), (at(7), 10), (at(12), 0))
    assert items["tent-fam"].series == ((at(0), 0), (at(8), 5), (at(9), 0))
    assert (items["water-5l"].unit_hours, items["tent-fam"].unit_hours) == (430, 5)


def test_stock_outs_are_the_spans_a_site_held_none_of_an_item_it_had_held(drilled):
    _book, _p, m = drilled
    assert [(s.site, s.item, s.start_ms, s.end_ms, s.duration_ms, s.began_before) for s in m.stock_outs] == [
        ("DEP-1", "water-5l", at(6), at(10), 4 * HOUR, False),
        # over-drawn by the fourth truck: a negative balance holds nothing either
        ("DEP-1", "water-5l", at(12, 30), at(14, 30), 2 * HOUR, False),
    ]


def test_approval_latency_per_proposal_and_median_per_action(drilled):
    _book, p, m = drilled
    seen = {row.proposal: (row.status, row.opened_ms, row.decided_ms, row.latency_ms) for row in m.proposals}
    assert seen == {
        p["P1"]: ("approved", at(13), at(13, 30), 30 * MINUTE),
        p["P2"]: ("rejected", at(14), at(16), 2 * HOUR),
        p["P3"]: ("withdrawn", at(15), at(15, 15), 15 * MINUTE),
        # expired at the first governance entry after its deadline (19:30) as governance time: P6 at 20:10
        p["P4"]: ("expired", at(16, 30), at(20, 10), 3 * HOUR + 40 * MINUTE),
        p["P5"]: ("open", at(20), None, None),
        p["P6"]: ("open", at(20, 10), None, None),
    }
    (adjust,) = m.by_action
    assert (adjust.action, adjust.proposals, adjust.approved, adjust.rejected, adjust.withdrawn, adjust.expired,
            adjust.open) == ("stock.adjust", 6, 1, 1, 1, 1, 2)
    # 15, 30, 120, 220 minutes: an even count, so the mean of the middle two, 75 minutes
    assert adjust.median_latency_ms == 75 * MINUTE
    assert adjust.median_approval_ms == 30 * MINUTE


def test_conflicts_raised_and_resolved_with_the_time_it_took(drilled):
    _book, _p, m = drilled
    assert [(c.kind, c.key, c.raised_ms, c.resolved_ms, c.resolution_ms) for c in m.conflicts] == [
        ("overdraw", "overdraw:DEP-1|water-5l|L-1", at(12, 30), at(14, 30), 2 * HOUR)]
    (overdraw,) = m.by_kind
    assert (overdraw.kind, overdraw.raised, overdraw.resolved, overdraw.open, overdraw.median_resolution_ms) == (
        "overdraw", 1, 1, 0, 2 * HOUR)


def test_a_window_counts_only_the_requests_opened_in_it_and_what_was_short_during_it(drilled):
    book, _p, _m = drilled
    m = measure_all(book.entries, at(4), at(8))
    # were opened before 4:00; R-3 at 8:00, the window's last instant, and cancelled after it
    assert [(r.request, r.status, r.timeliness) for r in m.requests] == [("R-3", "open", "not_due")]
    pairs = {(u.site, u.item): u.unit_ms for u in m.unmet}
    assert pairs["SHL-1", "water-5l"] == (110 * 1 + 50 * 2 + 10 * 1) * HOUR
    assert pairs["SHL-1", "tent-fam"] == 0   # short from 8:00, the window's end
    # the depot ran out at 6:00 and the 10:00 delivery lies past the window: still out when it ends
    assert [(s.start_ms, s.end_ms, s.duration_ms) for s in m.stock_outs] == [(at(6), None, 2 * HOUR)]
    assert m.entries == 11   # the genesis, two sites and the eight entries from 1:00 to 8:00
    assert m.proposals == () and m.conflicts == ()


def test_a_request_still_short_when_the_window_ends_is_overdue_or_not_yet_due(drilled):
    book, _p, _m = drilled
    m = measure_all(book.entries, at(2), at(5))
    by_id = {r.request: r for r in m.requests}
    assert (by_id["R-1"].timeliness, by_id["R-1"].fill_ms) == ("on_time", 3 * HOUR)   # filled at 5:00, the end
    assert (by_id["R-2"].status, by_id["R-2"].delivered, by_id["R-2"].timeliness) == ("open", 0, "overdue")
    high = next(s for s in m.by_priority if s.priority == "high")
    assert (high.requests, high.met, high.median_fill_ms, high.due, high.on_time_per_mille) == (1, 0, None, 1, 0)
    partly = measure_all(book.entries, at(2), at(8))
    r2 = next(r for r in partly.requests if r.request == "R-2")
    assert (r2.status, r2.delivered, r2.met_ms, r2.timeliness) == ("partial", 40, None, "overdue")
    early = measure_all(book.entries, at(2), at(3, 30))
    assert {r.request: r.timeliness for r in early.requests} == {"R-1": "not_due", "R-2": "not_due"}


def test_a_stock_out_under_way_when_the_window_opens_is_clipped_to_it(drilled):
    book, _p, _m = drilled
    m = measure_all(book.entries, at(8))
    assert [(s.start_ms, s.end_ms, s.duration_ms, s.began_before) for s in m.stock_outs] == [
        (at(8), at(10), 2 * HOUR, True), (at(12, 30), at(14, 30), 2 * HOUR, False)]


def test_a_zero_length_window_integrates_nothing_but_still_sees_what_is_out(drilled):
    book, _p, _m = drilled
    m = measure_all(book.entries, at(7), at(7))
    assert all(u.unit_ms == 0 for u in m.unmet) and all(u.unit_ms == 0 for u in m.unmet_by_item)
    water = next(u for u in m.unmet_by_item if u.item == "water-5l")
    assert water.series == ((at(7), 10),) and water.peak == 10
    assert [(s.start_ms, s.end_ms, s.duration_ms, s.began_before) for s in m.stock_outs] == [(at(7), None, 0, True)]
    assert m.requests == ()


def test_a_window_that_is_not_one_is_refused_with_a_reason(drilled):
    book, _p, _m = drilled
    with pytest.raises(MeasureError, match="starts .* after it ends"):
        measure_all(book.entries, at(9), at(8))
    with pytest.raises(MeasureError, match="whole number"):
        measure_all(book.entries, -1)
    with pytest.raises(MeasureError) as empty:
        measure_all([])
    assert empty.value.code == "empty_ledger"


def test_an_entry_stamped_behind_the_measure_time_takes_the_measure_time():
    book = Book()
    book.add(FIELD, at(2), "request.open", {"request": "R-1", "site": "SHL-1", "item": "water-5l", "qty": 10,
                                            "priority": "high", "needed_by_ms": at(3)})
    # a field tablet whose clock runs an hour slow cancels it: it cannot have happened before it was asked for
    book.add(FIELD, at(1), "request.cancel", {"request": "R-1", "reason": "duplicate"})
    book.add(LOGISTICS, at(4), "stock.receive", {"site": "DEP-1", **WATER, "qty": 1, "source": "WFP"})
    m = measure_all(book.entries)
    assert (m.late_stamped, m.max_lag_ms) == (1, HOUR)
    # opened and cancelled at the same measure time, 2:00: never short for a moment
    (water,) = m.unmet_by_item
    assert (water.series, water.unit_ms, water.peak) == (((at(0), 0),), 0, 0)
    (request,) = m.requests
    assert (request.opened_ms, request.status) == (at(2), "cancelled")


def test_two_replicas_and_any_order_of_the_same_entries_give_the_same_json(drilled, tmp_path: Path):
    book, _p, m = drilled
    shuffled = list(book.entries)
    random.Random(15).shuffle(shuffled)
    assert measure_all(shuffled).to_json() == m.to_json()
    assert measure_all(shuffled).digest() == m.digest()
    text = m.to_json()
    assert text.startswith('{"by_action":[') and " " not in text and "\n" not in text
    assert "." not in text.replace("stock.adjust", "")   # integers only: no decimal point anywhere


def test_the_integer_rules_of_the_evaluation_document():
    assert median([]) is None and median([7]) == 7
    assert median([4, 1, 3]) == 3 and median([1, 2, 3, 4]) == 2 and median([1, 4]) == 2   # 2.5 rounds down
    assert p90([5]) == 5 and p90(list(range(1, 11))) == 9 and p90(list(range(1, 12))) == 10
    assert per_mille(1, 3) == 333 and per_mille(2, 3) == 667 and per_mille(1, 8) == 125 and per_mille(0, 0) is None
    assert per_mille(1, 2000) == 1   # 0.5 per mille rounds up
    assert unit_hours(HOUR // 2 - 1) == 0 and unit_hours(HOUR // 2) == 1 and unit_hours(3 * HOUR) == 3


def test_the_summary_reads_as_tables_an_evaluator_recognises(drilled):
    _book, _p, m = drilled
    text = summary(m)
    assert text.startswith("Evaluation window 2026-01-01T00:00Z .. 2026-01-01T20:10Z (20:10 h:mm), 26 entries")
    assert "  critical         1    1    3:00    3:00        1    1  1000\n" in text
    assert "  DEP-1               water-5l         2026-01-01T06:00Z     4:00\n" in text
    assert "water-5l                   430     110" in text
    assert "stock.adjust     6 proposed, 1 approved, 1 rejected, 1 withdrawn, 1 expired, 2 open; median 1:15" in text
    assert "overdraw           1 raised, 1 resolved, 0 open; median 2:00" in text


# -- a random operation, measured: properties every ledger keeps ---------------------------------------------

REQUESTS = ("R-1", "R-2", "R-3")
operations = st.lists(st.one_of(
    st.tuples(st.just("receive"), st.integers(1, 50)),
    st.tuples(st.just("open"), st.sampled_from(REQUESTS), st.integers(1, 40),
              st.sampled_from(["critical", "high", "normal", "low"]), st.integers(0, 10)),
    st.tuples(st.just("send"), st.sampled_from(REQUESTS), st.integers(1, 40)),
    st.tuples(st.just("deliver"), st.integers(0, 9), st.integers(0, 40)),
    st.tuples(st.just("cancel"), st.sampled_from(REQUESTS)),
    st.tuples(st.just("distribute"), st.integers(1, 30)),
), min_size=1, max_size=30)
steps = st.lists(st.integers(-20, 90), min_size=30, max_size=30)   # minutes from one entry to the next


def play(ops: list[tuple], minutes: list[int]) -> Book:
    book = Book()
    now, shipments = at(0), []
    for index, op in enumerate(ops):
        now += minutes[index] * MINUTE
        if op[0] == "receive":
            book.add(LOGISTICS, now, "stock.receive", {"site": "DEP-1", **WATER, "qty": op[1], "source": "WFP"})
        elif op[0] == "open":
            book.add(FIELD, now, "request.open", {"request": op[1], "site": "SHL-1", "item": "water-5l",
                                                  "qty": op[2], "priority": op[3], "needed_by_ms": now + op[4] * HOUR})
        elif op[0] == "send":
            shipments.append(f"S-{index}")
            book.add(LOGISTICS, now, "shipment.dispatch", {
                "shipment": shipments[-1], "from_site": "DEP-1", "to_site": "SHL-1", "carrier": "truck",
                "lines": [{**WATER, "qty": op[2]}], "requests": [op[1]]})
        elif op[0] == "deliver" and shipments:
            book.add(FIELD, now, "shipment.deliver", {"shipment": shipments[op[1] % len(shipments)],
                                                      "lines": [{**WATER, "qty": op[2]}]})
        elif op[0] == "cancel":
            book.add(FIELD, now, "request.cancel", {"request": op[1], "reason": "no longer needed"})
        elif op[0] == "distribute":
            book.add(FIELD, now, "stock.distribute", {"site": "SHL-1", **WATER, "qty": op[1], "beneficiaries": 1})
    return book


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ops=operations, minutes=steps, cut=st.integers(0, 100))
def test_measures_add_up_and_agree_with_the_fold_on_any_operation(ops, minutes, cut):
    book = play(ops, minutes)
    whole = measure_all(book.entries)
    middle = whole.from_ms + (whole.until_ms - whole.from_ms) * cut // 100
    before, after = measure_all(book.entries, None, middle), measure_all(book.entries, middle)
    # unmet need over two adjacent windows adds up to the whole, to the unit-millisecond
    for total in whole.unmet:
        parts = [u.unit_ms for m in (before, after) for u in m.unmet if (u.site, u.item) == (total.site, total.item)]
        assert sum(parts) == total.unit_ms
    assert sum(u.unit_ms for u in whole.unmet) == sum(u.unit_ms for u in whole.unmet_by_item)
    # what is short at the end is what the reference fold of the whole ledger leaves open
    state = fold(sorted(book.entries, key=lambda e: e.key))
    open_need = sum(max(r["qty"] - r["delivered"], 0) for r in state.tables["requests"].values()
                    if r["status"] in ("open", "partial"))
    assert sum(u.series[-1][1] for u in whole.unmet_by_item) == open_need
    assert {r.request: r.status for r in whole.requests} == {k: r["status"] for k, r in state.tables["requests"].items()
                                                              if k in {r.request for r in whole.requests}}
    for r in whole.requests:
        assert (r.fill_ms is None) == (r.status != "filled") and (r.fill_ms or 0) >= 0
    for s in whole.by_priority:
        assert s.on_time <= s.due <= s.requests and s.met <= s.requests
    for out in whole.stock_outs:
        assert whole.from_ms <= out.start_ms <= out.start_ms + out.duration_ms <= whole.until_ms
    shuffled = list(book.entries)
    random.Random(cut).shuffle(shuffled)
    assert measure_all(shuffled).digest() == whole.digest()


# -- the demo network: the cyclone response measured ---------------------------------------------------------

@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> tuple[Node, Measures]:
    from app.exercise.demo import build_demo

    data = tmp_path_factory.mktemp("demo")
    build_demo(data, progress=False, seed=7)
    node = Node.open(data, "demo")
    yield node, measure_all(list(node.entries_in_order()))
    node.close()


def test_the_demo_response_measured_reads_like_the_operation_it_records(demo):
    node, m = demo
    state = node.state.tables
    assert m.entries == node.entry_count() and m.network == node.network_id
    assert m.until_ms == max(e.ts for e in node.entries_in_order())
    # every request of the four days, each with the status the replica shows
    assert {r.request: r.status for r in m.requests} == {k: r["status"] for k, r in state["requests"].items()}
    filled = [r for r in m.requests if r.status == "filled"]
    assert filled and all(0 < r.fill_ms <= 24 * HOUR for r in filled)
    critical = next(s for s in m.by_priority if s.priority == "critical")
    assert 0 < critical.on_time <= critical.due and 0 < critical.on_time_per_mille <= 1000
    # the convoy to Tica never arrived: its rations were short from the opening to the end
    tica = next(u for u in m.unmet if (u.site, u.item) == ("DP-TICA", "rations-fam"))
    opened = next(r.opened_ms for r in m.requests if r.request == "REQ-TIC-001")
    assert tica.unit_ms == 500 * (m.until_ms - opened)
    # the partition: both sides drew Chimoio's last tarpaulins; the over-draw is open and Chimoio is out
    assert [(c.kind, c.resolved_ms) for c in m.conflicts if c.kind == "overdraw"] == [("overdraw", None)]
    assert any((s.site, s.item, s.end_ms) == ("WH-CHIMOIO", "tarpaulin", None) for s in m.stock_outs)
    assert sum(k.raised for k in m.by_kind if k.kind == "discrepancy") == 2
    actions = {a.action: (a.approved, a.rejected, a.open) for a in m.by_action}
    assert actions == {"record.correct": (1, 0, 0), "stock.adjust": (0, 1, 1)}
    assert m.late_stamped == 0


def test_an_author_caught_equivocating_counts_for_nothing_from_the_flagged_seq(drilled):
    book, _p, _m = drilled
    # the field team signed two different entries as its first: none of its requests or deliveries took effect
    m = measure_all(book.entries, equivocators={FIELD.public_key_hex: 1})
    assert m.requests == () and m.unmet == ()
    assert [(s.start_ms, s.end_ms) for s in m.stock_outs] == [(at(6), at(10)), (at(12, 30), at(14, 30))]


def test_the_json_has_exactly_the_members_the_evaluation_document_lists(drilled):
    _book, _p, m = drilled
    text = (Path(__file__).resolve().parents[2] / "docs" / "EVALUATION.md").read_text(encoding="utf-8")
    table = text[text.index("| list | members of each object |"):]
    documented = {}
    for line in table.splitlines()[2:]:
        if not line.startswith("| `"):
            break
        name, members = line.strip("| ").split(" | ")
        documented[name.strip("`")] = re.findall(r"`([a-z_0-9]+)`", members)
    plain = m.to_plain()
    assert set(documented) | {"version", "network", "from_ms", "until_ms", "entries", "late_stamped",
                              "max_lag_ms"} == set(plain)
    for name, members in documented.items():
        assert plain[name], f"the drill has no {name} to compare"
        assert [list(row) for row in plain[name]] == [members] * len(plain[name]), name


def test_measuring_never_reads_the_local_clock(drilled, monkeypatch):
    import time

    book, _p, m = drilled

    def no_clock() -> float:
        raise AssertionError("the measures read the local clock")

    for name in ("time", "time_ns", "monotonic", "monotonic_ns", "perf_counter", "localtime", "gmtime"):
        monkeypatch.setattr(time, name, no_clock)
    again = measure_all(book.entries)
    assert again.to_json() == m.to_json()
    assert "2026-01-01T20:10Z" in summary(again)
