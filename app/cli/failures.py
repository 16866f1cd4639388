"""The end of a command that failed in a way no specific sentence covers: damage to the replica told
apart from a bug, one line on stderr, and the traceback in a crash report file."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from app import build_info
from app.core.display import printable
from app.core.entry import Entry
from app.core.types import FeedHead
from app.node import StoreError


def damaged_sentence(args: argparse.Namespace, detail: str) -> str:
    """The one line for a replica whose stored data cannot be what it wrote: what, and what to do."""
    data = getattr(args, "data", None) or "the data directory"
    return (f"relief-ledger: the replica in {data} is damaged: {_one_line(detail)}; nothing was changed. Run "
            f"`relief-ledger verify --data {data}` to see what is wrong, then restore ledger.db from a backup "
            f"or re-sync an empty replica from a peer")


def database_failure(exc: Exception) -> str:
    """What SQLite said, as damage (a page or table it cannot read) or as the plain failure it is."""
    reason = _one_line(str(getattr(exc, "orig", None) or exc).splitlines()[0] if str(exc) else type(exc).__name__)
    if any(word in reason for word in ("locked", "busy")):
        return f"the replica database is in use by another process ({reason}); try again when it is done"
    if any(word in reason for word in ("malformed", "not a database", "no such table", "no such column")):
        return ""   # damage: the caller says so in full
    return f"the replica database failed ({reason}); nothing was changed"


def last_resort(args: argparse.Namespace, exc: Exception) -> int:
    """An exception no specific sentence covers: was the replica damaged after all? Otherwise a bug to report."""
    from sqlalchemy.exc import DBAPIError

    if isinstance(exc, DBAPIError):
        plain = database_failure(exc)
        if plain:
            print(f"relief-ledger: {plain}", file=sys.stderr)
            return 2
        print(damaged_sentence(args, f"SQLite reports {_one_line(str(exc.orig or exc).splitlines()[0])}"),
              file=sys.stderr)
        return 2
    damage = confirmed_damage(args)
    if damage is not None:
        print(damaged_sentence(args, damage), file=sys.stderr)
        return 2
    report = write_crash_report(exc)
    where = f"the details are in {report}" if report else "no crash report could be written"
    print(f"relief-ledger: internal error ({type(exc).__name__}: {_one_line(str(exc))[:160]}); {where}: "
          f"please report this to the Relief Ledger maintainers", file=sys.stderr)
    return 70


def confirmed_damage(args: argparse.Namespace) -> str | None:
    """Why the replica in --data is damaged, found by re-folding its entries, or None if it is consistent.

    Run only after an unexpected exception: stored state edited by hand (a row missing a field) breaks
    code that trusts what the fold wrote, and only a comparison with the entries tells that from a bug.
    """
    from sqlalchemy.exc import DBAPIError

    from app.core.state import fold
    from app.paths import DB_NAME, database_url
    from app.store.replica_store import ReplicaStore

    data = getattr(args, "data", None)
    if not data or not (Path(data) / DB_NAME).is_file():
        return None
    try:
        store = ReplicaStore(database_url(Path(data)), read_only=True)
    except StoreError as exc:
        return str(exc)
    try:
        with store.engine.connect() as connection:
            entries = list(store.iter_in_order(connection))
        if fold(entries, store.equivocators()).digest() != store.load_state().digest():
            return "its stored state does not match a fold of its entries (state rows altered or lost)"
        if store.heads() != _heads_of(entries):
            return "its table of author heads does not match its entries"
    except StoreError as exc:
        return str(exc)
    except DBAPIError as exc:
        return f"SQLite reports {_one_line(str(exc.orig or exc).splitlines()[0])}"
    except Exception:  # noqa: BLE001 - the check is best effort; the caller then reports a bug
        return None
    finally:
        store.close()
    return None


def _heads_of(entries: list[Entry]) -> dict[str, FeedHead]:
    heads: dict[str, FeedHead] = {}
    for entry in entries:
        if entry.seq > heads.get(entry.author, (0, "", 0))[0]:
            heads[entry.author] = FeedHead(entry.seq, entry.hash, entry.lamport)
    return heads


def write_crash_report(exc: BaseException) -> Path | None:
    """The traceback in a private file under the system's temporary directory (never inside the replica)."""
    import time
    import traceback

    try:
        handle, name = tempfile.mkstemp(prefix=f"relief-ledger-crash-{time.strftime('%Y%m%dT%H%M%S')}-",
                                        suffix=".txt")
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(f"{build_info.current().line()}, argv {sys.argv!r}\n")
            stream.write("".join(traceback.format_exception(exc)))
        return Path(name)
    except OSError:
        return None


def _one_line(text: str) -> str:
    """Text from a file or a peer, fit for one terminal line: control and format characters escaped."""
    return printable(text)
