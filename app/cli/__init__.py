"""Command line: gui (default), init, keygen, add-member, record, log, state, trace, verify, demo;
node, join and bundle come from app.cli.network; the approval workflow (propose, approve, reject,
withdraw, proposals) from app.cli.approvals; runs from app.cli.runs; the exercise group from
app.cli.exercise. What the commands share (errors, `say`, the passphrase, `open_node`) is in
app.cli.common; where the data lives, in app.paths.

Every failure an operator can cause ends in one clear sentence on stderr and a
non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable

from app import build_info
from app.cli.approvals import register as register_approval_commands
from app.cli.common import (
    LOG_LEVELS,
    PASSPHRASE_ENV,
    CliError,
    NetworkCliError,
    configure_logging,
    read_passphrase,
    say,
    stop_logging,
)
from app.cli.exercise import register as register_exercise_commands
from app.cli.failures import damaged_sentence, last_resort
from app.cli.gui import cmd_demo, cmd_gui
from app.cli.ledger import cmd_add_member, cmd_init, cmd_keygen, cmd_log, cmd_record, cmd_state, cmd_trace, entry_count
from app.cli.network import register as register_network_commands
from app.cli.runs import register as register_run_commands
from app.cli.verify import cmd_verify
from app.core.entry import EntryError
from app.core.identity import KeyFileError
from app.core.schema import NETWORK_KINDS, ROLES
from app.net.bundle import BundleError
from app.node import NodeError, StoreError
from app.paths import default_data_dir
from app.store.replica_store import ReplicaDamaged

log = logging.getLogger(__name__)


class VersionAction(argparse.Action):
    """`--version` with the commit and build date (app/build_info.py), asked only when the option is given."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS, help: str | None = None) -> None:
        super().__init__(option_strings, dest=dest, default=argparse.SUPPRESS, nargs=0, help=help)

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: object,
                 option_string: str | None = None) -> None:
        print(build_info.current().line())
        parser.exit()


# -- parser ----------------------------------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="relief-ledger", description="Relief Ledger: signed, replicated ledger "
                                     "of relief-material movements for emergency command centers.")
    parser.add_argument("--version", action=VersionAction, help="show the version, commit and build date, and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(name: str, handler: Callable[[argparse.Namespace], int], help_text: str,
            data_required: bool = True) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        if data_required:
            p.add_argument("--data", default=str(default_data_dir()), help="replica data directory "
                           "(default: %(default)s or $RELIEF_LEDGER_DATA)")
        p.add_argument("--passphrase-file", help=f"read the passphrase from this file (or set {PASSPHRASE_ENV})")
        p.add_argument("--log-level", type=str.upper, choices=LOG_LEVELS, default=None,
                       help="how much to log to stderr (and --log-file): DEBUG, INFO, WARNING or ERROR "
                            "(default: INFO for `node`, WARNING otherwise)")
        p.add_argument("--log-file", metavar="PATH", help="also append the log to this file")
        if name in ("add-member", "record"):
            p.add_argument("--key", help="sign with this member key file instead of the node's own key")
        p.set_defaults(handler=handler)
        return p

    p = add("gui", cmd_gui, "open the desktop client (the default command)", data_required=False)
    p.add_argument("--data", default=None, help="replica data directory")
    p.add_argument("--self-test", metavar="REPORT", help="check this installation: open the client, unlock with "
                   f"${PASSPHRASE_ENV}, wait for the map, write what was seen to REPORT (JSON) and quit")
    p = add("init", cmd_init, "found a new network with a new key in an empty data directory")
    p.add_argument("--name", required=True, help="network name, e.g. 'Cyclone Idai response'")
    p.add_argument("--kind", choices=NETWORK_KINDS, default="live")
    p.add_argument("--org", required=True, help="your organisation")
    p.add_argument("--display-name", required=True, help="your name or your command center's")
    p.add_argument("--policies", help="approval policies as JSON or @file.json (docs/FORMAT.md §7.3; default rule "
                                      "otherwise)")
    p = add("keygen", cmd_keygen, "make a key pair for a new member (prints its public key and fingerprint)",
            data_required=False)
    p.add_argument("--out", required=True, help="where to write the encrypted key file")
    p.add_argument("--label", help="who this key belongs to")
    p = add("add-member", cmd_add_member, "propose admitting a member (takes effect once approved)")
    p.add_argument("--public-key", required=True, help="the member's public key (64 hex characters)")
    p.add_argument("--org", required=True)
    p.add_argument("--name", required=True)
    p.add_argument("--roles", required=True, help=f"comma-separated: {', '.join(ROLES)}")
    p.add_argument("--reason", help="why, for the approvers (membership goes through a proposal)")
    p = add("record", cmd_record, "sign and append an entry from --field name=value pairs or --json")
    p.add_argument("type", help="entry type, e.g. stock.receive")
    p.add_argument("--field", action="append", help="name=value (repeatable)")
    p.add_argument("--json", help="the body as JSON, or @file.json")
    register_approval_commands(add)
    p = add("log", cmd_log, "show the latest entries in total order")
    p.add_argument("--limit", type=entry_count, default=30, help="how many entries (1 to 1,000,000; default 30)")
    p.add_argument("--author", help="public key or fingerprint prefix")
    p.add_argument("--type", help="only this entry type")
    p.add_argument("--hashes", action="store_true", help="print entry hashes only")
    p = add("state", cmd_state, "show projected state: stock, requests, shipments, conflicts")
    p.add_argument("--json", action="store_true", help="all state tables as JSON")
    p.add_argument("--digest", action="store_true", help="only the state digest")
    p = add("trace", cmd_trace, "follow a lot from its sources to where it went")
    p.add_argument("lot")
    p = add("verify", cmd_verify, "re-verify every entry and the projected state from the signed bytes; exit 0 "
                                  "when sound (notes are ledger history), 1 on any defect, 2 when it cannot run")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p = add("demo", cmd_demo, "build a demo exercise network (three command centers, a few hundred entries)",
            data_required=False)
    p.add_argument("--data", default=None, help="where to build it (default: a new temporary directory)")
    p.add_argument("--no-gui", action="store_true", help="only build the data, do not open the window")
    p.add_argument("--quiet", action="store_true")
    register_network_commands(add, read_passphrase)
    register_run_commands(add)
    register_exercise_commands(add)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args(["gui", *(argv or [])])
    try:
        configure_logging(args.log_level or ("INFO" if args.command == "node" else "WARNING"), args.log_file)
        log.debug("command %s", args.command)
        return args.handler(args)
    except ReplicaDamaged as exc:
        print(damaged_sentence(args, str(exc)), file=sys.stderr)
        return 2
    except (CliError, NodeError, StoreError, KeyFileError, NetworkCliError, BundleError) as exc:
        say(f"relief-ledger: {exc}", file=sys.stderr)
        return 2
    except EntryError as exc:
        say(f"relief-ledger: refused ({exc.code}): {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("relief-ledger: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except Exception as exc:  # noqa: BLE001 - the last resort: one sentence, the traceback in a file
        return last_resort(args, exc)
    finally:
        stop_logging()
