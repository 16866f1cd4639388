"""A damaged write-ahead log drops acknowledged entries of a node's own feed: the node must not sign over them.

Before the own-head record, a field post whose WAL lost its last transactions reopened with an older
feed head, `verify` said OK, and the next entry it signed reused a sequence number its peers already
held: an honest node turned equivocator. Now it refuses to sign (own_tail_lost), `verify` names the
loss, and once a peer (over the LAN or by a USB stick) brings the tail back it signs on after it.
"""

from __future__ import annotations

import shutil
import struct
from pathlib import Path

import pytest

from app.cli import main
from app.net.bundle import export_bundle, import_bundle
from app.node import Node, NodeError
from app.paths import DB_NAME, KEY_NAME
from app.store.own_head import OWN_HEAD_NAME, TAIL_LOST
from app.store.verification import verify_replica
from tests.net.conftest import Site, Sites, converged, wait_until

PASSPHRASE = "field post 7"
WAL_HEADER, FRAME_HEADER = 32, 24


def receipt(n: int) -> tuple[str, dict]:
    return ("stock.receive", {"site": "DEP-1", "item": "water-5l", "lot": f"CHI-{n}", "qty": n, "source": "WFP"})


def crash_image(data_dir: Path, to: Path) -> Path:
    """What the disk holds if the power fails now: every acknowledged commit is fsynced into ledger.db + WAL."""
    to.mkdir()
    for name in (DB_NAME, DB_NAME + "-wal", OWN_HEAD_NAME, KEY_NAME):
        if (data_dir / name).exists():
            shutil.copyfile(data_dir / name, to / name)
    return to


def commit_frames(wal: bytes) -> tuple[int, list[int]]:
    """(frame size, indexes of the frames that end a transaction in the log's current generation)."""
    _magic, _version, page_size, _ckpt, salt1, salt2 = struct.unpack(">6I", wal[:24])
    size = FRAME_HEADER + page_size
    commits = []
    for index in range((len(wal) - WAL_HEADER) // size):
        _page, db_pages, s1, s2 = struct.unpack(">4I", wal[WAL_HEADER + index * size:WAL_HEADER + index * size + 16])
        if db_pages and (s1, s2) == (salt1, salt2):
            commits.append(index)
    return size, commits


def drop_last_transactions(data_dir: Path, count: int, how: str) -> None:
    """Damage the WAL so SQLite silently replays all but the last `count` committed transactions.

    `corrupt`: one flipped byte in the first frame after the last kept commit (a bad sector);
    `truncate`: the log cut at that frame boundary (a file system that lost the file's tail).
    """
    path = data_dir / (DB_NAME + "-wal")
    wal = bytearray(path.read_bytes())
    size, commits = commit_frames(bytes(wal))
    assert len(commits) > count, "the log must still hold the transactions the test drops"
    cut = WAL_HEADER + (commits[-count - 1] + 1) * size
    if how == "corrupt":
        wal[cut + FRAME_HEADER + 100] ^= 0xFF
    else:
        del wal[cut:]
    path.write_bytes(bytes(wal))


@pytest.fixture
def lost_tail(tmp_path: Path, network: Node, cast, request) -> tuple[Node, Path]:
    """Lena's field post signed 60 receipts, HQ holds them all; a damaged WAL then loses the last 40 at Lena's."""
    post = Node.create_joining(tmp_path / "chimoio", cast.logistics, display_name="Chimoio", passphrase=PASSPHRASE)
    post.receive(list(network.entries_in_order()))
    for n in range(1, 61):
        post.append(*receipt(n))
    network.receive(list(post.entries_in_order()))
    image = crash_image(post.data_dir, tmp_path / "chimoio-after-power-cut")
    post.close()
    drop_last_transactions(image, 40, getattr(request, "param", "corrupt"))
    return network, image


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


@pytest.mark.parametrize("lost_tail", ["corrupt", "truncate"], indirect=True)
def test_a_post_that_lost_its_tail_refuses_to_sign_and_verify_names_the_loss(lost_tail, cast, capsys, monkeypatch):
    _hq, image = lost_tail
    code, out, _err = run(capsys, "verify", "--data", str(image), "--quiet")
    assert code == 1 and "FAILED" in out and TAIL_LOST in out
    assert "lost 40 of its own signed entries" in out
    monkeypatch.setenv("RELIEF_LEDGER_PASSPHRASE", PASSPHRASE)
    code, _out, err = run(capsys, "record", "stock.receive", "--data", str(image), "--field", "site=DEP-1",
                          "--field", "item=water-5l", "--field", "lot=CHI-61", "--field", "qty=61",
                          "--field", "source=WFP")
    assert code != 0 and TAIL_LOST in err and "recovered from a peer or a bundle" in err
    code, _out, err = run(capsys, "state", "--data", str(image))
    assert code == 0 and TAIL_LOST in err
    post = Node.open(image, identity=cast.logistics)
    try:
        assert post.heads()[cast.logistics.public_key_hex][0] == 20
        with pytest.raises(NodeError, match=f"^{TAIL_LOST}: this replica lost 40 "):
            post.append(*receipt(61))
        assert post.heads()[cast.logistics.public_key_hex][0] == 20, "a refusal signs and stores nothing"
        report = verify_replica(post.store, own_head=post.own_head_path)
        assert [d.code for d in report.defects] == [TAIL_LOST]
    finally:
        post.close()


def test_a_flipped_wal_byte_is_named_by_verify_before_anything_opens_the_replica(lost_tail, capsys):
    _hq, image = lost_tail
    code, out, _err = run(capsys, "verify", "--data", str(image), "--quiet")
    assert code == 1 and "wal_damaged" in out and "committed transaction(s) after it are dropped" in out


def test_a_usb_stick_from_hq_brings_the_tail_back_and_the_post_signs_on_after_it(lost_tail, cast, tmp_path):
    hq, image = lost_tail
    post = Node.open(image, identity=cast.logistics)
    try:
        stick = tmp_path / "tail.rlb"
        assert export_bundle(hq, stick, post.frontier()).count == 40
        assert import_bundle(post, stick).accepted == 40
        assert post.own_tail_problems() == []
        signed = post.append(*receipt(61))
        assert signed.seq == 61, "the next entry continues after the recovered tail"
        assert hq.receive([signed]).accepted == [signed]
        assert post.store.evidence_rows() == [] and hq.store.evidence_rows() == []
        assert post.read(lambda s: s.digest()) == hq.read(lambda s: s.digest())
        assert verify_replica(post.store, own_head=post.own_head_path).ok
    finally:
        post.close()


def test_hq_sends_the_tail_back_over_the_lan_and_signing_resumes_without_a_restart(lost_tail, cast, tmp_path):
    hq_node, image = lost_tail
    mesh = Sites(tmp_path, hq_node)
    post = Node.open(image, identity=cast.logistics)
    try:
        with pytest.raises(NodeError, match=TAIL_LOST):
            post.append(*receipt(61))
        hq = mesh.hq().go_online()
        lena = Site("Chimoio", post)
        mesh.all.append(lena)
        lena.go_online([hq])
        wait_until(lambda: not post.own_tail_problems(), "the lost tail to come back from HQ")
        signed = post.append(*receipt(61))
        assert signed.seq == 61
        wait_until(lambda: hq.holds(signed.hash), "HQ to receive the new entry live")
        wait_until(lambda: converged(hq, lena), "one state digest on both replicas")
        assert post.store.evidence_rows() == [] and hq_node.store.evidence_rows() == []
        assert not hq_node.read(lambda s: s.equivocators)
    finally:
        mesh.stop()
        post.close()
