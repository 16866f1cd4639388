"""Who held which roles at each point of the total order, for the on-receipt check.

An entry that sorts somewhere in the past is authorised against the members table as it stood there.
The timeline folds the membership-changing entries exactly as the state fold does (app/core/state.py)
and keeps the table after each change; it sits above the fold, which itself uses the per-entry rules
of app/core/membership.py.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

from app.core.entry import Entry
from app.core.membership import decided_pins
from app.core.state import LedgerState, settle_pins
from app.core.types import EntryType, OrderKey


@dataclass
class MembershipTimeline:
    """Member tables after each membership entry, for `roles at position` look-ups on receipt."""

    network_kind: str
    keys: list[OrderKey]
    tables: list[dict[str, dict]]
    state: Any = None   # the LedgerState folded so far (membership-changing entries only), for `extend`
    pins: dict[str, int] = field(default_factory=dict)   # settled revocation pins (author -> last effective seq)

    @classmethod
    def build(cls, network_kind: str, entries_in_order: list[Entry]) -> MembershipTimeline:
        """Fold the membership-changing entries (genesis and the approval workflow) exactly as the state
        fold does, with the settled revocation pins, and keep the members table after each change."""
        pins = settle_pins(entries_in_order)
        state = LedgerState()
        state.pins = dict(pins)
        timeline = cls(network_kind, [], [], state, dict(pins))
        for entry in entries_in_order:
            timeline.extend(entry)
        return timeline

    def extend(self, entry: Entry) -> bool:
        """Fold one more entry that sorts after all folded so far; False (nothing done, rebuild) if it does
        not, or if it decides a pin that differs from the settled ones (entries before it may be affected)."""
        if self.state is None or (self.state.position is not None and entry.key <= self.state.position):
            return False
        self.state.apply(entry)
        if entry.type == EntryType.GENESIS:
            self.network_kind = entry.body["kind"]
        if any(table == "members" for table, _key in self.state.take_dirty()):
            if any(self.pins.get(author) != seq for author, seq in decided_pins(self.state.tables["members"]).items()):
                self.state = None
                return False
            self.keys.append(entry.key)
            self.tables.append(dict(self.state.tables["members"]))
        return True

    def members_at(self, key: OrderKey) -> dict[str, dict]:
        index = bisect.bisect_left(self.keys, key)
        return self.tables[index - 1] if index else {}

    def ever_admitted(self, author: str) -> bool:
        return any(author in table for table in self.tables)
