"""Who may write what, at every point of the total order.

Membership is itself folded from entries (the genesis and `member.*`), so the
same pure function serves the full state fold and the on-receipt check of an
entry that sorts somewhere in the past.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

from app.core.entry import Entry, EntryError
from app.core.schema import PERMISSIONED, PROPOSAL_TYPES, allowed
from app.core.types import EntryType, OrderKey

# Entries that can change membership: the genesis, and the approval workflow (an approved member.*
# action takes effect where its proposal is decided). Stores select these to build the timeline.
MEMBER_TYPES = frozenset({EntryType.GENESIS, EntryType.MEMBER_ADD, EntryType.MEMBER_UPDATE, EntryType.MEMBER_REVOKE,
                          EntryType.MEMBER_PIN, *PROPOSAL_TYPES})
# Rounds of settling revocation pins before falling back to the lowest pin seen (see settle_pins).
PIN_ROUNDS = 8


def member_row(key: str, org: str, name: str, roles: list[str], entry: str) -> dict:
    return {"key": key, "org": org, "name": name, "roles": sorted(set(roles)), "revoked": False, "entry": entry,
            "pin": None}


def pin_of(body: dict) -> dict:
    """The pin a revocation (or re-pin) sets: the last seq of the feed that keeps its effect, and its hash."""
    return {"seq": body["seq"], "head": body.get("head")}


def decided_pins(members: dict[str, dict]) -> dict[str, int]:
    """author -> pinned seq, from a members table."""
    return {key: row["pin"]["seq"] for key, row in members.items() if row.get("pin") is not None}


def authorize(members: dict[str, dict], entry: Entry, network_kind: str) -> None:
    """Raise EntryError unless `entry.author` may author `entry.type` given `members` at that point."""
    if entry.type == EntryType.GENESIS:
        return
    member = members.get(entry.author)
    if member is None:
        raise EntryError("not_member", "the author is not a member of this network at this point of the ledger")
    if member["revoked"]:
        raise EntryError("revoked", "the author's key was revoked before this point of the ledger")
    if entry.type in PERMISSIONED:
        raise EntryError("needs_approval", f"{entry.type} is a permissioned edit: it takes effect only through an "
                                           f"approved proposal (proposal.open with action {entry.type})")
    if not allowed(entry.type, frozenset(member["roles"]), network_kind):
        raise EntryError("role_not_allowed",
                         f"roles {', '.join(member['roles'])} may not record {entry.type}")


def apply_membership(members: dict[str, dict], entry: Entry) -> str | None:
    """Apply a membership entry in place; return a conflict message when it cannot take effect."""
    body = entry.body
    if entry.type == EntryType.GENESIS:
        for m in body["members"]:
            members[m["key"]] = member_row(m["key"], m["org"], m["name"], m["roles"], entry.hash)
        return None
    key = body["key"]
    current = members.get(key)
    if entry.type == EntryType.MEMBER_ADD:
        if current is not None and not current["revoked"]:
            return "already a member"
        if current is not None and current["revoked"]:
            return "a revoked key cannot be re-admitted; enrol a new key"
        members[key] = member_row(key, body["org"], body["name"], body["roles"], entry.hash)
    elif entry.type == EntryType.MEMBER_UPDATE:
        if current is None or current["revoked"]:
            return "not a current member"
        updated = dict(current)
        for name in ("org", "name"):
            if name in body:
                updated[name] = body[name]
        if "roles" in body:
            updated["roles"] = sorted(set(body["roles"]))
        updated["entry"] = entry.hash
        members[key] = updated
    elif entry.type == EntryType.MEMBER_REVOKE:
        if current is None or current["revoked"]:
            return "not a current member"
        members[key] = {**current, "revoked": True, "entry": entry.hash, "pin": pin_of(body)}
    elif entry.type == EntryType.MEMBER_PIN:
        if current is None or not current["revoked"]:
            return "only a revoked key's pin can be moved; revoke the key first"
        members[key] = {**current, "entry": entry.hash, "pin": pin_of(body)}
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
    from app.core.state import LedgerState

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


@dataclass
class MembershipTimeline:
    """Member tables after each membership entry, for `roles at position` look-ups on receipt."""

    network_kind: str
    keys: list[OrderKey]
    tables: list[dict[str, dict]]
    state: Any = None   # the LedgerState folded so far (membership-changing entries only), for `extend`
    pins: dict[str, int] = field(default_factory=dict)   # settled revocation pins (author -> last effective seq)

    @classmethod
    def build(cls, network_kind: str, entries_in_order: list[Entry]) -> "MembershipTimeline":
        """Fold the membership-changing entries (genesis and the approval workflow) exactly as the state
        fold does, with the settled revocation pins, and keep the members table after each change."""
        from app.core.state import LedgerState

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
