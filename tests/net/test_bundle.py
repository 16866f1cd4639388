"""Sneakernet: a USB stick carries entries between two replicas that have no link."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.net.bundle import MAGIC, BundleError, export_bundle, import_bundle
from app.node import Node


def depot(code: str) -> tuple[str, dict]:
    return ("site.define", {"site": code, "name": code, "kind": "depot", "lat_e6": 0, "lon_e6": 0, "org": "WFP"})


@pytest.fixture
def field_post(tmp_path: Path, network: Node, cast) -> Node:
    """The Chimoio field post: a replica that got the network once and has had no link since."""
    post = Node.create_joining(tmp_path / "chimoio", cast.logistics)
    post.receive(list(network.entries_in_order()))
    yield post
    post.close()


def test_a_bundle_carried_both_ways_converges_two_isolated_replicas(network: Node, field_post: Node, tmp_path):
    network.append_many([depot(f"HQ-{i}") for i in range(30)])
    field_post.append_many([depot(f"POST-{i}") for i in range(30)])
    there = export_bundle(network, tmp_path / "to-post.rlb", field_post.frontier())
    assert there.count == 30
    report = import_bundle(field_post, tmp_path / "to-post.rlb")
    assert (report.accepted, report.refused, report.sealed) == (30, [], True)
    back = export_bundle(field_post, tmp_path / "to-hq.rlb", network.frontier())
    assert back.count == 30
    assert import_bundle(network, tmp_path / "to-hq.rlb").accepted == 30
    assert network.read(lambda s: s.digest()) == field_post.read(lambda s: s.digest())
    again = import_bundle(network, tmp_path / "to-hq.rlb")
    assert (again.accepted, again.duplicates) == (0, 30)


def test_a_revocation_travels_first_so_a_stick_pulled_out_early_still_carries_it(network: Node, cast, tmp_path):
    truck = Node.create_joining(tmp_path / "truck", cast.logistics)
    truck.receive(list(network.entries_in_order()))
    truck.append_many([depot(f"TRUCK-{i}") for i in range(60)])
    network.append_many([depot(f"HQ-{i}") for i in range(40)])
    post = Node.create_joining(tmp_path / "post", cast.field)
    post.receive(list(network.entries_in_order()))
    network.propose("member.revoke", {"key": cast.observer.public_key_hex, "reason": "left the operation"},
                     "Omar left the operation")
    network.receive(list(truck.entries_in_order()))
    path = tmp_path / "stick.rlb"
    report = export_bundle(network, path, post.frontier())
    assert (report.count, report.first) == (61, 1)
    data = path.read_bytes()
    cut = tmp_path / "pulled-out-early.rlb"
    cut.write_bytes(data[: len(data) // 2])
    imported = import_bundle(post, cut)
    assert not imported.sealed and "cut short" in imported.problems[0]
    assert imported.refused == [] and 0 < imported.accepted < 61
    assert post.read(lambda s: s.tables["members"][cast.observer.public_key_hex]["revoked"])
    truck.close()
    post.close()


def test_a_tampered_bundle_imports_only_what_is_genuine_and_names_the_rest(network: Node, field_post: Node, tmp_path):
    network.append_many([depot(f"HQ-{i}") for i in range(10)])
    path = tmp_path / "stick.rlb"
    export_bundle(network, path, field_post.frontier())
    data = path.read_bytes()
    spot = data.index(b"HQ-3")
    path.write_bytes(data[:spot] + b"HQ-X" + data[spot + 4:])
    report = import_bundle(field_post, path)
    assert not report.sealed and "altered" in " ".join(report.problems)
    assert len(report.refused) == 1 and "bad_signature" in report.refused[0]
    assert report.accepted == 3  # HQ-0..HQ-2; the rest follow the forged one in the author's chain
    assert len(report.unplaced) == 6
    assert "HQ-X" not in field_post.read(lambda s: s.tables["sites"])


def test_files_that_are_not_bundles_of_this_network_change_nothing(network: Node, field_post: Node, tmp_path):
    junk = tmp_path / "holiday-photo.jpg"
    junk.write_bytes(b"\xff\xd8\xff\xe0 not a bundle")
    with pytest.raises(BundleError, match="not a Relief Ledger bundle"):
        import_bundle(field_post, junk)
    other = Node.create_network(tmp_path / "other", network.identity, name="Other", kind="exercise", org="X",
                                display_name="X")
    export_bundle(other, tmp_path / "other.rlb")
    other.close()
    with pytest.raises(BundleError, match="another network"):
        import_bundle(field_post, tmp_path / "other.rlb")
    assert (tmp_path / "other.rlb").read_bytes().startswith(MAGIC)
    assert field_post.entry_count() == network.entry_count()
