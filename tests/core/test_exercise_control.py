"""Exercise control on the ledger: the clock, inject releases and acknowledgements (docs/FORMAT.md §9.5).

Scenarios as a controller runs them: start the clock at x60, pause for a question from the floor,
resume, jump past a quiet hour; release injects to the player cells; the cells acknowledge them.
Every replica derives the same exercise time from the signed entries alone.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.entry import Entry
from app.core.exercise import scenario_time
from app.core.identity import Identity
from app.core.schema import INJECT_KINDS
from app.core.validation import REASONS, RETRYABLE
from app.exercise.msel import KINDS
from app.node import Node
from app.paths import database_url
from app.store.replica_store import ReplicaStore
from tests.conftest import Clock
from tests.core import spec_fold
from tests.core.forge import next_entry, refused_codes

T0 = 1_767_300_000_000          # the signed instant the controller starts the clock
MINUTE = 60_000
HOUR = 60 * MINUTE

CONTROL = Identity.from_seed(b"exercise control")
LOGISTICS_CELL = Identity.from_seed(b"logistics cell lead")
FIELD_CELL = Identity.from_seed(b"field cell lead")


def members() -> list[dict]:
    return [
        {"key": CONTROL.public_key_hex, "org": "EXCON", "name": "Exercise control", "roles": ["trainer"]},
        {"key": LOGISTICS_CELL.public_key_hex, "org": "WFP", "name": "Logistics cell", "roles": ["logistics"]},
        {"key": FIELD_CELL.public_key_hex, "org": "IFRC", "name": "Field cell", "roles": ["field"]},
    ]


def found(path: Path, kind: str = "exercise") -> Node:
    founder = Identity.from_seed(b"exercise director")
    return Node.create_network(path, founder, name="Limpopo flood tabletop", kind=kind, org="INGD",
                               display_name="Exercise director", members=members(), clock=Clock())


@pytest.fixture
def exercise(tmp_path: Path) -> Iterator[Node]:
    node = found(tmp_path / "excon")
    try:
        yield node
    finally:
        node.close()


def record(node: Node, who: Identity, entry_type: str, body: dict, ts: int, **override: object) -> Entry:
    """Sign `body` as `who` at signed instant `ts` and hand it to the replica; it must be stored.

    An acknowledgement lists the release it names in deps, as a node signing one does."""
    if entry_type == "exercise.ack" and "deps" not in override:
        heads = [h for author, h in node.heads().items() if author != who.public_key_hex]
        release = node.entry(body["release"])
        assert release is not None
        override["deps"] = sorted({h.hash for h in heads} | {release.hash})
        override["lamport"] = 1 + max([h.lamport for h in node.heads().values()])
    entry = next_entry(node, who, entry_type, body, ts=ts, **override)
    report = node.receive([entry])
    assert report.accepted, [r.message for r in report.refused + report.deferred]
    return entry


def clock(node: Node) -> dict:
    row = node.state.get("exercise_clock", "clock")
    assert row is not None
    return row


def conflict_of(node: Node, entry: Entry) -> tuple[str, str] | None:
    row = node.state.get("conflicts", entry.hash)
    return (row["kind"], row["message"]) if row else None


def assert_outside_fold_agrees(node: Node) -> None:
    """A fold written from docs/FORMAT.md alone (tests/core/spec_fold.py) reaches the node's tables and digest."""
    outside = spec_fold.fold([entry.raw for entry in node.entries_in_order()])
    for table in ("exercise_clock", "injects", "conflicts"):
        assert outside.tables[table] == node.state.tables[table], table
    assert spec_fold.digest(outside) == node.state.digest()


RELEASE = {"inject": "INJ-001", "cells": ["logistics", "field"], "kind": "message",
           "content": "The Chokwe bridge is under water; road EN1 north is impassable.", "due_ms": 2 * HOUR,
           "sites": ["DEP-1"]}


def test_exercise_time_runs_at_speed_while_running_and_stands_still_while_paused():
    running = {"status": "running", "speed": 60, "anchor_ms": T0, "anchor_scenario_ms": HOUR}
    assert scenario_time(running, T0) == HOUR
    assert scenario_time(running, T0 + MINUTE) == 2 * HOUR          # one signed minute at x60: one exercise hour
    assert scenario_time(running, T0 - MINUTE) == HOUR              # a skewed clock never runs exercise time back
    paused = {**running, "status": "paused"}
    assert scenario_time(paused, T0 + 10 * MINUTE) == HOUR


def test_the_controller_starts_pauses_resumes_jumps_and_changes_speed(exercise):
    start = record(exercise, CONTROL, "exercise.clock", {"action": "start", "scenario_ms": 0, "speed": 60}, T0)
    assert clock(exercise) == {"status": "running", "speed": 60, "anchor_ms": T0, "anchor_scenario_ms": 0,
                               "started": start.hash, "entry": start.hash}
    # a question from the floor after 30 signed seconds: exercise time stops at T+00:30
    pause = record(exercise, CONTROL, "exercise.clock", {"action": "pause"}, T0 + 30_000)
    assert clock(exercise)["status"] == "paused" and clock(exercise)["anchor_scenario_ms"] == 30 * MINUTE
    assert scenario_time(clock(exercise), T0 + HOUR) == 30 * MINUTE
    # ten minutes later play resumes where it stopped
    record(exercise, CONTROL, "exercise.clock", {"action": "resume"}, T0 + 30_000 + 10 * MINUTE)
    assert scenario_time(clock(exercise), T0 + 30_000 + 11 * MINUTE) == 90 * MINUTE
    # skip a quiet stretch: jump to T+03:00, then slow down to x30
    record(exercise, CONTROL, "exercise.clock", {"action": "jump", "scenario_ms": 3 * HOUR}, T0 + 12 * MINUTE)
    assert scenario_time(clock(exercise), T0 + 12 * MINUTE) == 3 * HOUR
    slower = record(exercise, CONTROL, "exercise.clock", {"action": "speed", "speed": 30}, T0 + 13 * MINUTE)
    row = clock(exercise)
    assert (row["speed"], row["anchor_scenario_ms"], row["entry"]) == (30, 4 * HOUR, slower.hash)
    assert scenario_time(row, T0 + 15 * MINUTE) == 5 * HOUR
    assert not exercise.state.tables["conflicts"] and pause.hash != slower.hash
    assert_outside_fold_agrees(exercise)


def test_a_clock_action_that_does_not_fit_where_it_sorts_is_a_conflict_and_changes_nothing(exercise):
    early = record(exercise, CONTROL, "exercise.clock", {"action": "pause"}, T0 - MINUTE)
    assert conflict_of(exercise, early) == ("exercise_clock", "clock action pause before the exercise clock started")
    assert exercise.state.get("exercise_clock", "clock") is None
    record(exercise, CONTROL, "exercise.clock", {"action": "start", "scenario_ms": HOUR, "speed": 10}, T0)
    before = dict(clock(exercise))
    again = record(exercise, CONTROL, "exercise.clock", {"action": "start", "scenario_ms": 0, "speed": 60}, T0 + 1)
    resume = record(exercise, CONTROL, "exercise.clock", {"action": "resume"}, T0 + 2)
    back = record(exercise, CONTROL, "exercise.clock", {"action": "jump", "scenario_ms": 0}, T0 + MINUTE)
    assert conflict_of(exercise, again) == ("exercise_clock", "the exercise clock was already started")
    assert conflict_of(exercise, resume) == ("exercise_clock", "the exercise clock is already running")
    assert conflict_of(exercise, back) == ("exercise_clock", f"a jump to 0 would run the exercise clock backwards "
                                                             f"from {HOUR + 10 * MINUTE}")
    assert clock(exercise) == before
    record(exercise, CONTROL, "exercise.clock", {"action": "pause"}, T0 + 2 * MINUTE)
    twice = record(exercise, CONTROL, "exercise.clock", {"action": "pause"}, T0 + 3 * MINUTE)
    assert conflict_of(exercise, twice) == ("exercise_clock", "the exercise clock is already paused")
    assert_outside_fold_agrees(exercise)


@pytest.mark.parametrize("body, message", [
    ({"action": "start", "scenario_ms": 0}, "body.speed is required for the clock action start"),
    ({"action": "start", "speed": 60}, "body.scenario_ms is required for the clock action start"),
    ({"action": "pause", "scenario_ms": 0}, "body.scenario_ms is not allowed for the clock action pause"),
    ({"action": "jump", "scenario_ms": HOUR, "speed": 2}, "body.speed is not allowed for the clock action jump"),
    ({"action": "speed", "speed": 61}, "body.speed must be at most 60"),
    ({"action": "speed", "speed": 0}, "body.speed must be at least 1"),
    ({"action": "rewind"}, "body.action must be one of start, pause, resume, jump, speed"),
])
def test_a_clock_entry_carrying_the_wrong_fields_for_its_action_is_refused(exercise, body, message):
    digest = exercise.state.digest()
    report = exercise.receive([next_entry(exercise, CONTROL, "exercise.clock", body, ts=T0)])
    assert [(r.code, message in r.message) for r in report.refused] == [("bad_body", True)]
    assert exercise.state.digest() == digest


def test_a_live_network_refuses_every_exercise_entry_with_its_own_code(tmp_path):
    live = found(tmp_path / "live", kind="live")
    try:
        digest = live.state.digest()
        start = next_entry(live, CONTROL, "exercise.clock", {"action": "start", "scenario_ms": 0, "speed": 60}, ts=T0)
        release = next_entry(live, CONTROL, "exercise.inject", RELEASE, ts=T0)
        assert refused_codes(live, start) == ["exercise_only"]
        assert refused_codes(live, release) == ["exercise_only"]
        assert live.state.digest() == digest and "exercise_only" in REASONS
    finally:
        live.close()


def test_only_exercise_control_runs_the_clock_and_only_players_acknowledge(exercise):
    by_player = next_entry(exercise, LOGISTICS_CELL, "exercise.clock", {"action": "start", "scenario_ms": 0,
                                                                         "speed": 60}, ts=T0)
    assert refused_codes(exercise, by_player) == ["role_not_allowed"]
    record(exercise, CONTROL, "exercise.clock", {"action": "start", "scenario_ms": 0, "speed": 60}, T0)
    release = record(exercise, CONTROL, "exercise.inject", RELEASE, T0 + MINUTE)
    own_ack = next_entry(exercise, CONTROL, "exercise.ack", {"inject": "INJ-001", "release": release.hash,
                                                             "cell": "logistics"}, ts=T0 + MINUTE)
    assert refused_codes(exercise, own_ack) == ["role_not_allowed"]


def test_an_inject_is_released_once_on_a_running_clock_and_acknowledged_per_cell(exercise):
    too_soon = record(exercise, CONTROL, "exercise.inject", RELEASE, T0 - MINUTE)
    assert conflict_of(exercise, too_soon) == ("exercise_clock",
                                               "inject INJ-001 released before the exercise clock started")
    record(exercise, CONTROL, "exercise.clock", {"action": "start", "scenario_ms": 0, "speed": 60}, T0)
    release = record(exercise, CONTROL, "exercise.inject", RELEASE, T0 + 2 * MINUTE + 30_000)   # T+02:30
    assert exercise.state.get("injects", "INJ-001") == {
        "inject": "INJ-001", "kind": "message", "content": RELEASE["content"], "cells": ["logistics", "field"],
        "sites": ["DEP-1"], "items": [], "due_ms": 2 * HOUR, "released_ms": T0 + 150_000,
        "released_scenario_ms": 150 * MINUTE, "by": CONTROL.public_key_hex, "entry": release.hash, "acks": {}}
    again = record(exercise, CONTROL, "exercise.inject", {**RELEASE, "content": "a second wording"}, T0 + 3 * MINUTE)
    assert conflict_of(exercise, again) == ("duplicate_id", "inject INJ-001 was already released")

    ack = record(exercise, LOGISTICS_CELL, "exercise.ack",
                 {"inject": "INJ-001", "release": release.hash, "cell": "logistics"}, T0 + 4 * MINUTE)
    acks = exercise.state.get("injects", "INJ-001")["acks"]
    assert acks == {"logistics": {"by": LOGISTICS_CELL.public_key_hex, "entry": ack.hash, "ack_ms": T0 + 4 * MINUTE,
                                  "ack_scenario_ms": 4 * HOUR}}
    # the cell's first acknowledgement stands; a second one changes nothing and is no conflict
    record(exercise, LOGISTICS_CELL, "exercise.ack",
           {"inject": "INJ-001", "release": release.hash, "cell": "logistics"}, T0 + 5 * MINUTE)
    assert exercise.state.get("injects", "INJ-001")["acks"] == acks
    # a cell the inject was not sent to, and an acknowledgement naming the refused second release
    stranger = record(exercise, FIELD_CELL, "exercise.ack",
                      {"inject": "INJ-001", "release": release.hash, "cell": "medical"}, T0 + 6 * MINUTE)
    assert conflict_of(exercise, stranger) == ("exercise_ack", "inject INJ-001 was not sent to cell medical")
    wrong = record(exercise, FIELD_CELL, "exercise.ack",
                   {"inject": "INJ-001", "release": again.hash, "cell": "field"}, T0 + 6 * MINUTE)
    assert conflict_of(exercise, wrong) == ("unknown_reference", "inject INJ-001 was not released by the entry "
                                                                 "this acknowledgement names")
    assert set(exercise.state.get("injects", "INJ-001")["acks"]) == {"logistics"}
    assert_outside_fold_agrees(exercise)


def test_an_acknowledgement_must_follow_the_release_it_names(exercise):
    start = record(exercise, CONTROL, "exercise.clock", {"action": "start", "scenario_ms": 0, "speed": 60}, T0)
    release = next_entry(exercise, CONTROL, "exercise.inject", RELEASE, ts=T0 + MINUTE)
    body = {"inject": "INJ-001", "release": release.hash, "cell": "field"}
    # the field cell's acknowledgement reaches this replica before the release itself: it waits
    early = next_entry(exercise, FIELD_CELL, "exercise.ack", body, ts=T0 + 2 * MINUTE,
                       deps=[release.hash], lamport=release.lamport + 1)
    assert refused_codes(exercise, early) == ["missing_dependency"] and "missing_dependency" in RETRYABLE
    exercise.receive([release])
    assert exercise.receive([early]).accepted
    # one that does not list the release in deps, or names the clock entry, is refused for good
    unlisted = next_entry(exercise, LOGISTICS_CELL, "exercise.ack", {**body, "cell": "logistics"},
                          ts=T0 + 2 * MINUTE, deps=[start.hash], lamport=start.lamport + 1)
    assert refused_codes(exercise, unlisted) == ["bad_reference"]
    not_inject = next_entry(exercise, LOGISTICS_CELL, "exercise.ack",
                            {**body, "cell": "logistics", "release": start.hash}, ts=T0 + 2 * MINUTE)
    assert refused_codes(exercise, not_inject) == ["bad_reference"]


def test_a_second_replica_receiving_the_same_entries_in_another_order_agrees(exercise, tmp_path):
    record(exercise, CONTROL, "exercise.clock", {"action": "start", "scenario_ms": 0, "speed": 60}, T0)
    first = record(exercise, CONTROL, "exercise.inject", RELEASE, T0 + MINUTE)
    record(exercise, CONTROL, "exercise.clock", {"action": "pause"}, T0 + 2 * MINUTE)
    second = record(exercise, CONTROL, "exercise.inject", {**RELEASE, "inject": "INJ-002", "cells": ["field"]},
                    T0 + 3 * MINUTE)
    record(exercise, FIELD_CELL, "exercise.ack", {"inject": "INJ-002", "release": second.hash, "cell": "field"},
           T0 + 4 * MINUTE)
    record(exercise, LOGISTICS_CELL, "exercise.ack",
           {"inject": "INJ-001", "release": first.hash, "cell": "logistics"}, T0 + 5 * MINUTE)
    assert exercise.state.get("injects", "INJ-002")["acks"]["field"]["ack_scenario_ms"] == 2 * HOUR   # paused
    (tmp_path / "cell").mkdir()
    other = Node(ReplicaStore(database_url(tmp_path / "cell")), identity=FIELD_CELL, clock=Clock())
    try:
        entries = list(exercise.entries_in_order())
        other.receive(entries[:1])
        while other.entry_count() < len(entries):     # newest first, offered again until all are placed
            for entry in reversed(entries[1:]):
                other.receive([entry])
        assert other.entry_count() == exercise.entry_count()
        assert other.state.digest() == exercise.state.digest()
        assert other.state.tables["injects"] == exercise.state.tables["injects"]
        assert_outside_fold_agrees(other)
    finally:
        other.close()


def test_the_inject_kinds_on_the_ledger_are_the_msel_kinds():
    assert INJECT_KINDS == tuple(KINDS)
