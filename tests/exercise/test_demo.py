"""The demo exercise a trainer opens: a believable, verifiable operation."""

import stat
from pathlib import Path

import pytest

from app.core.lineage import lot_trail
from app.exercise.demo import build_demo
from app.node import Node, NodeError
from app.store.verification import verify_replica


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> tuple[Path, Node]:
    data = tmp_path_factory.mktemp("demo")
    build_demo(data, progress=False, seed=7)
    node = Node.open(data, "demo")
    yield data, node
    node.close()


def test_demo_is_an_exercise_of_three_command_centers_with_hundreds_of_entries(demo):
    _data, node = demo
    assert node.is_exercise
    centers = [s for s in node.state.tables["sites"].values() if s["kind"] == "command_center"]
    commanders = [m for m in node.state.tables["members"].values() if "commander" in m["roles"]]
    assert len(centers) == 3 and len(commanders) == 3
    assert 300 <= node.entry_count() <= 600


def test_every_key_the_demo_writes_is_readable_by_its_owner_only(demo):
    data, _node = demo
    keys = [data / "identity.key", *sorted((data / "demo-keys").glob("*.key"))]
    assert len(keys) > 5
    assert {path.name: stat.S_IMODE(path.stat().st_mode) for path in keys} == {path.name: 0o600 for path in keys}


def test_demo_verifies_clean(demo):
    _data, node = demo
    report = verify_replica(node.store)
    assert report.ok, report.defects
    assert report.checked == node.entry_count()


def test_demo_shows_the_partition_overdraw_as_an_open_conflict(demo):
    _data, node = demo
    overdraws = [c for c in node.state.tables["conflicts"].values() if c["kind"] == "overdraw" and c["open"]]
    assert len(overdraws) == 1
    assert len(overdraws[0]["entries"]) == 1 and overdraws[0]["balance"] < 0
    assert node.state.get("stock", "WH-CHIMOIO|tarpaulin|NR-TARP-0314")["qty"] == overdraws[0]["balance"]


def test_demo_has_a_short_delivery_and_a_counter_signed_custody_chain(demo):
    _data, node = demo
    shipments = node.state.tables["shipments"].values()
    assert any(s["discrepancies"] for s in shipments if s["status"] == "delivered")
    assert any(len(s["custody"]) > 1 for s in shipments)


def test_demo_water_can_be_traced_from_donor_to_beneficiaries(demo):
    _data, node = demo
    events = [step.event for step in lot_trail(node.state, "WFP-W-0314")]
    assert events[0] == "receive"
    assert "dispatch" in events and "deliver" in events and events[-1] == "distribute"


def test_demo_other_members_keys_open_with_the_demo_passphrase(demo):
    data, node = demo
    from app.core.identity import load_key_file

    key = load_key_file(data / "demo-keys" / "eoc-chimoio.key", "demo")
    assert key.public_key_hex in node.state.tables["members"]


def test_demo_refuses_a_directory_that_already_holds_a_replica(demo):
    data, _node = demo
    with pytest.raises(NodeError, match="already holds a replica"):
        build_demo(data, progress=False)


def test_two_demos_with_one_seed_reach_the_same_state(tmp_path):
    first = build_demo(tmp_path / "a", progress=False, seed=3)
    second = build_demo(tmp_path / "b", progress=False, seed=3)
    a, b = Node.open(first.data_dir), Node.open(second.data_dir)
    try:
        assert a.state.digest() == b.state.digest()
    finally:
        a.close()
        b.close()


def test_demo_decides_permissioned_edits_through_proposals(demo):
    _data, node = demo
    rows = list(node.state.tables["proposals"].values())
    by_status = {status: [r for r in rows if r["status"] == status] for status in ("approved", "rejected", "open")}
    correction = by_status["approved"][0]
    assert correction["action"] == "record.correct" and correction["outcome"] == "applied"
    assert len(correction["counted"]) == 2
    assert node.state.get("records", correction["body"]["target"])["qty"] == 300
    assert by_status["rejected"][0]["rejections"][0]["comment"].startswith("Count again")
    waiting = by_status["open"][0]
    assert waiting["action"] == "stock.adjust" and len(waiting["approvals"]) == 1
    assert not [e for e in node.state.tables["ineffective"].values() if e["type"].startswith("proposal.")]
