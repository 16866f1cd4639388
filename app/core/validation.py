"""Validation on receipt: every rule an entry must pass before anything else sees it.

Pure: the replica's knowledge comes in through `ReplicaView`, so the same
checks run for local appends, peers, bundle imports and full re-verification.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Protocol

from app.core.custody import countersignature_valid
from app.core.entry import MAX_TS_LEAD_MS, Entry, EntryError
from app.core.membership import authorize
from app.core.schema import PIN_ACTIONS, check_body, check_correction
from app.core.timeline import MembershipTimeline
from app.core.types import EntryType

# Codes that mean "not yet": the entry may become valid once missing entries arrive.
RETRYABLE = frozenset({"missing_prev", "missing_dependency"})

REASONS: dict[str, str] = {
    "malformed": "not valid JSON / UTF-8",
    "non_canonical": "not in canonical encoding",
    "float_forbidden": "contains a non-integer number",
    "int_range": "integer outside ±(2^53-1)",
    "too_deep": "nests too deep",
    "bad_string": "a string holds a lone surrogate (not a Unicode character)",
    "too_large": "larger than the entry size limit",
    "bad_fields": "envelope fields missing or of the wrong type",
    "bad_genesis": "genesis entry malformed",
    "bad_signature": "signature invalid",
    "hash_mismatch": "stored hash does not match the content (altered)",
    "index_mismatch": "stored index columns do not match the content (altered)",
    "wrong_network": "belongs to another network",
    "chain_broken": "does not continue its author's hash chain",
    "missing_prev": "the author's previous entry is not here yet",
    "missing_dependency": "an entry it depends on is not here yet",
    "bad_lamport": "lamport clock is not 1 + max(prev, deps)",
    "unknown_type": "entry type unknown",
    "bad_body": "body does not match its type's schema",
    "bad_correction": "correction names a record that cannot be corrected that way",
    "bad_countersignature": "receiver's counter-signature invalid",
    "not_member": "author is not a member at that point",
    "revoked": "author's key was revoked before that point",
    "role_not_allowed": "author's roles do not allow this entry type",
    "equivocation": "author signed a different entry with the same sequence number",
    "needs_approval": "a permissioned edit authored directly instead of through an approved proposal",
    "bad_reference": "refers to an entry that is not a proposal, or does not list it in deps or prev",
    "bad_pin": "a revocation pin that is not the named key's entry at that seq, or not in the proposal's deps",
    "ts_ahead": "ts runs more than 366 days ahead of the newest entry it depends on",
    "exercise_only": "an exercise entry (clock, inject, acknowledgement) in a network that is not an exercise",
    "beyond_pin": "written by a revoked key after the entry its revocation pinned (stored, without effect)",
}


class Outcome(Enum):
    NEW = "new"
    DUPLICATE = "duplicate"
    EQUIVOCATION = "equivocation"


class ReplicaView(Protocol):
    """What validation needs to know about the replica receiving an entry."""

    network_id: str | None

    def lamport_of(self, entry_hash: str) -> int | None: ...
    def hash_at(self, author: str, seq: int) -> str | None: ...
    def head_seq(self, author: str) -> int: ...
    def type_of(self, entry_hash: str) -> str | None: ...
    def ts_of(self, entry_hash: str) -> int | None: ...
    def position_of(self, entry_hash: str) -> tuple[str, int] | None: ...
    def membership(self) -> MembershipTimeline: ...


@dataclass(frozen=True)
class Verdict:
    outcome: Outcome
    entry: Entry
    conflicting: str | None = None


def validate(entry: Entry, view: ReplicaView) -> Verdict:
    """Check one parsed (signature-verified) entry against the replica; raise EntryError to refuse."""
    if entry.type == EntryType.GENESIS:
        if view.network_id is None:
            check_body(EntryType.GENESIS, entry.body)
            founder = next((m for m in entry.body["members"] if m["key"] == entry.author), None)
            if founder is None or "admin" not in founder["roles"]:
                raise EntryError("bad_genesis", "the genesis must be signed by a founding member with the admin role")
            return Verdict(Outcome.NEW, entry)
        if entry.hash == view.network_id:
            return Verdict(Outcome.DUPLICATE, entry)
        raise EntryError("wrong_network", "this is the genesis of another network")
    if view.network_id is None:
        raise EntryError("missing_dependency", "the replica has no genesis yet")
    if entry.net != view.network_id:
        raise EntryError("wrong_network", f"entry belongs to network {entry.net[:12] if entry.net else '?'}…, "
                                          f"this replica is {view.network_id[:12]}…")
    head = view.head_seq(entry.author)
    existing = view.hash_at(entry.author, entry.seq) if entry.seq <= head else None
    if existing == entry.hash or (existing is not None and view.lamport_of(entry.hash) is not None):
        return Verdict(Outcome.DUPLICATE, entry)
    if existing is None:
        if entry.seq > head + 1:
            raise EntryError("missing_prev", f"seq {entry.seq} arrived but this replica holds the author's feed "
                                             f"only up to seq {head}")
        if entry.seq > 1 and view.hash_at(entry.author, entry.seq - 1) != entry.prev:
            raise EntryError("chain_broken", "prev does not match the hash of the author's previous entry")
    check_entry_content(entry, view)
    if existing is not None:
        return Verdict(Outcome.EQUIVOCATION, entry, conflicting=existing)
    return Verdict(Outcome.NEW, entry)


def check_entry_content(entry: Entry, view: ReplicaView, *, check_prev_lamport: bool = True) -> None:
    """The rules that do not depend on the author's chain position: clocks, schema, membership."""
    parents = list(entry.deps) + ([entry.prev] if entry.prev else [])
    highest = 0
    newest_ts: int | None = None
    for parent in parents:
        lamport = view.lamport_of(parent)
        if lamport is None:
            if parent == entry.prev and not check_prev_lamport:
                continue
            what = "previous entry" if parent == entry.prev else "dependency"
            raise EntryError("missing_prev" if parent == entry.prev else "missing_dependency",
                             f"{what} {parent[:12]}… is not here yet")
        highest = max(highest, lamport)
        parent_ts = view.ts_of(parent)
        if parent_ts is not None:
            newest_ts = parent_ts if newest_ts is None else max(newest_ts, parent_ts)
    if entry.lamport != highest + 1:
        raise EntryError("bad_lamport", f"lamport is {entry.lamport}, expected {highest + 1}")
    if newest_ts is not None and entry.ts > newest_ts + MAX_TS_LEAD_MS:
        raise EntryError("ts_ahead", f"ts {entry.ts} is more than 366 days ahead of the newest entry it depends on "
                                     f"({newest_ts})")
    check_body(entry.type, entry.body)
    if entry.type == EntryType.PROPOSAL_OPEN and entry.body["action"] in PIN_ACTIONS:
        _check_pin(entry, entry.body["body"], view)
    if entry.type == EntryType.RECORD_CORRECT:
        _check_correction_target(entry, entry.body, view)
    if entry.type == EntryType.PROPOSAL_OPEN and entry.body["action"] == EntryType.RECORD_CORRECT:
        _check_correction_target(entry, entry.body["body"], view)
    if entry.type in (EntryType.PROPOSAL_APPROVE, EntryType.PROPOSAL_REJECT, EntryType.PROPOSAL_WITHDRAW):
        proposal = entry.body["proposal"]
        proposal_type = view.type_of(proposal)
        if proposal_type is None:
            raise EntryError("missing_dependency", "the proposal this refers to is not here yet")
        if proposal_type != EntryType.PROPOSAL_OPEN:
            raise EntryError("bad_reference", f"{proposal[:12]}… is a {proposal_type} entry, not a proposal")
        if proposal not in entry.deps and proposal != entry.prev:
            raise EntryError("bad_reference", "an approval, rejection or withdrawal must list its proposal in deps "
                                              "or prev, so that it always sorts after it")
    if entry.type == EntryType.EXERCISE_ACK:
        release = entry.body["release"]
        release_type = view.type_of(release)
        if release_type is None:
            raise EntryError("missing_dependency", "the inject release this acknowledges is not here yet")
        if release_type != EntryType.EXERCISE_INJECT:
            raise EntryError("bad_reference", f"{release[:12]}… is a {release_type} entry, not an inject release")
        if release not in entry.deps and release != entry.prev:
            raise EntryError("bad_reference", "an acknowledgement must list the inject release in deps or prev, so "
                                              "that it always sorts after it")
    if entry.type == EntryType.SHIPMENT_HANDOVER and "receiver_sig" in entry.body:
        b = entry.body
        assert entry.net is not None
        if not countersignature_valid(entry.net, b["shipment"], entry.author, b["to"], b["index"], b["receiver_sig"]):
            raise EntryError("bad_countersignature", "the receiver's counter-signature does not match this hand-over")
    if entry.type == EntryType.SHIPMENT_ACCEPT:
        b = entry.body
        assert entry.net is not None
        if not countersignature_valid(entry.net, b["shipment"], b["from"], entry.author, b["index"], b["receiver_sig"]):
            raise EntryError("bad_countersignature", "the acceptance's signature does not verify as the author's "
                                                     "acceptance of this shipment, giver and step")
    timeline = view.membership()
    pin = timeline.pins.get(entry.author)
    if pin is not None and entry.seq > pin:
        # Past its author's revocation pin, wherever it sorts (before the revocation or after it): stored,
        # without effect (the fold records `beyond_pin`). Refusing it would leave honest entries that depend
        # on it, or a `member.pin` re-admitting it, waiting forever, and would make which replicas hold it
        # depend on arrival order; it would not stop a flood either, since backdating gets past a refusal.
        return
    authorize(timeline.members_at(entry.key), entry, timeline.network_kind)


def _check_pin(entry: Entry, body: dict, view: ReplicaView) -> None:
    """A pin names the revoked feed's entry at `seq`, which the proposer held and lists in deps or prev."""
    if body["seq"] == 0:
        return
    head = body["head"]
    position = view.position_of(head)
    if position is None:
        raise EntryError("missing_dependency", "the pinned entry of the revoked feed is not here yet")
    if position != (body["key"], body["seq"]):
        raise EntryError("bad_pin", f"the pinned entry {head[:12]}… is not seq {body['seq']} of the revoked key")
    if head not in entry.deps and head != entry.prev:
        raise EntryError("bad_pin", "a revocation must list the pinned entry in deps, so it is known to precede it")


def _check_correction_target(entry: Entry, body: dict, view: ReplicaView) -> None:
    target_type = view.type_of(body["target"])
    if target_type is None:
        raise EntryError("missing_dependency", "the corrected entry is not here yet")
    if body["target"] not in entry.deps and body["target"] != entry.prev:
        raise EntryError("bad_correction", "a correction must list the entry it corrects in deps or prev")
    check_correction(target_type, body["set"])
