"""Persistence of one replica: signed entries, evidence, heads, projected state, snapshots.

SQLite (WAL, synchronous=FULL) is the embedded default; any SQLAlchemy URL
works. Every write the node reports as stored has been committed durably.
"""

from __future__ import annotations

import json
import logging
import os
import re
import threading
import time
from collections.abc import Generator, Iterator, Sequence
from contextlib import contextmanager
from typing import Any
from urllib.parse import quote

from sqlalchemy import Engine, and_, create_engine, delete, event, func, insert, or_, select, text, tuple_, update
from sqlalchemy.engine import Connection, Row, make_url
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.pool import ConnectionPoolEntry

from app.core import canonical
from app.core.entry import Entry, EntryError, entry_hash, parse
from app.core.membership import MEMBER_TYPES
from app.core.state import FOLD_RULES, TABLES, LedgerState
from app.core.timeline import MembershipTimeline
from app.core.types import EntryType, FeedHead, OrderKey
from app.errors import ReliefLedgerError
from app.store import migrate
from app.store.schema import entries, evidence, heads, meta, snapshots, state_rows

log = logging.getLogger(__name__)

# One statement for new and changed rows; ON CONFLICT upserts work on SQLite and PostgreSQL alike.
_UPSERT_STATE_ROW = text("INSERT INTO state_rows (tbl, key, value) VALUES (:tbl, :key, :value) "
                         "ON CONFLICT (tbl, key) DO UPDATE SET value = excluded.value")


class StoreError(ReliefLedgerError):
    """A replica database that cannot be opened or used; the message is for the operator."""

    code = "store_error"


class NoReplicaDatabase(StoreError):
    """Opened for reading only, the file holds no replica schema (empty, foreign, or not yet upgraded):
    a reader says so and leaves the file exactly as it was."""

    code = "no_replica_database"


class ReplicaFromNewerRelease(StoreError):
    """The database is at a schema revision this program has no migration for: a newer release wrote it.

    Refused by every opener, readers and writers alike, before anything is written (not even the journal
    mode): opening it half-way could only damage what the newer release relies on. The cure is that
    release, never a downgrade of the file.
    """

    code = "replica_from_newer_release"


class ReplicaDamaged(StoreError):
    """Stored data this replica cannot have written (a bad disk, an edit by hand): the message names what.

    Never a refusal of anything a peer or an operator sent: the cure is `verify`, then a restore or a re-sync.
    """

    code = "replica_damaged"


class StateWriteError(StoreError):
    """Projected state that cannot be written as canonical JSON; the transaction is rolled back whole."""

    code = "state_unwritable"


# a run of 16 digits: the only way JSON text can hold an integer beyond 2^53-1 (then the row is walked)
_LONG_DIGITS = re.compile(r"[0-9]{16}")


def _sqlite_pragmas(dbapi_connection: DBAPIConnection, _record: ConnectionPoolEntry) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def _sqlite_reader_pragmas(dbapi_connection: DBAPIConnection, _record: ConnectionPoolEntry) -> None:
    """A reader never sets the journal mode (that writes the file header) and may not write at all."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA query_only=1")
    cursor.close()


def _reader_url(url: str) -> str:
    """A reader of an SQLite file that has a write-ahead log opens it with mode=ro: a read-write
    connection, closing last, would fold the log into the database (a write, and the end of the
    evidence `verify` reads in a damaged log). Without a log, mode=ro would leave an empty log and
    index file behind, so the plain connection (query_only) is the one that writes nothing."""
    prefix = "sqlite:///"
    if not url.startswith(prefix) or url.startswith(prefix + "file:"):
        return url
    path = url[len(prefix):]
    if not os.path.exists(path + "-wal"):
        return url
    return f"{prefix}file:{quote(path, safe='/')}?mode=ro&uri=true"


def make_engine(url: str, read_only: bool = False) -> Engine:
    engine = create_engine(_reader_url(url) if read_only else url, future=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_reader_pragmas if read_only else _sqlite_pragmas)
    return engine


def _sqlite_file(url: str) -> str | None:
    """The file of a plain SQLite URL (None for other databases and for URI forms)."""
    prefix = "sqlite:///"
    if not url.startswith(prefix) or url.startswith(prefix + "file:"):
        return None
    return url[len(prefix):]


def _refuse_newer_release(url: str) -> None:
    """Raise ReplicaFromNewerRelease for a database a newer release wrote, through a connection that only reads.

    Checked before the read-write engine exists: its first connection sets the journal mode, which may
    write the file's header, and a newer release's file must be left exactly as it was.
    """
    path = _sqlite_file(url)
    if path is not None and (not os.path.exists(path) or os.path.getsize(path) == 0):
        return   # a replica being made: nothing there to be newer
    engine = make_engine(url, read_only=True)   # beside a crashed writer's log: mode=ro, nothing folded in
    try:
        with engine.connect() as connection:
            revision = migrate.newer_revision(connection)
    finally:
        engine.dispose()
    if revision is not None:
        where = (f"the replica in {os.path.dirname(os.path.abspath(path))}" if path is not None
                 else f"the replica database {make_url(url).render_as_string(hide_password=True)}")
        log.debug("refused a replica from a newer release: schema revision %s, head here %s", revision,
                  migrate.head_revision())
        raise ReplicaFromNewerRelease(migrate.newer_release_sentence(where, revision))


def now_ms() -> int:
    return int(time.time() * 1000)


class ReplicaStore:
    """Owns the database of one replica; thread-safe through one lock (writes are serial anyway)."""

    def __init__(self, url: str, read_only: bool = False) -> None:
        """`read_only`: for commands that only look (state, log, verify…): no migration, no write of any
        kind, and a file without the current schema is refused as NoReplicaDatabase, untouched."""
        self.url = url
        self.lock = threading.RLock()
        self.read_only = read_only
        try:
            _refuse_newer_release(url)
            self.engine = make_engine(url, read_only)
            if read_only:
                with self.engine.connect() as connection:
                    problem = migrate.unusable_without_upgrade(connection)
                if problem is None:
                    problem = self._stale_fold_rules()
                if problem is not None:
                    self.engine.dispose()
                    log.info("read-only open refused: %s", problem)
                    raise NoReplicaDatabase(problem)
                log.debug("opened the replica database read-only")
            else:
                with self.engine.begin() as connection:
                    migrate.upgrade(connection)
        except (NoReplicaDatabase, ReplicaFromNewerRelease):
            raise
        except Exception as exc:  # noqa: BLE001 - any driver error becomes one operator message
            if hasattr(self, "engine"):
                self.engine.dispose()   # a failed upgrade leaves no open file (and no -wal or -shm) behind
            reason = getattr(exc, "orig", None) or exc
            if any(word in str(reason) for word in ("malformed", "not a database")):
                log.info("the replica database is damaged: %s", reason)
                raise ReplicaDamaged(f"SQLite cannot open its database ({reason})") from exc
            raise StoreError(f"cannot open the replica database ({url}): {reason}") from exc
        self._clocks: dict[str, tuple[int, int]] = {}   # hash -> (lamport, ts)
        self._timeline: MembershipTimeline | None = None
        self._network_id: str | None = self.get_meta("network_id")

    def _stale_fold_rules(self) -> str | None:
        """Why a reader cannot show the stored state as it is: folded under other rules than this program's."""
        rules = self.stored_fold_rules()
        if rules is None or rules == FOLD_RULES:
            return None   # unnumbered: a release before the numbers; its first writer here folds again
        return (f"its projected state was folded under other rules (version {rules}; this release folds by "
                f"version {FOLD_RULES}); open it once with a command that writes (node, record, or the desktop "
                "client) to fold it again")

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        with self.lock:
            try:
                with self.engine.begin() as connection:
                    yield connection
            except BaseException:
                self._timeline = None  # it may have grown by entries that were rolled back
                raise

    # -- meta -------------------------------------------------------------------------------------
    def get_meta(self, key: str) -> str | None:
        with self.engine.connect() as connection:
            return connection.execute(select(meta.c.value).where(meta.c.key == key)).scalar()

    def set_meta(self, connection: Connection, key: str, value: str) -> None:
        if connection.execute(select(meta.c.key).where(meta.c.key == key)).first():
            connection.execute(update(meta).where(meta.c.key == key).values(value=value))
        else:
            connection.execute(insert(meta).values(key=key, value=value))

    # -- ReplicaView for validation ------------------------------------------------------------------
    @property
    def network_id(self) -> str | None:
        return self._network_id

    def set_network_id(self, connection: Connection, network_id: str) -> None:
        self.set_meta(connection, "network_id", network_id)
        self._network_id = network_id

    def lamport_of(self, entry_hash: str) -> int | None:
        clock = self._clock(entry_hash)
        return clock[0] if clock else None

    def ts_of(self, entry_hash: str) -> int | None:
        clock = self._clock(entry_hash)
        return clock[1] if clock else None

    def _clock(self, entry_hash: str) -> tuple[int, int] | None:
        cached = self._clocks.get(entry_hash)
        if cached is not None:
            return cached
        with self.engine.connect() as connection:
            row = connection.execute(select(entries.c.lamport, entries.c.ts)
                                     .where(entries.c.hash == entry_hash)).first()
            if row is None:
                row = connection.execute(select(evidence.c.lamport, evidence.c.ts)
                                         .where(evidence.c.hash == entry_hash)).first()
        if row is None:
            return None
        self._remember(entry_hash, row[0], row[1])
        return (row[0], row[1])

    def _remember(self, entry_hash: str, lamport: int, ts: int) -> None:
        if len(self._clocks) > 200_000:
            self._clocks.clear()
        self._clocks[entry_hash] = (lamport, ts)

    def lamport_at(self, connection: Connection, author: str, seq: int) -> int | None:
        """Lamport of the author's entry at `seq`, read inside a running transaction."""
        return connection.execute(select(entries.c.lamport).where(entries.c.author == author,
                                                                  entries.c.seq == seq)).scalar()

    def position_of(self, entry_hash: str) -> tuple[str, int] | None:
        """(author, seq) of a stored entry."""
        with self.engine.connect() as connection:
            row = connection.execute(select(entries.c.author, entries.c.seq)
                                     .where(entries.c.hash == entry_hash)).first()
        return (row[0], row[1]) if row else None

    def hash_at(self, author: str, seq: int) -> str | None:
        with self.engine.connect() as connection:
            return connection.execute(
                select(entries.c.hash).where(entries.c.author == author, entries.c.seq == seq)).scalar()

    def head_seq(self, author: str) -> int:
        with self.engine.connect() as connection:
            return connection.execute(select(heads.c.seq).where(heads.c.author == author)).scalar() or 0

    def type_of(self, entry_hash: str) -> str | None:
        with self.engine.connect() as connection:
            return connection.execute(select(entries.c.type).where(entries.c.hash == entry_hash)).scalar()

    def member_entries(self) -> list[Entry]:
        """The genesis and every membership entry, in total order."""
        with self.engine.connect() as connection:
            rows = connection.execute(
                select(entries.c.raw, entries.c.sig).where(entries.c.type.in_(sorted(MEMBER_TYPES)))
                .order_by(entries.c.lamport, entries.c.author, entries.c.seq)).all()
        return [stored_entry(r.raw, r.sig) for r in rows]

    def membership(self) -> MembershipTimeline:
        if self._timeline is None:
            member_entries = self.member_entries()
            founded = bool(member_entries) and member_entries[0].type == EntryType.GENESIS
            kind = member_entries[0].body["kind"] if founded else "live"
            self._timeline = MembershipTimeline.build(kind, member_entries)
        return self._timeline

    # -- writes (inside a transaction) -------------------------------------------------------------
    def insert_entries(self, connection: Connection, batch: list[Entry], received_ms: int) -> None:
        if not batch:
            return
        connection.execute(insert(entries), [
            {"hash": e.hash, "author": e.author, "seq": e.seq, "lamport": e.lamport, "type": e.type,
             "raw": e.raw, "sig": e.sig, "received_ms": received_ms, "ts": e.ts} for e in batch])
        latest: dict[str, Entry] = {}
        for e in batch:
            if e.author not in latest or e.seq > latest[e.author].seq:
                latest[e.author] = e
            self._remember(e.hash, e.lamport, e.ts)
        # the cached membership timeline grows in place by entries sorting after it; otherwise rebuild
        for e in sorted((e for e in batch if e.type in MEMBER_TYPES), key=lambda e: e.key):
            if self._timeline is not None and not self._timeline.extend(e):
                self._timeline = None
        existing = {r.author for r in connection.execute(
            select(heads.c.author).where(heads.c.author.in_(list(latest))))}
        for author, e in latest.items():
            values = {"seq": e.seq, "hash": e.hash, "lamport": e.lamport}
            if author in existing:
                connection.execute(update(heads).where(heads.c.author == author).values(**values))
            else:
                connection.execute(insert(heads).values(author=author, **values))

    def insert_evidence(self, connection: Connection, entry: Entry, conflicting: str, received_ms: int) -> None:
        connection.execute(insert(evidence).values(
            hash=entry.hash, author=entry.author, seq=entry.seq, lamport=entry.lamport, type=entry.type,
            raw=entry.raw, sig=entry.sig, conflicting=conflicting, received_ms=received_ms, ts=entry.ts))
        self._remember(entry.hash, entry.lamport, entry.ts)

    def write_state_rows(self, connection: Connection, state: LedgerState, keys: set[tuple[str, str]]) -> None:
        """Persist changed rows of the projected state (and its position)."""
        if keys:
            rows = sorted(keys)
            gone = [(t, k) for t, k in rows if k not in state.tables[t]]
            for chunk in _chunks(gone, 400):
                connection.execute(delete(state_rows).where(tuple_(state_rows.c.tbl, state_rows.c.key).in_(chunk)))
            values = [{"tbl": t, "key": k, "value": _row_text(t, k, state.tables[t][k])}
                      for t, k in rows if k in state.tables[t]]
            if values:
                connection.execute(_UPSERT_STATE_ROW, values)
        self.set_meta(connection, "state_position", json.dumps(
            {"position": list(state.position) if state.position else None, "count": state.count,
             "pins": dict(sorted(state.pins.items())), "fold_rules": FOLD_RULES}))

    def stored_fold_rules(self) -> int | None:
        """The FOLD_RULES the stored projected state was folded under; None when nothing records them
        (no state yet, or state a release before the rules were numbered folded)."""
        position = self.get_meta("state_position")
        if not position:
            return None
        try:
            rules = json.loads(position).get("fold_rules")
        except (ValueError, RecursionError, AttributeError):
            return None   # load_state names the damage
        return rules if type(rules) is int else None

    def drop_snapshots(self, connection: Connection) -> None:
        """Forget every snapshot (they are derived: the next re-fold starts from the genesis and saves new ones)."""
        connection.execute(delete(snapshots))

    def save_snapshot(self, connection: Connection, state: LedgerState) -> None:
        assert state.position is not None
        lamport, author, seq = state.position
        log.debug("state snapshot at entry %d (%s…:%d)", state.count, author[:12], seq)
        connection.execute(insert(snapshots).values(lamport=lamport, author=author, seq=seq, count=state.count,
                                                    blob=state.snapshot()))

    def snapshot_before(self, connection: Connection, key: OrderKey) -> tuple[bytes | None, int]:
        """Latest snapshot strictly before `key`; later ones are stale and removed."""
        lamport, author, seq = key
        after = or_(snapshots.c.lamport > lamport,
                    and_(snapshots.c.lamport == lamport, snapshots.c.author > author),
                    and_(snapshots.c.lamport == lamport, snapshots.c.author == author, snapshots.c.seq >= seq))
        connection.execute(delete(snapshots).where(after))
        row = connection.execute(select(snapshots.c.blob, snapshots.c.count)
                                 .order_by(snapshots.c.lamport.desc(), snapshots.c.author.desc(),
                                           snapshots.c.seq.desc())
                                 .limit(1)).first()
        return (row[0], row[1]) if row else (None, 0)  # by position: `row.count` types as tuple.count

    def read_snapshot_before(self, connection: Connection, key: OrderKey) -> bytes | None:
        """Latest snapshot strictly before `key`, without touching later ones (for read-only re-folds)."""
        lamport, author, seq = key
        before = or_(snapshots.c.lamport < lamport,
                     and_(snapshots.c.lamport == lamport, snapshots.c.author < author),
                     and_(snapshots.c.lamport == lamport, snapshots.c.author == author, snapshots.c.seq < seq))
        row = connection.execute(select(snapshots.c.blob).where(before)
                                 .order_by(snapshots.c.lamport.desc(), snapshots.c.author.desc(),
                                           snapshots.c.seq.desc())
                                 .limit(1)).first()
        return row.blob if row else None

    def last_snapshot_count(self, connection: Connection) -> int:
        return connection.execute(select(func.max(snapshots.c.count))).scalar() or 0

    # -- reads -----------------------------------------------------------------------------------------
    def load_state(self) -> LedgerState:
        """The persisted projected state, without replaying entries."""
        state = LedgerState()
        with self.engine.connect() as connection:
            rows = connection.execute(select(state_rows.c.tbl, state_rows.c.key, state_rows.c.value)).all()
        try:
            values = json.loads("[" + ",".join(row[2] for row in rows) + "]")
        except (ValueError, RecursionError, TypeError):
            raise ReplicaDamaged(f"stored state row {_first_bad_row(rows)} is not a JSON object") from None
        if len(values) != len(rows):  # a row holding "{}, {}" parses as two values and would shift the rest
            raise ReplicaDamaged(f"stored state row {_first_bad_row(rows)} is not a JSON object")
        for (table, key, _text), value in zip(rows, values, strict=True):
            if table in state.tables:
                if type(value) is not dict:
                    raise ReplicaDamaged(f"stored state row {table} {key} is not a JSON object")
                state.tables[table][key] = value
        position = self.get_meta("state_position")
        if position:
            try:
                document = json.loads(position)
                place = document["position"]
                if place is not None and not (type(place) is list and len(place) == 3 and type(place[0]) is int
                                              and type(place[1]) is str and type(place[2]) is int):
                    raise ValueError(place)
                if type(document["count"]) is not int or type(document.get("pins", {})) is not dict:
                    raise ValueError(document)
            except (ValueError, RecursionError, TypeError, KeyError):
                raise ReplicaDamaged("the stored position of the projected state is unreadable") from None
            state.position = OrderKey(*place) if place else None
            state.count = document["count"]
            state.pins = dict(document.get("pins", {}))
        state.equivocators = self.equivocators()
        return state

    def equivocators(self) -> dict[str, int]:
        with self.engine.connect() as connection:
            rows = connection.execute(select(evidence.c.author, func.min(evidence.c.seq)).group_by(evidence.c.author))
            return {author: seq for author, seq in rows}

    def iter_in_order(self, connection: Connection, after: OrderKey | None = None,
                      batch: int = 2000) -> Iterator[Entry]:
        """Stored entries in total order (signatures were checked on receipt)."""
        cursor = after
        while True:
            query = select(entries.c.raw, entries.c.sig).order_by(entries.c.lamport, entries.c.author, entries.c.seq)
            if cursor is not None:
                query = query.where(tuple_(entries.c.lamport, entries.c.author, entries.c.seq) > tuple_(*cursor))
            rows = connection.execute(query.limit(batch)).all()
            for row in rows:
                entry = stored_entry(row.raw, row.sig)
                cursor = entry.key
                yield entry
            if len(rows) < batch:
                return

    def iter_missing(self, frontier: dict[str, int]) -> Iterator[Entry]:
        for _author, _seq, raw, sig in self.iter_missing_raw(frontier):
            yield stored_entry(raw, sig)

    def iter_missing_raw(self, frontier: dict[str, int]) -> Generator[tuple[str, int, bytes, bytes], None, None]:
        """(author, seq, raw, sig) of every entry a holder of `frontier` lacks, in total order.

        The walk starts at the earliest entry the holder lacks, so a nearly caught-up peer costs a
        short scan, and a fresh one a plain walk of the whole ledger.
        """
        with self.engine.connect() as connection:
            starts = []
            for author, seq, lamport in connection.execute(select(heads.c.author, heads.c.seq, heads.c.lamport)):
                known = frontier.get(author, 0)
                if seq <= known:
                    continue
                first = connection.execute(select(entries.c.lamport).where(
                    and_(entries.c.author == author, entries.c.seq == known + 1))).scalar()
                starts.append((first if first is not None else lamport, author, known + 1))
            if not starts:
                return
            cursor = min(starts)
            inclusive = True
            position = tuple_(entries.c.lamport, entries.c.author, entries.c.seq)
            while True:
                query = select(entries.c.lamport, entries.c.author, entries.c.seq, entries.c.raw,
                               entries.c.sig).order_by(entries.c.lamport, entries.c.author, entries.c.seq)
                query = query.where(position >= tuple_(*cursor) if inclusive else position > tuple_(*cursor))
                rows = connection.execute(query.limit(2000)).all()
                inclusive = False
                for row in rows:
                    if row.seq > frontier.get(row.author, 0):
                        yield row.author, row.seq, row.raw, row.sig
                if len(rows) < 2000:
                    return
                cursor = (rows[-1].lamport, rows[-1].author, rows[-1].seq)

    def entries_by_hash(self, hashes: list[str]) -> list[Entry]:
        found: list[Entry] = []
        with self.engine.connect() as connection:
            for chunk in _chunks(hashes, 500):
                for row in connection.execute(select(entries.c.raw, entries.c.sig).where(entries.c.hash.in_(chunk))):
                    found.append(stored_entry(row.raw, row.sig))
        return found

    def evidence_rows(self) -> list[Row[Any]]:
        with self.engine.connect() as connection:
            return list(connection.execute(select(evidence)).all())

    def heads(self) -> dict[str, FeedHead]:
        """author -> (seq, hash, lamport)."""
        with self.engine.connect() as connection:
            return {r.author: FeedHead(r.seq, r.hash, r.lamport) for r in connection.execute(select(heads))}

    def count(self) -> int:
        with self.engine.connect() as connection:
            return connection.execute(select(func.count()).select_from(entries)).scalar() or 0

    def recent(self, limit: int = 50, author: str | None = None, entry_type: str | None = None,
               before: OrderKey | None = None) -> list[Entry]:
        """The latest entries in total order, newest first; `before` pages further back."""
        query = select(entries.c.raw, entries.c.sig, entries.c.hash).order_by(
            entries.c.lamport.desc(), entries.c.author.desc(), entries.c.seq.desc()).limit(limit)
        if before is not None:
            query = query.where(tuple_(entries.c.lamport, entries.c.author, entries.c.seq) < tuple_(*before))
        if author:
            query = query.where(entries.c.author == author)
        if entry_type:
            query = query.where(entries.c.type == entry_type)
        with self.engine.connect() as connection:
            return [stored_entry(r.raw, r.sig, r.hash) for r in connection.execute(query)]


def stored_entry(raw: bytes, sig: bytes, stored_hash: str | None = None) -> Entry:
    """An entry read back from this replica's own table: it passed validation once, so a failure now is damage.

    With `stored_hash` (what the row was filed under), bytes altered into another valid entry are caught too:
    what is shown to an operator is then never content nobody signed.
    """
    try:
        entry = parse(raw, sig, check_signature=False)
    except EntryError as exc:
        log.info("stored entry %s… is not a valid entry: %s", (stored_hash or entry_hash(bytes(raw)))[:16], exc.code)
        raise ReplicaDamaged(f"stored entry {(stored_hash or entry_hash(bytes(raw)))[:16]}… is not a valid entry "
                             f"({exc.code}: {exc})") from exc
    if stored_hash is not None and entry.hash != stored_hash:
        log.info("stored entry %s… no longer hashes to its own hash", stored_hash[:16])
        raise ReplicaDamaged(f"stored entry {stored_hash[:16]}… no longer hashes to its own hash (its bytes were "
                             "altered)")
    return entry


def _first_bad_row(rows: Sequence[Any]) -> str:
    """Which stored state row does not parse (searched only once the whole batch failed)."""
    for table, key, value in rows:
        try:
            json.loads(value)
        except (ValueError, RecursionError, TypeError):
            return f"{table} {key}"
    return "?"


def _row_text(table: str, key: str, row: dict) -> str:
    """A state row's canonical text; refused with a clear error if it holds what canonical JSON cannot carry."""
    text = canonical.encode_derived(row).decode("utf-8")
    if _LONG_DIGITS.search(text):
        try:
            canonical.check_value(row)
        except canonical.CanonicalError as exc:
            raise StateWriteError(f"state row {table} {key} cannot be stored: {exc}") from None
    return text


def _chunks(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


__all__ = ["ReplicaDamaged", "ReplicaStore", "StateWriteError", "StoreError", "TABLES", "now_ms"]
