"""Scenario files: what an exercise designer writes before the day (docs/SCENARIOS.md, format 1).

A scenario is a TOML file: title and objectives, the setting (a live replica's picture chosen at
`exercise new`, or sites, items, stock, open requests and roads written inline as ledger entry bodies),
the cells, the clock and the MSEL (inline, or in a CSV/XLSX file the scenario names). load_scenario
checks all of it and raises one ScenarioError listing every problem with where it is; it never returns
a half-checked scenario. Pure: reads the files it is given, no Qt, no network, no clock.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from app.core.entry import EntryError
from app.core.schema import ROLES, allowed, check_body
from app.core.types import EntryType
from app.exercise.msel import (
    ExpectedAction,
    Inject,
    MselError,
    Problem,
    ProblemsFound,
    as_int,
    check_id,
    check_int,
    check_text,
    check_unique,
    expected_from_record,
    format_time,
    inject_from_record,
    parse_time,
    read_msel_rows,
)

FORMAT = 1
MAX_SPEED = 60
MAX_DESCRIPTION = 4000
CELL_KINDS = ("player", "control", "simulation")
TOP_KEYS = ("format", "title", "description", "objectives", "clock", "setting", "cells", "injects", "msel")
# setting list -> the ledger entry type whose body each record is (docs/FORMAT.md §7.2), in recording order
SETTING_TYPES: dict[str, str] = {
    "items": EntryType.ITEM_DEFINE, "sites": EntryType.SITE_DEFINE, "stock": EntryType.STOCK_RECEIVE,
    "roads": EntryType.ROAD_STATUS, "requests": EntryType.REQUEST_OPEN,
}
# body fields in milliseconds UTC, written in a scenario as scenario time without the `_ms`
TIME_FIELDS = ("needed_by_ms", "expiry_ms")


class ScenarioError(ProblemsFound):
    """Every problem found in a scenario."""

    code = "scenario_refused"

    def __init__(self, problems: Sequence[Problem], name: str = "the scenario") -> None:
        super().__init__(problems, f"{name} was not loaded")


@dataclass(frozen=True)
class Cell:
    """A group that plays, controls or simulates; its members get exercise keys with these roles."""

    id: str
    name: str
    kind: str
    roles: tuple[str, ...]


@dataclass(frozen=True)
class ExerciseClock:
    """Scenario time: where it starts (ms UTC), how fast it runs by default, and when it ends (offset)."""

    start_ms: int
    speed: int = 1
    end_ms: int | None = None


@dataclass(frozen=True)
class Setting:
    """The picture the exercise starts from: a live snapshot chosen later, or ledger bodies written inline."""

    from_snapshot: bool
    records: tuple[tuple[str, dict[str, Any]], ...] = ()   # (entry type, body with absolute ms), recording order

    def bodies(self, entry_type: str) -> list[dict[str, Any]]:
        return [body for kind, body in self.records if kind == entry_type]


@dataclass(frozen=True)
class Scenario:
    format: int
    title: str
    objectives: tuple[str, ...]
    clock: ExerciseClock
    setting: Setting
    cells: tuple[Cell, ...]
    injects: tuple[Inject, ...]
    description: str | None = None
    msel: str | None = None            # the MSEL file the scenario names, relative to it; None when inline
    path: Path | None = field(default=None, compare=False)

    def cell(self, cell_id: str) -> Cell | None:
        return next((c for c in self.cells if c.id == cell_id), None)

    def cells_of(self, kind: str) -> tuple[Cell, ...]:
        return tuple(c for c in self.cells if c.kind == kind)

    def span_ms(self) -> tuple[int, int]:
        """First inject time and the last inject or deadline (0, 0 for an empty MSEL)."""
        times = [i.at_ms for i in self.injects] + [a.by_ms for i in self.injects for a in i.expected]
        return (min(i.at_ms for i in self.injects), max(times)) if self.injects else (0, 0)


# -- loading -------------------------------------------------------------------------------------------------
def load_scenario(path: Path) -> Scenario:
    """Read and check a scenario file and the MSEL it names; ScenarioError lists every problem."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ScenarioError([Problem(str(path), "", f"cannot be read: {exc}")], path.name) from exc
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ScenarioError([Problem(path.name, "", f"is not valid TOML: {exc}")], path.name) from exc
    return _Loader(path, text, document).load()


class _Loader:
    """One pass over a parsed document, collecting problems instead of stopping at the first."""

    def __init__(self, path: Path, text: str, document: dict[str, Any]) -> None:
        self.path, self.name, self.document = path, path.name, document
        self.problems: list[Problem] = []
        # sites and items of setting records refused for another reason: named once, not again by each use
        self.declared: dict[str, set[str]] = {"site": set(), "item": set()}
        self.lines = {header: [n for n, line in enumerate(text.splitlines(), 1)
                               if re.match(rf"^\s*\[\[\s*{re.escape(header)}\s*\]\]", line)]
                      for header in ("cells", "injects", "injects.expect", *(f"setting.{k}" for k in SETTING_TYPES))}

    def where(self, header: str, index: int, count: int) -> str:
        """`file:line` when the array was written as [[header]] tables (as the docs show), else its index."""
        lines = self.lines.get(header, [])
        if len(lines) == count:
            return f"{self.name}:{lines[index]}"
        return f"{self.name} {header}[{index}]"

    def problem(self, where: str, field_name: str, message: str) -> None:
        self.problems.append(Problem(where, field_name, message))

    def load(self) -> Scenario:
        doc = self.document
        version = doc.get("format")
        if version != FORMAT:
            message = ("is required: write format = 1 as the first line" if version is None else
                       f"is {version!r}; this version reads scenario format {FORMAT}")
            raise ScenarioError([Problem(self.name, "format", message)], self.name)
        for key in sorted(set(doc) - set(TOP_KEYS)):
            self.problem(self.name, key, f"is not a scenario field (fields: {', '.join(TOP_KEYS)})")
        title = self.text(doc, "title", self.name)
        description = self.text(doc, "description", self.name, required=False, limit=MAX_DESCRIPTION)
        objectives = self.objectives(doc.get("objectives"))
        clock = self.clock(doc.get("clock"))
        setting = self.setting(doc.get("setting"), clock.start_ms if clock else 0)
        cells = self.cells(doc.get("cells"))
        injects, msel = self.msel(doc)
        if clock is not None and setting is not None and cells is not None:
            check_injects(injects, cells, setting, clock, self.problems, self.declared)
        if self.problems or clock is None or setting is None or cells is None or title is None:
            raise ScenarioError(self.problems, self.name)
        return Scenario(FORMAT, title, objectives, clock, setting, cells, injects, description, msel, self.path)

    def text(self, table: Mapping[str, Any], key: str, where: str, required: bool = True,
             limit: int = 500) -> str | None:
        if key not in table:
            if required:
                self.problem(where, key, "is required")
            return None
        try:
            return check_text(table[key], limit)
        except ValueError as exc:
            self.problem(where, key, str(exc))
            return None

    def objectives(self, value: object) -> tuple[str, ...]:
        if not isinstance(value, list) or not value:
            self.problem(self.name, "objectives", "must be a list of at least one objective (text)")
            return ()
        found: list[str] = []
        for index, item in enumerate(value):
            try:
                found.append(check_text(item))
            except ValueError as exc:
                self.problem(self.name, f"objectives[{index}]", str(exc))
        return tuple(found)

    def table(self, value: object, key: str, known: Sequence[str]) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.problem(self.name, key, f"must be a table ([{key}])")
            return None
        for name in sorted(set(value) - set(known)):
            self.problem(self.name, f"{key}.{name}", f"is not a field of [{key}] (fields: {', '.join(known)})")
        return value

    def clock(self, value: object) -> ExerciseClock | None:
        table = self.table(value, "clock", ("start", "speed", "end"))
        if table is None:
            return None
        start = table.get("start")
        ok = True
        if not isinstance(start, datetime) or start.tzinfo is None or start.utcoffset() != timedelta(0):
            self.problem(self.name, "clock.start", "must be an instant in UTC written as a TOML date-time ending "
                                                   f"in Z, e.g. 2026-03-14T06:00:00Z (got {start!r})")
            ok = False
        elif start.microsecond:
            self.problem(self.name, "clock.start", "must be a whole second")
            ok = False
        speed = table.get("speed", 1)
        try:
            check_int(speed, 1, MAX_SPEED)
        except ValueError as exc:
            self.problem(self.name, "clock.speed", str(exc))
            ok = False
        end: int | None = None
        if "end" in table:
            try:
                end = parse_time(table["end"])
                if end <= 0:
                    raise ValueError("must be after the start (T+00:00)")
            except ValueError as exc:
                self.problem(self.name, "clock.end", str(exc))
                ok = False
        if not ok or not isinstance(start, datetime):
            return None
        return ExerciseClock(int(start.timestamp()) * 1000, speed, end)

    def setting(self, value: object, start_ms: int) -> Setting | None:
        table = self.table(value, "setting", ("from_snapshot", *SETTING_TYPES))
        if table is None:
            return None
        from_snapshot = table.get("from_snapshot", False)
        if not isinstance(from_snapshot, bool):
            self.problem(self.name, "setting.from_snapshot", "must be true or false")
            return None
        if from_snapshot:
            for key in SETTING_TYPES:
                if key in table:
                    self.problem(self.name, f"setting.{key}", "cannot be written inline when from_snapshot = true: "
                                                              "the picture comes from the live replica")
            return Setting(True)
        records: list[tuple[str, dict[str, Any]]] = []
        for key, entry_type in SETTING_TYPES.items():
            rows = table.get(key, [])
            if not isinstance(rows, list):
                self.problem(self.name, f"setting.{key}", f"must be a list of tables ([[setting.{key}]])")
                continue
            for index, row in enumerate(rows):
                where = self.where(f"setting.{key}", index, len(rows))
                body = self.setting_body(row, entry_type, start_ms, where)
                if body is not None:
                    records.append((entry_type, body))
        setting = Setting(False, tuple(records))
        self.check_setting(setting)
        return setting

    def setting_body(self, row: object, entry_type: str, start_ms: int, where: str) -> dict[str, Any] | None:
        if not isinstance(row, dict):
            self.problem(where, "", "must be a table")
            return None
        body = dict(row)
        key = {EntryType.SITE_DEFINE: "site", EntryType.ITEM_DEFINE: "item"}.get(entry_type)
        if key and isinstance(body.get(key), str):
            self.declared[key].add(body[key])
        for name in TIME_FIELDS:
            short = name[: -len("_ms")]
            if name in body:
                self.problem(where, name, f"write {short} as a scenario time like T+12:00 instead")
                return None
            if short in body:
                try:
                    body[name] = start_ms + parse_time(body.pop(short))
                except ValueError as exc:
                    self.problem(where, short, str(exc))
                    return None
        try:
            check_body(entry_type, body, "")
        except EntryError as exc:
            self.problem(where, "", f"is not a valid {entry_type} body: {str(exc).lstrip('.')}")
            return None
        return body

    def check_setting(self, setting: Setting) -> None:
        keys = {EntryType.SITE_DEFINE: "site", EntryType.ITEM_DEFINE: "item", EntryType.REQUEST_OPEN: "request",
                EntryType.ROAD_STATUS: "road"}
        for entry_type, key in keys.items():
            for name, count in Counter(b[key] for b in setting.bodies(entry_type)).items():
                if count > 1:
                    self.problem(self.name, f"setting.{key}", f"{name} is defined {count} times")
        sites = {b["site"] for b in setting.bodies(EntryType.SITE_DEFINE)} | self.declared["site"]
        items = {b["item"] for b in setting.bodies(EntryType.ITEM_DEFINE)} | self.declared["item"]
        for entry_type in (EntryType.STOCK_RECEIVE, EntryType.REQUEST_OPEN):
            for body in setting.bodies(entry_type):
                label = body.get("request") or f"{body['site']}|{body['item']}|{body['lot']}"
                if body["site"] not in sites:
                    self.problem(self.name, f"setting {entry_type} {label}", f"site {body['site']} is not defined")
                if body["item"] not in items:
                    self.problem(self.name, f"setting {entry_type} {label}", f"item {body['item']} is not defined")

    def cells(self, value: object) -> tuple[Cell, ...] | None:
        if not isinstance(value, list) or not value:
            self.problem(self.name, "cells", "must list the cells as [[cells]] tables")
            return None
        cells: list[Cell] = []
        for index, row in enumerate(value):
            where = self.where("cells", index, len(value))
            if not isinstance(row, dict):
                self.problem(where, "", "must be a table")
                continue
            before = len(self.problems)
            for name in sorted(set(row) - {"id", "name", "kind", "roles"}):
                self.problem(where, name, "is not a field of a cell (fields: id, name, kind, roles)")
            try:
                ident = check_id(row.get("id"))
            except ValueError as exc:
                self.problem(where, "id", str(exc))
            name = self.text(row, "name", where)
            kind = row.get("kind")
            if kind not in CELL_KINDS:
                self.problem(where, "kind", f"must be one of {', '.join(CELL_KINDS)} (got {kind!r})")
            roles = row.get("roles")
            if (not isinstance(roles, list) or not roles or any(r not in ROLES for r in roles)
                    or len(set(roles)) != len(roles)):
                self.problem(where, "roles", f"must list distinct roles of the ledger: {', '.join(ROLES)} "
                                             f"(got {roles!r})")
            elif kind == "control" and "trainer" not in roles:
                self.problem(where, "roles", "of the control cell must include trainer: exercise control "
                                             "releases injects and moves the clock")
            if len(self.problems) == before and name is not None:
                cells.append(Cell(ident, name, str(kind), tuple(roles)))  # type: ignore[arg-type]  # checked above
        for ident, count in Counter(c.id for c in cells).items():
            if count > 1:
                self.problem(self.name, "cells", f"cell {ident} is defined {count} times")
        counts = Counter(c.kind for c in cells)
        if len(cells) == len(value):
            if counts["control"] != 1:
                self.problem(self.name, "cells", f"must hold exactly one control cell (holds {counts['control']})")
            if counts["simulation"] > 1:
                self.problem(self.name, "cells", "must hold at most one simulation cell")
            if counts["player"] < 1:
                self.problem(self.name, "cells", "must hold at least one player cell")
        return tuple(cells)

    def msel(self, doc: Mapping[str, Any]) -> tuple[tuple[Inject, ...], str | None]:
        if ("injects" in doc) == ("msel" in doc):
            self.problem(self.name, "injects", "write the MSEL either inline as [[injects]] tables or in a file "
                                               "named by msel = \"file.csv\" (one of the two)")
            return (), None
        if "msel" in doc:
            name = doc["msel"]
            if not isinstance(name, str) or not name.lower().endswith((".csv", ".xlsx")) or Path(name).is_absolute():
                self.problem(self.name, "msel", "must name a .csv or .xlsx file beside the scenario")
                return (), None
            try:
                from_file, found = read_msel_rows(self.path.parent / name)
            except MselError as exc:
                self.problems.extend(exc.problems)
                return (), name
            self.problems.extend(found)
            return from_file, name
        rows = doc["injects"]
        if not isinstance(rows, list):
            self.problem(self.name, "injects", "must be a list of [[injects]] tables")
            return (), None
        injects: list[Inject] = []
        expect_index = 0
        expect_total = sum(len(r.get("expect", [])) for r in rows if isinstance(r, dict)
                           and isinstance(r.get("expect", []), list))
        for index, row in enumerate(rows):
            where = self.where("injects", index, len(rows))
            if not isinstance(row, dict):
                self.problem(where, "", "must be a table")
                continue
            record = dict(row)
            expected: list[ExpectedAction] = []
            actions = record.pop("expect", [])
            if not isinstance(actions, list):
                self.problem(where, "expect", "must be a list of [[injects.expect]] tables")
                continue
            for action_row in actions:
                action_where = self.where("injects.expect", expect_index, expect_total)
                expect_index += 1
                if not isinstance(action_row, dict):
                    self.problem(action_where, "", "must be a table")
                    continue
                action = expected_from_record(action_row, action_where, self.problems)
                if action is not None:
                    expected.append(action)
            if len(expected) != len(actions):
                continue
            inject = inject_from_record(record, where, self.problems, expected)
            if inject is not None:
                injects.append(inject)
        check_unique(injects, self.problems)
        return tuple(injects), None


# -- cross-checks shared by loading and importing ------------------------------------------------------------
def check_injects(injects: Sequence[Inject], cells: Sequence[Cell], setting: Setting, clock: ExerciseClock,
                  problems: list[Problem], declared: Mapping[str, set[str]] | None = None) -> None:
    """What a single row cannot know: cells, sites and items the MSEL names, who may record what, the end.

    `declared`: sites and items whose setting record was refused already, so they are not reported again.
    """
    by_id = {c.id: c for c in cells}
    simulation = next((c for c in cells if c.kind == "simulation"), None)
    declared = declared or {}
    sites = {b["site"] for b in setting.bodies(EntryType.SITE_DEFINE)} | declared.get("site", set())
    items = {b["item"] for b in setting.bodies(EntryType.ITEM_DEFINE)} | declared.get("item", set())
    lots = {(b["site"], b["item"], b["lot"]) for b in setting.bodies(EntryType.STOCK_RECEIVE)}
    lots |= {(i.get("site"), i.get("item"), i.get("lot")) for i in injects if i.kind == "resources_arriving"}
    requests = Counter([b["request"] for b in setting.bodies(EntryType.REQUEST_OPEN)]
                       + [str(i.get("request")) for i in injects if i.kind == "request_opened"])
    for inject in injects:
        where = inject.origin
        for target in inject.to:
            cell = by_id.get(target)
            if cell is None:
                problems.append(Problem(where, "to", f"names cell {target}, which the scenario does not define "
                                                     f"(cells: {', '.join(by_id)})"))
            elif cell.kind == "control":
                problems.append(Problem(where, "to", f"names the control cell {target}: injects go to player "
                                                     "and simulation cells"))
        made = inject.entry(clock.start_ms)
        if made is not None:
            if simulation is None:
                problems.append(Problem(where, "kind", f"a {inject.kind} inject records a {made[0]} entry, which "
                                                       "the simulation cell records: the scenario has none"))
            elif not allowed(made[0], frozenset(simulation.roles), "exercise"):
                problems.append(Problem(where, "kind", f"a {inject.kind} inject records a {made[0]} entry, which "
                                                       f"the roles of simulation cell {simulation.id} "
                                                       f"({', '.join(simulation.roles)}) may not author"))
        if not setting.from_snapshot:
            site, item = inject.get("site"), inject.get("item")
            if site is not None and site not in sites:
                problems.append(Problem(where, "site", f"{site} is not a site of the setting"))
            if item is not None and item not in items:
                problems.append(Problem(where, "item", f"{item} is not an item of the setting"))
            if inject.kind in ("stock_lost", "stock_damaged") and (site, item, inject.get("lot")) not in lots:
                problems.append(Problem(where, "lot", f"{site}|{item}|{inject.get('lot')} is neither stock of the "
                                                      "setting nor arriving by a resources_arriving inject"))
        if inject.kind == "request_opened" and requests[str(inject.get("request"))] > 1:
            problems.append(Problem(where, "request", f"request {inject.get('request')} is opened more than once "
                                                      "(in the setting or another inject)"))
        if clock.end_ms is not None and inject.at_ms > clock.end_ms:
            problems.append(Problem(where, "at", f"{format_time(inject.at_ms)} is after the end of the exercise "
                                                 f"({format_time(clock.end_ms)})"))
        for action in inject.expected:
            cell = by_id.get(action.cell)
            if cell is None or cell.kind != "player":
                problems.append(Problem(action.origin, "cell", f"{action.cell} is not a player cell of the scenario"))
            elif action.entry_type is not None and not allowed(action.entry_type, frozenset(cell.roles), "exercise"):
                problems.append(Problem(action.origin, "entry_type",
                                        f"cell {cell.id} ({', '.join(cell.roles)}) may not author {action.entry_type}, "
                                        "so the action could never be met"))
            if clock.end_ms is not None and action.by_ms > clock.end_ms:
                problems.append(Problem(action.origin, "by", f"{format_time(action.by_ms)} is after the end of the "
                                                             f"exercise ({format_time(clock.end_ms)})"))


def import_msel(scenario: Scenario, path: Path, msel: str | None) -> Scenario:
    """The scenario with the MSEL of a spreadsheet, every row checked against its cells and setting.

    ScenarioError lists the problems of every row, those a row shows alone and those against the scenario.
    """
    try:
        injects, found = read_msel_rows(path)
    except MselError as exc:
        raise ScenarioError(exc.problems, "the MSEL") from exc
    problems = list(found)
    check_injects(injects, scenario.cells, scenario.setting, scenario.clock, problems)
    if problems:
        raise ScenarioError(problems, f"the MSEL {Path(path).name}")
    return replace(scenario, injects=injects, msel=msel)


# -- writing -------------------------------------------------------------------------------------------------
def dump_scenario(scenario: Scenario) -> str:
    """The scenario as TOML in the layout docs/SCENARIOS.md shows; inline MSEL unless scenario.msel names one."""
    out = [f"format = {FORMAT}", f"title = {_toml(scenario.title)}"]
    if scenario.description is not None:
        out.append(f"description = {_toml(scenario.description)}")
    out.append("objectives = [\n" + "".join(f"  {_toml(o)},\n" for o in scenario.objectives) + "]")
    if scenario.msel is not None:
        out.append(f"msel = {_toml(scenario.msel)}")
    clock = scenario.clock
    start = datetime.fromtimestamp(clock.start_ms // 1000, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    out += ["", "[clock]", f"start = {start}", f"speed = {clock.speed}"]
    if clock.end_ms is not None:
        out.append(f"end = {_toml(format_time(clock.end_ms))}")
    out += ["", "[setting]", f"from_snapshot = {_toml(scenario.setting.from_snapshot)}"]
    keys = {v: k for k, v in SETTING_TYPES.items()}
    for entry_type, body in scenario.setting.records:
        out += ["", f"[[setting.{keys[entry_type]}]]"]
        for name, value in body.items():
            if name in TIME_FIELDS:
                out.append(f"{name[:-3]} = {_toml(format_time(value - clock.start_ms))}")
            else:
                out.append(f"{name} = {_toml(value)}")
    for cell in scenario.cells:
        out += ["", "[[cells]]", f"id = {_toml(cell.id)}", f"name = {_toml(cell.name)}", f"kind = {_toml(cell.kind)}",
                f"roles = {_toml(list(cell.roles))}"]
    if scenario.msel is None:
        for inject in scenario.injects:
            out += ["", "[[injects]]", f"id = {_toml(inject.id)}", f"at = {_toml(format_time(inject.at_ms))}",
                    f"to = {_toml(list(inject.to))}", f"kind = {_toml(inject.kind)}"]
            if inject.sender is not None:
                out.append(f"from = {_toml(inject.sender)}")
            out.append(f"content = {_toml(inject.content)}")
            for name, value in inject.fields:
                if name in ("needed_by", "expiry"):
                    out.append(f"{name} = {_toml(format_time(as_int(value)))}")
                elif name == "body":
                    out.append(f"body = {_toml(json.loads(str(value)))}")
                else:
                    out.append(f"{name} = {_toml(value)}")
            for action in inject.expected:
                out += ["", "[[injects.expect]]", f"id = {_toml(action.id)}", f"cell = {_toml(action.cell)}",
                        f"description = {_toml(action.description)}"]
                if action.entry_type is not None:
                    out.append(f"entry_type = {_toml(action.entry_type)}")
                out.append(f"by = {_toml(format_time(action.by_ms))}")
    return "\n".join(out) + "\n"


_BARE = re.compile(r"^[A-Za-z0-9_-]+$")


def _toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)   # JSON string escapes are TOML basic-string escapes
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    if isinstance(value, dict):
        pairs = (f"{k if _BARE.match(k) else _toml(k)} = {_toml(v)}" for k, v in value.items())
        return "{ " + ", ".join(pairs) + " }" if value else "{}"
    raise TypeError(f"no TOML for {type(value).__name__}")


__all__ = ["Cell", "ExerciseClock", "ExpectedAction", "Inject", "Scenario", "ScenarioError", "Setting",
           "dump_scenario", "import_msel", "load_scenario"]
