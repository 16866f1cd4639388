"""Projected state: a deterministic fold of entries, in total order, into tables.

Every table maps a string key to a row of plain JSON values (integers, text,
lists), so a row can be persisted, compared and digested without translation.
The fold never refuses an entry (that happened on receipt); an entry that
cannot take effect where it sorts is recorded as ineffective, and material
that does not add up is recorded as a conflict, never silently dropped.

Every number the fold accumulates stays within ±MAX_STATE_QTY (docs/FORMAT.md §9): an entry whose
effect would carry any balance or total beyond it has no effect at all (`out_of_range`), so no run
of valid entries can push state past what canonical JSON encodes.
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Callable, Iterator, MutableMapping
from dataclasses import dataclass, field
from typing import Any

from app.core import canonical
from app.core.approvals import apply_workflow
from app.core.custody import acceptance_code
from app.core.entry import Entry, EntryError
from app.core.exercise import fold_ack, fold_clock, fold_inject
from app.core.membership import MEMBER_TYPES, apply_membership, authorize, decided_pins
from app.core.runs import fold_run
from app.core.schema import CORRECTABLE, PROPOSAL_TYPES, check_body
from app.core.types import EntryType, OrderKey, Tables
from app.errors import ReliefLedgerError

# Rounds of settling revocation pins before falling back to the lowest pin seen (see settle_pins).
PIN_ROUNDS = 8
DIRECT_MEMBER_TYPES = frozenset({EntryType.GENESIS, EntryType.MEMBER_ADD, EntryType.MEMBER_UPDATE,
                                 EntryType.MEMBER_REVOKE, EntryType.MEMBER_PIN})

TABLES = (
    "network", "members", "items", "sites", "stock", "lots", "requests", "shipments",
    "distributions", "roads", "records", "conflicts", "flags", "proposals", "policies", "contracts",
    "allocation_runs", "clock", "exercise_clock", "injects", "ineffective",
)
DIGEST_TABLES = tuple(t for t in TABLES if t != "ineffective")
# Tables added by format version 3 (exercise entries): digested only when they hold a row, so a ledger
# without exercise entries keeps its version-2 digest (docs/FORMAT.md §9).
DIGEST_WHEN_FILLED = frozenset({"exercise_clock", "injects"})

# The version of the fold's rules. Raise it with any change that makes the same entries fold into other
# rows (a new table, a new field, a changed rule): projected state is stored with it, and state stored under
# other rules (or with no number: written before there was one) is folded again from the genesis by the next
# program that opens the replica for writing (docs/FORMAT.md §11, "Schema revisions and upgrades").
FOLD_RULES = 1

# The bound on every quantity the fold accumulates (stock balances either side of zero, a lot's
# `received`, a request's `delivered` and `distributed`, a run's `units`). Far inside 2^53-1, so a
# balance at the bound plus the largest change one entry can carry (100 lines of 10^12) is still exact
# in every language's doubles and int64s.
MAX_STATE_QTY = 10**15
# Where each bounded quantity lives: table -> the fields of its rows that accumulate.
BOUNDED_FIELDS: dict[str, tuple[str, ...]] = {
    "stock": ("qty",), "lots": ("received",), "requests": ("delivered", "distributed"),
    "allocation_runs": ("units",),
}
_ABSENT: Any = object()


class SnapshotError(ReliefLedgerError, ValueError):
    """A stored snapshot that cannot serve as the start of a re-fold (the entries can)."""

    code = "snapshot_unusable"


class OutOfRange(ReliefLedgerError):
    """Raised inside the fold when a change would carry a number beyond ±MAX_STATE_QTY; the entry is undone."""

    code = "out_of_range"


def bounded(value: int, what: str) -> int:
    """`value` if it lies within ±MAX_STATE_QTY, else OutOfRange naming the number and the limit."""
    if -MAX_STATE_QTY <= value <= MAX_STATE_QTY:
        return value
    raise OutOfRange(f"{what} would become {value:,}, beyond the limit of ±{MAX_STATE_QTY:,}")


def out_of_bounds(tables: dict[str, Any]) -> list[tuple[str, str, str, int]]:
    """(table, key, field, value) of every accumulated number beyond the bound: state an older version
    folded before the bound existed (rows, snapshots), which the current rules would not produce."""
    found = []
    for table, names in BOUNDED_FIELDS.items():
        for key, row in tables.get(table, {}).items():
            for name in names:
                value = row.get(name)
                if isinstance(value, int) and not -MAX_STATE_QTY <= value <= MAX_STATE_QTY:
                    found.append((table, key, name, value))
    return found


class _Overlay(MutableMapping):
    """A table seen through a layer of changes: lets a trial fold run on live state without touching it."""

    def __init__(self, base: dict[str, dict]) -> None:
        self.base = base
        self.changes: dict[str, Any] = {}

    def __getitem__(self, key: str) -> dict:
        value = self.changes.get(key, _ABSENT)
        if value is _ABSENT:
            return self.base[key]
        if value is None:
            raise KeyError(key)
        return value

    def __setitem__(self, key: str, row: dict) -> None:
        self.changes[key] = row

    def __delitem__(self, key: str) -> None:
        self[key]  # KeyError when absent, as for a dict
        self.changes[key] = None

    def __iter__(self) -> Iterator[str]:
        for key in self.base:
            if self.changes.get(key, _ABSENT) is not None:
                yield key
        for key, row in self.changes.items():
            if row is not None and key not in self.base:
                yield key

    def __len__(self) -> int:
        return sum(1 for _key in self)


def stock_key(site: str, item: str, lot: str) -> str:
    return f"{site}|{item}|{lot}"


@dataclass
class LedgerState:
    """The projected tables plus the position of the last folded entry."""

    tables: Tables = field(default_factory=lambda: {t: {} for t in TABLES})
    position: OrderKey | None = None
    count: int = 0
    dirty: set[tuple[str, str]] = field(default_factory=set)
    equivocators: dict[str, int] = field(default_factory=dict)
    # settled revocation pins (settle_pins below): author -> last seq that keeps its effect
    pins: dict[str, int] = field(default_factory=dict)
    # rows as they stood before the entry being folded touched them (None: absent), to undo it whole
    undo: dict[tuple[str, str], dict | None] | None = field(default=None, repr=False, compare=False)

    # -- table access -------------------------------------------------------------------------
    def get(self, table: str, key: str) -> dict | None:
        return self.tables[table].get(key)

    def put(self, table: str, key: str, row: dict) -> None:
        if self.undo is not None and (table, key) not in self.undo:
            self.undo[(table, key)] = self.tables[table].get(key)
        self.tables[table][key] = row
        self.dirty.add((table, key))

    def drop(self, table: str, key: str) -> None:
        if self.undo is not None and (table, key) not in self.undo:
            self.undo[(table, key)] = self.tables[table].get(key)
        if self.tables[table].pop(key, None) is not None:
            self.dirty.add((table, key))

    def atomic(self, action: Callable[[], None]) -> str | None:
        """Run `action` (one entry's effect) all or nothing: if it would carry a number out of range,
        every row it changed is put back and the reason is returned (None: it took effect)."""
        outer, self.undo = self.undo, {}
        try:
            action()
            return None
        except OutOfRange as exc:
            for (table, key), row in self.undo.items():
                if row is None:
                    self.tables[table].pop(key, None)
                else:
                    self.tables[table][key] = row
                self.dirty.add((table, key))
            self.undo.clear()
            return str(exc)
        finally:
            if outer is not None:
                for touched, row in self.undo.items():
                    outer.setdefault(touched, row)
            self.undo = outer

    def trial(self) -> LedgerState:
        """A state that starts as this one and folds further entries without changing this one
        (what a local entry would do at the tail, judged before it is signed into the ledger)."""
        return LedgerState(tables={t: _Overlay(rows) for t, rows in self.tables.items()},  # type: ignore[misc]  # an overlay stands in for a table: the fold uses only mapping methods
                           position=self.position, count=self.count, equivocators=dict(self.equivocators),
                           pins=dict(self.pins))

    @property
    def network_kind(self) -> str:
        return self.tables["network"].get("network", {}).get("kind", "live")

    # -- whole-state operations ------------------------------------------------------------------
    def digest(self) -> str:
        """One value that two replicas holding the same entries agree on."""
        digest = hashlib.sha256()
        digested = {t: self.tables[t] for t in DIGEST_TABLES if t not in DIGEST_WHEN_FILLED or self.tables[t]}
        for piece in canonical.iter_encode_tables(digested):
            digest.update(piece.encode("utf-8"))
        return digest.hexdigest()

    def snapshot(self) -> bytes:
        document = {"tables": self.tables, "position": list(self.position) if self.position else None,
                    "count": self.count}
        compressor = zlib.compressobj(1)
        parts = [compressor.compress(piece.encode("utf-8")) for piece in canonical.iter_encode_tables(document)]
        return b"".join(parts) + compressor.flush()

    @classmethod
    def from_snapshot(cls, blob: bytes, equivocators: dict[str, int] | None = None) -> LedgerState:
        """The state a snapshot holds; SnapshotError when it is unreadable or was folded under older rules
        (a quantity beyond the bound), so the caller re-folds from entries instead of trusting it."""
        try:
            document = canonical.decode(zlib.decompress(blob))
        except (zlib.error, canonical.CanonicalError) as exc:
            raise SnapshotError(f"a stored snapshot cannot be read ({exc})") from None
        tables = {t: document["tables"].get(t, {}) for t in TABLES}
        beyond = out_of_bounds(tables)
        if beyond:
            table, key, name, value = beyond[0]
            raise SnapshotError(f"a stored snapshot holds {table} {key} {name} = {value:,}, beyond the bound of "
                                f"±{MAX_STATE_QTY:,} (folded by a version without the bound)")
        position = OrderKey(*document["position"]) if document["position"] else None
        return cls(tables=tables, position=position, count=document["count"],
                   equivocators=dict(equivocators or {}))

    def copy(self) -> LedgerState:
        return LedgerState(tables={t: dict(rows) for t, rows in self.tables.items()}, position=self.position,
                           count=self.count, equivocators=dict(self.equivocators), pins=dict(self.pins))

    def set_equivocators(self, equivocators: dict[str, int]) -> None:
        """Flag authors caught signing two entries with one seq; their entries from that seq on have no effect."""
        self.equivocators = dict(equivocators)
        for author, seq in equivocators.items():
            self.put("flags", author, {"kind": "equivocation", "author": author, "seq": seq,
                                       "message": f"signed two different entries as seq {seq}"})

    def take_dirty(self) -> set[tuple[str, str]]:
        dirty, self.dirty = self.dirty, set()
        return dirty

    # -- the fold -------------------------------------------------------------------------------
    def apply(self, entry: Entry) -> None:
        """Fold one entry that sorts after everything folded so far."""
        if self.position is not None and entry.key <= self.position:
            raise ValueError(f"entry {entry.short} sorts before the folded position; re-fold from a snapshot")
        self.position = entry.key
        self.count += 1
        fork_seq = self.equivocators.get(entry.author)
        if fork_seq is not None and entry.seq >= fork_seq:
            self._ineffective(entry, "equivocation", "the author signed two different entries with one sequence number")
            return
        pin = self.pins.get(entry.author)
        if pin is not None and entry.seq > pin:
            self._ineffective(entry, "beyond_pin", f"written after seq {pin}, where the author's revoked feed "
                                                   "was pinned: it has no effect wherever it sorts")
            return
        try:
            authorize(self.tables["members"], entry, self.network_kind)
        except EntryError as exc:
            self._ineffective(entry, exc.code, str(exc))
            return
        if entry.type in PROPOSAL_TYPES:
            apply_workflow(self, entry, self.perform)
            return
        problem = self.atomic(lambda: self.perform(entry))
        if problem is not None:
            self._ineffective(entry, "out_of_range", problem)

    def perform(self, entry: Entry) -> None:
        """The effect of one entry of a type, or of an approved proposal's action (`entry` then carries the
        proposal's hash and proposer, the action's type and body, and the deciding entry's ts)."""
        if entry.type in DIRECT_MEMBER_TYPES:
            self._membership(entry)
            return
        handler = _HANDLERS.get(entry.type)
        if handler is not None:
            handler(self, entry)

    def ineffective(self, entry: Entry, code: str, message: str) -> None:
        self._ineffective(entry, code, message)

    def _ineffective(self, entry: Entry, code: str, message: str) -> None:
        self.put("ineffective", entry.hash, {"code": code, "message": message, "author": entry.author,
                                             "seq": entry.seq, "type": entry.type})

    def conflict(self, entry: Entry, kind: str, message: str, suffix: str = "", **detail: Any) -> None:
        key = entry.hash + (":" + suffix if suffix else "")
        self.put("conflicts", key, {"kind": kind, "entry": entry.hash, "message": message, "open": True, **detail})

    def _membership(self, entry: Entry) -> None:
        members = dict(self.tables["members"])
        problem = apply_membership(members, entry)
        if problem is not None:
            self.conflict(entry, "membership", problem)
            return
        for key, row in members.items():
            if self.tables["members"].get(key) is not row:
                self.put("members", key, row)
        if entry.type == EntryType.GENESIS:
            self.put("network", "network", {"name": entry.body["name"], "kind": entry.body["kind"],
                                            "id": entry.hash, "founded_ms": entry.ts})
            founder = self.tables["members"][entry.author]
            self.put("clock", founder["org"], {"org": founder["org"], "ts": entry.ts})
            for action, policy in entry.body["policies"].items():
                self.put("policies", action, {"action": action, "policy": policy, "entry": entry.hash})

    # -- material movement ------------------------------------------------------------------------
    def lot_event(self, lot: str, item: str, entry: Entry, event: str) -> None:
        row = self.get("lots", lot) or {"lot": lot, "item": item, "sources": [], "received": 0, "events": []}
        self.put("lots", lot, {**row, "events": row["events"] + [[event, entry.hash]]})

    def move_stock(self, entry: Entry, site: str, item: str, lot: str, delta: int) -> None:
        """Change a stock balance; a balance below zero opens an over-draw conflict until it recovers."""
        key = stock_key(site, item, lot)
        row = self.get("stock", key) or {"site": site, "item": item, "lot": lot, "qty": 0}
        qty = bounded(row["qty"] + delta, f"the stock of {item} lot {lot} at {site}")
        self.put("stock", key, {**row, "qty": qty})
        conflict_key = "overdraw:" + key
        open_conflict = self.get("conflicts", conflict_key)
        if qty < 0:
            entries = (open_conflict["entries"] if open_conflict and open_conflict["open"] else []) + [entry.hash]
            self.put("conflicts", conflict_key, {
                "kind": "overdraw", "entry": entry.hash, "open": True, "site": site, "item": item, "lot": lot,
                "balance": qty, "entries": entries,
                "message": f"stock of {item} lot {lot} at {site} is over-drawn by {-qty}",
            })
        elif open_conflict is not None and open_conflict["open"]:
            self.put("conflicts", conflict_key, {**open_conflict, "open": False, "balance": qty,
                                                 "resolved_by": entry.hash})

    def update_request_status(self, request_id: str) -> None:
        row = self.get("requests", request_id)
        if row is None or row["status"] == "cancelled":
            return
        status = "filled" if row["delivered"] >= row["qty"] else ("partial" if row["delivered"] else "open")
        if status != row["status"]:
            self.put("requests", request_id, {**row, "status": status})


def _define(table: str, id_field: str) -> Callable[[LedgerState, Entry], None]:
    def handler(state: LedgerState, entry: Entry) -> None:
        state.put(table, entry.body[id_field], {**entry.body, "entry": entry.hash})
    return handler


def _stock_receive(state: LedgerState, entry: Entry) -> None:
    b = entry.body
    lot = state.get("lots", b["lot"])
    if lot is not None and lot["item"] != b["item"]:
        state.conflict(entry, "lot_item", f"lot {b['lot']} already holds {lot['item']}, not {b['item']}")
        return
    state.move_stock(entry, b["site"], b["item"], b["lot"], b["qty"])
    state.lot_event(b["lot"], b["item"], entry, "receive")
    row = state.get("lots", b["lot"])
    assert row is not None
    sources = row["sources"] if b["source"] in row["sources"] else sorted(row["sources"] + [b["source"]])
    received = bounded(row["received"] + b["qty"], f"the quantity received into lot {b['lot']}")
    state.put("lots", b["lot"], {**row, "sources": sources, "received": received})
    state.put("records", entry.hash, {"type": entry.type, "site": b["site"], "item": b["item"], "lot": b["lot"],
                                      "qty": b["qty"]})


def _request_open(state: LedgerState, entry: Entry) -> None:
    b = entry.body
    if state.get("requests", b["request"]) is not None:
        state.conflict(entry, "duplicate_id", f"request {b['request']} already exists")
        return
    state.put("requests", b["request"], {
        "request": b["request"], "site": b["site"], "item": b["item"], "qty": b["qty"], "priority": b["priority"],
        "needed_by_ms": b["needed_by_ms"], "status": "open", "delivered": 0, "distributed": 0,
        "opened_ms": entry.ts, "entry": entry.hash, "by": entry.author,
    })
    state.put("records", entry.hash, {"type": entry.type, "request": b["request"]})


def _request_cancel(state: LedgerState, entry: Entry) -> None:
    row = state.get("requests", entry.body["request"])
    if row is None:
        state.conflict(entry, "unknown_reference", f"request {entry.body['request']} does not exist")
        return
    if row["status"] == "cancelled":
        return
    state.put("requests", row["request"], {**row, "status": "cancelled", "cancelled_by": entry.hash})


def _dispatch(state: LedgerState, entry: Entry) -> None:
    b = entry.body
    if state.get("shipments", b["shipment"]) is not None:
        state.conflict(entry, "duplicate_id", f"shipment {b['shipment']} already exists")
        return
    for line in b["lines"]:
        state.move_stock(entry, b["from_site"], line["item"], line["lot"], -line["qty"])
        state.lot_event(line["lot"], line["item"], entry, "dispatch")
    state.put("shipments", b["shipment"], {
        "shipment": b["shipment"], "from_site": b["from_site"], "to_site": b["to_site"], "carrier": b["carrier"],
        "lines": b["lines"], "requests": b.get("requests", []), "status": "in_transit",
        "custodian": entry.author, "custody": [{"entry": entry.hash, "from": None, "to": entry.author}],
        "position": None, "dispatched_ms": entry.ts, "dispatch": entry.hash, "delivery": None,
        "received": [], "discrepancies": [],
    })


def _position(state: LedgerState, entry: Entry) -> None:
    b = entry.body
    row = state.get("shipments", b["shipment"])
    if row is None:
        state.conflict(entry, "unknown_reference", f"shipment {b['shipment']} does not exist")
        return
    if row["position"] is None or b["at_ms"] >= row["position"][2]:
        state.put("shipments", b["shipment"], {**row, "position": [b["lat_e6"], b["lon_e6"], b["at_ms"]]})


def _handover(state: LedgerState, entry: Entry) -> None:
    b = entry.body
    row = state.get("shipments", b["shipment"])
    if row is None:
        state.conflict(entry, "unknown_reference", f"shipment {b['shipment']} does not exist")
        return
    if row["status"] != "in_transit":
        state.conflict(entry, "custody", f"shipment {b['shipment']} is already {row['status']}")
        return
    if row["custodian"] != entry.author or b["index"] != len(row["custody"]) - 1:
        state.conflict(entry, "custody", f"hand-over of {b['shipment']} by a party that does not hold custody "
                                         f"at this point (index {b['index']})")
        return
    receiver = state.get("members", b["to"])
    if receiver is None or receiver["revoked"]:
        state.conflict(entry, "custody", f"hand-over of {b['shipment']} to a key that is not a current member")
        return
    if "receiver_code" in b:
        # the spoken code alone: custody waits for the receiver's own `shipment.accept` (FORMAT.md §8.5)
        pending = {"entry": entry.hash, "to": b["to"], "index": b["index"], "code": b["receiver_code"]}
        _meet(state, entry, {**row, "pending": pending})
        return
    custody = row["custody"] + [{"entry": entry.hash, "from": entry.author, "to": b["to"]}]
    moved = {k: v for k, v in row.items() if k not in ("pending", "acceptances")}
    state.put("shipments", b["shipment"], {**moved, "custodian": b["to"], "custody": custody})


def _accept(state: LedgerState, entry: Entry) -> None:
    """The receiver's acceptance of a hand-over recorded with the spoken code; it may sort before or after it."""
    b = entry.body
    row = state.get("shipments", b["shipment"])
    if row is None:
        state.conflict(entry, "unknown_reference", f"shipment {b['shipment']} does not exist")
        return
    done = row["custody"][b["index"] + 1] if b["index"] + 1 < len(row["custody"]) else None
    if done is not None and done["from"] == b["from"] and done["to"] == entry.author:
        return      # that step already went to this receiver (the giver read the QR code): nothing left to do
    if row["status"] != "in_transit":
        state.conflict(entry, "custody", f"shipment {b['shipment']} is already {row['status']}")
        return
    if row["custodian"] != b["from"] or b["index"] != len(row["custody"]) - 1:
        state.conflict(entry, "custody", f"acceptance of {b['shipment']} for a step that is not open "
                                         f"(index {b['index']})")
        return
    assert entry.net is not None
    code = acceptance_code(entry.net, b["shipment"], b["from"], entry.author, b["index"], b["receiver_sig"])
    kept = [a for a in row.get("acceptances", []) if a["to"] != entry.author]
    _meet(state, entry, {**row, "acceptances": kept + [{"entry": entry.hash, "to": entry.author, "code": code}]})


def _meet(state: LedgerState, entry: Entry, row: dict) -> None:
    """Store `row`; where the pending hand-over and an acceptance by its receiver meet, move custody or refuse."""
    pending = row.get("pending")
    match = next((a for a in row.get("acceptances", []) if pending and a["to"] == pending["to"]), None)
    if pending is None or match is None:
        state.put("shipments", row["shipment"], row)
        return
    if match["code"] != pending["code"]:
        state.put("shipments", row["shipment"], row)
        state.conflict(entry, "custody", f"the code recorded for the hand-over of {row['shipment']} (index "
                                         f"{pending['index']}) does not match the receiver's acceptance")
        return
    step = {"entry": pending["entry"], "from": row["custodian"], "to": pending["to"], "accept": match["entry"]}
    moved = {k: v for k, v in row.items() if k not in ("pending", "acceptances")}
    state.put("shipments", row["shipment"], {**moved, "custodian": pending["to"], "custody": row["custody"] + [step]})


def _deliver(state: LedgerState, entry: Entry) -> None:
    b = entry.body
    row = state.get("shipments", b["shipment"])
    if row is None:
        state.conflict(entry, "unknown_reference", f"shipment {b['shipment']} does not exist")
        return
    if row["status"] != "in_transit":
        state.conflict(entry, "duplicate_delivery", f"shipment {b['shipment']} was already delivered")
        return
    sent: dict[tuple[str, str], int] = {}
    for line in row["lines"]:
        sent[(line["item"], line["lot"])] = sent.get((line["item"], line["lot"]), 0) + line["qty"]
    got: dict[tuple[str, str], int] = {}
    for line in b["lines"]:
        got[(line["item"], line["lot"])] = got.get((line["item"], line["lot"]), 0) + line["qty"]
        state.move_stock(entry, row["to_site"], line["item"], line["lot"], line["qty"])
        state.lot_event(line["lot"], line["item"], entry, "deliver")
    reasons = {(ln["item"], ln["lot"]): ln.get("reason", "") for ln in b["lines"]}
    discrepancies = [
        {"item": item, "lot": lot, "sent": sent.get((item, lot), 0), "received": got.get((item, lot), 0),
         "reason": reasons.get((item, lot), "")}
        for item, lot in sorted(set(sent) | set(got)) if sent.get((item, lot), 0) != got.get((item, lot), 0)
    ]
    by_item: dict[str, int] = {}
    for (item, _lot), qty in got.items():
        by_item[item] = by_item.get(item, 0) + qty
    for request_id in row["requests"]:
        request = state.get("requests", request_id)
        if request is None or request["status"] == "cancelled" or by_item.get(request["item"], 0) <= 0:
            continue
        share = min(by_item[request["item"]], max(request["qty"] - request["delivered"], 0))
        by_item[request["item"]] -= share
        delivered = bounded(request["delivered"] + share, f"the quantity delivered for request {request_id}")
        state.put("requests", request_id, {**request, "delivered": delivered})
        state.update_request_status(request_id)
    state.put("shipments", b["shipment"], {**row, "status": "delivered", "delivery": entry.hash,
                                           "delivered_ms": entry.ts, "received": b["lines"],
                                           "discrepancies": discrepancies})
    if discrepancies:
        state.conflict(entry, "discrepancy", f"shipment {b['shipment']} arrived with {len(discrepancies)} "
                                             "line(s) differing from dispatch", shipment=b["shipment"])


def _distribute(state: LedgerState, entry: Entry) -> None:
    b = entry.body
    state.move_stock(entry, b["site"], b["item"], b["lot"], -b["qty"])
    state.lot_event(b["lot"], b["item"], entry, "distribute")
    state.put("distributions", entry.hash, {"site": b["site"], "item": b["item"], "lot": b["lot"], "qty": b["qty"],
                                            "beneficiaries": b["beneficiaries"], "request": b.get("request"),
                                            "at_ms": entry.ts})
    state.put("records", entry.hash, {"type": entry.type, "site": b["site"], "item": b["item"], "lot": b["lot"],
                                      "qty": b["qty"], "beneficiaries": b["beneficiaries"]})
    if b.get("request"):
        request = state.get("requests", b["request"])
        if request is not None:
            distributed = bounded(request["distributed"] + b["qty"],
                                  f"the quantity distributed for request {b['request']}")
            state.put("requests", b["request"], {**request, "distributed": distributed})


def _road(state: LedgerState, entry: Entry) -> None:
    b = entry.body
    state.put("roads", b["road"], {**b, "entry": entry.hash, "at_ms": entry.ts})


def _correct(state: LedgerState, entry: Entry) -> None:
    """Corrections act where they sort, as compensating changes; the original record stays visible."""
    b = entry.body
    record = state.get("records", b["target"])
    if record is None:
        state.conflict(entry, "unknown_reference", "the corrected record does not exist or cannot be corrected")
        return
    allowed = CORRECTABLE[record["type"]]
    if not set(b["set"]) <= set(allowed):
        state.conflict(entry, "bad_correction", f"{record['type']} allows corrections of "
                                                f"{', '.join(sorted(allowed))} only")
        return
    changes = b["set"]
    if record["type"] in (EntryType.STOCK_RECEIVE, EntryType.STOCK_DISTRIBUTE) and "qty" in changes:
        delta = changes["qty"] - record["qty"]
        sign = 1 if record["type"] == EntryType.STOCK_RECEIVE else -1
        state.move_stock(entry, record["site"], record["item"], record["lot"], sign * delta)
        state.lot_event(record["lot"], record["item"], entry, "correct")
        if record["type"] == EntryType.STOCK_RECEIVE:
            lot = state.get("lots", record["lot"])
            if lot is not None:
                received = bounded(lot["received"] + delta, f"the quantity received into lot {record['lot']}")
                state.put("lots", record["lot"], {**lot, "received": received})
        else:
            dist = state.get("distributions", b["target"])
            if dist is not None:
                state.put("distributions", b["target"], {**dist, "qty": changes["qty"]})
    if record["type"] == EntryType.STOCK_DISTRIBUTE and "beneficiaries" in changes:
        dist = state.get("distributions", b["target"])
        if dist is not None:
            state.put("distributions", b["target"], {**dist, "beneficiaries": changes["beneficiaries"]})
    if record["type"] == EntryType.REQUEST_OPEN:
        request = state.get("requests", record["request"])
        if request is not None:
            state.put("requests", record["request"], {**request, **changes})
            state.update_request_status(record["request"])
    corrections = record.get("corrections", []) + [entry.hash]
    state.put("records", b["target"], {**record, **changes, "corrections": corrections})


def _adjust(state: LedgerState, entry: Entry) -> None:
    """An approved stock adjustment (count, loss, damage): the balance moves by `delta` where it was decided."""
    b = entry.body
    lot = state.get("lots", b["lot"])
    if lot is not None and lot["item"] != b["item"]:
        state.conflict(entry, "lot_item", f"lot {b['lot']} holds {lot['item']}, not {b['item']}")
        return
    state.move_stock(entry, b["site"], b["item"], b["lot"], b["delta"])
    state.lot_event(b["lot"], b["item"], entry, "adjust")


def _deploy(state: LedgerState, entry: Entry) -> None:
    """An approved contract deployment: recorded (the runtime that executes it is a later feature)."""
    b = entry.body
    current = state.get("contracts", b["contract"])
    if current is not None and current["version"] >= b["version"]:
        state.conflict(entry, "contract_version", f"contract {b['contract']} is already at version "
                                                  f"{current['version']}; deploy a higher version")
        return
    source_digest = hashlib.sha256(b["source"].encode("utf-8")).hexdigest()
    state.put("contracts", b["contract"], {"contract": b["contract"], "version": b["version"],
                                           "runtime": b["runtime"], "source_sha256": source_digest,
                                           "entry": entry.hash, "deployed_ms": entry.ts})


def _policy(state: LedgerState, entry: Entry) -> None:
    """An approved policy change; an empty policy returns the action to the default rule."""
    b = entry.body
    if b["policy"]:
        state.put("policies", b["action"], {"action": b["action"], "policy": b["policy"], "entry": entry.hash})
    else:
        state.drop("policies", b["action"])


_HANDLERS: dict[str, Callable[[LedgerState, Entry], None]] = {
    EntryType.STOCK_ADJUST: _adjust,
    EntryType.CONTRACT_DEPLOY: _deploy,
    EntryType.POLICY_SET: _policy,
    EntryType.ITEM_DEFINE: _define("items", "item"),
    EntryType.SITE_DEFINE: _define("sites", "site"),
    EntryType.STOCK_RECEIVE: _stock_receive,
    EntryType.REQUEST_OPEN: _request_open,
    EntryType.REQUEST_CANCEL: _request_cancel,
    EntryType.SHIPMENT_DISPATCH: _dispatch,
    EntryType.SHIPMENT_POSITION: _position,
    EntryType.SHIPMENT_HANDOVER: _handover,
    EntryType.SHIPMENT_ACCEPT: _accept,
    EntryType.SHIPMENT_DELIVER: _deliver,
    EntryType.STOCK_DISTRIBUTE: _distribute,
    EntryType.ROAD_STATUS: _road,
    EntryType.RECORD_CORRECT: _correct,
    EntryType.ALLOCATION_RUN: fold_run,
    EntryType.EXERCISE_CLOCK: fold_clock,
    EntryType.EXERCISE_INJECT: fold_inject,
    EntryType.EXERCISE_ACK: fold_ack,
}


def out_of_range_at_tail(state: LedgerState, entries: list[Entry]) -> str | None:
    """Why folding `entries` after `state` would hit the bound (None: it would not), without changing `state`.

    A node asks this before it stores its own new entries, so it never signs one that can only be
    ineffective (`out_of_range`), nor an approval whose decision could not apply its action.
    """
    trial = state.trial()
    for entry in sorted(entries, key=lambda e: e.key):
        if trial.position is not None and entry.key <= trial.position:
            return None   # not at the tail: where it lands is for the fold to judge
        try:
            check_body(entry.type, entry.body)
        except EntryError:
            return None   # refused on receipt with its own reason; it never reaches a fold
        trial.apply(entry)
        row = trial.tables["ineffective"].get(entry.hash)
        if row is not None and row["code"] == "out_of_range":
            return f"{entry.type}: {row['message']}"
        if entry.type in PROPOSAL_TYPES:
            decided: str = entry.hash if entry.type == EntryType.PROPOSAL_OPEN else entry.body.get("proposal", "")
            proposal = trial.tables["proposals"].get(decided)
            outcome = proposal.get("outcome") if proposal and proposal["decided_by"] == entry.hash else None
            if proposal and isinstance(outcome, str) and outcome.startswith("out_of_range: "):
                return (f"{entry.type}: this would decide the proposal, but its {proposal['action']} could not "
                        f"apply: {outcome[len('out_of_range: '):]}")
    return None


def settle_pins(entries_in_order: list[Entry]) -> dict[str, int]:
    """The revocation pins the governance entries decide, when those pins apply from the start.

    A pin removes the effect of every entry of the revoked feed past it, wherever that entry sorts, and so
    also of votes that sorted before the revocation; which revocations are decided may change with it.
    Fold the governance entries with no pins, then with the pins that fold decided, until the pins
    decided equal the pins applied. Without a fixed point after PIN_ROUNDS rounds (only feeds that
    vote on each other's revocation past their own pins can do that), the lowest pin each author got
    in any round applies. Deterministic: every replica runs the same rounds on the same entries.
    """
    applied: dict[str, int] = {}
    seen: list[dict[str, int]] = []
    for _round in range(PIN_ROUNDS):
        state = LedgerState()
        state.pins = dict(applied)
        for entry in entries_in_order:
            state.apply(entry)
        decided = decided_pins(state.tables["members"])
        if decided == applied:
            return applied
        seen.append(decided)
        applied = decided
    lowest: dict[str, int] = {}
    for pins in seen:
        for author, seq in pins.items():
            lowest[author] = min(lowest.get(author, seq), seq)
    return lowest


def fold(entries_in_order: list[Entry], equivocators: dict[str, int] | None = None,
         pins: dict[str, int] | None = None) -> LedgerState:
    """State from nothing; the reference that incremental paths must agree with.

    Revocation pins are settled from the governance entries first (unless given), since a pin reaches
    back to entries that sort before the revocation that sets it.
    """
    if pins is None:
        pins = settle_pins([e for e in entries_in_order if e.type in MEMBER_TYPES])
    state = LedgerState()
    state.pins = dict(pins)
    state.set_equivocators(equivocators or {})
    for entry in entries_in_order:
        state.apply(entry)
    state.take_dirty()
    return state
