"""Approval workflows decided on the ledger: quorum arithmetic, partitions, revocation, expiry, agreement."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from app.core.identity import Identity
from app.core.policy import Policy, make_policy, tally
from app.node import Node, NodeError
from app.paths import database_url
from app.store.replica_store import ReplicaStore
from app.store.verification import verify_replica
from tests.conftest import Clock
from tests.core.forge import next_entry, refused_codes

HOUR = 3_600_000
ADJUST = {"site": "DEP-1", "item": "water-5l", "lot": "L-1", "delta": -40, "reason": "rain damage"}
KEY = "DEP-1|water-5l|L-1"


@dataclass
class Centers:
    """Three command centers of three organisations, a fourth commander, a logistics officer."""

    a: Identity
    b: Identity
    c: Identity
    d: Identity
    log: Identity

    def members(self, with_d: bool = True) -> list[dict]:
        rows = [
            {"key": self.b.public_key_hex, "org": "WFP", "name": "EOC Chimoio", "roles": ["commander"]},
            {"key": self.c.public_key_hex, "org": "IFRC", "name": "EOC Quelimane", "roles": ["commander"]},
            {"key": self.log.public_key_hex, "org": "WFP", "name": "Lena Logistics", "roles": ["logistics"]},
        ]
        if with_d:
            rows.append({"key": self.d.public_key_hex, "org": "UNICEF", "name": "EOC Tete", "roles": ["commander"]})
        return rows


@pytest.fixture
def centers() -> Centers:
    return Centers(*(Identity.from_seed(f"approvals/{n}".encode()) for n in ("a", "b", "c", "d", "log")))


def found(tmp_path: Path, centers: Centers, policies: dict | None = None, with_d: bool = True) -> Node:
    node = Node.create_network(tmp_path / "A", centers.a, name="Three centers", kind="exercise", org="INGD",
                               display_name="EOC Beira", members=centers.members(with_d), policies=policies,
                               clock=Clock())
    node.sign_as(centers.log)
    node.append("stock.receive", {"site": "DEP-1", "item": "water-5l", "lot": "L-1", "qty": 1000, "source": "WFP"})
    return node


def replica(origin: Node, tmp_path: Path, name: str, who: Identity) -> Node:
    (tmp_path / name).mkdir()
    node = Node(ReplicaStore(database_url(tmp_path / name)), identity=who, clock=Clock())
    node.receive(list(origin.entries_in_order()))
    return node


def sync(*nodes: Node) -> None:
    for source in nodes:
        for target in nodes:
            if target is not source:
                target.receive(list(source.entries_in_order()))


def vote(node: Node, who: Identity, entry_type: str, proposal: str, **override):
    """A hand-made approval/rejection/withdrawal by `who` that names its proposal in deps."""
    heads = [h[1] for author, h in node.heads().items() if author != who.public_key_hex]
    return next_entry(node, who, entry_type, {"proposal": proposal}, deps=sorted(set(heads) | {proposal}),
                      **override)


def stock(node: Node) -> int:
    return node.state.get("stock", KEY)["qty"]


# -- quorum arithmetic (pure) ---------------------------------------------------------------------------
def member(org: str, *roles: str, revoked: bool = False) -> dict:
    return {"org": org, "roles": sorted(roles), "revoked": revoked}


MEMBERS = {
    "p": member("INGD", "logistics"),
    "a": member("INGD", "commander"),
    "b": member("INGD", "commander"),
    "c": member("WFP", "admin"),
    "o": member("OCHA", "observer"),
    "r": member("IFRC", "commander", revoked=True),
}


def test_quorum_counts_eligible_roles_only():
    policy = make_policy("stock.adjust", {"quorum": 2, "roles": ["commander", "admin"]})
    assert not tally(policy, "p", ["a"], MEMBERS).satisfied
    assert not tally(policy, "p", ["a", "o", "r"], MEMBERS).satisfied  # observer and revoked do not count
    result = tally(policy, "p", ["a", "o", "c"], MEMBERS)
    assert result.satisfied and result.counted == ("a", "c") and result.not_counted == ("o",)
    assert result.eligible_total == 3


def test_distinct_organisations_count_organisations_not_people():
    policy = make_policy("stock.adjust", {"quorum": 2, "roles": ["commander", "admin"], "distinct_orgs": True})
    same_org = tally(policy, "p", ["a", "b"], MEMBERS)
    assert not same_org.satisfied and same_org.have == 1 and same_org.waiting_on == ("c",)
    assert tally(policy, "p", ["a", "c"], MEMBERS).satisfied


def test_the_proposers_own_approval_counts_only_when_the_policy_says_so():
    counts = make_policy("stock.adjust", {"quorum": 2, "roles": ["commander"], "proposer_counts": True})
    does_not = make_policy("stock.adjust", {"quorum": 2, "roles": ["commander"]})
    assert tally(counts, "a", ["b"], MEMBERS).satisfied
    assert not tally(does_not, "a", ["b"], MEMBERS).satisfied
    assert not tally(does_not, "a", ["a", "b"], MEMBERS).satisfied  # approving one's own proposal adds nothing


def test_the_default_policy_adapts_to_a_network_with_few_commanders():
    default = make_policy("member.add", None)
    assert default == Policy("member.add", 2, ("admin", "commander"), False, 24 * HOUR, False,
                             ("admin", "commander"), True)
    alone = {"a": member("INGD", "admin", "commander")}
    assert tally(default, "a", [], alone).satisfied           # a lone founder can admit the first members
    two = {**alone, "b": member("WFP", "commander")}
    assert not tally(default, "a", [], two).satisfied and tally(default, "a", ["b"], two).satisfied
    three = {**two, "c": member("IFRC", "commander")}
    assert not tally(default, "a", ["b"], three).satisfied    # from three on: two others must approve
    assert tally(default, "a", ["b", "c"], three).satisfied


# -- on the ledger --------------------------------------------------------------------------------------
def test_a_stock_adjustment_authored_directly_is_refused_with_a_reason(tmp_path, centers):
    node = found(tmp_path, centers)
    try:
        digest = node.state.digest()
        with pytest.raises(NodeError, match="needs_approval"):
            node.append("stock.adjust", ADJUST)
        assert refused_codes(node, next_entry(node, centers.a, "stock.adjust", ADJUST)) == ["needs_approval"]
        assert node.state.digest() == digest and stock(node) == 1000
    finally:
        node.close()


def test_three_centers_decide_an_adjustment_and_every_replica_agrees(tmp_path, centers):
    """The 'done' scenario: proposed at A, approved at B and C, effective everywhere at the same point."""
    a = found(tmp_path, centers, with_d=False)
    b, c = replica(a, tmp_path, "B", centers.b), replica(a, tmp_path, "C", centers.c)
    try:
        a.sign_as(centers.a)
        proposal = a.propose("stock.adjust", ADJUST, "roof collapse at the depot")
        sync(a, b, c)
        b.approve(proposal.hash, "seen the photos")
        sync(a, b, c)
        assert stock(a) == 1000 and a.state.get("proposals", proposal.hash)["status"] == "open"
        second = c.approve(proposal.hash)
        sync(a, b, c)
        for node in (a, b, c):
            row = node.state.get("proposals", proposal.hash)
            assert row["status"] == "approved" and row["decided_by"] == second.hash and row["outcome"] == "applied"
            assert row["counted"] == sorted(row["counted"], key=[centers.b.public_key_hex,
                                                                 centers.c.public_key_hex].index)
            assert stock(node) == 960
            assert node.state.get("lots", "L-1")["events"][-1] == ["adjust", proposal.hash]
        assert a.state.digest() == b.state.digest() == c.state.digest()
        assert verify_replica(c.store).ok
        with pytest.raises(NodeError, match="needs_approval"):
            a.append("stock.adjust", ADJUST)
    finally:
        for node in (a, b, c):
            node.close()


def test_concurrent_approvals_in_a_partition_decide_at_the_same_point_after_the_merge(tmp_path, centers):
    a = found(tmp_path, centers, with_d=False)
    b, c = replica(a, tmp_path, "B", centers.b), replica(a, tmp_path, "C", centers.c)
    try:
        a.sign_as(centers.a)
        proposal = a.propose("stock.adjust", ADJUST, "count")
        sync(a, b, c)
        yes_b = b.approve(proposal.hash)      # B and C cannot see each other
        yes_c = c.approve(proposal.hash)
        assert stock(b) == stock(c) == 1000   # one approval each: not yet
        b.receive([yes_c])
        c.receive([yes_b])
        sync(a, b, c)
        later = max(yes_b, yes_c, key=lambda e: e.key)
        for node in (a, b, c):
            assert stock(node) == 960
            assert node.state.get("proposals", proposal.hash)["decided_by"] == later.hash
        assert a.state.digest() == b.state.digest() == c.state.digest()
    finally:
        for node in (a, b, c):
            node.close()


def test_an_approval_that_arrives_before_its_proposal_waits_for_it(tmp_path, centers):
    a = found(tmp_path, centers, with_d=False)
    b = replica(a, tmp_path, "B", centers.b)
    try:
        a.sign_as(centers.a)
        proposal = a.propose("stock.adjust", ADJUST, "count")
        a.sign_as(centers.b)
        approval = a.approve(proposal.hash)
        report = b.receive([approval])
        assert [r.code for r in report.deferred] == ["missing_dependency"] and stock(b) == 1000
        report = b.receive([approval, proposal])
        assert [e.hash for e in report.accepted] == [proposal.hash, approval.hash]
        # an approval that does not name its proposal in deps could sort before it: refused
        a.sign_as(centers.c)
        receipt = a.heads()[centers.log.public_key_hex]
        loose = next_entry(a, centers.c, "proposal.approve", {"proposal": proposal.hash},
                           deps=[receipt[1]], lamport=receipt[2] + 1)
        assert refused_codes(a, loose) == ["bad_reference"]
        pointing_elsewhere = next_entry(a, centers.c, "proposal.approve", {"proposal": approval.hash})
        assert refused_codes(a, pointing_elsewhere) == ["bad_reference"]
    finally:
        a.close()
        b.close()


def test_an_approver_revoked_before_the_decision_no_longer_counts(tmp_path, centers):
    node = found(tmp_path, centers)  # four commanders: quorum 2, the proposer does not count
    try:
        proposal = node.propose("stock.adjust", ADJUST, "count")   # by the logistics officer
        node.sign_as(centers.b)
        node.approve(proposal.hash)
        node.sign_as(centers.a)
        revocation = node.propose("member.revoke", {"key": centers.b.public_key_hex, "reason": "laptop stolen"},
                                  "laptop stolen")
        for who in (centers.c, centers.d):
            node.sign_as(who)
            node.approve(revocation.hash)
        assert node.state.get("members", centers.b.public_key_hex)["revoked"]
        node.sign_as(centers.c)
        node.approve(proposal.hash)
        row = node.state.get("proposals", proposal.hash)
        assert row["status"] == "open" and row["counted"] == [centers.c.public_key_hex] and stock(node) == 1000
        node.sign_as(centers.d)
        node.approve(proposal.hash)
        assert node.state.get("proposals", proposal.hash)["status"] == "approved" and stock(node) == 960
        assert verify_replica(node.store).ok
    finally:
        node.close()


def test_an_approval_by_a_key_revoked_in_a_partition_does_not_count_after_the_merge(tmp_path, centers):
    hq = found(tmp_path, centers)
    field = replica(hq, tmp_path, "field", centers.b)
    try:
        proposal = hq.propose("stock.adjust", ADJUST, "count")
        field.receive(list(hq.entries_in_order()))
        hq.sign_as(centers.a)
        revocation = hq.propose("member.revoke", {"key": centers.b.public_key_hex, "reason": "stolen"}, "stolen")
        hq.sign_as(centers.c)
        hq.approve(revocation.hash)
        hq.sign_as(centers.d)
        decided = hq.approve(revocation.hash)
        late = field.approve(proposal.hash)      # B approves, not knowing it is revoked
        # B's approval sorts before the revocation is decided: it counted then, and stops counting there
        field.receive(list(hq.entries_in_order()))
        hq.receive(list(field.entries_in_order()))
        for node in (hq, field):
            row = node.state.get("proposals", proposal.hash)
            if late.key > decided.key:
                assert row["approvals"] == [] and node.state.get("ineffective", late.hash)["code"] == "revoked"
            assert row["status"] == "open" and stock(node) == 1000
        assert hq.state.digest() == field.state.digest()
    finally:
        hq.close()
        field.close()


def test_expiry_is_judged_against_governance_time_that_one_organisation_cannot_move(tmp_path, centers):
    """A late vote from one organisation expires nothing; once a second organisation's clock is past
    the deadline, the next workflow entry finds the proposal expired."""
    policies = {"stock.adjust": {"quorum": 2, "roles": ["commander"], "expiry_ms": HOUR}}
    node = found(tmp_path, centers, policies=policies)
    try:
        proposal = node.propose("stock.adjust", ADJUST, "count")
        row = node.state.get("proposals", proposal.hash)
        assert row["deadline_ms"] == proposal.ts + HOUR and row["policy"]["quorum"] == 2
        node.clock.now += 2 * HOUR
        node.sign_as(centers.b)
        with pytest.raises(NodeError, match="deadline"):   # the client says so before signing
            node.approve(proposal.hash)
        late = vote(node, centers.b, "proposal.approve", proposal.hash, ts=proposal.ts + HOUR + 1)
        assert node.receive([late]).accepted == [late]
        row = node.state.get("proposals", proposal.hash)
        assert row["status"] == "open" and [a["by"] for a in row["approvals"]] == [centers.b.public_key_hex]
        second = vote(node, centers.c, "proposal.approve", proposal.hash, ts=proposal.ts + HOUR + 2)
        assert node.receive([second]).accepted == [second]
        row = node.state.get("proposals", proposal.hash)
        assert row["status"] == "expired" and row["decided_by"] == second.hash and stock(node) == 1000
        assert node.state.get("ineffective", second.hash)["code"] == "proposal_closed"
    finally:
        node.close()


def test_one_rejection_is_a_vote_and_rejections_close_once_the_quorum_is_out_of_reach(tmp_path, centers):
    node = found(tmp_path, centers)
    try:
        proposal = node.propose("stock.adjust", ADJUST, "count")
        node.sign_as(centers.b)
        node.reject(proposal.hash, "count again")
        assert node.state.get("proposals", proposal.hash)["status"] == "open"   # a, c, d could still approve
        node.sign_as(centers.d)
        node.reject(proposal.hash, "not yet")
        assert node.state.get("proposals", proposal.hash)["status"] == "open"   # a and c still make two
        node.sign_as(centers.a)
        node.reject(proposal.hash, "agree, count again")

        def decisions() -> dict:   # everything but the organisations' governance clocks, which the vote moves
            return {t: dict(rows) for t, rows in node.state.tables.items() if t not in ("clock", "ineffective")}

        before = decisions()
        late = vote(node, centers.c, "proposal.approve", proposal.hash)
        assert node.receive([late]).accepted == [late]
        assert decisions() == before and stock(node) == 1000
        assert node.state.get("ineffective", late.hash)["code"] == "proposal_closed"
        row = node.state.get("proposals", proposal.hash)
        assert row["status"] == "rejected" and row["rejections"][0]["comment"] == "count again"
        assert row["outcome"].startswith("rejected: agree, count again (quorum out of reach: 1 of 2")
    finally:
        node.close()


def test_only_the_proposer_withdraws_and_a_withdrawn_proposal_cannot_be_approved(tmp_path, centers):
    node = found(tmp_path, centers)
    try:
        proposal = node.propose("stock.adjust", ADJUST, "count")
        stray = vote(node, centers.b, "proposal.withdraw", proposal.hash)
        node.receive([stray])
        assert node.state.get("ineffective", stray.hash)["code"] == "not_proposer"
        node.sign_as(centers.log)
        node.withdraw(proposal.hash, "found the missing pallets")
        for who in (centers.b, centers.c):
            late = vote(node, who, "proposal.approve", proposal.hash)
            node.receive([late])
        assert node.state.get("proposals", proposal.hash)["status"] == "withdrawn" and stock(node) == 1000
    finally:
        node.close()


def test_ineligible_and_repeated_approvals_do_not_count(tmp_path, centers):
    node = found(tmp_path, centers)
    try:
        node.sign_as(centers.a)
        proposal = node.propose("stock.adjust", ADJUST, "count")
        own = vote(node, centers.a, "proposal.approve", proposal.hash)
        node.receive([own])
        by_logistics = vote(node, centers.log, "proposal.approve", proposal.hash)
        node.receive([by_logistics])
        node.sign_as(centers.b)
        node.approve(proposal.hash)
        twice = vote(node, centers.b, "proposal.approve", proposal.hash)
        node.receive([twice])
        codes = {(node.state.get("ineffective", e.hash) or {}).get("code") for e in (own, by_logistics, twice)}
        assert codes == {"own_proposal", "not_eligible", "already_voted"}
        assert node.state.get("proposals", proposal.hash)["status"] == "open" and stock(node) == 1000
    finally:
        node.close()


def test_membership_and_policy_changes_go_through_proposals(tmp_path, centers):
    node = found(tmp_path, centers)
    other = replica(node, tmp_path, "other", centers.c)
    newcomer = Identity.from_seed(b"approvals/newcomer")
    try:
        node.sign_as(centers.a)
        admit = node.propose("member.add", {"key": newcomer.public_key_hex, "org": "MSF", "name": "MSF cell",
                                            "roles": ["logistics"]}, "MSF joins")
        stranger = next_entry(node, newcomer, "stock.receive", {"site": "S", "item": "i", "lot": "x", "qty": 1,
                                                                "source": "MSF"})
        assert refused_codes(node, stranger) == ["not_member"]
        for who in (centers.b, centers.c):
            node.sign_as(who)
            node.approve(admit.hash)
        node.sign_as(newcomer)
        node.append("stock.receive", {"site": "S", "item": "i", "lot": "x", "qty": 1, "source": "MSF"})
        # a policy change: stock adjustments now need one commander only
        node.sign_as(centers.a)
        change = node.propose("policy.set", {"action": "stock.adjust",
                                             "policy": {"quorum": 1, "roles": ["commander"]}}, "faster counts")
        for who in (centers.b, centers.d):
            node.sign_as(who)
            node.approve(change.hash)
        assert node.state.get("policies", "stock.adjust")["policy"]["quorum"] == 1
        node.sign_as(centers.log)
        quick = node.propose("stock.adjust", ADJUST, "count")
        node.sign_as(centers.d)
        node.approve(quick.hash)
        assert stock(node) == 960
        # a replica receiving it all at once (one batch) reaches the same state
        report = other.receive(list(node.entries_in_order()))
        assert not report.refused and not report.deferred
        assert other.state.digest() == node.state.digest()
        assert verify_replica(node.store).ok
    finally:
        node.close()
        other.close()


def test_a_bad_policy_or_proposal_body_is_refused_with_the_field(tmp_path, centers):
    node = found(tmp_path, centers)
    try:
        node.sign_as(centers.a)
        for action, body, field in (
                ("stock.adjust", {**ADJUST, "delta": 0}, "delta"),
                ("stock.adjust", {**ADJUST, "colour": "red"}, "colour"),
                ("policy.set", {"action": "stock.adjust", "policy": {"quorum": 0}}, "quorum"),
                ("policy.set", {"action": "stock.adjust", "policy": {"roles": ["chief"]}}, "roles"),
                ("contract.deploy", {"contract": "fair-share", "version": 1, "runtime": "starlark"}, "source")):
            with pytest.raises(NodeError, match=f"bad_body.*{field}"):
                node.propose(action, body, "test")
        with pytest.raises(NodeError, match="bad_body"):
            node.append("proposal.open", {"action": "site.define", "body": {}, "reason": "x"})
        deploy = node.propose("contract.deploy", {"contract": "fair-share", "version": 1, "runtime": "starlark",
                                                  "source": "def allocate(state, params):\n    return []\n"},
                              "first allocation contract")
        assert node.state.get("proposals", deploy.hash)["status"] == "open"
    finally:
        node.close()


def test_history_of_decisions_on_a_record(tmp_path, centers):
    from app.core.approvals import decisions_for

    node = found(tmp_path, centers)
    try:
        first = node.propose("stock.adjust", ADJUST, "count")
        node.withdraw(first.hash)
        second = node.propose("stock.adjust", {**ADJUST, "delta": -10}, "recount")
        history = decisions_for(node.state, "stock:" + KEY)
        assert [r["proposal"] for r in history] == [first.hash, second.hash]
        assert [r["status"] for r in history] == ["withdrawn", "open"]
    finally:
        node.close()


def test_every_arrival_order_gives_the_same_decisions_and_digest(tmp_path, centers):
    """Entries offered in shuffled chunks (late ones re-fold from snapshots) end in one state."""
    import random

    node = found(tmp_path, centers)
    try:
        proposals = []
        for i in range(6):
            node.sign_as(centers.log)
            proposals.append(node.propose("stock.adjust", {**ADJUST, "delta": -(i + 1)}, f"count {i}"))
        node.sign_as(centers.a)
        revoke = node.propose("member.revoke", {"key": centers.b.public_key_hex, "reason": "lost"}, "lost")
        for i, proposal in enumerate(proposals):
            voters = (centers.b, centers.c, centers.d) if i <= 2 else (centers.c, centers.d)  # B revoked at 2
            for who in voters[: 1 + i % 3]:
                if node.state.get("proposals", proposal.hash)["status"] != "open":
                    break
                node.sign_as(who)
                if i == 4:   # two of the three remaining commanders reject: the quorum of two is out of reach
                    node.reject(proposal.hash, "no")
                    continue
                node.approve(proposal.hash)
            if i == 2:
                for who in (centers.c, centers.d):
                    node.sign_as(who)
                    node.approve(revoke.hash)
        entries = list(node.entries_in_order())
        statuses = {p.hash: node.state.get("proposals", p.hash)["status"] for p in proposals}
        assert set(statuses.values()) == {"open", "approved", "rejected"}
        for seed in range(3):
            shuffled = entries[:]
            random.Random(seed).shuffle(shuffled)
            (tmp_path / f"r{seed}").mkdir()
            copy = Node(ReplicaStore(database_url(tmp_path / f"r{seed}")), clock=Clock())
            try:
                for start in range(0, len(shuffled), 5):
                    copy.receive(shuffled[start:start + 5])
                copy.receive(entries)
                assert copy.entry_count() == node.entry_count()
                assert copy.state.digest() == node.state.digest()
                assert {p: copy.state.get("proposals", p)["status"] for p in statuses} == statuses
            finally:
                copy.close()
    finally:
        node.close()


def test_a_batch_of_many_approvals_is_received_in_reasonable_time(tmp_path, centers):
    import time

    node = found(tmp_path, centers)
    other = replica(node, tmp_path, "other", centers.a)
    try:
        for i in range(60):
            node.sign_as(centers.log)
            proposal = node.propose("stock.adjust", {**ADJUST, "delta": -1}, f"count {i}")
            for who in (centers.b, centers.c):
                node.sign_as(who)
                node.approve(proposal.hash)
        started = time.perf_counter()
        report = other.receive(list(node.entries_in_order()))
        assert len(report.accepted) == 180 and time.perf_counter() - started < 10
        assert other.state.digest() == node.state.digest() and stock(other) == 940
    finally:
        node.close()
        other.close()


def test_random_workflows_across_three_partitioned_replicas_converge():
    """Hypothesis drives proposals, votes and partial syncs between three centers; after a full
    exchange every replica holds one state, and stock moved by exactly the approved adjustments."""
    import shutil
    import tempfile

    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    step = st.one_of(
        st.tuples(st.just("propose"), st.integers(0, 2), st.integers(-50, 50).filter(bool)),
        st.tuples(st.just("approve"), st.integers(0, 2), st.integers(0, 5)),
        st.tuples(st.just("reject"), st.integers(0, 2), st.integers(0, 5)),
        st.tuples(st.just("withdraw"), st.integers(0, 2), st.integers(0, 5)),
        st.tuples(st.just("sync"), st.integers(0, 2), st.integers(0, 2)),
    )
    people = Centers(*(Identity.from_seed(f"approvals/{n}".encode()) for n in ("a", "b", "c", "d", "log")))

    @settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.lists(step, min_size=4, max_size=18))
    def run(steps):
        scratch = Path(tempfile.mkdtemp())
        a = found(scratch, people, with_d=False)
        a.sign_as(people.a)
        nodes = [a, replica(a, scratch, "B", people.b), replica(a, scratch, "C", people.c)]
        try:
            proposals: list[str] = []
            for kind, who, arg in steps:
                node = nodes[who]
                try:
                    if kind == "propose":
                        proposals.append(node.propose("stock.adjust", {**ADJUST, "delta": arg}, "count").hash)
                    elif kind == "sync":
                        nodes[arg].receive(list(node.entries_in_order()))
                    elif proposals:
                        target = proposals[arg % len(proposals)]
                        if node.state.get("proposals", target) is None:
                            continue
                        {"approve": node.approve, "withdraw": node.withdraw,
                         "reject": lambda p, node=node: node.reject(p, "no")}[kind](target)
                except NodeError:
                    pass  # the client refused to sign something that would change nothing
            for _ in range(2):
                sync(*nodes)
            assert len({n.state.digest() for n in nodes}) == 1
            rows = nodes[0].state.tables["proposals"].values()
            approved = sum(r["body"]["delta"] for r in rows if r["status"] == "approved")
            assert stock(nodes[0]) == 1000 + approved
            for r in rows:
                assert r["status"] != "approved" or len(r["counted"]) >= 2
        finally:
            for n in nodes:
                n.close()
            shutil.rmtree(scratch, ignore_errors=True)

    run()
