"""`relief-ledger exercise ...`: tabletop exercises on the real tool (issue #15).

One command group with nested subcommands so that `new`, `start`, `rehearse`, `report`... fit beside
these: `exercise scenario check FILE` checks a scenario file and summarises it; `exercise msel export`
and `exercise msel import` move a scenario's MSEL to and from the spreadsheets trainers keep it in
(docs/SCENARIOS.md). Exit 0 when done, 2 with every problem listed when the input is refused.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.cli.common import INTEGER, CliError, network_title, say
from app.core.exercise import CLOCK_KEY, CLOCK_TABLE, INJECTS_TABLE, clock_after, inject_problem, scenario_time
from app.core.schema import MAX_SCENARIO_MS, MAX_SPEED, MIN_SPEED
from app.core.types import EntryType
from app.exercise.founding import Founded
from app.exercise.msel import KINDS, Inject, MselError, format_time, parse_time, write_msel
from app.exercise.scenario import Scenario, ScenarioError, dump_scenario, import_msel, load_scenario
from app.paths import default_data_dir

if TYPE_CHECKING:
    from app.node import Node

Add = Callable[..., argparse.ArgumentParser]


def _refused(exc: ScenarioError | MselError) -> int:
    """Every problem on its own line on stderr; the command exits 2 and has written nothing."""
    lines = str(exc).splitlines()
    say(f"relief-ledger: {lines[0]}", file=sys.stderr)
    for line in lines[1:]:
        say(line, file=sys.stderr)
    return 2


def _load(path: str) -> Scenario:
    if not Path(path).is_file():
        raise CliError(f"{path}: no such scenario file")
    return load_scenario(Path(path))


def summary(scenario: Scenario) -> list[str]:
    """What a trainer checks at a glance: title, cells, injects by kind, the time span."""
    start = datetime.fromtimestamp(scenario.clock.start_ms // 1000, UTC).strftime("%Y-%m-%d %H:%M UTC")
    first, last = scenario.span_ms()
    lines = [f"{scenario.title}",
             f"  format {scenario.format}; starts {start}; default speed x{scenario.clock.speed}"
             + (f"; ends {format_time(scenario.clock.end_ms)}" if scenario.clock.end_ms is not None else ""),
             "  setting: " + ("from a live replica's picture, chosen at `exercise new`"
                              if scenario.setting.from_snapshot else _setting_line(scenario)),
             f"  objectives: {len(scenario.objectives)}",
             f"  cells: {len(scenario.cells)}"]
    for cell in scenario.cells:
        lines.append(f"    {cell.kind:<10} {cell.id:<14} {cell.name} ({', '.join(cell.roles)})")
    expected = sum(len(i.expected) for i in scenario.injects)
    lines.append(f"  injects: {len(scenario.injects)}, expected actions: {expected}"
                 + (f" (MSEL in {scenario.msel})" if scenario.msel else ""))
    counts = Counter(i.kind for i in scenario.injects)
    for kind in KINDS:
        if counts[kind]:
            lines.append(f"    {kind:<20} {counts[kind]:>4}")
    lines.append(f"  time span: {format_time(first)} to {format_time(last)}")
    return lines


def _setting_line(scenario: Scenario) -> str:
    counts = Counter(kind for kind, _body in scenario.setting.records)
    names = {EntryType.SITE_DEFINE: "sites", EntryType.ITEM_DEFINE: "items", EntryType.STOCK_RECEIVE: "stock lots",
             EntryType.REQUEST_OPEN: "open requests", EntryType.ROAD_STATUS: "roads"}
    return "inline, " + ", ".join(f"{counts[k]} {v}" for k, v in names.items())


def cmd_scenario_check(args: argparse.Namespace) -> int:
    try:
        scenario = _load(args.file)
    except ScenarioError as exc:
        return _refused(exc)
    for line in summary(scenario):
        say(line)
    return 0


def cmd_msel_export(args: argparse.Namespace) -> int:
    """Write the scenario's MSEL as a spreadsheet (CSV pair or XLSX workbook)."""
    out = Path(args.out)
    if out.suffix.lower() not in (".csv", ".xlsx"):
        raise CliError(f"{out}: write the MSEL to a .csv or an .xlsx file")
    try:
        scenario = _load(args.scenario)
    except ScenarioError as exc:
        return _refused(exc)
    written = _write_atomically(scenario.injects, out)
    say(f"{len(scenario.injects)} inject(s) written to {', '.join(str(p) for p in written)}")
    return 0


def cmd_msel_import(args: argparse.Namespace) -> int:
    """Replace the scenario's MSEL by a spreadsheet's, all rows or none."""
    source = Path(args.file)
    if not source.is_file():
        raise CliError(f"{source}: no such file")
    try:
        scenario = _load(args.scenario)
        if args.out:
            target = Path(args.out)
            if target.suffix.lower() != ".toml":
                raise CliError(f"{target}: the new scenario is a .toml file")
            msel_name = f"{target.stem}-msel.csv"
            updated = import_msel(scenario, source, msel_name)
            _write_atomically(updated.injects, target.parent / msel_name)
            _replace_text(target, dump_scenario(updated))
            say(f"{len(updated.injects)} inject(s) imported from {source}; new scenario {target} with its MSEL in "
                f"{target.parent / msel_name}")
            return 0
        if scenario.msel is None:
            raise CliError(f"{args.scenario} holds its MSEL inline; give --out NEW_SCENARIO.toml to write a new "
                           "scenario whose MSEL is the imported one (the hand-written file is left as it is)")
        updated = import_msel(scenario, source, scenario.msel)
        target_msel = Path(args.scenario).parent / scenario.msel
        written = _write_atomically(updated.injects, target_msel)
    except (ScenarioError, MselError) as exc:
        return _refused(exc)
    say(f"{len(updated.injects)} inject(s) imported from {source} into {', '.join(str(p) for p in written)}")
    return 0


def _write_atomically(injects: Sequence[Inject], target: Path) -> list[Path]:
    """Write the MSEL file(s) beside the target first, then move each into place: never a half-written file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".msel-") as scratch:
        written = write_msel(injects, Path(scratch) / target.name)
        final = [target.parent / path.name for path in written]
        for path, destination in zip(written, final, strict=True):
            os.replace(path, destination)
    return final


def _replace_text(target: Path, text: str) -> None:
    scratch = target.with_name(f".{target.name}.tmp")
    scratch.write_text(text, encoding="utf-8")
    os.replace(scratch, target)


def cmd_exercise(args: argparse.Namespace) -> int:
    """`exercise` alone: say which subcommands there are."""
    args.exercise_parser.print_help(sys.stderr)
    return 2


EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _instant_ms(text: str | None, what: str) -> int | None:
    """An ISO-8601 instant (UTC when no offset is given) as epoch milliseconds."""
    if text is None:
        return None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError as exc:
        raise CliError(f"{what}: {text!r} is not an ISO-8601 time such as 2026-03-14T06:00Z") from exc
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return (moment - EPOCH) // timedelta(milliseconds=1)   # exact: no float on the way to a window bound


def cmd_measures(args: argparse.Namespace) -> int:
    """The exercise measures of docs/EVALUATION.md over this replica's ledger (or a window of it)."""
    from app.cli.common import open_node
    from app.exercise.measures import MeasureError, measure_all
    from app.exercise.measures import summary as measures_summary

    node = open_node(args)
    try:
        entries = list(node.entries_in_order())
        equivocators = node.read(lambda state: dict(state.equivocators))
    finally:
        node.close()
    try:
        measures = measure_all(entries, _instant_ms(args.from_, "--from"), _instant_ms(args.until, "--until"),
                               equivocators)
    except MeasureError as exc:
        raise CliError(str(exc)) from exc
    print(measures.to_json() if args.json else measures_summary(measures))
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    """Found an exercise network from a scenario; refuse with one sentence and write nothing otherwise."""
    from app.cli.common import PASSPHRASE_ENV
    from app.exercise.founding import FoundingError, check_target, found_exercise, read_picture

    if (args.at or args.entry) and not args.from_replica:
        raise CliError("--at and --entry choose a moment of the replica named by --from-replica; give it too")
    if args.at and args.entry:
        raise CliError("give --at or --entry, not both")
    data = Path(args.data)
    try:
        scenario = _load(args.scenario)
        check_target(data)
        picture = None
        if args.from_replica:
            picture = read_picture(Path(args.from_replica), scenario.clock.start_ms,
                                   at_ms=_instant_ms(args.at, "--at"), entry=args.entry)
        passphrase = None
        if args.passphrase_file:
            try:
                passphrase = Path(args.passphrase_file).read_text(encoding="utf-8").rstrip("\r\n")
            except OSError as exc:
                raise CliError(f"cannot read the passphrase file: {exc.strerror or exc}") from exc
            if not passphrase:
                raise CliError(f"{args.passphrase_file} is empty: an empty passphrase is not allowed")
        else:
            passphrase = os.environ.get(PASSPHRASE_ENV) or None
        founded = found_exercise(scenario, data, passphrase, picture)
    except ScenarioError as exc:
        return _refused(exc)
    except FoundingError as exc:
        raise CliError(str(exc)) from exc
    for line in founded_summary(founded):
        say(line)
    return 0


# -- exercise control: the clock, inject releases, acknowledgements (docs/FORMAT.md §9.5) ------------------------
def _control_node(args: argparse.Namespace) -> Node:
    """The replica, unlocked to sign as this member (through the running node when one holds it)."""
    from app.cli.common import open_node

    node = open_node(args, unlock=True)
    if not node.is_exercise:
        node.close()
        raise CliError(f"{network_title(node.network)} is a live network: the exercise clock, injects and "
                       "acknowledgements exist only in an exercise network (exercise_only)")
    return node


def now_ms() -> int:
    """This machine's clock: only to judge an action before signing it and to show the time now."""
    from app.store.replica_store import now_ms as store_now

    return store_now()


def _scenario_ms(text: str, what: str) -> int:
    try:
        value = parse_time(text)
    except ValueError as exc:
        raise CliError(f"{what}: {exc}") from None
    if not 0 <= value <= MAX_SCENARIO_MS:
        raise CliError(f"{what}: {text} lies outside the scenario (T+00:00 to T+{MAX_SCENARIO_MS // 3_600_000}:00)")
    return value


def _speed(text: str) -> int:
    """An argparse type: a whole speed from x1 to x60."""
    if not INTEGER.fullmatch(text) or not MIN_SPEED <= int(text) <= MAX_SPEED:
        raise argparse.ArgumentTypeError(f"{text!r} is not a speed from {MIN_SPEED} to {MAX_SPEED}")
    return int(text)


def _record_clock(args: argparse.Namespace, body: dict[str, Any]) -> int:
    """Sign one clock action, after checking it would take effect now (else nothing is recorded)."""
    node = _control_node(args)
    try:
        row = node.read(lambda state: state.get(CLOCK_TABLE, CLOCK_KEY))
        after, problem = clock_after(row, body, now_ms(), "")
        if after is None:
            raise CliError(f"nothing recorded: {problem}")
        entry = node.append(EntryType.EXERCISE_CLOCK, body)
        clock = node.read(lambda state: state.get(CLOCK_TABLE, CLOCK_KEY))
    finally:
        node.close()
    say(f"recorded exercise.clock {body['action']} as seq {entry.seq}, entry {entry.hash}")
    if clock is not None:
        say(_clock_line(clock, now_ms()))
    return 0


def _clock_line(clock: dict, at_ms: int) -> str:
    return (f"exercise clock: {clock['status']} x{clock['speed']}, exercise time "
            f"{format_time(scenario_time(clock, at_ms))}")


def cmd_clock_start(args: argparse.Namespace) -> int:
    return _record_clock(args, {"action": "start", "scenario_ms": _scenario_ms(args.at, "--at"),
                                "speed": args.speed})


def cmd_clock_pause(args: argparse.Namespace) -> int:
    return _record_clock(args, {"action": "pause"})


def cmd_clock_resume(args: argparse.Namespace) -> int:
    return _record_clock(args, {"action": "resume"})


def cmd_clock_jump(args: argparse.Namespace) -> int:
    return _record_clock(args, {"action": "jump", "scenario_ms": _scenario_ms(args.time, "jump")})


def cmd_clock_speed(args: argparse.Namespace) -> int:
    return _record_clock(args, {"action": "speed", "speed": args.speed})


def release_body(inject: Inject) -> dict[str, Any]:
    """The exercise.inject body of an MSEL inject: what players see, the cells, the time it was due."""
    body: dict[str, Any] = {"inject": inject.id, "cells": list(inject.to), "kind": inject.kind,
                            "content": inject.content, "due_ms": inject.at_ms}
    for name, plural in (("site", "sites"), ("item", "items")):
        value = inject.get(name)
        if isinstance(value, str):
            body[plural] = [value]
    return body


def cmd_inject(args: argparse.Namespace) -> int:
    """Release one inject of the scenario: the entry its kind stands for (if any), then exercise.inject."""
    try:
        scenario = _load(args.scenario)
    except ScenarioError as exc:
        return _refused(exc)
    inject = next((i for i in scenario.injects if i.id == args.id), None)
    if inject is None:
        raise CliError(f"{args.scenario} has no inject {args.id!r}")
    items: list[tuple[str, dict[str, Any]]] = []
    recorded = inject.entry(scenario.clock.start_ms)
    if recorded is not None:
        items.append(recorded)
    items.append((EntryType.EXERCISE_INJECT, release_body(inject)))
    node = _control_node(args)
    try:
        problem = node.read(lambda state: inject_problem(state, inject.id))
        if problem is not None:
            raise CliError(f"nothing recorded: {problem}")
        entries = node.append_many(items)
        row = node.read(lambda state: state.get(INJECTS_TABLE, inject.id))
    finally:
        node.close()
    for entry in entries:
        say(f"recorded {entry.type} as seq {entry.seq}, entry {entry.hash}")
    if row is not None:
        say(f"inject {inject.id} released at {format_time(row['released_scenario_ms'])} (due "
            f"{format_time(row['due_ms'])}) to {', '.join(row['cells'])}")
    return 0


def cmd_ack(args: argparse.Namespace) -> int:
    """Acknowledge a released inject for a cell: one signed entry naming the release."""
    node = _control_node(args)
    try:
        row = node.read(lambda state: state.get(INJECTS_TABLE, args.id))
        if row is None:
            raise CliError(f"nothing recorded: inject {args.id} has not been released (on this replica yet)")
        cell = args.cell
        if cell is None:
            if len(row["cells"]) != 1:
                raise CliError(f"inject {args.id} went to {', '.join(row['cells'])}: say which with --cell")
            cell = row["cells"][0]
        if cell not in row["cells"]:
            raise CliError(f"nothing recorded: inject {args.id} was not sent to cell {cell} "
                           f"(only {', '.join(row['cells'])})")
        if cell in row["acks"]:
            raise CliError(f"nothing recorded: cell {cell} already acknowledged inject {args.id} at "
                           f"{format_time(row['acks'][cell]['ack_scenario_ms'])}")
        entry = node.append(EntryType.EXERCISE_ACK, {"inject": args.id, "release": row["entry"], "cell": cell})
        ack = node.read(lambda state: (state.get(INJECTS_TABLE, args.id) or {"acks": {}})["acks"].get(cell))
    finally:
        node.close()
    say(f"recorded exercise.ack as seq {entry.seq}, entry {entry.hash}")
    if ack is not None and ack["entry"] == entry.hash:
        say(f"inject {args.id} acknowledged for cell {cell} at {format_time(ack['ack_scenario_ms'])}")
    return 0


def status_lines(clock: dict | None, injects: dict[str, dict], at_ms: int) -> list[str]:
    """The clock and, per released inject, when it was released and when each cell acknowledged it."""
    lines = [_clock_line(clock, at_ms) if clock is not None else "exercise clock: not started"]
    acknowledged = sum(1 for row in injects.values() for cell in row["cells"] if cell in row["acks"])
    expected = sum(len(row["cells"]) for row in injects.values())
    lines.append(f"injects released: {len(injects)}, acknowledged by {acknowledged} of {expected} target cell(s)")
    for row in sorted(injects.values(), key=lambda r: (r["released_scenario_ms"], r["inject"])):
        lines.append(f"  {row['inject']:<12} released {format_time(row['released_scenario_ms'])} "
                     f"(due {format_time(row['due_ms'])}) {row['kind']}")
        for cell in row["cells"]:
            ack = row["acks"].get(cell)
            lines.append(f"    {cell:<20} " + (f"acknowledged {format_time(ack['ack_scenario_ms'])}"
                                                if ack else "not acknowledged"))
    return lines


def cmd_status(args: argparse.Namespace) -> int:
    from app.cli.common import mark_exercise, open_node

    node = open_node(args)
    try:
        if not node.is_exercise:
            raise CliError(f"{network_title(node.network)} is a live network: it has no exercise clock")
        mark_exercise(node)
        clock, injects = node.read(lambda state: (state.get(CLOCK_TABLE, CLOCK_KEY),
                                                  dict(state.tables[INJECTS_TABLE])))
    finally:
        node.close()
    for line in status_lines(clock, injects, now_ms()):
        say(line)
    return 0


def founded_summary(founded: Founded) -> list[str]:
    """What the trainer needs next: the network, each cell's key, and how each machine gets its replica."""
    data = founded.data_dir
    lines = [f"Exercise network '{founded.network_name}' founded in {data} (an exercise network: nothing in it is "
             "a real movement)",
             f"  network id   {founded.network_id}",
             f"  entries      {founded.entries} (genesis and {founded.setting_entries} setting entries, signed by "
             "exercise control at T+00:00)"]
    picture = founded.picture
    if picture is not None:
        at = datetime.fromtimestamp(picture.instant_ms // 1000, UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
        lines.append(f"  setting      the picture of '{picture.network_name}' ({picture.network_kind} network "
                     f"{picture.network_id[:12]}…) through its entry {picture.through[:12]}… "
                     f"({picture.entries} entries, as of {at}); that replica was only read")
    lines.append("  cells and their exercise keys:")
    for key in founded.keys:
        lines.append(f"    {key.cell.kind:<10} {key.cell.id:<14} {key.fingerprint}  {key.path}  "
                     f"({', '.join(key.roles)})")
    if founded.passphrase_generated is not None:
        lines.append(f"  passphrase   {founded.passphrase_generated}   (of every key above; shown only this once)")
    else:
        lines.append("  passphrase   the one you gave, for every key above")
    lines += ["Open it as exercise control:",
              f"  relief-ledger gui --data {data}",
              f"  relief-ledger node --data {data} --kind exercise",
              "On each cell's machine (CELL = the cell id; the bundle carries the network to it):",
              f"  relief-ledger bundle export exercise.bundle --data {data}",
              f"  mkdir CELL-DIR && cp {data / 'exercise-keys'}/CELL.key CELL-DIR/identity.key",
              "  relief-ledger bundle import exercise.bundle --data CELL-DIR",
              "  relief-ledger gui --data CELL-DIR      (or: relief-ledger node --data CELL-DIR --kind exercise)"]
    return lines
def register_control(groups: Any) -> None:
    """start, pause, resume, jump, speed, inject, ack, status: each on this replica (or its running node)."""
    def command(name: str, handler: Callable[[argparse.Namespace], int], text: str,
                signs: bool = True) -> argparse.ArgumentParser:
        p: argparse.ArgumentParser = groups.add_parser(name, help=text, description=text)
        p.add_argument("--data", default=str(default_data_dir()), help="replica data directory")
        p.add_argument("--passphrase-file", help="read the passphrase from this file")
        if signs:
            p.add_argument("--key", help="sign with this member key file instead of the node's own key")
        p.set_defaults(handler=handler)
        return p

    p = command("start", cmd_clock_start, "start the exercise clock (exercise control, once per exercise)")
    p.add_argument("--speed", type=_speed, default=1, help="scenario seconds per real second, 1 to 60 (default 1)")
    p.add_argument("--at", default="T+00:00", metavar="T+HH:MM", help="the scenario time to start at (default T+00:00)")
    command("pause", cmd_clock_pause, "pause the exercise clock")
    command("resume", cmd_clock_resume, "resume the exercise clock where it was paused")
    p = command("jump", cmd_clock_jump, "move the exercise clock forward to a scenario time")
    p.add_argument("time", metavar="T+HH:MM", help="the scenario time to jump to (never backwards)")
    p = command("speed", cmd_clock_speed, "change the exercise clock's speed")
    p.add_argument("speed", type=_speed, help="1 to 60")
    p = command("inject", cmd_inject, "release an inject of the scenario to its cells (and record the entry its "
                                      "kind stands for)")
    p.add_argument("id", help="the inject id in the MSEL")
    p.add_argument("--scenario", required=True, help="the scenario .toml file")
    p = command("ack", cmd_ack, "acknowledge a released inject for your cell")
    p.add_argument("id", help="the inject id")
    p.add_argument("--cell", help="the cell acknowledging (needed when the inject went to several)")
    command("status", cmd_status, "the exercise clock and the injects released and acknowledged per cell",
            signs=False)


def register(add: Add) -> None:
    p = add("exercise", cmd_exercise, "tabletop exercises: scenario files and their MSEL (docs/SCENARIOS.md)",
            data_required=False)
    p.set_defaults(exercise_parser=p)
    groups = p.add_subparsers(dest="exercise_command", metavar="SUBCOMMAND")
    scenario = groups.add_parser("scenario", help="scenario files", description="scenario files")
    scenario.set_defaults(handler=cmd_exercise, exercise_parser=scenario)
    scenario_sub = scenario.add_subparsers(dest="scenario_command", metavar="ACTION")
    check = scenario_sub.add_parser("check", help="check a scenario and summarise it (exit 2 listing every problem)",
                                    description="check a scenario file and the MSEL it names; print a summary, or "
                                                "every problem and exit 2")
    check.add_argument("file", help="the scenario .toml file")
    check.set_defaults(handler=cmd_scenario_check)
    msel = groups.add_parser("msel", help="the MSEL in spreadsheets (CSV, XLSX)",
                             description="the MSEL to and from spreadsheets")
    msel.set_defaults(handler=cmd_exercise, exercise_parser=msel)
    msel_sub = msel.add_subparsers(dest="msel_command", metavar="ACTION")
    export = msel_sub.add_parser("export", help="write a scenario's MSEL to OUT.csv (+ OUT.expected.csv) or OUT.xlsx",
                                 description="write a scenario's MSEL as a spreadsheet: OUT.csv with the expected "
                                             "actions in OUT.expected.csv, or OUT.xlsx with two sheets")
    export.add_argument("scenario", help="the scenario .toml file")
    export.add_argument("out", help="OUT.csv or OUT.xlsx")
    export.set_defaults(handler=cmd_msel_export)
    imp = msel_sub.add_parser("import", help="replace a scenario's MSEL by a spreadsheet's (all rows or none)",
                              description="read an MSEL spreadsheet, check every row against the scenario, and "
                                          "write it as the MSEL file the scenario names (or a new scenario with "
                                          "--out); on any bad row, list every problem and write nothing")
    imp.add_argument("scenario", help="the scenario .toml file")
    imp.add_argument("file", help="IN.csv (with IN.expected.csv beside it, if any) or IN.xlsx")
    imp.add_argument("--out", help="write a new scenario NEW.toml with its MSEL in NEW-msel.csv instead")
    imp.set_defaults(handler=cmd_msel_import)
    measures = groups.add_parser("measures", help="exercise measures from the ledger alone (docs/EVALUATION.md)",
                                 description="request fill times and on-time rates by priority, unmet need, "
                                             "stock-outs, approval latency and conflicts, computed from this "
                                             "replica's entries alone (the same figures on every replica)")
    measures.add_argument("--data", default=str(default_data_dir()), help="replica data directory")
    measures.add_argument("--from", dest="from_", metavar="TIME", help="window start, ISO-8601 (default: genesis)")
    measures.add_argument("--until", metavar="TIME", help="window end, ISO-8601 (default: the last entry)")
    measures.add_argument("--json", action="store_true", help="canonical JSON (compare digests across replicas)")
    measures.set_defaults(handler=cmd_measures)
    new = groups.add_parser("new", help="found an exercise network from a scenario (docs/SCENARIOS.md §13)",
                            description="found an exercise network in DIR from a scenario: exercise control's "
                                        "key is DIR's identity.key, every other cell gets a new exercise key in "
                                        "DIR/exercise-keys/, and the setting (inline, or a replica's picture) "
                                        "becomes the first entries; on any problem, say it, exit 2, write nothing")
    new.add_argument("scenario", help="the scenario .toml file")
    new.add_argument("--data", required=True, help="the new exercise replica's directory (absent or empty)")
    new.add_argument("--from-replica", metavar="LIVE_DIR",
                     help="copy the setting from this replica's picture (opened read-only)")
    new.add_argument("--at", metavar="ISO_TIME", help="the picture as of this instant (UTC unless an offset is given)")
    new.add_argument("--entry", metavar="HASH", help="the picture through this entry (8 or more hex digits)")
    new.add_argument("--passphrase-file", help="read the passphrase of the new keys from this file (default: "
                                               "$RELIEF_LEDGER_PASSPHRASE, else one is generated and printed once)")
    new.set_defaults(handler=cmd_new)
    register_control(groups)


__all__ = ["register", "release_body", "status_lines", "summary"]
