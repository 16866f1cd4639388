"""What every command of the `relief-ledger` CLI shares: its errors, its one way to print a line,
the passphrase, opening the replica (beside a running node too) and reading values typed on the
command line. The command modules import it; it imports none of them.
"""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import os
import re
import sys
from pathlib import Path
from typing import Any

from app.core.display import printable
from app.core.entry import Entry
from app.core.identity import Identity, KeyFileError, load_key_file
from app.errors import ReliefLedgerError
from app.net.control import ControlError, request_append
from app.node import Node, NodeError
from app.paths import CONTROL_NAME, KEY_NAME

PASSPHRASE_ENV = "RELIEF_LEDGER_PASSPHRASE"
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")
log = logging.getLogger(__name__)


class CliError(ReliefLedgerError):
    """A message for the operator; the command exits with status 2."""

    code = "command_refused"


def say(line: object = "", *, file: Any = None, flush: bool = False) -> None:
    """Print one line of output: names, sources, reasons and notes in it come from other members or
    peers, so controls, bidi overrides and line breaks in it are shown escaped (app/core/display.py)."""
    print(printable(line), file=file, flush=flush)


class NetworkCliError(ReliefLedgerError):
    """An operator-facing message (the main CLI turns it into exit status 2)."""

    code = "network_command_refused"


def read_passphrase(args: argparse.Namespace, confirm: bool = False, prompt: str = "Passphrase: ") -> str:
    """From --passphrase-file, the RELIEF_LEDGER_PASSPHRASE variable, or the terminal."""
    if getattr(args, "passphrase_file", None):
        try:
            return Path(args.passphrase_file).read_text(encoding="utf-8").rstrip("\r\n")
        except OSError as exc:
            raise CliError(f"cannot read the passphrase file: {exc}") from exc
    if os.environ.get(PASSPHRASE_ENV):
        return os.environ[PASSPHRASE_ENV]
    if not sys.stdin.isatty():
        raise CliError(f"a passphrase is needed: use --passphrase-file or set {PASSPHRASE_ENV}")
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Repeat passphrase: ") != first:
        raise CliError("the two passphrases differ")
    if not first:
        raise CliError("an empty passphrase is not allowed")
    return first


EXERCISE_NOTE = "a training network: nothing in it is a real movement"


def network_title(network: dict) -> str:
    """How every command names a replica's network: an exercise always in capitals, so no printout, log or
    terminal of an exercise can be taken for live operations."""
    name = network.get("name", "")
    return f"EXERCISE network {name!r}" if network.get("kind") == "exercise" else f"live network {name!r}"


def mark_exercise(node: Node) -> None:
    """The first line of a listing an operator reads (log, trace, proposals, runs, verify) when the replica is an
    exercise. Machine formats (--json, --hashes, --digest) print nothing but their data, and a refusal stays one
    sentence on stderr, so the commands call this only for their readable output."""
    if node.has_network and node.is_exercise:
        say(f"{network_title(node.network)} — {EXERCISE_NOTE}")


def open_node(args: argparse.Namespace, unlock: bool = False) -> Node:
    identity = None
    if unlock:
        passphrase = read_passphrase(args)
        key_file = Path(args.key) if getattr(args, "key", None) else Path(args.data) / KEY_NAME
        try:
            identity = load_key_file(key_file, passphrase)
        except KeyFileError as exc:
            raise CliError(str(exc)) from exc
    try:
        return Node.open(Path(args.data), identity=identity, shared=not unlock)
    except NodeError:
        if not unlock or not (Path(args.data) / CONTROL_NAME).exists() or identity is None:
            raise
        return open_beside_running_node(Path(args.data), identity, bool(getattr(args, "key", None)))


class ForwardingNode(Node):
    """The replica as seen beside the node process that holds it: reads from the database, records
    through that process (control.py), which signs with the same key the operator just unlocked."""

    def append_many(self, items: list[tuple[str, dict]]) -> list[Entry]:
        if self.data_dir is None:  # open_node always opens from a directory; a bare store has no process beside it
            raise NetworkCliError("this replica has no data directory, so no running node to record through")
        try:
            hashes = request_append(self.data_dir, items)
        except ControlError as exc:
            raise NetworkCliError(str(exc), exc.code) from exc
        self.ingest.reload()
        found = {e.hash: e for e in self.entries(hashes)}
        return [found[h] for h in hashes]


def open_beside_running_node(data: Path, identity: Identity, key_file_given: bool) -> Node:
    """For signing commands when `relief-ledger node` holds the replica."""
    if key_file_given:
        raise NetworkCliError("the replica is held by a running node, which signs only with its own key: "
                              "leave out --key, or stop the node to sign with another member's key")
    if not (Path(data) / CONTROL_NAME).exists():
        raise NetworkCliError(f"the replica in {data} is open in the desktop client or another process: "
                              "record there, or close it first")
    node = ForwardingNode.open(Path(data), identity=identity, shared=True)
    assert isinstance(node, ForwardingNode)
    return node


# An integer on the command line: ASCII digits with at most one leading minus, and no more digits than the
# ledger's largest integer (2^53-1) has. Python's int() also reads other scripts' digits ("٣" is 3) and
# "1_000": those would sign a number the operator never typed.
INTEGER = re.compile(r"-?[0-9]{1,16}", re.ASCII)


def _looks_numeric(value: str) -> bool:
    """Meant as a number but not written as one the ledger reads: "--5", "+5", "1_000", "٣", "²", "½"."""
    digits = value.strip("-+_ ").replace("_", "")
    return bool(digits) and all(c.isnumeric() for c in digits)


def parse_field(text: str) -> tuple[str, Any]:
    """`name=value`: integers stay integers, true/false become booleans, JSON lists/objects are parsed."""
    if "=" not in text:
        raise CliError(f"--field {text!r} must look like name=value")
    name, value = text.split("=", 1)
    if value in ("true", "false"):
        return name, value == "true"
    if INTEGER.fullmatch(value):
        return name, int(value)
    if _looks_numeric(value):
        raise CliError(f"--field {name}={value}: a number is written with the digits 0-9 and at most one "
                       f"leading minus, and may have at most 16 digits")
    if value[:1] in "[{":
        return name, parse_json_text(value, f"--field {name}")
    return name, value


def parse_json_text(text: str, what: str) -> Any:
    """JSON typed by an operator, or one sentence saying why it is not (a nesting bomb included)."""
    try:
        return json.loads(text, parse_float=float)
    except RecursionError as exc:
        raise CliError(f"{what} nests arrays and objects far deeper than the ledger's 16 levels") from exc
    except ValueError as exc:
        raise CliError(f"{what} is not valid JSON: {exc}") from exc


def body_from_args(args: argparse.Namespace) -> dict[str, Any]:
    """An entry body from `--json '{…}'` (or @file) and any `--field name=value`, the fields applied last."""
    body: dict[str, Any] = {}
    if args.json:
        body = parse_json_text(read_text_argument(args.json, "--json"), "--json")
        if not isinstance(body, dict):
            raise CliError("--json must be a JSON object")
    for item in args.field or []:
        name, value = parse_field(item)
        body[name] = value
    return body


def read_text_argument(value: str, what: str) -> str:
    """An argument given inline, or as @file: a missing or non-UTF-8 file is one sentence, not a traceback."""
    if not value.startswith("@"):
        return value
    try:
        return Path(value[1:]).read_text(encoding="utf-8")
    except OSError as exc:
        raise CliError(f"{what}: cannot read {value[1:]}: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise CliError(f"{what}: {value[1:]} is not UTF-8 text") from exc


# -- logging ---------------------------------------------------------------------------------------------
class OneLineFormatter(logging.Formatter):
    """Every log record on one line: whatever a peer's text holds, a newline or ESC in it is escaped, so
    no peer can forge a line that looks like this node's own (a traceback still follows its record)."""

    def formatMessage(self, record: logging.LogRecord) -> str:
        return printable(super().formatMessage(record))


class _StderrHandler(logging.StreamHandler):
    """Writes to whatever sys.stderr is at the moment of the record (a test or a GUI may swap it)."""

    def emit(self, record: logging.LogRecord) -> None:
        self.stream = sys.stderr
        super().emit(record)


_installed: list[logging.Handler] = []
_app_level: list[int] = []     # the `app` logger's level before configure_logging, restored by stop_logging


def configure_logging(level: str, log_file: str | None) -> None:
    """The one place the CLI sets up logging: the `app` loggers at `level`, one line per record on stderr
    (as before: the message alone) and, with --log-file, appended to that file with time, level and
    logger name. Called once per command; a second call replaces what the first installed."""
    stop_logging()
    numeric = logging.getLevelName(level)
    stderr_handler = _StderrHandler()
    stderr_handler.setFormatter(OneLineFormatter("%(message)s"))
    handlers: list[logging.Handler] = [stderr_handler]
    if log_file:
        try:
            file_handler = logging.FileHandler(log_file, encoding="utf-8")
        except OSError as exc:
            raise CliError(f"cannot write the log file {log_file}: {exc.strerror or exc}") from exc
        file_handler.setFormatter(OneLineFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        handlers.append(file_handler)
    root = logging.getLogger()
    for handler in handlers:
        handler.setLevel(numeric)
        root.addHandler(handler)
        _installed.append(handler)
    _app_level.append(logging.getLogger("app").level)
    logging.getLogger("app").setLevel(numeric)
    log.debug("logging at %s%s", level, f" to {log_file}" if log_file else "")


def stop_logging() -> None:
    """Remove and close what configure_logging installed (the command has ended)."""
    root = logging.getLogger()
    while _installed:
        handler = _installed.pop()
        root.removeHandler(handler)
        handler.close()
    if _app_level:
        logging.getLogger("app").setLevel(_app_level.pop())
