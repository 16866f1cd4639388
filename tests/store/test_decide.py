"""A vote is one call on the node (`Node.decide`), the one the command line and the Approvals window
both make: the entries it signs are the ones each of them signed before, and a refusal says why with
a code and records nothing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.approvals import decision_entry
from app.core.entry import EntryError
from app.core.identity import Identity
from app.node import Node, NodeError
from tests.conftest import Clock

ADJUST = {"site": "DEP-1", "item": "water-5l", "lot": "L-1", "delta": -40, "reason": "rain damage"}
EOC = {name: Identity.from_seed(f"decide/{name}".encode()) for name in ("beira", "chimoio", "quelimane", "tete",
                                                                        "logistics")}


@pytest.fixture
def hq(tmp_path: Path) -> Iterator[Node]:
    """Four command centers of four organisations and a logistics officer who counted the depot."""
    members = [
        {"key": EOC["chimoio"].public_key_hex, "org": "WFP", "name": "EOC Chimoio", "roles": ["commander"]},
        {"key": EOC["quelimane"].public_key_hex, "org": "IFRC", "name": "EOC Quelimane", "roles": ["commander"]},
        {"key": EOC["tete"].public_key_hex, "org": "UNICEF", "name": "EOC Tete", "roles": ["commander"]},
        {"key": EOC["logistics"].public_key_hex, "org": "WFP", "name": "Lena Logistics", "roles": ["logistics"]},
    ]
    node = Node.create_network(tmp_path / "hq", EOC["beira"], name="Four centers", kind="exercise", org="INGD",
                               display_name="EOC Beira", members=members, clock=Clock())
    node.sign_as(EOC["logistics"])
    node.append("stock.receive", {"site": "DEP-1", "item": "water-5l", "lot": "L-1", "qty": 1000, "source": "WFP"})
    try:
        yield node
    finally:
        node.close()


def propose(node: Node, reason: str) -> str:
    node.sign_as(EOC["logistics"])
    return node.propose("stock.adjust", ADJUST, reason).hash


def test_an_approval_rejection_and_withdrawal_sign_the_entries_the_cli_and_the_window_signed(hq: Node):
    counted = propose(hq, "roof collapse at the depot")
    hq.sign_as(EOC["chimoio"])
    approval = hq.decide(counted, "approve", "seen the photos")
    assert (approval.type, approval.body) == ("proposal.approve", {"proposal": counted, "comment": "seen the photos"})
    assert counted in approval.deps      # a vote lists its proposal among its deps
    hq.sign_as(EOC["quelimane"])
    rejection = hq.decide(counted, "reject", "count again")
    assert (rejection.type, rejection.body) == ("proposal.reject", {"proposal": counted, "comment": "count again"})

    recount = propose(hq, "recount")
    hq.sign_as(EOC["tete"])
    silent = hq.decide(recount, "approve")      # no comment: none in the body, as both paths signed it
    assert (silent.type, silent.body) == ("proposal.approve", {"proposal": recount})
    hq.sign_as(EOC["logistics"])
    withdrawal = hq.decide(recount, "withdraw")
    assert (withdrawal.type, withdrawal.body) == ("proposal.withdraw", {"proposal": recount})
    assert hq.state.get("proposals", recount)["status"] == "withdrawn"
    row = hq.state.get("proposals", counted)
    assert [v["by"] for v in row["approvals"]] == [EOC["chimoio"].public_key_hex]
    assert [v["comment"] for v in row["rejections"]] == ["count again"]


def test_the_named_calls_are_the_same_decision(hq: Node):
    """`approve`, `reject` and `withdraw` remain for scripts and tests; each is `decide` with its word."""
    first, second = propose(hq, "count"), propose(hq, "recount")
    hq.sign_as(EOC["chimoio"])
    by_name = [hq.approve(first), hq.reject(second, "count again")]
    hq.sign_as(EOC["quelimane"])
    by_word = [hq.decide(first, "approve"), hq.decide(second, "reject", "count again")]
    assert [(e.type, e.body) for e in by_name] == [(e.type, e.body) for e in by_word]


def test_a_proposer_cannot_approve_their_own_proposal_and_nothing_is_recorded(hq: Node):
    proposal = propose(hq, "count")
    before = hq.entry_count()
    with pytest.raises(NodeError) as refused:
        hq.decide(proposal, "approve", "trust me")
    assert refused.value.code == "no_effect"
    assert str(refused.value) == ("proposal.approve: you proposed this; your own approval counts only if the "
                                  "policy says so (withdraw to cancel)")
    assert hq.entry_count() == before and hq.state.get("proposals", proposal)["approvals"] == []


def test_a_word_that_is_not_a_decision_is_refused_with_its_code_and_records_nothing(hq: Node):
    proposal = propose(hq, "count")
    hq.sign_as(EOC["chimoio"])
    before = hq.entry_count()
    with pytest.raises(NodeError) as refused:
        hq.decide(proposal, "veto")
    assert refused.value.code == "unknown_decision"
    assert str(refused.value) == "'veto' is not a decision on a proposal; choose one of approve, reject, withdraw"
    assert hq.entry_count() == before


def test_the_entry_a_decision_is_signed_as_is_built_without_a_replica():
    assert decision_entry("approve", "ab" * 32) == ("proposal.approve", {"proposal": "ab" * 32})
    assert decision_entry("approve", "ab" * 32, "ok") == ("proposal.approve", {"proposal": "ab" * 32, "comment": "ok"})
    assert decision_entry("reject", "ab" * 32, "") == ("proposal.reject", {"proposal": "ab" * 32, "comment": ""})
    assert decision_entry("withdraw", "ab" * 32, "found it") == ("proposal.withdraw",
                                                                 {"proposal": "ab" * 32, "comment": "found it"})
    with pytest.raises(EntryError) as refused:
        decision_entry("abstain", "ab" * 32)
    assert refused.value.code == "unknown_decision"
