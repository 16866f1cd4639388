"""What `verify` tells an operator: every defect named by its entry, nothing more blamed than was altered,
and the same verdict for two replicas that hold the same history."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from app.cli import main
from app.core.identity import Identity
from app.node import Node
from app.paths import DB_NAME, database_url
from app.store.replica_store import ReplicaStore
from app.store.verification import verify_replica
from tests.conftest import Clock, signing_as
from tests.core.forge import next_entry
from tests.store.tamper import checkpoint, flip_byte_of

ADJUST = {"site": "DEP-1", "item": "water-5l", "lot": "LOT-000", "delta": -5, "reason": "recount"}
RECEIPT_10 = {"site": "DEP-1", "item": "water-5l", "lot": "L-1", "qty": 10, "source": "WFP"}


def reverify(data_dir: Path):
    node = Node.open(data_dir)
    try:
        return verify_replica(node.store)
    finally:
        node.close()


def edit_rows(db: Path, statement: str, *parameters) -> None:
    """An attacker (or a careless administrator) edits the closed replica's database with an SQL tool."""
    checkpoint(db)
    connection = sqlite3.connect(db)
    changed = connection.execute(statement, parameters).rowcount
    connection.commit()
    connection.close()
    assert changed == 1


def respace(db: Path, entry) -> str:
    """Rewrite an entry's stored bytes as valid but non-canonical JSON (a space after the first brace) and
    store the matching hash, as a hand edit that keeps the row self-consistent would; the new hash."""
    raw = entry.raw.replace(b"{", b"{ ", 1)
    new_hash = hashlib.sha256(raw).hexdigest()
    edit_rows(db, "UPDATE entries SET raw = ?, hash = ? WHERE hash = ?", raw, new_hash, entry.hash)
    return new_hash


@pytest.fixture
def closed_with_proposal(network, cast):
    """Receipts by the logistics officer, then (last in the order) her proposal to correct a count."""
    with signing_as(network, cast.logistics):
        receipts = [network.append("stock.receive", {"site": "DEP-1", "item": "water-5l", "lot": f"LOT-{i:03d}",
                                                     "qty": 100 + i, "source": f"donor-{i:03d}"}) for i in range(4)]
        proposal = network.propose("stock.adjust", ADJUST, "recount after the rain")
    data_dir = network.data_dir
    network.close()
    return data_dir, receipts, proposal


# -- 1. a non-canonical last entry is named, and the check goes on ---------------------------------------------
def test_an_operator_sees_which_entry_was_hand_edited_when_it_is_the_last_one(closed_with_proposal, capsys,
                                                                             monkeypatch):
    data_dir, receipts, proposal = closed_with_proposal
    flip_byte_of(data_dir / DB_NAME, b'"source":"donor-001"', 12)     # an earlier entry is damaged too
    new_hash = respace(data_dir / DB_NAME, proposal)
    monkeypatch.delenv("RELIEF_LEDGER_PASSPHRASE", raising=False)

    code = main(["verify", "--data", str(data_dir), "--quiet"])
    out, err = capsys.readouterr()

    assert code == 1, (out, err)
    assert "Traceback" not in err and err == ""
    assert f"entry {new_hash}" in out and f"seq {proposal.seq}" in out and proposal.author[:12] in out
    assert "non_canonical" in out
    assert f"entry {receipts[1].hash}" in out and "hash_mismatch" in out      # it kept going
    assert "FAILED:" in out and "own_head_mismatch" in out    # and the node's own feed no longer ends as signed


def test_verify_names_a_non_canonical_last_entry_and_checks_every_other_one(closed_with_proposal):
    data_dir, receipts, proposal = closed_with_proposal
    flip_byte_of(data_dir / DB_NAME, b'"source":"donor-001"', 12)
    new_hash = respace(data_dir / DB_NAME, proposal)
    report = reverify(data_dir)
    assert [(d.hash, d.author, d.seq, d.code) for d in report.defects] == [
        (receipts[1].hash, receipts[1].author, receipts[1].seq, "hash_mismatch"),
        (new_hash, proposal.author, proposal.seq, "non_canonical")]
    assert report.checked == 10


# -- 2. an entry made ineffective by a concurrent decision is history, not a defect ----------------------------
@pytest.fixture
def commanders():
    return [Identity.from_seed(f"verdicts/{name}".encode()) for name in ("a", "b", "c", "newcomer", "stranger")]


def test_two_replicas_with_the_same_digest_get_the_same_verdict_after_a_concurrent_withdrawal(tmp_path, commanders,
                                                                                              capsys):
    """HQ withdraws its proposal to admit MSF while the field post, not yet knowing, completes the approval
    and MSF records a receipt there. The withdrawal sorts first: MSF was never admitted, its receipt has no
    effect. HQ refused the receipt when it arrived, the field post had stored it: same state, same verdict."""
    a, b, c, newcomer, _stranger = commanders
    members = [{"key": b.public_key_hex, "org": "WFP", "name": "EOC Chimoio", "roles": ["commander"]},
               {"key": c.public_key_hex, "org": "IFRC", "name": "EOC Quelimane", "roles": ["commander"]}]
    hq = Node.create_network(tmp_path / "hq", a, name="Cyclone", kind="exercise", org="INGD",
                             display_name="EOC Beira", members=members, clock=Clock())
    (tmp_path / "field").mkdir()
    field = Node(ReplicaStore(database_url(tmp_path / "field")), identity=b, data_dir=tmp_path / "field",
                 clock=Clock())
    try:
        admit = hq.propose("member.add", {"key": newcomer.public_key_hex, "org": "MSF", "name": "MSF cell",
                                          "roles": ["logistics"]}, "MSF joins")
        field.receive(list(hq.entries_in_order()))
        hq.withdraw(admit.hash, "wrong key read out")
        field.append("site.define", {"site": "DEP-9", "name": "Field depot", "kind": "depot", "lat_e6": 0,
                                     "lon_e6": 0, "org": "WFP"})
        field.approve(admit.hash)
        field.sign_as(c)
        field.approve(admit.hash)
        assert field.is_current_member(newcomer.public_key_hex)
        field.sign_as(newcomer)
        receipt = field.append("stock.receive", {"site": "DEP-9", "item": "tent-fam", "lot": "MSF-1", "qty": 40,
                                                 "source": "MSF"})

        hq_report = hq.receive(list(field.entries_in_order()))
        field.receive(list(hq.entries_in_order()))

        assert [r.hash for r in hq_report.refused] == [receipt.hash]
        assert field.entry(receipt.hash) is not None and hq.entry(receipt.hash) is None
        assert field.state.get("ineffective", receipt.hash)["code"] == "not_member"
        assert field.state.digest() == hq.state.digest()
        verdicts = [verify_replica(node.store) for node in (hq, field)]
        assert [v.ok for v in verdicts] == [True, True], [v.defects for v in verdicts]
        assert verdicts[0].state_digest == verdicts[1].state_digest
        assert [(n.hash, n.code) for n in verdicts[1].notes] == [(receipt.hash, "not_member")]
    finally:
        field.close()
        hq.close()
    code = main(["verify", "--data", str(tmp_path / "field"), "--quiet"])
    out, _err = capsys.readouterr()
    assert code == 0 and out.splitlines()[-1].startswith("OK: ")
    assert f"note    entry {receipt.hash}" in out and "not_member: without effect" in out
    assert "entries have no effect in the fold (not_member 1, " in out   # the late approvals too: history


def test_an_entry_by_a_key_the_ledger_never_names_is_still_a_defect(network, cast, commanders):
    """No order of arrival lets a correct replica store it: someone put it into the database by hand."""
    stranger = commanders[4]
    forged = next_entry(network, stranger, "stock.receive", {"site": "DEP-1", "item": "water-5l", "lot": "X",
                                                             "qty": 1, "source": "nowhere"})
    data_dir = network.data_dir
    network.close()
    checkpoint(data_dir / DB_NAME)
    connection = sqlite3.connect(data_dir / DB_NAME)
    connection.execute("INSERT INTO entries (hash, author, seq, lamport, type, raw, sig, received_ms, ts) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)",
                       (forged.hash, forged.author, forged.seq, forged.lamport, forged.type, forged.raw, forged.sig,
                        forged.ts))
    connection.commit()
    connection.close()
    report = reverify(data_dir)
    assert [(d.hash, d.code) for d in report.defects] == [(forged.hash, "not_member")]


def test_a_direct_permissioned_edit_is_a_defect_even_by_a_member(network, cast):
    """A stock adjustment signed directly (not through a proposal) is never stored by a correct replica."""
    with signing_as(network, cast.commander):
        forged = next_entry(network, cast.logistics, "stock.adjust", ADJUST)
    data_dir = network.data_dir
    network.close()
    checkpoint(data_dir / DB_NAME)
    connection = sqlite3.connect(data_dir / DB_NAME)
    connection.execute("INSERT INTO entries (hash, author, seq, lamport, type, raw, sig, received_ms, ts) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)",
                       (forged.hash, forged.author, forged.seq, forged.lamport, forged.type, forged.raw, forged.sig,
                        forged.ts))
    connection.commit()
    connection.close()
    report = reverify(data_dir)
    assert [(d.hash, d.code) for d in report.defects] == [(forged.hash, "needs_approval")]


# -- 3. index columns edited by hand: only the edited entry is blamed ------------------------------------------
@pytest.fixture
def closed_chain(network, cast):
    with signing_as(network, cast.logistics):
        receipts = [network.append("stock.receive", {"site": "DEP-1", "item": "water-5l", "lot": f"LOT-{i:03d}",
                                                     "qty": 100 + i, "source": f"donor-{i:03d}"}) for i in range(6)]
    later = network.append("site.define", {"site": "DST-4", "name": "Distribution point 4",
                                           "kind": "distribution_point",
                                           "lat_e6": -19_700_000, "lon_e6": 34_800_000, "org": "NDMA"})
    data_dir = network.data_dir
    network.close()
    return data_dir, receipts, later


@pytest.mark.parametrize("column, value", [
    ("lamport", "lamport + 40"),
    ("lamport", "1"),
    ("seq", "seq + 20"),
    ("ts", "ts + 86400000"),
    ("type", "'stock.issue'"),
    ("hash", "'" + "ab" * 32 + "'"),
])
def test_after_an_index_column_is_edited_verify_blames_only_that_entry(closed_chain, column, value):
    data_dir, receipts, _later = closed_chain
    target = receipts[2]
    edit_rows(data_dir / DB_NAME, f"UPDATE entries SET {column} = {value} WHERE hash = ?", target.hash)
    report = reverify(data_dir)
    assert [(d.hash, d.author, d.seq, d.code) for d in report.defects] == [
        (target.hash, target.author, target.seq, "index_mismatch")], report.defects
    assert column in report.defects[0].message


def test_an_entry_moved_to_another_authors_feed_by_its_author_column_is_the_only_one_blamed(closed_chain, cast):
    data_dir, receipts, _later = closed_chain
    target = receipts[3]
    edit_rows(data_dir / DB_NAME, "UPDATE entries SET author = ? WHERE hash = ?", cast.observer.public_key_hex,
              target.hash)
    report = reverify(data_dir)
    assert [(d.hash, d.author, d.seq, d.code) for d in report.defects] == [
        (target.hash, target.author, target.seq, "index_mismatch")], report.defects
    assert "author" in report.defects[0].message


def test_an_edited_seq_column_in_the_nodes_own_feed_is_not_mistaken_for_a_lost_tail(closed_chain, capsys):
    """The own-head record is compared with the feed as signed, not as the columns say."""
    data_dir, _receipts, later = closed_chain      # `later` is the node's own (the commander's) last entry
    edit_rows(data_dir / DB_NAME, "UPDATE entries SET seq = seq + 20 WHERE hash = ?", later.hash)
    code = main(["verify", "--data", str(data_dir), "--quiet"])
    out, _err = capsys.readouterr()
    assert code == 1
    assert "FAILED: 1 defect(s)" in out and f"entry {later.hash}" in out and "index_mismatch" in out
    assert "own_head" not in out and "own_tail" not in out


def test_equivocation_evidence_still_pairs_when_the_other_branchs_columns_were_edited(network, cast):
    honest = next_entry(network, cast.logistics, "stock.receive", RECEIPT_10)
    greedy = next_entry(network, cast.logistics, "stock.receive", {**RECEIPT_10, "qty": 9000})
    network.receive([honest])
    assert network.receive([greedy]).evidence == [greedy]
    data_dir = network.data_dir
    network.close()
    assert reverify(data_dir).ok
    edit_rows(data_dir / DB_NAME, "UPDATE entries SET seq = 77, lamport = 99 WHERE hash = ?", honest.hash)
    report = reverify(data_dir)
    assert [(d.hash, d.code) for d in report.defects] == [(honest.hash, "index_mismatch")], report.defects


def test_edited_columns_of_equivocation_evidence_are_named(network, cast):
    honest = next_entry(network, cast.logistics, "stock.receive", RECEIPT_10)
    greedy = next_entry(network, cast.logistics, "stock.receive", {**RECEIPT_10, "qty": 9000})
    network.receive([honest])
    network.receive([greedy])
    data_dir = network.data_dir
    network.close()
    edit_rows(data_dir / DB_NAME, "UPDATE evidence SET lamport = 1 WHERE hash = ?", greedy.hash)
    report = reverify(data_dir)
    assert [(d.hash, d.code) for d in report.defects] == [(greedy.hash, "index_mismatch")], report.defects
    assert "lamport" in report.defects[0].message


def test_state_rows_that_no_longer_read_are_a_state_defect_after_every_entry_was_checked(closed_chain):
    data_dir, _receipts, _later = closed_chain
    edit_rows(data_dir / DB_NAME, "UPDATE state_rows SET value = '{\"qty\": 1,' WHERE tbl = 'stock' AND key LIKE "
                                  "'%LOT-004'")
    store = ReplicaStore(database_url(data_dir))   # the store alone: a node cannot even load such state
    try:
        report = verify_replica(store)
    finally:
        store.close()
    assert report.checked == 12
    assert [d.code for d in report.defects] == ["state_mismatch"] and "cannot be read" in report.defects[0].message


def test_a_damaged_admission_is_named_alone_not_every_entry_of_the_member_it_admitted(tmp_path, commanders):
    a, b, c, newcomer, _stranger = commanders
    members = [{"key": b.public_key_hex, "org": "WFP", "name": "EOC Chimoio", "roles": ["commander"]},
               {"key": c.public_key_hex, "org": "IFRC", "name": "EOC Quelimane", "roles": ["commander"]}]
    hq = Node.create_network(tmp_path / "hq", a, name="Cyclone", kind="exercise", org="INGD",
                             display_name="EOC Beira", members=members, clock=Clock())
    admit = hq.propose("member.add", {"key": newcomer.public_key_hex, "org": "MSF", "name": "MSF cell Nhamatanda",
                                      "roles": ["logistics"]}, "MSF joins")
    for who in (b, c):
        hq.sign_as(who)
        hq.approve(admit.hash)
    hq.sign_as(newcomer)
    hq.append("site.define", {"site": "MSF-1", "name": "MSF depot", "kind": "depot", "lat_e6": 0, "lon_e6": 0,
                              "org": "MSF"})
    hq.append("stock.receive", {"site": "MSF-1", "item": "tent-fam", "lot": "MSF-1", "qty": 40, "source": "MSF"})
    hq.close()
    flip_byte_of(tmp_path / "hq" / DB_NAME, admit.raw, admit.raw.index(b"Nhamatanda") + 2)
    report = reverify(tmp_path / "hq")
    assert [(d.hash, d.code) for d in report.defects] == [(admit.hash, "hash_mismatch")], report.defects
    assert [n.code for n in report.notes] == ["not_member", "not_member"]   # said, but not blamed
