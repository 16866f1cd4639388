"""The approval workflow folded into state: proposals, approvals, rejections, withdrawals, expiry.

Everything here runs inside the deterministic fold (`LedgerState.apply`), at the position an entry
sorts, so every replica decides every proposal at the same point of the total order:

- Deadlines run on *governance time* (`governance_time`): the second-highest of the organisations'
  latest governance timestamps, so no single organisation, let alone a single key, can move it.
- `proposal.open` records a proposal judged by the policy in force where it sorts; its deadline is
  its own `ts` + the policy's `expiry_ms` (an author can lengthen only its own proposal's life, by at
  most the 366 days an entry's ts may run ahead of what it depends on).
- Before any `proposal.*` entry E is folded, every open proposal whose deadline is before governance
  time at E becomes `expired` (decided by E). Expiry is implicit: no entry announces it.
- An approval counts if its author is eligible there; when the tally (app/core/policy.py) is satisfied,
  the proposed action is performed right there, as if an entry of that type had been folded.
- A rejection is a vote: the proposal is rejected only once rejections leave its quorum unreachable.
  The member a membership proposal is about never votes on it. The proposer may withdraw.
- Entries that cannot act (a closed proposal, an ineligible approver, a repeated approval) are recorded
  as ineffective with a reason and change nothing else.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from app.core.entry import Entry, EntryError
from app.core.policy import Tally, eligible, make_policy, policy_from_json, subject_key, subject_of, tally
from app.core.types import EntryType, Tables

OPEN = "open"
CLOSED_STATUSES = ("approved", "rejected", "withdrawn", "expired")

# Reasons an approval-workflow entry changes nothing (recorded in the `ineffective` table).
INEFFECTIVE_REASONS: dict[str, str] = {
    "not_proposer": "the author's roles may not propose this action under its policy",
    "unknown_proposal": "the referenced proposal did not take effect",
    "proposal_closed": "the proposal was already approved, rejected, withdrawn or expired at that point",
    "own_proposal": "a proposer neither approves nor rejects their own proposal (it counts, or they withdraw)",
    "already_voted": "this member already approved or rejected the proposal",
    "own_subject": "a member never votes on a proposal about itself",
    "not_eligible": "the author holds no role eligible to approve this action at that point",
}

Perform = Callable[[Entry], None]


def policies_spec(state: Any, action: str) -> dict | None:
    row = state.get("policies", action)
    return row["policy"] if row else None


def governance_time(state: Any) -> int:
    """The time deadlines are judged by: no single organisation can move it forward or hold it back.

    Each organisation's clock is the latest `ts` of the genesis and `proposal.*` entries its members
    authored (table `clock`). Among the organisations of current members, governance time is the
    second-highest of those clocks (the only one with a single organisation), never before the genesis.
    """
    members = state.tables["members"]
    orgs = {m["org"] for m in members.values() if not m["revoked"]}
    clocks = sorted((state.tables["clock"].get(org, {}).get("ts", 0) for org in orgs), reverse=True)
    floor = state.tables["network"].get("network", {}).get("founded_ms", 0)
    if not clocks:
        return floor
    return max(floor, clocks[min(2, len(clocks)) - 1])


def advance_clock(state: Any, entry: Entry) -> None:
    """Count an authorised governance entry's ts toward its author's organisation's clock."""
    member = state.get("members", entry.author)
    if member is None:
        return
    row = state.get("clock", member["org"])
    if row is None or entry.ts > row["ts"]:
        state.put("clock", member["org"], {"org": member["org"], "ts": entry.ts})


def sweep_expired(state: Any, entry: Entry, now: int) -> None:
    """Expire every open proposal whose deadline lies before governance time `now`."""
    for key, row in sorted(state.tables["proposals"].items()):
        if row["status"] == OPEN and now > row["deadline_ms"]:
            state.put("proposals", key, {**row, "status": "expired", "decided_by": entry.hash,
                                         "decided_ms": entry.ts,
                                         "outcome": "expired: not approved before the deadline"})


def apply_workflow(state: Any, entry: Entry, perform: Perform) -> None:
    advance_clock(state, entry)
    sweep_expired(state, entry, governance_time(state))
    handler = _HANDLERS[entry.type]
    handler(state, entry, perform)


def _open(state: Any, entry: Entry, perform: Perform) -> None:
    b = entry.body
    policy = make_policy(b["action"], policies_spec(state, b["action"]))
    member = state.get("members", entry.author)
    if member is None or not set(member["roles"]) & set(policy.proposers):
        state.ineffective(entry, "not_proposer", f"{', '.join(member['roles']) if member else 'non-members'} may not "
                                                 f"propose {b['action']}; proposers: {', '.join(policy.proposers)}")
        return
    row = {
        "proposal": entry.hash, "action": b["action"], "body": b["body"], "reason": b["reason"],
        "subject": subject_of(b["action"], b["body"]), "proposer": entry.author, "opened_ms": entry.ts,
        "deadline_ms": entry.ts + policy.expiry_ms,
        "policy": {**policy.to_json(), "default": policy.default},
        "status": OPEN, "approvals": [], "rejections": [], "withdrawn_by": None, "counted": [],
        "decided_by": None, "decided_ms": None, "outcome": None, "before": None,
    }
    state.put("proposals", entry.hash, row)
    _evaluate(state, entry, row, perform)


def row_tally(row: dict, members: dict[str, dict]) -> Tally:
    """A proposal row counted against a members table (its subject excluded, its rejections counted)."""
    policy = policy_from_json(row["action"], row["policy"])
    return tally(policy, row["proposer"], [a["by"] for a in row["approvals"]], members,
                 subject=subject_key(row["action"], row["body"]), rejecters=[r["by"] for r in row["rejections"]])


def _evaluate(state: Any, entry: Entry, row: dict, perform: Perform) -> None:
    """Re-count at this point; perform the action here if the policy is now satisfied, or close the
    proposal as rejected once its rejections leave the quorum out of reach."""
    result = row_tally(row, state.tables["members"])
    row = {**row, "counted": list(result.counted)}
    if not result.satisfied:
        if row["rejections"] and result.unreachable:
            row = {**row, "status": "rejected", "decided_by": entry.hash, "decided_ms": entry.ts,
                   "outcome": f"rejected: {row['rejections'][-1]['comment']} (quorum out of reach: "
                              f"{result.possible} of {result.needed} still possible)"}
        state.put("proposals", row["proposal"], row)
        return
    effect = dataclasses.replace(entry, hash=row["proposal"], author=row["proposer"], type=row["action"],
                                 body=row["body"])
    conflict_before = state.get("conflicts", row["proposal"])
    before = values_before(state.tables, row["action"], row["body"])
    out_of_range = state.atomic(lambda: perform(effect))
    conflict = state.get("conflicts", row["proposal"])
    if out_of_range is not None:
        outcome = f"out_of_range: {out_of_range}"   # decided, but the action changed nothing (FORMAT.md §9)
    elif conflict is None or conflict is conflict_before:
        outcome = "applied"
    else:
        outcome = f"conflict: {conflict['message']}"
    state.put("proposals", row["proposal"], {**row, "status": "approved", "decided_by": entry.hash,
                                             "decided_ms": entry.ts, "outcome": outcome, "before": before})


def values_before(tables: Tables, action: str, body: dict) -> dict | None:
    """What the action is about to change, as it stood just before (kept in the decided proposal's row)."""
    if action == EntryType.STOCK_ADJUST:
        row = tables["stock"].get(f"{body['site']}|{body['item']}|{body['lot']}")
        return {"qty": row["qty"] if row else 0}
    if action == EntryType.RECORD_CORRECT:
        record = tables["records"].get(body["target"]) or {}
        return {name: record.get(name) for name in sorted(body["set"])}
    if action.startswith("member."):
        member = tables["members"].get(body["key"])
        return None if member is None else {k: member[k] for k in ("org", "name", "roles", "revoked", "pin")}
    if action == EntryType.CONTRACT_DEPLOY:
        contract = tables["contracts"].get(body["contract"])
        return None if contract is None else {"version": contract["version"]}
    if action == EntryType.POLICY_SET:
        policy = tables["policies"].get(body["action"])
        return None if policy is None else {"policy": policy["policy"]}
    return None


def _target(state: Any, entry: Entry) -> dict | None:
    row = state.get("proposals", entry.body["proposal"])
    if row is None:
        state.ineffective(entry, "unknown_proposal", "the referenced proposal did not take effect")
        return None
    if row["status"] != OPEN:
        state.ineffective(entry, "proposal_closed", f"the proposal is already {row['status']}; this changes nothing")
        return None
    return row


def _vote_allowed(state: Any, entry: Entry, row: dict) -> bool:
    if entry.author == subject_key(row["action"], row["body"]):
        state.ineffective(entry, "own_subject", "a member never votes on a proposal about itself")
        return False
    if entry.author == row["proposer"]:
        state.ineffective(entry, "own_proposal", "the proposer's own approval is the proposal itself "
                                                 "(counted only if the policy says so); to cancel, withdraw it")
        return False
    if any(a["by"] == entry.author for a in row["approvals"]) or any(r["by"] == entry.author
                                                                      for r in row["rejections"]):
        state.ineffective(entry, "already_voted", "this member already approved or rejected the proposal")
        return False
    policy = policy_from_json(row["action"], row["policy"])
    if not eligible(state.get("members", entry.author), policy.roles):
        state.ineffective(entry, "not_eligible", f"approving {row['action']} needs one of the roles "
                                                 f"{', '.join(policy.roles)}")
        return False
    return True


def _approve(state: Any, entry: Entry, perform: Perform) -> None:
    row = _target(state, entry)
    if row is None or not _vote_allowed(state, entry, row):
        return
    vote = {"by": entry.author, "entry": entry.hash, "ts": entry.ts, "comment": entry.body.get("comment", "")}
    row = {**row, "approvals": row["approvals"] + [vote]}
    _evaluate(state, entry, row, perform)


def _reject(state: Any, entry: Entry, perform: Perform) -> None:
    row = _target(state, entry)
    if row is None or not _vote_allowed(state, entry, row):
        return
    vote = {"by": entry.author, "entry": entry.hash, "ts": entry.ts, "comment": entry.body["comment"]}
    _evaluate(state, entry, {**row, "rejections": row["rejections"] + [vote]}, perform)


def _withdraw(state: Any, entry: Entry, perform: Perform) -> None:
    row = _target(state, entry)
    if row is None:
        return
    if entry.author != row["proposer"]:
        state.ineffective(entry, "not_proposer", "only the proposer may withdraw a proposal")
        return
    comment = entry.body.get("comment", "")
    state.put("proposals", row["proposal"], {**row, "status": "withdrawn", "withdrawn_by": entry.hash,
                                             "decided_by": entry.hash, "decided_ms": entry.ts,
                                             "outcome": "withdrawn" + (f": {comment}" if comment else "")})


_HANDLERS: dict[str, Callable[[Any, Entry, Perform], None]] = {
    EntryType.PROPOSAL_OPEN: _open,
    EntryType.PROPOSAL_APPROVE: _approve,
    EntryType.PROPOSAL_REJECT: _reject,
    EntryType.PROPOSAL_WITHDRAW: _withdraw,
}


# A member's decision on a proposal, as the CLI and the client name it, and the entry it is signed as.
DECISIONS: dict[str, str] = {
    "approve": EntryType.PROPOSAL_APPROVE,
    "reject": EntryType.PROPOSAL_REJECT,
    "withdraw": EntryType.PROPOSAL_WITHDRAW,
}


def decision_entry(decision: str, proposal: str, comment: str = "") -> tuple[str, dict]:
    """The (type, body) a decision is signed as, built here once so a vote cast from the command line and
    one cast from the client are the same entry: a rejection always carries its comment (the schema
    requires one), an approval or withdrawal only a comment that is not empty.

    Raises EntryError (`unknown_decision`) for anything but approve, reject or withdraw.
    """
    entry_type = DECISIONS.get(decision)
    if entry_type is None:
        raise EntryError("unknown_decision", f"{decision!r} is not a decision on a proposal; "
                                             f"choose one of {', '.join(DECISIONS)}")
    if entry_type == EntryType.PROPOSAL_REJECT:
        return entry_type, {"proposal": proposal, "comment": comment}
    return entry_type, {"proposal": proposal, **({"comment": comment} if comment else {})}


def precheck(state: Any, author: str, entry_type: str, body: dict, now_ms: int) -> str | None:
    """Why a local proposal.* entry would change nothing, said before it is signed (None: it would act)."""
    if entry_type == EntryType.PROPOSAL_OPEN:
        if not isinstance(body, dict) or not isinstance(body.get("action"), str):
            return None
        policy = make_policy(body["action"], policies_spec(state, body["action"]))
        member = state.get("members", author)
        if member is not None and not set(member["roles"]) & set(policy.proposers):
            return f"your roles may not propose {body['action']}; proposers: {', '.join(policy.proposers)}"
        return None
    if entry_type not in _HANDLERS or not isinstance(body, dict):
        return None
    row = state.get("proposals", body.get("proposal"))
    if row is None:
        return "no such proposal in this replica"
    if row["status"] != OPEN:
        return f"the proposal is already {row['status']}"
    if now_ms > row["deadline_ms"]:
        return "the proposal's deadline has passed; it expires with the next workflow entry"
    if entry_type == EntryType.PROPOSAL_WITHDRAW:
        return None if author == row["proposer"] else "only the proposer may withdraw a proposal"
    me = state.get("members", author)
    if me is not None and me["revoked"]:
        return "your key was revoked; it can no longer approve or reject"
    if author == subject_key(row["action"], row["body"]):
        return "this proposal is about you: you do not vote on it"
    if author == row["proposer"]:
        return "you proposed this; your own approval counts only if the policy says so (withdraw to cancel)"
    if any(a["by"] == author for a in row["approvals"]):
        return "you already approved this proposal"
    if any(r["by"] == author for r in row["rejections"]):
        return "you already rejected this proposal"
    policy = policy_from_json(row["action"], row["policy"])
    if not eligible(state.get("members", author), policy.roles):
        return f"approving {row['action']} needs one of the roles {', '.join(policy.roles)}"
    return None


def standing(state: Any, row: dict) -> Tally:
    """The tally of a proposal row against the members table now (for views)."""
    return row_tally(row, state.tables["members"])


def can_decide(tables: Tables, row: dict, me: str | None, now_ms: int | None = None) -> bool:
    """May `me` still approve or reject this open proposal (eligible, not the proposer, not yet voted, in time)?

    What a view counts as "waiting for me": the Approvals view's first list and the overview's count.
    """
    if me is None or row["status"] != OPEN or me == row["proposer"] or me == subject_key(row["action"], row["body"]):
        return False
    if now_ms is not None and now_ms > row["deadline_ms"]:
        return False
    if any(v["by"] == me for v in row["approvals"] + row["rejections"]):
        return False
    member = tables.get("members", {}).get(me)
    roles = set(row["policy"]["roles"])
    return member is not None and not member["revoked"] and bool(set(member["roles"]) & roles)


def decisions_for(state: Any, subject: str) -> list[dict]:
    """Every proposal about one record, oldest first: the history of decisions on it."""
    rows = [r for r in state.tables["proposals"].values() if r["subject"] == subject]
    return sorted(rows, key=lambda r: (r["opened_ms"], r["proposal"]))


def describe_change(tables: Tables, row: dict) -> list[tuple[str, str, str]]:
    """A readable before-and-after of what a proposal changes: (what, now, after approval).

    For an open proposal `now` is read from the current tables; for an approved one it is the value
    recorded just before the decision (`before` in its row), so the pair shows what the decision did.
    """
    action, body = row["action"], row["body"]
    members = tables.get("members", {})
    if row["status"] == "approved" and "before" in row:
        tables = _as_before(tables, row)   # as it stood just before the decision

    def who(key: str) -> str:
        m = members.get(key)
        return f"{m['name']} ({m['org']})" if m else key[:12] + "…"

    if action == EntryType.STOCK_ADJUST:
        key = f"{body['site']}|{body['item']}|{body['lot']}"
        now = tables.get("stock", {}).get(key, {}).get("qty", 0)
        sign = "+" if body["delta"] > 0 else "−"
        label = f"Stock of {body['item']} lot {body['lot']} at {body['site']}"
        return [(label, f"{now:,}", f"{now + body['delta']:,} ({sign}{abs(body['delta']):,})")]
    if action == EntryType.RECORD_CORRECT:
        record = tables.get("records", {}).get(body["target"], {})
        label = f"{record.get('type', 'record')} {body['target'][:12]}…"
        return [(f"{label}: {name}", str(record.get(name, "?")), str(value))
                for name, value in sorted(body["set"].items())]
    if action == EntryType.MEMBER_ADD:
        return [("Member", "not a member", f"{body['name']} ({body['org']}): {', '.join(sorted(body['roles']))}")]
    if action == EntryType.MEMBER_UPDATE:
        current = members.get(body["key"], {})
        return [(f"{who(body['key'])}: {name}", ", ".join(current.get(name, [])) if name == "roles"
                 else str(current.get(name, "?")),
                 ", ".join(sorted(body[name])) if name == "roles" else str(body[name]))
                for name in ("org", "name", "roles") if name in body]
    if action == EntryType.MEMBER_REVOKE:
        revoked = members.get(body["key"], {}).get("revoked")
        return [(f"Key of {who(body['key'])}", "revoked" if revoked else "valid", f"revoked: {body['reason']}"),
                (f"Entries of {who(body['key'])} that count", "all", _pin_text(body["seq"]))]
    if action == EntryType.MEMBER_PIN:
        pin = (members.get(body["key"], {}).get("pin") or {}).get("seq")
        return [(f"Entries of {who(body['key'])} that count", "?" if pin is None else _pin_text(pin),
                 _pin_text(body["seq"]))]
    if action == EntryType.CONTRACT_DEPLOY:
        deployed = tables.get("contracts", {}).get(body["contract"])
        return [(f"Contract {body['contract']}", f"version {deployed['version']}" if deployed else "not deployed",
                 f"version {body['version']} ({body['runtime']}, {len(body['source']):,} characters)")]
    if action == EntryType.POLICY_SET:
        in_force = tables.get("policies", {}).get(body["action"])
        before = make_policy(body["action"], in_force["policy"] if in_force else None).describe()
        return [(f"Policy for {body['action']}", before, make_policy(body["action"], body["policy"]).describe())]
    return [(action, "", str(body))]


def _pin_text(seq: int) -> str:
    return "none (nothing it signed)" if seq == 0 else f"up to seq {seq:,}; later ones have no effect"


def _as_before(tables: Tables, row: dict) -> Tables:
    """Tables patched back to the values recorded just before the decision (for before-and-after views)."""
    action, body, before = row["action"], row["body"], row.get("before")
    copied = {name: dict(rows) for name, rows in tables.items() if name in ("stock", "records", "members",
                                                                            "contracts", "policies")}
    patched = {**tables, **copied}
    if action == EntryType.STOCK_ADJUST:
        key = f"{body['site']}|{body['item']}|{body['lot']}"
        patched["stock"][key] = {**patched["stock"].get(key, {}), "qty": row["before"]["qty"]}  # always recorded
    elif action == EntryType.RECORD_CORRECT:
        patched["records"][body["target"]] = {**patched["records"].get(body["target"], {}), **row["before"]}
    elif action.startswith("member."):
        if before is None:
            patched["members"].pop(body["key"], None)
        else:
            patched["members"][body["key"]] = {**patched["members"].get(body["key"], {}), **before}
    elif action == EntryType.CONTRACT_DEPLOY:
        if before is None:
            patched["contracts"].pop(body["contract"], None)
        else:
            patched["contracts"][body["contract"]] = {**patched["contracts"].get(body["contract"], {}), **before}
    elif action == EntryType.POLICY_SET:
        if before is None:
            patched["policies"].pop(body["action"], None)
        else:
            patched["policies"][body["action"]] = {**patched["policies"].get(body["action"], {}), **before}
    return patched
