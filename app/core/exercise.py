"""The exercise clock, inject releases and acknowledgements as the fold sees them (docs/FORMAT.md §9.5).

Pure: every replica derives the same exercise time from the same signed entries, so "who knew what
when" in exercise time is a fact of the ledger, not of any one machine's clock. Bad sequences (a
pause while paused, a jump backwards) cannot be refused on receipt, because whether a clock entry
fits depends on concurrent entries by other controllers; the fold records them as conflicts instead.
"""

from __future__ import annotations

from typing import Any

from app.core.entry import Entry

CLOCK_TABLE = "exercise_clock"
CLOCK_KEY = "clock"
INJECTS_TABLE = "injects"


def scenario_time(clock: dict, at_ms: int) -> int:
    """Exercise time (ms from the scenario start) at signed instant `at_ms`; integer arithmetic only.

    Running: the anchor's scenario time plus the elapsed signed time times the speed, never less than
    the anchor (an instant before it, from a skewed clock, reads as the anchor). Paused: frozen.
    """
    anchor: int = clock["anchor_scenario_ms"]
    if clock["status"] != "running":
        return anchor
    elapsed: int = max(0, at_ms - clock["anchor_ms"])
    return anchor + elapsed * clock["speed"]


def fold_clock(state: Any, entry: Entry) -> None:
    """One clock action where it sorts: start once, then pause/resume/jump/speed; anything else conflicts."""
    body = entry.body
    action = body["action"]
    row: dict | None = state.get(CLOCK_TABLE, CLOCK_KEY)
    if action == "start":
        if row is not None:
            state.conflict(entry, "exercise_clock", "the exercise clock was already started")
            return
        state.put(CLOCK_TABLE, CLOCK_KEY, {"status": "running", "speed": body["speed"], "anchor_ms": entry.ts,
                                           "anchor_scenario_ms": body["scenario_ms"], "started": entry.hash,
                                           "entry": entry.hash})
        return
    if row is None:
        state.conflict(entry, "exercise_clock", f"clock action {action} before the exercise clock started")
        return
    now = scenario_time(row, entry.ts)
    anchor_ms = max(entry.ts, row["anchor_ms"])
    changed: dict[str, Any]
    if action == "pause":
        if row["status"] == "paused":
            state.conflict(entry, "exercise_clock", "the exercise clock is already paused")
            return
        changed = {"status": "paused", "anchor_ms": anchor_ms, "anchor_scenario_ms": now}
    elif action == "resume":
        if row["status"] == "running":
            state.conflict(entry, "exercise_clock", "the exercise clock is already running")
            return
        changed = {"status": "running", "anchor_ms": anchor_ms}
    elif action == "jump":
        if body["scenario_ms"] < now:
            state.conflict(entry, "exercise_clock", f"a jump to {body['scenario_ms']} would run the exercise clock "
                                                    f"backwards from {now}")
            return
        changed = {"anchor_ms": anchor_ms, "anchor_scenario_ms": body["scenario_ms"]}
    else:   # speed
        changed = {"speed": body["speed"], "anchor_ms": anchor_ms, "anchor_scenario_ms": now}
    state.put(CLOCK_TABLE, CLOCK_KEY, {**row, **changed, "entry": entry.hash})


def fold_inject(state: Any, entry: Entry) -> None:
    """An inject released to its cells, once per id, on a started clock."""
    body = entry.body
    clock: dict | None = state.get(CLOCK_TABLE, CLOCK_KEY)
    if state.get(INJECTS_TABLE, body["inject"]) is not None:
        state.conflict(entry, "duplicate_id", f"inject {body['inject']} was already released")
        return
    if clock is None:
        state.conflict(entry, "exercise_clock", f"inject {body['inject']} released before the exercise clock started")
        return
    state.put(INJECTS_TABLE, body["inject"], {
        "inject": body["inject"], "kind": body["kind"], "content": body["content"], "cells": body["cells"],
        "sites": body.get("sites", []), "items": body.get("items", []), "due_ms": body["due_ms"],
        "released_ms": entry.ts, "released_scenario_ms": scenario_time(clock, entry.ts), "by": entry.author,
        "entry": entry.hash, "acks": {},
    })


def fold_ack(state: Any, entry: Entry) -> None:
    """A cell's first acknowledgement of an inject it was sent; later ones from the same cell change nothing."""
    body = entry.body
    row: dict | None = state.get(INJECTS_TABLE, body["inject"])
    if row is None or row["entry"] != body["release"]:
        state.conflict(entry, "unknown_reference", f"inject {body['inject']} was not released by the entry this "
                                                   "acknowledgement names")
        return
    if body["cell"] not in row["cells"]:
        state.conflict(entry, "exercise_ack", f"inject {body['inject']} was not sent to cell {body['cell']}")
        return
    if body["cell"] in row["acks"]:
        return
    clock: dict = state.get(CLOCK_TABLE, CLOCK_KEY)
    ack = {"by": entry.author, "entry": entry.hash, "ack_ms": entry.ts,
           "ack_scenario_ms": scenario_time(clock, entry.ts)}
    state.put(INJECTS_TABLE, body["inject"], {**row, "acks": {**row["acks"], body["cell"]: ack}})


__all__ = ["CLOCK_KEY", "CLOCK_TABLE", "INJECTS_TABLE", "fold_ack", "fold_clock", "fold_inject", "scenario_time"]
