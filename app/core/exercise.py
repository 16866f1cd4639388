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


def clock_after(row: dict | None, body: dict, at_ms: int, entry_hash: str) -> tuple[dict | None, str | None]:
    """The clock row after one clock action signed at `at_ms`, or (None, why it does not fit).

    One function for the fold and for a node about to sign, so a controller is told why before
    recording an action that could only be a conflict.
    """
    action = body["action"]
    if action == "start":
        if row is not None:
            return None, "the exercise clock was already started"
        return {"status": "running", "speed": body["speed"], "anchor_ms": at_ms,
                "anchor_scenario_ms": body["scenario_ms"], "started": entry_hash, "entry": entry_hash}, None
    if row is None:
        return None, f"clock action {action} before the exercise clock started"
    now = scenario_time(row, at_ms)
    anchor_ms = max(at_ms, row["anchor_ms"])
    changed: dict[str, Any]
    if action == "pause":
        if row["status"] == "paused":
            return None, "the exercise clock is already paused"
        changed = {"status": "paused", "anchor_ms": anchor_ms, "anchor_scenario_ms": now}
    elif action == "resume":
        if row["status"] == "running":
            return None, "the exercise clock is already running"
        changed = {"status": "running", "anchor_ms": anchor_ms}
    elif action == "jump":
        if body["scenario_ms"] < now:
            return None, f"a jump to {body['scenario_ms']} would run the exercise clock backwards from {now}"
        changed = {"anchor_ms": anchor_ms, "anchor_scenario_ms": body["scenario_ms"]}
    else:   # speed
        changed = {"speed": body["speed"], "anchor_ms": anchor_ms, "anchor_scenario_ms": now}
    return {**row, **changed, "entry": entry_hash}, None


def fold_clock(state: Any, entry: Entry) -> None:
    """One clock action where it sorts: start once, then pause/resume/jump/speed; anything else conflicts."""
    row, problem = clock_after(state.get(CLOCK_TABLE, CLOCK_KEY), entry.body, entry.ts, entry.hash)
    if row is None:
        state.conflict(entry, "exercise_clock", str(problem))
        return
    state.put(CLOCK_TABLE, CLOCK_KEY, row)


def inject_problem(state: Any, inject: str) -> str | None:
    """Why releasing `inject` now could only be a conflict (None: it would take effect)."""
    if state.get(INJECTS_TABLE, inject) is not None:
        return f"inject {inject} was already released"
    if state.get(CLOCK_TABLE, CLOCK_KEY) is None:
        return f"inject {inject} released before the exercise clock started"
    return None


def fold_inject(state: Any, entry: Entry) -> None:
    """An inject released to its cells, once per id, on a started clock."""
    body = entry.body
    problem = inject_problem(state, body["inject"])
    if problem is not None:
        kind = "duplicate_id" if state.get(INJECTS_TABLE, body["inject"]) is not None else "exercise_clock"
        state.conflict(entry, kind, problem)
        return
    clock: dict = state.get(CLOCK_TABLE, CLOCK_KEY)
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


__all__ = ["CLOCK_KEY", "CLOCK_TABLE", "INJECTS_TABLE", "clock_after", "fold_ack", "fold_clock", "fold_inject",
           "inject_problem", "scenario_time"]
