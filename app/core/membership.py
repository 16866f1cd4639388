"""Who may write what, at every point of the total order.

Membership is itself folded from entries (the genesis and `member.*`), so the
same pure function serves the full state fold and the on-receipt check of an
entry that sorts somewhere in the past.
"""

from __future__ import annotations

from app.core.entry import Entry, EntryError
from app.core.schema import EXERCISE_TYPES, PERMISSIONED, PROPOSAL_TYPES, allowed
from app.core.types import EntryType

# Entries that can change membership: the genesis, and the approval workflow (an approved member.*
# action takes effect where its proposal is decided). Stores select these to build the timeline.
MEMBER_TYPES = frozenset({EntryType.GENESIS, EntryType.MEMBER_ADD, EntryType.MEMBER_UPDATE, EntryType.MEMBER_REVOKE,
                          EntryType.MEMBER_PIN, *PROPOSAL_TYPES})


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
    if entry.type in EXERCISE_TYPES and network_kind != "exercise":
        raise EntryError("exercise_only", f"{entry.type} exists only in an exercise network; this network is "
                                          f"{network_kind}")
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
