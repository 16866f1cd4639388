"""The own-head record beside the key file: where this node's own feed ends, whatever the database says."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.node import Node, NodeError
from app.store.own_head import (
    HEAD_MISMATCH,
    OWN_HEAD_NAME,
    RECORD_DAMAGED,
    RECORD_UNWRITABLE,
    TAIL_LOST,
    OwnHeadError,
    read_record,
)
from app.store.verification import verify_replica

SITE = ("site.define", {"site": "DEP-9", "name": "Nhamatanda depot", "kind": "depot", "lat_e6": -19_300_000,
                        "lon_e6": 34_200_000, "org": "WFP"})


def record_of(data_dir: Path) -> dict:
    return json.loads((data_dir / OWN_HEAD_NAME).read_text(encoding="utf-8"))


def test_every_acknowledged_append_is_in_the_record(network: Node, cast):
    entry = network.append(*SITE)
    record = read_record(network.data_dir / OWN_HEAD_NAME)
    assert record is not None and record.network == network.network_id
    assert record.feeds == {cast.commander.public_key_hex: (entry.seq, entry.hash)}


def test_a_crash_after_the_commit_but_before_the_record_write_only_moves_the_record_on(network: Node, cast):
    data = network.data_dir
    before = (data / OWN_HEAD_NAME).read_bytes()
    network.append_many([SITE, ("site.define", {**SITE[1], "site": "DEP-10"})])
    network.close()
    (data / OWN_HEAD_NAME).write_bytes(before)  # the record as it was before the last commit
    node = Node.open(data, identity=cast.commander)
    try:
        assert node.own_tail_problems() == []
        head = node.heads()[cast.commander.public_key_hex]
        assert read_record(data / OWN_HEAD_NAME).feeds[cast.commander.public_key_hex] == head[:2]
        assert node.append("site.define", {**SITE[1], "site": "DEP-11"}).seq == head[0] + 1
    finally:
        node.close()


def test_a_read_only_open_writes_no_record_but_still_sees_a_lost_tail(network: Node, cast):
    data = network.data_dir
    network.close()
    document = record_of(data)
    feed = document["feeds"][cast.commander.public_key_hex]
    document["feeds"][cast.commander.public_key_hex] = {"seq": feed["seq"] + 3, "hash": "ab" * 32}
    text = json.dumps(document)
    (data / OWN_HEAD_NAME).write_text(text, encoding="utf-8")
    reader = Node.open(data, shared=True)   # no key unlocked
    try:
        [problem] = reader.own_tail_problems()
        assert (problem.code, problem.missing) == (TAIL_LOST, 3)
    finally:
        reader.close()
    assert (data / OWN_HEAD_NAME).read_text(encoding="utf-8") == text


def test_a_different_entry_at_the_recorded_seq_means_the_key_must_be_replaced(network: Node, cast):
    data = network.data_dir
    network.close()
    document = record_of(data)
    document["feeds"][cast.commander.public_key_hex]["hash"] = "cd" * 32
    (data / OWN_HEAD_NAME).write_text(json.dumps(document), encoding="utf-8")
    node = Node.open(data, identity=cast.commander)
    try:
        with pytest.raises(NodeError, match=f"^{HEAD_MISMATCH}: .*enrol a new key"):
            node.append(*SITE)
        assert [d.code for d in verify_replica(node.store, own_head=node.own_head_path).defects] == [HEAD_MISMATCH]
    finally:
        node.close()


def test_a_damaged_record_stops_signing_and_is_not_silently_replaced(network: Node, cast):
    data = network.data_dir
    network.close()
    (data / OWN_HEAD_NAME).write_text('{"version": 1, "feeds": {', encoding="utf-8")
    node = Node.open(data, identity=cast.commander)
    try:
        with pytest.raises(NodeError, match=f"^{RECORD_DAMAGED}: "):
            node.append(*SITE)
        assert [d.code for d in verify_replica(node.store, own_head=node.own_head_path).defects] == [RECORD_DAMAGED]
    finally:
        node.close()
    assert (data / OWN_HEAD_NAME).read_text(encoding="utf-8") == '{"version": 1, "feeds": {'


def test_an_unwritable_record_reports_the_append_and_pauses_signing_until_it_can_be_written(network: Node, cast,
                                                                                             monkeypatch):
    def full_disk(_path: Path, _record: object) -> None:
        raise OwnHeadError("cannot write own-head.json: [Errno 28] No space left on device")

    monkeypatch.setattr("app.node_own_head.write_record", full_disk)
    with pytest.raises(NodeError, match=f"^{RECORD_UNWRITABLE}: stored as seq 6"):
        network.append(*SITE)
    assert network.heads()[cast.commander.public_key_hex][0] == 6, "the entry itself was stored"
    with pytest.raises(NodeError, match=f"^{RECORD_UNWRITABLE}: "):
        network.append("site.define", {**SITE[1], "site": "DEP-10"})
    monkeypatch.undo()
    assert network.append("site.define", {**SITE[1], "site": "DEP-10"}).seq == 7
    assert read_record(network.data_dir / OWN_HEAD_NAME).feeds[cast.commander.public_key_hex][0] == 7
