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
from datetime import UTC, datetime
from pathlib import Path

from app.cli.common import CliError, say
from app.core.types import EntryType
from app.exercise.founding import Founded
from app.exercise.msel import KINDS, Inject, MselError, format_time, write_msel
from app.exercise.scenario import Scenario, ScenarioError, dump_scenario, import_msel, load_scenario
from app.paths import default_data_dir

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
    return int(moment.timestamp() * 1000)


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


__all__ = ["register", "summary"]
