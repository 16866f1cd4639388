"""A logbook of signed entries written by hand, each at the scenario time the test says.

Every entry depends on the one before it, so the ledger's total order is the order written here and a
test reads its timeline top to bottom; the entries are valid ledger entries (a replica accepts them,
tests/exercise/test_measures.py checks that), built without a node so a property test can write
hundreds of ledgers.
"""

from __future__ import annotations

from app.core import entry as entry_mod
from app.core.entry import Entry
from app.core.identity import Identity

T0 = 1_767_225_600_000      # 2026-01-01 00:00 UTC: the exercise starts
MINUTE = 60_000
HOUR = 60 * MINUTE

COMMANDER = Identity.from_seed(b"measures/commander")
LOGISTICS = Identity.from_seed(b"measures/logistics")
FIELD = Identity.from_seed(b"measures/field")


def at(hours: int, minutes: int = 0) -> int:
    """Scenario time `hours:minutes` after the start, in ms."""
    return T0 + hours * HOUR + minutes * MINUTE


class Book:
    """The entries of a three-member exercise network (NDMA commander, WFP logistics, IFRC field)."""

    def __init__(self, policies: dict | None = None) -> None:
        body = {"name": "Measures drill", "kind": "exercise", "policies": policies or {}, "members": [
            {"key": COMMANDER.public_key_hex, "org": "NDMA", "name": "Chidi Commander",
             "roles": ["admin", "commander"]},
            {"key": LOGISTICS.public_key_hex, "org": "WFP", "name": "Lena Logistics", "roles": ["logistics"]},
            {"key": FIELD.public_key_hex, "org": "IFRC", "name": "Femi Field", "roles": ["field"]}]}
        genesis = entry_mod.create(COMMANDER, net=None, seq=1, prev=None, deps=[], lamport=1, ts=T0,
                                   type="genesis", body=body)
        self.entries: list[Entry] = [genesis]
        self.heads: dict[str, Entry] = {COMMANDER.public_key_hex: genesis}

    def add(self, who: Identity, ts: int, entry_type: str, body: dict) -> Entry:
        """`who` signs an entry stamped `ts` that sorts after every entry written so far."""
        own = self.heads.get(who.public_key_hex)
        last = self.entries[-1]
        deps = set() if last is own else {last.hash}
        if isinstance(body.get("proposal"), str):
            deps.add(body["proposal"])   # a vote lists its proposal (docs/FORMAT.md §5)
        entry = entry_mod.create(who, net=self.entries[0].hash, seq=own.seq + 1 if own else 1,
                                 prev=own.hash if own else None, deps=sorted(deps), lamport=last.lamport + 1, ts=ts,
                                 type=entry_type, body=body)
        self.entries.append(entry)
        self.heads[who.public_key_hex] = entry
        return entry
