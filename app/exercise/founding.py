"""`exercise new`: found an exercise network from a scenario (docs/SCENARIOS.md §13).

Exercise control founds it (its key is the new replica's identity.key), every other cell gets a new
exercise key of its own (never a live one), and the setting becomes the first entries, signed by
control: written inline in the scenario, or copied from a replica's picture at an entry or an instant.
The picture is computed here from entries alone (pure); the thin node part at the end reads the
source replica read-only and writes the new one in a scratch directory beside DIR, moved into place
only when complete, so a refusal or a crash never leaves a half-made exercise replica at DIR.
"""

from __future__ import annotations

import os
import secrets
import shutil
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.core.entry import Entry
from app.core.identity import Identity, save_key_file
from app.core.schema import MAX_TEXT
from app.core.state import fold
from app.core.types import EntryType
from app.errors import ReliefLedgerError
from app.exercise.msel import Problem
from app.exercise.scenario import SETTING_TYPES, Cell, Scenario, ScenarioError, Setting, check_injects
from app.paths import KEY_NAME

KEYS_DIR = "exercise-keys"
PREFIX = "EXERCISE "
# a request still needs something while it is in one of these states (app/core/state.py)
OPEN_STATUSES = ("open", "partial")


class FoundingError(ReliefLedgerError):
    """`exercise new` refused: one sentence, and nothing written."""

    code = "exercise_new_refused"


@dataclass(frozen=True)
class Picture:
    """A replica's picture as setting records, and where it came from."""

    records: tuple[tuple[str, dict[str, Any]], ...]
    network_id: str
    network_name: str
    network_kind: str
    through: str          # hash of the last entry folded into it
    entries: int          # how many entries (a prefix of the total order) were folded
    instant_ms: int       # the instant the picture stands for: --at, else the ts of `through`


@dataclass(frozen=True)
class CellKey:
    cell: Cell
    roles: tuple[str, ...]
    path: Path
    fingerprint: str


@dataclass(frozen=True)
class Founded:
    """What `exercise new` made, for the summary it prints."""

    data_dir: Path
    network_name: str
    network_id: str
    keys: tuple[CellKey, ...]
    entries: int
    setting_entries: int
    passphrase_generated: str | None
    picture: Picture | None


# -- pure part ------------------------------------------------------------------------------------------------
def network_name(title: str) -> str:
    """"EXERCISE <title>", as the demo network is named; a title saying EXERCISE already is kept as it is."""
    name = title if title.upper().startswith("EXERCISE") else PREFIX + title
    return name[:MAX_TEXT]


def founder_roles(control: Cell) -> tuple[str, ...]:
    """Control founds the network, so it is admin besides its own roles (a genesis needs an admin founder)."""
    return tuple(sorted({"admin", *control.roles}))


def prefix_through(entries: Sequence[Entry], *, at_ms: int | None = None,
                   entry: str | None = None) -> list[Entry]:
    """The prefix of the total order the picture folds: through the entry named (a hash or a unique prefix
    of at least 8 hex digits), or through the last entry whose signed time is at or before `at_ms`, or all."""
    if entry is not None:
        wanted = entry.strip().lower()
        if len(wanted) < 8:
            raise FoundingError(f"--entry {entry}: give at least 8 hex digits of the entry hash")
        found = [i for i, e in enumerate(entries) if e.hash.startswith(wanted)]
        if not found:
            raise FoundingError(f"--entry {entry}: the source replica holds no such entry")
        if len(found) > 1:
            raise FoundingError(f"--entry {entry}: {len(found)} entries start with it; give more digits")
        return list(entries[: found[0] + 1])
    if at_ms is not None:
        last = max((i for i, e in enumerate(entries) if e.ts <= at_ms), default=None)
        if last is None:
            raise FoundingError("--at: the source replica holds no entry signed at or before that time")
        return list(entries[: last + 1])
    return list(entries)


def _shift(ms: int, shift: int) -> int:
    return max(0, ms + shift)


def picture_records(prefix: Sequence[Entry], equivocators: Mapping[str, int], instant_ms: int,
                    start_ms: int) -> tuple[tuple[str, dict[str, Any]], ...]:
    """The state folded from `prefix`, as setting records (docs/SCENARIOS.md §13.4).

    Order: items, sites, stock, roads, requests; within each, by id (stock by site|item|lot). Times in
    the future of the picture (needed-by, expiry) keep their distance from it: `start_ms + (t - instant)`.
    """
    tables = fold(list(prefix), dict(equivocators)).tables
    shift = start_ms - instant_ms
    expiry: dict[str, int] = {}
    for e in prefix:
        if e.type == EntryType.STOCK_RECEIVE and "expiry_ms" in e.body:
            expiry[e.body["lot"]] = e.body["expiry_ms"]   # the latest receipt of the lot that gives one
    records: list[tuple[str, dict[str, Any]]] = []
    for key in sorted(tables["items"]):
        body = {k: v for k, v in tables["items"][key].items() if k != "entry"}
        records.append((EntryType.ITEM_DEFINE, body))
    for key in sorted(tables["sites"]):
        body = {k: v for k, v in tables["sites"][key].items() if k != "entry"}
        records.append((EntryType.SITE_DEFINE, body))
    for key in sorted(tables["stock"]):
        row = tables["stock"][key]
        if row["qty"] <= 0:
            continue
        lot = tables["lots"].get(row["lot"], {})
        source = "; ".join(lot.get("sources", [])) or "opening balance"
        body = {"site": row["site"], "item": row["item"], "lot": row["lot"], "qty": row["qty"],
                "source": source[:MAX_TEXT]}
        if row["lot"] in expiry:
            body["expiry_ms"] = _shift(expiry[row["lot"]], shift)
        records.append((EntryType.STOCK_RECEIVE, body))
    for key in sorted(tables["roads"]):
        body = {k: v for k, v in tables["roads"][key].items() if k not in ("entry", "at_ms")}
        records.append((EntryType.ROAD_STATUS, body))
    for key in sorted(tables["requests"]):
        row = tables["requests"][key]
        remaining = row["qty"] - row["delivered"]
        if row["status"] not in OPEN_STATUSES or remaining <= 0:
            continue
        records.append((EntryType.REQUEST_OPEN, {
            "request": row["request"], "site": row["site"], "item": row["item"], "qty": remaining,
            "priority": row["priority"], "needed_by_ms": _shift(row["needed_by_ms"], shift)}))
    return tuple(records)


def setting_for(scenario: Scenario, picture: Picture | None) -> Setting:
    """The setting the exercise starts from, checked against the MSEL (sites, items and lots it names)."""
    if picture is None:
        if scenario.setting.from_snapshot:
            raise FoundingError(f"{scenario.title}: the scenario starts from a replica's picture "
                                "(from_snapshot = true): name the replica with --from-replica LIVE_DIR")
        return scenario.setting
    setting = Setting(False, picture.records)
    problems: list[Problem] = []
    check_injects(scenario.injects, scenario.cells, setting, scenario.clock, problems)
    if problems:
        raise ScenarioError(problems, f"{scenario.title} against the picture of {picture.network_name}")
    return setting


def ordered(setting: Setting) -> list[tuple[str, dict[str, Any]]]:
    """Recording order: the order of SETTING_TYPES (items, sites, stock, roads, requests), stable within."""
    rank = {entry_type: index for index, entry_type in enumerate(SETTING_TYPES.values())}
    return [(t, dict(b)) for t, b in sorted(setting.records, key=lambda record: rank[record[0]])]


# -- node part --------------------------------------------------------------------------------------------------
def read_picture(live_dir: Path, start_ms: int, *, at_ms: int | None = None, entry: str | None = None) -> Picture:
    """Open the source replica read-only (its files are not changed) and compute its picture."""
    from app.node import Node, NodeError
    from app.store.replica_store import StoreError

    try:
        node = Node.open(Path(live_dir), shared=True)
    except (NodeError, StoreError) as exc:
        raise FoundingError(f"the replica in {live_dir} cannot be read: {exc}") from None
    try:
        entries = list(node.entries_in_order())
        equivocators = node.read(lambda state: dict(state.equivocators))
        network, network_id = dict(node.network), node.network_id
    finally:
        node.close()
    prefix = prefix_through(entries, at_ms=at_ms, entry=entry)
    instant = at_ms if at_ms is not None else prefix[-1].ts
    return Picture(picture_records(prefix, equivocators, instant, start_ms), network_id, str(network.get("name")),
                   str(network.get("kind", "live")), prefix[-1].hash, len(prefix), instant)


def check_target(data_dir: Path) -> None:
    if data_dir.exists() and (not data_dir.is_dir() or any(data_dir.iterdir())):
        raise FoundingError(f"{data_dir} is not an empty directory: give --data a new directory for the exercise")


def found_exercise(scenario: Scenario, data_dir: Path, passphrase: str | None,
                   picture: Picture | None = None) -> Founded:
    """Found the exercise network in `data_dir` (absent or empty), or refuse and leave it as it was.

    `passphrase` None: one is generated and returned in Founded.passphrase_generated, to be printed once.
    """
    from app.node import Node, NodeError

    data_dir = Path(data_dir)
    check_target(data_dir)
    setting = setting_for(scenario, picture)
    control = scenario.cells_of("control")[0]
    generated = None if passphrase else secrets.token_urlsafe(12)
    secret = passphrase or generated
    assert secret is not None
    name = network_name(scenario.title)
    people = {cell.id: Identity.generate() for cell in scenario.cells}
    others = [c for c in scenario.cells if c.kind != "control"]
    members = [{"key": people[c.id].public_key_hex, "org": f"{c.kind} cell {c.id}", "name": c.name,
                "roles": list(c.roles)} for c in others]
    start_ms = scenario.clock.start_ms
    data_dir.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=f".{data_dir.name}.exercise-new-", dir=data_dir.parent))
    try:
        node = Node.create_network(scratch, people[control.id], name=name, kind="exercise",
                                   org=f"control cell {control.id}", display_name=control.name, passphrase=secret,
                                   members=members, clock=lambda: start_ms, founder_roles=founder_roles(control))
        try:
            records = ordered(setting)
            if records:
                node.append_many(records)
            network_id, count = node.network_id, node.entry_count()
        finally:
            node.close()
        keys = [CellKey(control, founder_roles(control), data_dir / KEY_NAME, people[control.id].fingerprint)]
        (scratch / KEYS_DIR).mkdir(mode=0o700)
        for cell in others:
            path = scratch / KEYS_DIR / f"{cell.id}.key"
            save_key_file(path, people[cell.id], secret, label=f"{name}: {cell.name}", overwrite=False)
            keys.append(CellKey(cell, cell.roles, data_dir / KEYS_DIR / path.name, people[cell.id].fingerprint))
        check_target(data_dir)   # nothing appeared there meanwhile
        if data_dir.exists():
            data_dir.rmdir()
        os.replace(scratch, data_dir)
    except NodeError as exc:
        shutil.rmtree(scratch, ignore_errors=True)
        raise FoundingError(f"the exercise network could not be made: {exc}") from None
    except BaseException:
        shutil.rmtree(scratch, ignore_errors=True)
        raise
    return Founded(data_dir, name, network_id, tuple(keys), count, len(records), generated, picture)


__all__ = ["CellKey", "Founded", "FoundingError", "Picture", "found_exercise", "network_name", "picture_records",
           "prefix_through", "read_picture", "setting_for"]
