"""Who may write what, at every point of the total order.

Membership is itself folded from entries (the genesis and `member.*`), so the
same pure function serves the full state fold and the on-receipt check of an
entry that sorts somewhere in the past.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Any

from app.core.entry import Entry, EntryError
from app.core.schema import PERMISSIONED, PROPOSAL_TYPES, allowed

# Entries that can change membership: the genesis, and the approval workflow (an approved member.*
# action takes effect where its proposal is decided). Stores select these to build the timeline.
MEMBER_TYPES = frozenset({"genesis", "member.add", "member.update", "member.revoke", *PROPOSAL_TYPES})


def member_row(key: str, org: str, name: str, roles: list[str], entry: str) -> dict:
    return {"key": key, "org": org, "name": name, "roles": sorted(set(roles)), "revoked": False, "entry": entry}


def authorize(members: dict[str, dict], entry: Entry, network_kind: str) -> None:
    """Raise EntryError unless `entry.author` may author `entry.type` given `members` at that point."""
    if entry.type == "genesis":
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
    if entry.type == "genesis":
        for m in body["members"]:
            members[m["key"]] = member_row(m["key"], m["org"], m["name"], m["roles"], entry.hash)
        return None
    key = body["key"]
    current = members.get(key)
    if entry.type == "member.add":
        if current is not None and not current["revoked"]:
            return "already a member"
        if current is not None and current["revoked"]:
            return "a revoked key cannot be re-admitted; enrol a new key"
        members[key] = member_row(key, body["org"], body["name"], body["roles"], entry.hash)
    elif entry.type == "member.update":
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
    elif entry.type == "member.revoke":
        if current is None or current["revoked"]:
            return "not a current member"
        members[key] = {**current, "revoked": True, "entry": entry.hash}
    return None


@dataclass
class MembershipTimeline:
    """Member tables after each membership entry, for `roles at position` look-ups on receipt."""

    network_kind: str
    keys: list[tuple[int, str, int]]
    tables: list[dict[str, dict]]
    state: Any = None   # the LedgerState folded so far (membership-changing entries only), for `extend`

    @classmethod
    def build(cls, network_kind: str, entries_in_order: list[Entry]) -> "MembershipTimeline":
        """Fold the membership-changing entries (genesis and the approval workflow) exactly as the state
        fold does, and keep the members table after each change."""
        from app.core.state import LedgerState

        timeline = cls(network_kind, [], [], LedgerState())
        for entry in entries_in_order:
            timeline.extend(entry)
        return timeline

    def extend(self, entry: Entry) -> bool:
        """Fold one more entry that sorts after all folded so far; False (nothing done) if it does not."""
        if self.state is None or (self.state.position is not None and entry.key <= self.state.position):
            return False
        self.state.apply(entry)
        if any(table == "members" for table, _key in self.state.take_dirty()):
            self.keys.append(entry.key)
            self.tables.append(dict(self.state.tables["members"]))
        return True

    def members_at(self, key: tuple[int, str, int]) -> dict[str, dict]:
        index = bisect.bisect_left(self.keys, key)
        return self.tables[index - 1] if index else {}

    def ever_admitted(self, author: str) -> bool:
        return any(author in table for table in self.tables)
