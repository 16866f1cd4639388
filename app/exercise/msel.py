"""The MSEL (master scenario events list): injects, their expected player actions, and their spreadsheet form.

Trainers build MSELs in spreadsheets, so the same rows are read from a scenario file (TOML), a CSV pair
or an XLSX workbook, and every form is checked by the same code (docs/SCENARIOS.md §5-§7). Pure: it reads
and writes files it is given, nothing else, and never half-loads: every bad row is reported in one
MselError and nothing is returned.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from app.core.entry import EntryError
from app.core.schema import MAX_TEXT, PERMISSIONED, PRIORITIES, check_body
from app.core.types import ENTRY_TYPES, EntryType
from app.errors import ReliefLedgerError

MINUTE_MS = 60_000
HOUR_MS = 60 * MINUTE_MS
MAX_OFFSET_MS = 10_000 * HOUR_MS   # T+9999:59:59 at most: about 416 days
MAX_QTY = 10**12
_TIME = re.compile(r"^T([+-])([0-9]{1,4}):([0-5][0-9])(?::([0-5][0-9]))?$")
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}$")
# Text a spreadsheet may read as a formula when it starts a cell (OWASP "CSV injection"), and the quote
# that marks such text as escaped; see docs/SCENARIOS.md §7.3.
FORMULA_START = ("=", "+", "-", "@", "\t", "'")


def parse_time(text: str) -> int:
    """Scenario time `T+HH:MM[:SS]` (or `T-...`) -> milliseconds from the scenario start."""
    match = _TIME.match(text) if isinstance(text, str) else None
    if not match:
        raise ValueError(f"must be a scenario time like T+02:30 or T+26:05:30 (got {text!r})")
    sign, hours, minutes, seconds = match.groups()
    ms = (int(hours) * 3600 + int(minutes) * 60 + int(seconds or 0)) * 1000
    return -ms if sign == "-" else ms


def format_time(ms: int) -> str:
    """The canonical spelling of a scenario time: at least two hour digits, seconds only when not zero."""
    sign = "-" if ms < 0 else "+"
    seconds = abs(ms) // 1000
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    text = f"T{sign}{hours:02d}:{minutes:02d}"
    return text + (f":{secs:02d}" if secs else "")


@dataclass(frozen=True)
class KindSpec:
    """What an inject kind carries and which ledger entry it will record when released."""

    entry_type: str | None
    required: tuple[str, ...]
    optional: tuple[str, ...] = ()


KINDS: dict[str, KindSpec] = {
    "message": KindSpec(None, (), ("site", "item")),
    "request_opened": KindSpec(EntryType.REQUEST_OPEN, ("request", "site", "item", "qty", "priority", "needed_by"),
                               ("note",)),
    "road_closed": KindSpec(EntryType.ROAD_STATUS, ("road", "name", "path"), ("note",)),
    "road_reopened": KindSpec(EntryType.ROAD_STATUS, ("road", "name", "path"), ("note",)),
    "stock_lost": KindSpec(EntryType.PROPOSAL_OPEN, ("site", "item", "lot", "qty", "reason")),
    "stock_damaged": KindSpec(EntryType.PROPOSAL_OPEN, ("site", "item", "lot", "qty", "reason")),
    "site_damaged": KindSpec(None, ("site",), ("item",)),
    "resources_arriving": KindSpec(EntryType.STOCK_RECEIVE, ("site", "item", "lot", "qty", "source"),
                                   ("expiry", "note")),
    "proposal": KindSpec(EntryType.PROPOSAL_OPEN, ("action", "body", "reason")),
}

# Kind fields and how each is written: id, text, qty, time, priority, path, action, object.
FIELD_KINDS: dict[str, str] = {
    "request": "id", "site": "id", "item": "id", "lot": "id", "road": "id",
    "qty": "qty", "priority": "priority", "needed_by": "time", "expiry": "time",
    "source": "text", "name": "text", "reason": "text", "note": "text",
    "path": "path", "action": "action", "body": "object",
}
INJECT_COLUMNS = ("id", "at", "to", "kind", "from", "content", *FIELD_KINDS)
REQUIRED_COLUMNS = ("id", "at", "to", "kind", "content")
EXPECTED_COLUMNS = ("inject", "id", "cell", "description", "entry_type", "by")
INJECT_SHEET = "injects"
EXPECTED_SHEET = "expected_actions"

FieldValue = int | str | tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Problem:
    """One thing wrong, where it is (file:line, file row N) and in which field, said for the trainer."""

    where: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}, {self.field}: {self.message}" if self.field else f"{self.where}: {self.message}"


class ProblemsFound(ReliefLedgerError):
    """Every problem found in a trainer's file, one per line after a heading; raised instead of returning anything."""

    code = "file_refused"

    def __init__(self, problems: Sequence[Problem], heading: str) -> None:
        self.problems = tuple(problems)
        lines = [f"{heading}: {len(self.problems)} problem(s)", *(f"  {p}" for p in self.problems)]
        super().__init__("\n".join(lines))


class MselError(ProblemsFound):
    """Every problem found in an MSEL."""

    code = "msel_refused"

    def __init__(self, problems: Sequence[Problem], heading: str = "the MSEL was not read") -> None:
        super().__init__(problems, heading)


@dataclass(frozen=True)
class ExpectedAction:
    """What a player cell should do after an inject, and by when (scenario time, ms from the start)."""

    id: str
    cell: str
    description: str
    by_ms: int
    entry_type: str | None = None
    origin: str = field(default="", compare=False)


@dataclass(frozen=True)
class Inject:
    """One MSEL event: released at `at_ms` after the start to the cells in `to`.

    `fields` holds the kind's fields (docs/SCENARIOS.md §6) sorted by name; `body` of a proposal is kept
    as its canonical JSON text so that the inject stays hashable and compares exactly.
    """

    id: str
    at_ms: int
    to: tuple[str, ...]
    kind: str
    content: str
    sender: str | None = None
    fields: tuple[tuple[str, FieldValue], ...] = ()
    expected: tuple[ExpectedAction, ...] = ()
    origin: str = field(default="", compare=False)

    def get(self, name: str) -> FieldValue | None:
        return dict(self.fields).get(name)

    def entry(self, start_ms: int) -> tuple[str, dict[str, Any]] | None:
        """The entry type and body this inject records on release, or None for kinds that record none."""
        spec = KINDS[self.kind]
        if spec.entry_type is None:
            return None
        values = dict(self.fields)
        if self.kind in ("stock_lost", "stock_damaged"):
            adjust = {"site": values["site"], "item": values["item"], "lot": values["lot"],
                      "delta": -as_int(values["qty"]), "reason": values["reason"]}
            return spec.entry_type, {"action": EntryType.STOCK_ADJUST, "body": adjust, "reason": values["reason"]}
        if self.kind == "proposal":
            return spec.entry_type, {"action": values["action"], "body": json.loads(str(values["body"])),
                                     "reason": values["reason"]}
        body: dict[str, Any] = {}
        for name, value in values.items():
            if FIELD_KINDS[name] == "time":
                body[name + "_ms"] = start_ms + as_int(value)
            elif FIELD_KINDS[name] == "path":
                body[name] = [list(point) for point in as_path(value)]
            else:
                body[name] = value
        if self.kind == "road_closed":
            body["status"] = "closed"
        elif self.kind == "road_reopened":
            body["status"] = "open"
        return spec.entry_type, body


def as_int(value: FieldValue | None) -> int:
    """A qty or time field, which checking made an int."""
    if not isinstance(value, int):
        raise TypeError(f"expected a whole number, got {value!r}")
    return value


def as_path(value: FieldValue | None) -> tuple[tuple[int, int], ...]:
    if not isinstance(value, tuple):
        raise TypeError(f"expected a path, got {value!r}")
    return value


# -- checking values -----------------------------------------------------------------------------------------
_BAD_CHAR = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff\u202a-\u202e\u2066-\u2069]")


def check_text(value: object, limit: int = MAX_TEXT) -> str:
    """Text players read: 1..limit characters, not only whitespace, no control or direction characters."""
    if not isinstance(value, str) or not value.strip():
        raise ValueError("must be non-empty text")
    if len(value) > limit:
        raise ValueError(f"must be at most {limit} characters (has {len(value)})")
    bad = _BAD_CHAR.search(value)
    if bad:
        name = unicodedata.name(bad.group(), "a control character")
        raise ValueError(f"holds U+{ord(bad.group()):04X} ({name}); only tab and line feed may break text")
    return value


def check_id(value: object) -> str:
    if not isinstance(value, str) or not _ID.match(value):
        raise ValueError(f"must be an identifier: letters, digits and . _ : / - (1-64 characters), got {value!r}")
    return value


def check_int(value: object, low: int, high: int) -> int:
    if type(value) is not int:
        raise ValueError(f"must be a whole number (got {value!r})")
    if not low <= value <= high:
        raise ValueError(f"must be from {low} to {high} (got {value})")
    return value


def _no_floats(value: object, path: str) -> None:
    if isinstance(value, float):
        raise ValueError(f"holds the fraction {value!r} at {path}: the ledger holds whole numbers only")
    if isinstance(value, dict):
        for key, inner in value.items():
            _no_floats(inner, f"{path}.{key}")
    if isinstance(value, list):
        for index, inner in enumerate(value):
            _no_floats(inner, f"{path}[{index}]")


def _field_value(name: str, value: object) -> FieldValue:
    kind = FIELD_KINDS[name]
    if kind == "id":
        return check_id(value)
    if kind == "text":
        return check_text(value)
    if kind == "qty":
        return check_int(value, 1, MAX_QTY)
    if kind == "time":
        if not isinstance(value, str):
            raise ValueError(f"must be a scenario time like T+02:30 written as text (got {value!r})")
        ms = parse_time(value)
        if not 0 <= ms <= MAX_OFFSET_MS:
            raise ValueError("must be from T+00:00 to T+9999:59:59")
        return ms
    if kind == "priority":
        if value not in PRIORITIES:
            raise ValueError(f"must be one of {', '.join(PRIORITIES)} (got {value!r})")
        return str(value)
    if kind == "action":
        if value not in PERMISSIONED:
            raise ValueError(f"must be a permissioned action: {', '.join(PERMISSIONED)} (got {value!r})")
        return str(value)
    if kind == "path":
        if not isinstance(value, list) or not all(isinstance(p, list) and len(p) == 2 for p in value):
            raise ValueError("must be a list of [lat_e6, lon_e6] points")
        return tuple((check_int(p[0], -90_000_000, 90_000_000), check_int(p[1], -180_000_000, 180_000_000))
                     for p in value)
    if not isinstance(value, dict):  # object
        raise ValueError("must be an object (a TOML inline table, or JSON text in a spreadsheet)")
    _no_floats(value, name)
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def expected_from_record(record: Mapping[str, object], where: str, problems: list[Problem],
                         fields: Sequence[str] = ("id", "cell", "description", "entry_type", "by")
                         ) -> ExpectedAction | None:
    """An expected action from a TOML table or a spreadsheet row (values already typed); problems appended."""
    before = len(problems)
    for name in sorted(set(record) - set(fields)):
        problems.append(Problem(where, name, "is not a field of an expected action "
                                f"(fields: {', '.join(fields)})"))
    values: dict[str, Any] = {}
    for name, check in (("id", check_id), ("cell", check_id), ("description", check_text)):
        if name not in record:
            problems.append(Problem(where, name, "is required"))
            continue
        try:
            values[name] = check(record[name])
        except ValueError as exc:
            problems.append(Problem(where, name, str(exc)))
    try:
        by = record.get("by")
        if by is None:
            raise ValueError("is required")
        if not isinstance(by, str):
            raise ValueError(f"must be a scenario time like T+02:30 written as text (got {by!r})")
        values["by_ms"] = parse_time(by)
        if not 0 <= values["by_ms"] <= MAX_OFFSET_MS:
            raise ValueError("must be from T+00:00 to T+9999:59:59")
    except ValueError as exc:
        problems.append(Problem(where, "by", str(exc)))
    entry_type = record.get("entry_type")
    if entry_type is not None and entry_type not in ENTRY_TYPES:
        problems.append(Problem(where, "entry_type", f"must be a ledger entry type such as shipment.dispatch "
                                                     f"(docs/FORMAT.md §7), got {entry_type!r}"))
    if len(problems) > before:
        return None
    return ExpectedAction(values["id"], values["cell"], values["description"], values["by_ms"],
                          str(entry_type) if entry_type is not None else None, where)


def inject_from_record(record: Mapping[str, object], where: str, problems: list[Problem],
                       expected: Sequence[ExpectedAction] = (), reported: frozenset[str] = frozenset()
                       ) -> Inject | None:
    """An inject from a TOML table or a spreadsheet row whose cells are already typed; problems appended.

    `reported`: fields whose cell could not even be read (already reported); they count as present.
    Returns None when anything is wrong, so a caller collects every row's problems and keeps nothing.
    """
    before = len(problems)
    for name in sorted(set(record) - set(INJECT_COLUMNS)):
        problems.append(Problem(where, name, f"is not an inject field (fields: {', '.join(INJECT_COLUMNS)})"))
    for name in REQUIRED_COLUMNS:
        if name not in record:
            problems.append(Problem(where, name, "is required"))
    values: dict[str, Any] = {}

    def take(name: str, check: Any) -> None:
        if name in record:
            try:
                values[name] = check(record[name])
            except ValueError as exc:
                problems.append(Problem(where, name, str(exc)))

    take("id", check_id)
    take("content", check_text)
    take("from", check_text)
    take("at", _at)
    take("to", _targets)
    kind = record.get("kind")
    spec = KINDS.get(kind) if isinstance(kind, str) else None
    if "kind" in record and spec is None:
        problems.append(Problem(where, "kind", f"must be one of {', '.join(KINDS)} (got {kind!r})"))
    kind_fields: dict[str, FieldValue] = {}
    if spec is not None:
        present = [name for name in FIELD_KINDS if name in record]
        for name in present:
            if name in reported:
                continue
            if name not in spec.required + spec.optional:
                allowed = ", ".join(spec.required + spec.optional) or "none"
                problems.append(Problem(where, name, f"is not a field of a {kind} inject (its fields: {allowed})"))
                continue
            try:
                kind_fields[name] = _field_value(name, record[name])
            except ValueError as exc:
                problems.append(Problem(where, name, str(exc)))
        for name in spec.required:
            if name not in record:
                problems.append(Problem(where, name, f"is required for a {kind} inject"))
        if "needed_by" in kind_fields and "at" in values and as_int(kind_fields["needed_by"]) < values["at"]:
            problems.append(Problem(where, "needed_by", "must not be before the inject's own time (at)"))
    for action in expected:
        if "at" in values and action.by_ms < values["at"]:
            problems.append(Problem(action.origin or where, "by", f"expected action {action.id} is due at "
                                    f"{format_time(action.by_ms)}, before its inject is released at "
                                    f"{format_time(values['at'])}"))
    if len(problems) > before or reported:
        return None
    inject = Inject(values["id"], values["at"], values["to"], str(kind), values["content"], values.get("from"),
                    tuple(sorted(kind_fields.items())), tuple(expected), where)
    try:
        made = inject.entry(0)
        if made is not None:
            check_body(*made)
    except EntryError as exc:
        problems.append(Problem(where, "entry", f"the {spec.entry_type if spec else ''} entry it records "
                                f"would be refused: {exc}"))
        return None
    return inject


def _at(value: object) -> int:
    if not isinstance(value, str):
        raise ValueError(f"must be a scenario time like T+02:30 written as text (got {value!r})")
    ms = parse_time(value)
    if not 0 <= ms <= MAX_OFFSET_MS:
        raise ValueError("must be from T+00:00 to T+9999:59:59 (an inject cannot come before the start)")
    return ms


def _targets(value: object) -> tuple[str, ...]:
    if not isinstance(value, list) or not value:
        raise ValueError("must name at least one target cell")
    cells = tuple(check_id(v) for v in value)
    if len(set(cells)) != len(cells):
        raise ValueError("names a cell twice")
    return cells


def check_unique(injects: Sequence[Inject], problems: list[Problem]) -> None:
    """Inject ids and expected-action ids are each unique across the MSEL."""
    seen: dict[str, str] = {}
    actions: dict[str, str] = {}
    for inject in injects:
        if inject.id in seen:
            problems.append(Problem(inject.origin, "id", f"inject {inject.id} is already defined at {seen[inject.id]}"))
        seen.setdefault(inject.id, inject.origin)
        for action in inject.expected:
            if action.id in actions:
                problems.append(Problem(action.origin, "id", f"expected action {action.id} is already defined at "
                                                             f"{actions[action.id]}"))
            actions.setdefault(action.id, action.origin)


# -- spreadsheet cells ---------------------------------------------------------------------------------------
def cell_texts(inject: Inject) -> dict[str, str | int]:
    """One inject as spreadsheet cells by column (absent fields left out); qty stays a number."""
    row: dict[str, str | int] = {"id": inject.id, "at": format_time(inject.at_ms), "to": "; ".join(inject.to),
                                 "kind": inject.kind, "content": inject.content}
    if inject.sender is not None:
        row["from"] = inject.sender
    for name, value in inject.fields:
        kind = FIELD_KINDS[name]
        if kind == "time":
            row[name] = format_time(as_int(value))
        elif kind == "path":
            row[name] = "; ".join(f"{lat} {lon}" for lat, lon in as_path(value))
        else:
            row[name] = value if isinstance(value, (int, str)) else str(value)
    return row


def expected_texts(inject: Inject, action: ExpectedAction) -> dict[str, str | int]:
    row: dict[str, str | int] = {"inject": inject.id, "id": action.id, "cell": action.cell,
                                 "description": action.description, "by": format_time(action.by_ms)}
    if action.entry_type is not None:
        row["entry_type"] = action.entry_type
    return row


def typed_inject_record(cells: Mapping[str, object], where: str, problems: list[Problem]
                        ) -> tuple[dict[str, object], frozenset[str]]:
    """Spreadsheet cells -> the typed values inject_from_record reads (lists split, numbers and JSON parsed),
    and the names of the cells that could not be read (each reported here, once)."""
    record: dict[str, object] = {}
    unreadable: set[str] = set()
    for name, value in cells.items():
        try:
            record[name] = _typed(name, value)
        except ValueError as exc:
            problems.append(Problem(where, name, str(exc)))
            record[name] = value
            unreadable.add(name)
    return record, frozenset(unreadable)


def _typed(name: str, value: object) -> object:
    if name == "to":
        return [part.strip() for part in str(value).split(";") if part.strip()]
    kind = FIELD_KINDS.get(name)
    if kind == "qty":
        if isinstance(value, int):
            return value
        if isinstance(value, str) and re.fullmatch(r"[0-9]{1,13}", value.strip()):
            return int(value.strip())
        raise ValueError(f"must be a whole number (got {value!r})")
    if kind == "path":
        points: list[list[int]] = []
        for part in str(value).split(";"):
            numbers = part.split()
            if len(numbers) != 2 or not all(re.fullmatch(r"-?[0-9]{1,9}", n) for n in numbers):
                raise ValueError(f"must be points 'lat_e6 lon_e6' separated by ';' (got {part.strip()!r})")
            points.append([int(numbers[0]), int(numbers[1])])
        return points
    if kind == "object":
        try:
            parsed = json.loads(str(value))
        except json.JSONDecodeError as exc:
            raise ValueError(f"must be a JSON object: {exc.msg} at character {exc.pos + 1}") from exc
        return parsed
    if isinstance(value, int):
        return str(value)
    return value


def escape_csv_text(text: str) -> str:
    """Quote text a spreadsheet would run as a formula: a leading ' marks it as text (§7.3)."""
    return "'" + text if text.startswith(FORMULA_START) else text


def unescape_csv_text(text: str) -> str:
    return text[1:] if text.startswith("'") else text


# -- reading and writing -------------------------------------------------------------------------------------
def expected_csv_path(injects_csv: Path) -> Path:
    """The expected-actions file that goes with an MSEL CSV: `name.csv` -> `name.expected.csv`."""
    return injects_csv.with_name(injects_csv.name[: -len(".csv")] + ".expected.csv")


def read_msel(path: Path) -> tuple[Inject, ...]:
    """Read an MSEL from `path` (.csv with its .expected.csv beside it, or .xlsx); all rows or MselError."""
    injects, problems = read_msel_rows(path)
    if problems:
        raise MselError(problems)
    return injects


def read_msel_rows(path: Path) -> tuple[tuple[Inject, ...], tuple[Problem, ...]]:
    """The rows that read well and the problems of the others, for a caller that checks more before refusing
    (a scenario's cells and setting); MselError only when the file itself cannot be read."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        sheets = [(path.name, *_read_csv(path))]
        expected_path = expected_csv_path(path)
        sheets.append((expected_path.name, *_read_csv(expected_path)) if expected_path.exists()
                      else (expected_path.name, [], []))
    elif suffix == ".xlsx":
        sheets = _read_xlsx(path)
    else:
        raise MselError([Problem(str(path), "", "an MSEL is a .csv or an .xlsx file")])
    return injects_from_tables(sheets[0], sheets[1])


Rows = list[tuple[int, dict[str, object]]]   # [(row number, {column: value})], empty cells left out
Table = tuple[str, list[str], Rows]          # (label for messages, header names, rows)


def injects_from_tables(injects: Table, expected: Table) -> tuple[tuple[Inject, ...], tuple[Problem, ...]]:
    """Build and check every inject from spreadsheet rows: the good ones, and a problem per bad cell."""
    problems: list[Problem] = []
    label, header, rows = injects
    expected_label, expected_header, expected_rows = expected
    _check_columns(label, header, rows, INJECT_COLUMNS, REQUIRED_COLUMNS, problems)
    _check_columns(expected_label, expected_header, expected_rows, EXPECTED_COLUMNS,
                   ("inject", "id", "cell", "description", "by"), problems)
    if problems:     # a wrong header would make every row wrong: it is reported alone
        return (), tuple(problems)
    by_inject: dict[str, list[ExpectedAction]] = {}
    for number, cells in expected_rows:
        where = f"{expected_label} row {number}"
        record = {k: v for k, v in cells.items() if k in EXPECTED_COLUMNS}
        owner = record.pop("inject", None)
        action = expected_from_record(record, where, problems)
        if action is not None:
            by_inject.setdefault(str(owner), []).append(action)
    made: list[Inject] = []
    for number, cells in rows:
        where = f"{label} row {number}"
        record, unreadable = typed_inject_record({k: v for k, v in cells.items() if k in INJECT_COLUMNS}, where,
                                                 problems)
        ident = record.get("id")
        inject = inject_from_record(record, where, problems, by_inject.pop(str(ident), []) if ident else [],
                                    unreadable)
        if inject is not None:
            made.append(inject)
    for owner, actions in by_inject.items():
        for action in actions:
            problems.append(Problem(action.origin, "inject", f"names inject {owner!r}, which the MSEL does not hold"))
    check_unique(made, problems)
    return tuple(made), tuple(problems)


def _check_columns(label: str, header: list[str], rows: Rows, known: Sequence[str], required: Sequence[str],
                   problems: list[Problem]) -> None:
    """Every column named is known, and the required ones are there (when the table has rows)."""
    columns = {n for n in header if n}.union(*(cells.keys() for _n, cells in rows))
    for name in sorted(columns - set(known)):
        problems.append(Problem(f"{label} row 1", name, f"is not an MSEL column (columns: {', '.join(known)})"))
    if rows:
        for name in required:
            if name not in header:
                problems.append(Problem(f"{label} row 1", name, "is a required column and the header lacks it"))


def _header(label: str, header: Sequence[object]) -> list[str]:
    names = [str(h).strip() if h is not None else "" for h in header]
    seen = [n for n in names if n]
    if len(set(seen)) != len(seen):
        raise MselError([Problem(f"{label} row 1", "", "the header row names a column twice")])
    return names


def _read_csv(path: Path) -> tuple[list[str], Rows]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise MselError([Problem(str(path), "", f"cannot be read as UTF-8 text: {exc}")]) from exc
    rows = list(csv.reader(io.StringIO(text, newline="")))
    if not rows:
        return [], []
    names = _header(path.name, rows[0])
    out: list[tuple[int, dict[str, object]]] = []
    for number, row in enumerate(rows[1:], start=2):
        cells: dict[str, object] = {}
        for index, raw in enumerate(row):
            if raw == "":
                continue
            name = names[index] if index < len(names) and names[index] else f"column {index + 1}"
            cells[name] = unescape_csv_text(raw.replace("\r\n", "\n"))
        if cells:
            out.append((number, cells))
    return names, out


def _read_xlsx(path: Path) -> list[Table]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=False)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a file that is not a workbook
        raise MselError([Problem(str(path), "", f"is not a readable XLSX workbook ({type(exc).__name__})")]) from exc
    try:
        tables: list[Table] = []
        problems: list[Problem] = []
        for sheet_name in (INJECT_SHEET, EXPECTED_SHEET):
            label = f"{path.name} sheet {sheet_name}"
            if sheet_name not in book.sheetnames:
                if sheet_name == EXPECTED_SHEET:
                    tables.append((label, [], []))
                    continue
                raise MselError([Problem(str(path), "", f"has no sheet named {INJECT_SHEET!r}")])
            rows = list(book[sheet_name].iter_rows())
            out: list[tuple[int, dict[str, object]]] = []
            names = _header(label, [c.value for c in rows[0]]) if rows else []
            for number, row in enumerate(rows[1:], start=2):
                cells: dict[str, object] = {}
                for index, cell in enumerate(row):
                    value = cell.value
                    if value is None or value == "":
                        continue
                    name = names[index] if index < len(names) and names[index] else f"column {index + 1}"
                    where = f"{label} row {number}"
                    if cell.data_type == "f":
                        problems.append(Problem(where, name, "holds a formula; write the value itself "
                                                             "(formulas are not evaluated)"))
                    elif isinstance(value, (datetime, date, time)):
                        problems.append(Problem(where, name, "holds a date or time value; write scenario "
                                                             "times as text like T+02:30"))
                    elif isinstance(value, float):
                        if value.is_integer() and abs(value) < 2**53:
                            cells[name] = int(value)
                        else:
                            problems.append(Problem(where, name, f"holds the fraction {value!r}; the ledger "
                                                                 "holds whole numbers only"))
                    elif isinstance(value, str):
                        cells[name] = value.replace("\r\n", "\n")
                    else:
                        cells[name] = value
                if cells:
                    out.append((number, cells))
            tables.append((label, names, out))
        if problems:
            raise MselError(problems)
        return tables
    finally:
        book.close()


def msel_tables(injects: Iterable[Inject]) -> tuple[list[dict[str, str | int]], list[dict[str, str | int]]]:
    """The inject rows and the expected-action rows, in MSEL order."""
    inject_rows: list[dict[str, str | int]] = []
    expected_rows: list[dict[str, str | int]] = []
    for inject in injects:
        inject_rows.append(cell_texts(inject))
        expected_rows.extend(expected_texts(inject, action) for action in inject.expected)
    return inject_rows, expected_rows


def write_msel(injects: Sequence[Inject], path: Path) -> list[Path]:
    """Write the MSEL as .csv (plus .expected.csv) or .xlsx; returns the files written."""
    path = Path(path)
    inject_rows, expected_rows = msel_tables(injects)
    if path.suffix.lower() == ".csv":
        expected_path = expected_csv_path(path)
        path.write_text(_csv_text(INJECT_COLUMNS, inject_rows), encoding="utf-8", newline="")
        expected_path.write_text(_csv_text(EXPECTED_COLUMNS, expected_rows), encoding="utf-8", newline="")
        return [path, expected_path]
    if path.suffix.lower() == ".xlsx":
        _write_xlsx(path, [(INJECT_SHEET, INJECT_COLUMNS, inject_rows),
                           (EXPECTED_SHEET, EXPECTED_COLUMNS, expected_rows)])
        return [path]
    raise MselError([Problem(str(path), "", "an MSEL is written as a .csv or an .xlsx file")])


def _csv_text(columns: Sequence[str], rows: Sequence[Mapping[str, str | int]]) -> str:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_csv_cell(row.get(name)) for name in columns])
    return out.getvalue()


def _csv_cell(value: str | int | None) -> str:
    if value is None:
        return ""
    if isinstance(value, int):
        return str(value)
    return escape_csv_text(value)


def _write_xlsx(path: Path, sheets: Sequence[tuple[str, Sequence[str], Sequence[Mapping[str, str | int]]]]) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    for title, columns, rows in sheets:
        sheet = book.create_sheet(title)
        sheet.append(list(columns))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for number, row in enumerate(rows, start=2):
            for index, name in enumerate(columns, start=1):
                value = row.get(name)
                if value is None:
                    continue
                cell = sheet.cell(row=number, column=index)
                cell.value = value
                if isinstance(value, str):
                    cell.data_type = "s"       # text, never a formula, whatever it starts with (§7.3)
                    cell.quotePrefix = True    # and shown by the spreadsheet as typed text
        sheet.freeze_panes = "A2"
    book.save(path)


__all__ = ["EXPECTED_COLUMNS", "INJECT_COLUMNS", "KINDS", "ExpectedAction", "Inject", "MselError", "Problem",
           "format_time", "inject_from_record", "parse_time", "read_msel", "read_msel_rows", "write_msel"]
