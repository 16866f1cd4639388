"""What the client's windows read, asked of the node (never of its store): the explorer's pages,
the verification an operator starts from the menu, and the after-action replay."""

from __future__ import annotations

import json

from app.map.replay import build_timeline
from app.node import Node
from app.store.own_head import HEAD_MISMATCH, OWN_HEAD_NAME
from tests.conftest import signing_as
from tests.map.map_scenario import play_operation


def receive_lots(node: Node, cast, count: int) -> list:
    with signing_as(node, cast.logistics):
        return [node.append("stock.receive", {"site": "DEP-1", "item": "water-5l", "lot": f"LOT-{i:03d}",
                                               "qty": 10 + i, "source": "WFP"}) for i in range(count)]


def test_the_explorer_pages_back_through_the_ledger_newest_first_without_gaps_or_repeats(network: Node, cast):
    receive_lots(network, cast, 7)
    everything = sorted(network.entries_in_order(), key=lambda e: e.key, reverse=True)
    pages, before = [], None
    while True:
        page = network.recent(3, before=before)
        pages.append(page)
        if len(page) < 3:
            break
        before = page[-1].key
    assert [e.hash for page in pages for e in page] == [e.hash for e in everything]
    assert all(len(page) <= 3 for page in pages)


def test_the_explorer_filtered_to_one_author_shows_only_that_persons_entries(network: Node, cast):
    mine = receive_lots(network, cast, 4)
    shown = network.recent(50, author=cast.logistics.public_key_hex)
    assert [e.hash for e in shown] == [e.hash for e in reversed(mine)]
    assert network.recent(50, author=cast.logistics.public_key_hex, entry_type="site.define") == []


def test_verify_from_the_menu_checks_every_entry_and_the_state(network: Node, cast):
    receive_lots(network, cast, 3)
    report = network.verify()
    assert report.ok and report.state_checked and report.checked == network.entry_count()


def test_verify_from_the_menu_also_checks_this_replicas_own_head_record(network: Node, cast):
    data = network.data_dir
    network.close()
    record = json.loads((data / OWN_HEAD_NAME).read_text(encoding="utf-8"))
    record["feeds"][cast.commander.public_key_hex]["hash"] = "cd" * 32
    (data / OWN_HEAD_NAME).write_text(json.dumps(record), encoding="utf-8")
    node = Node.open(data, identity=cast.commander)
    try:
        assert [d.code for d in node.verify().defects] == [HEAD_MISMATCH]
    finally:
        node.close()


def test_the_replay_the_node_prepares_ends_where_the_live_map_stands(network: Node, cast):
    play_operation(network, cast)
    timeline = network.timeline()
    last = timeline.tables_at(timeline.end_ms)
    for table in ("sites", "stock", "requests", "roads"):
        assert last[table] == network.state.tables[table], table
    assert last["shipments"].keys() == network.state.tables["shipments"].keys()
    again = build_timeline(network.entries_in_order(), *network.read(lambda s: (dict(s.equivocators), dict(s.pins))))
    assert again.changes == timeline.changes
