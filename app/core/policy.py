"""Approval policies and the quorum rule, as plain functions over frozen values.

A policy says, for one permissioned action type, who may propose it, who may approve it, how many
approvals it needs (counting people or distinct organisations), how long a proposal stays open and
whether the proposer's own approval counts. Policies live in the genesis (`policies`) and change
only through an approved `policy.set` proposal. `tally` is the decision rule of docs/FORMAT.md §9.1:
every replica evaluates it with the same inputs at the same point of the total order.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.core.types import EntryType

HOUR_MS = 3_600_000
DAY_MS = 24 * HOUR_MS

DEFAULT_QUORUM = 2
DEFAULT_ROLES = ("admin", "commander")
DEFAULT_EXPIRY_MS = DAY_MS
# Who may propose each action when its policy does not say.
DEFAULT_PROPOSERS: dict[str, tuple[str, ...]] = {
    EntryType.STOCK_ADJUST: ("admin", "commander", "logistics", "field"),
    EntryType.RECORD_CORRECT: ("admin", "commander", "logistics"),
    EntryType.MEMBER_ADD: ("admin", "commander"),
    EntryType.MEMBER_UPDATE: ("admin", "commander"),
    EntryType.MEMBER_REVOKE: ("admin", "commander"),
    EntryType.CONTRACT_DEPLOY: ("admin", "commander"),
    EntryType.POLICY_SET: ("admin", "commander"),
}


@dataclass(frozen=True)
class Policy:
    """The approval rule for one action type. `default` marks the built-in rule (genesis named none)."""

    action: str
    quorum: int = DEFAULT_QUORUM
    roles: tuple[str, ...] = DEFAULT_ROLES
    distinct_orgs: bool = False
    expiry_ms: int = DEFAULT_EXPIRY_MS
    proposer_counts: bool = False
    proposers: tuple[str, ...] = ()
    default: bool = False

    def to_json(self) -> dict:
        return {"quorum": self.quorum, "roles": list(self.roles), "distinct_orgs": self.distinct_orgs,
                "expiry_ms": self.expiry_ms, "proposer_counts": self.proposer_counts,
                "proposers": list(self.proposers)}

    def describe(self) -> str:
        who = "/".join(self.roles)
        orgs = " from distinct organisations" if self.distinct_orgs else ""
        own = ", proposer's approval counts" if self.proposer_counts else ""
        hours = self.expiry_ms / HOUR_MS
        span = f"{int(hours)} h" if hours == int(hours) else f"{self.expiry_ms // 60_000} min"
        text = f"{self.quorum} of {who}{orgs} within {span}{own}"
        return text + (" (default)" if self.default else "")


def make_policy(action: str, spec: dict | None) -> Policy:
    """The policy in force for `action` given the stored spec (None or {}: the default)."""
    proposers = DEFAULT_PROPOSERS.get(action, DEFAULT_ROLES)
    if not spec:
        return Policy(action, proposers=proposers, default=True)
    return Policy(
        action,
        quorum=spec.get("quorum", DEFAULT_QUORUM),
        roles=tuple(sorted(spec.get("roles", DEFAULT_ROLES))),
        distinct_orgs=spec.get("distinct_orgs", False),
        expiry_ms=spec.get("expiry_ms", DEFAULT_EXPIRY_MS),
        proposer_counts=spec.get("proposer_counts", False),
        proposers=tuple(sorted(spec.get("proposers", proposers))),
    )


def policy_from_json(action: str, stored: dict) -> Policy:
    """A policy as recorded in a proposal row (`to_json` plus the default flag)."""
    return Policy(action, stored["quorum"], tuple(stored["roles"]), stored["distinct_orgs"], stored["expiry_ms"],
                  stored["proposer_counts"], tuple(stored["proposers"]), stored.get("default", False))


def eligible(member: dict | None, roles: tuple[str, ...]) -> bool:
    return member is not None and not member["revoked"] and bool(set(member["roles"]) & set(roles))


@dataclass(frozen=True)
class Tally:
    """Where a proposal stands at one point of the order."""

    needed: int                      # approvals (or organisations) required
    have: int                        # approvals (or organisations) that count now
    counted: tuple[str, ...]         # keys whose approval counts, in order
    not_counted: tuple[str, ...]     # keys that approved but no longer count (revoked, role lost)
    proposer_counts: bool            # effective for this evaluation
    waiting_on: tuple[str, ...]      # eligible keys that have neither approved nor rejected (and could still count)
    eligible_total: int              # N: members eligible to vote at this point (the subject excluded)
    distinct_orgs: bool
    possible: int = 0                # approvals (or organisations) still reachable: counted plus waiting_on

    @property
    def satisfied(self) -> bool:
        return self.have >= self.needed

    @property
    def unreachable(self) -> bool:
        """Even if everyone still able to approve did, the quorum would not be met."""
        return self.possible < self.needed

    @property
    def missing(self) -> int:
        return max(self.needed - self.have, 0)


def effective_rule(policy: Policy, members: dict[str, dict], subject: str | None = None) -> tuple[int, bool, int]:
    """(quorum, proposer_counts, eligible count) at this point.

    The default policy adapts to a small network: with fewer than three eligible members, the quorum
    is the number of eligible members (at least 1) and the proposer's approval counts, so a lone founder
    can admit the first members. An explicit policy applies exactly as written. The member a proposal is
    about (`subject`) never votes on it, so it is not counted among the eligible.
    """
    count = sum(1 for k, m in members.items() if k != subject and eligible(m, policy.roles))
    if policy.default and count < 3:
        return max(1, min(policy.quorum, count)), True, count
    return policy.quorum, policy.proposer_counts, count


def tally(policy: Policy, proposer: str, approvers: list[str] | tuple[str, ...], members: dict[str, dict],
          *, subject: str | None = None, rejecters: list[str] | tuple[str, ...] = ()) -> Tally:
    """Count approvals by the members table in force at this point of the order.

    `approvers` are the keys that recorded an approval, in order (the proposer never appears there:
    a proposer's approval is the proposal itself and counts only when the rule says so). An approval
    counts only if its author is, at this point, a member, not revoked, holding an eligible role and not
    the proposal's subject; with `distinct_orgs` the count is the number of organisations among those that
    count. `possible` adds everyone eligible who has neither approved nor rejected: a rejection is a vote
    that lowers what is reachable, never a veto by itself.
    """
    quorum, proposer_counts, total = effective_rule(policy, members, subject)

    def votes(key: str) -> bool:
        return key != subject and eligible(members.get(key), policy.roles)

    candidates = ([proposer] if proposer_counts else []) + [k for k in approvers if k != proposer]
    counted = tuple(k for k in candidates if votes(k))
    not_counted = tuple(k for k in approvers if k not in counted)
    refused = set(rejecters)
    undecided = tuple(sorted(k for k in members if votes(k) and k not in counted and k != proposer
                             and k not in refused))
    if policy.distinct_orgs:
        orgs = {members[k]["org"] for k in counted}
        have = len(orgs)
        possible = len(orgs | {members[k]["org"] for k in undecided})
        waiting = tuple(k for k in undecided if members[k]["org"] not in orgs)
    else:
        have = len(counted)
        possible = have + len(undecided)
        waiting = undecided
    return Tally(quorum, have, counted, not_counted, proposer_counts, waiting, total, policy.distinct_orgs, possible)


def subject_key(action: str, body: dict) -> str | None:
    """The member a membership action is about: that member never votes on it."""
    return body.get("key") if action.startswith("member.") else None


def subject_of(action: str, body: dict) -> str:
    """The record a permissioned action is about, for 'history of decisions on this record'."""
    if action == EntryType.STOCK_ADJUST:
        return f"stock:{body['site']}|{body['item']}|{body['lot']}"
    if action == EntryType.RECORD_CORRECT:
        return f"entry:{body['target']}"
    if action.startswith("member."):
        return f"member:{body['key']}"
    if action == EntryType.CONTRACT_DEPLOY:
        return f"contract:{body['contract']}"
    if action == EntryType.POLICY_SET:
        return f"policy:{body['action']}"
    return action
