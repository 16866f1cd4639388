"""A trainer makes the exercise network before the day: from a scenario's own setting, or from the picture a
live replica had at a chosen entry or time, which is only read."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from app.core.identity import load_key_file
from app.core.types import EntryType
from app.exercise.founding import FoundingError, found_exercise, read_picture
from app.exercise.scenario import ScenarioError, load_scenario
from app.node import Node
from app.paths import KEY_NAME, RESOURCES
from tests.exercise.live_network import HOUR, T0, build_live, fingerprint_files

SCENARIOS = RESOURCES / "scenarios"
LIMPOPO = SCENARIOS / "limpopo-flood.toml"
BEIRA = SCENARIOS / "beira-cyclone.toml"
SECRET = "exercise passphrase"


@pytest.fixture(scope="module")
def live(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    data = tmp_path_factory.mktemp("live") / "hq"
    return data, build_live(data)


def bodies(node: Node) -> list[tuple[str, dict]]:
    return [(e.type, e.body) for e in node.entries_in_order() if e.type != EntryType.GENESIS]


def test_the_limpopo_exercise_starts_with_its_setting_signed_by_control_and_a_key_per_cell(tmp_path):
    scenario = load_scenario(LIMPOPO)
    founded = found_exercise(scenario, tmp_path / "ex", SECRET)
    node = Node.open(tmp_path / "ex", SECRET)
    try:
        assert node.is_exercise and node.network["name"] == "EXERCISE " + scenario.title
        control = scenario.cells_of("control")[0]
        assert node.identity is not None and node.identity.fingerprint == founded.keys[0].fingerprint
        # the setting, in recording order, is what control signed first, at T+00:00
        recorded = [e for e in node.entries_in_order() if e.type != EntryType.GENESIS]
        assert [(e.type, e.body) for e in recorded] == [(t, b) for t, b in scenario.setting.records]
        assert {e.author for e in recorded} == {node.identity.public_key_hex}
        assert {e.ts for e in node.entries_in_order()} == {scenario.clock.start_ms}
        tables = node.state.tables
        for entry_type, table, key in ((EntryType.SITE_DEFINE, "sites", "site"),
                                       (EntryType.ITEM_DEFINE, "items", "item"),
                                       (EntryType.ROAD_STATUS, "roads", "road"),
                                       (EntryType.REQUEST_OPEN, "requests", "request")):
            assert sorted(tables[table]) == sorted(b[key] for b in scenario.setting.bodies(entry_type))
        for lot in scenario.setting.bodies(EntryType.STOCK_RECEIVE):
            assert tables["stock"][f"{lot['site']}|{lot['item']}|{lot['lot']}"]["qty"] == lot["qty"]
        # every cell is a member with the cell's roles; control is admin besides (it founded the network)
        members = {m["name"]: m for m in tables["members"].values()}
        assert len(members) == len(scenario.cells)
        for cell in scenario.cells:
            roles = sorted({"admin", *cell.roles}) if cell is control else sorted(cell.roles)
            assert members[cell.name]["roles"] == roles
        assert node.verify().ok
    finally:
        node.close()
    for key in founded.keys:
        assert stat.S_IMODE(key.path.stat().st_mode) == 0o600
        assert load_key_file(key.path, SECRET).fingerprint == key.fingerprint
    assert founded.keys[0].path == tmp_path / "ex" / KEY_NAME
    assert sorted(p.name for p in (tmp_path / "ex" / "exercise-keys").iterdir()) == sorted(
        f"{c.id}.key" for c in scenario.cells if c.kind != "control")
    assert [p.name for p in tmp_path.iterdir()] == ["ex"]   # no scratch directory left beside it


def test_two_runs_of_one_scenario_record_the_same_setting_bodies_with_other_keys(tmp_path):
    scenario = load_scenario(LIMPOPO)
    first = found_exercise(scenario, tmp_path / "a", SECRET)
    second = found_exercise(scenario, tmp_path / "b", SECRET)
    a, b = Node.open(tmp_path / "a"), Node.open(tmp_path / "b")
    try:
        assert bodies(a) == bodies(b)
        assert a.network_id != b.network_id
        assert {k.fingerprint for k in first.keys}.isdisjoint({k.fingerprint for k in second.keys})
    finally:
        a.close()
        b.close()


def test_a_live_picture_carries_what_is_left_and_moves_deadlines_to_scenario_time(live):
    data, _marks = live
    scenario = load_scenario(BEIRA)
    start = scenario.clock.start_ms
    picture = read_picture(data, start)
    records = {(t, b.get("request") or b.get("road") or b.get("item") if t != EntryType.STOCK_RECEIVE
                else f"{b['site']}|{b['item']}|{b['lot']}"): b for t, b in picture.records}
    assert picture.network_kind == "live" and picture.instant_ms == T0 + 4 * HOUR
    # 6000 received at Beira, 300 dispatched; 300 delivered at Dondo, 100 distributed
    assert records[(EntryType.STOCK_RECEIVE, "WH-BEIRA|water-5l|WFP-W-0314")]["qty"] == 5700
    assert records[(EntryType.STOCK_RECEIVE, "SHL-DONDO-1|water-5l|WFP-W-0314")]["qty"] == 200
    # the request had 300 of 800 delivered: 500 still needed, ten hours after the picture as before
    request = records[(EntryType.REQUEST_OPEN, "REQ-DON-001")]
    assert request["qty"] == 500 and request["needed_by_ms"] == start + 10 * HOUR
    assert (EntryType.REQUEST_OPEN, "REQ-BUZ-009") not in records        # cancelled
    assert records[(EntryType.ROAD_STATUS, "R-BUZI")]["status"] == "open"
    vaccine = records[(EntryType.STOCK_RECEIVE, "WH-BEIRA|vac-ocv|UNICEF-OCV-0315")]
    assert vaccine["expiry_ms"] == start + 200 * 24 * HOUR - 4 * HOUR
    kinds = [t for t, _b in picture.records]
    assert kinds == sorted(kinds, key=[EntryType.ITEM_DEFINE, EntryType.SITE_DEFINE, EntryType.STOCK_RECEIVE,
                                       EntryType.ROAD_STATUS, EntryType.REQUEST_OPEN].index)


def test_beira_forked_from_a_live_replica_at_an_entry_and_at_a_time_leaves_the_replica_untouched(live, tmp_path):
    data, marks = live
    before = fingerprint_files(data)
    scenario = load_scenario(BEIRA)
    live_id = Node.open(data, shared=True)
    network_id = live_id.network_id
    live_id.close()
    at_entry = read_picture(data, scenario.clock.start_ms, entry=marks["request"][:16])
    founded = found_exercise(scenario, tmp_path / "at-entry", SECRET, at_entry)
    at_time = read_picture(data, scenario.clock.start_ms, at_ms=T0 + 2 * HOUR + 30 * 60_000)
    found_exercise(scenario, tmp_path / "at-time", SECRET, at_time)
    assert fingerprint_files(data) == before
    assert at_entry.through == marks["request"] and at_time.through == marks["request"]
    for name in ("at-entry", "at-time"):
        node = Node.open(tmp_path / name)
        try:
            assert node.is_exercise and node.network_id != network_id
            requests = node.state.tables["requests"]
            # before the delivery: all 800 still needed; the Buzi request not yet cancelled
            assert requests["REQ-DON-001"]["qty"] == 800 and "REQ-BUZ-009" in requests
            assert node.state.tables["roads"]["R-BUZI"]["status"] == "closed"
            assert node.verify().ok
        finally:
            node.close()
    assert founded.entries == 1 + len(at_entry.records)


@pytest.mark.parametrize("moment", [{"at_ms": T0 - 1}, {"entry": "00000000"}, {"entry": "abc"}])
def test_a_moment_the_replica_does_not_hold_is_refused(live, moment):
    with pytest.raises(FoundingError):
        read_picture(live[0], 0, **moment)


def test_an_inject_naming_a_site_the_picture_lacks_is_refused_and_nothing_is_made(live, tmp_path):
    data, marks = live
    scenario = load_scenario(BEIRA)
    too_early = read_picture(data, scenario.clock.start_ms, at_ms=T0)   # the catalogue only: no stock yet
    with pytest.raises(ScenarioError) as refused:
        found_exercise(scenario, tmp_path / "ex", SECRET, too_early)
    assert "neither stock of the setting" in str(refused.value)
    assert list(tmp_path.iterdir()) == []


def test_a_scenario_from_a_snapshot_needs_the_replica_and_a_used_directory_is_refused(tmp_path):
    with pytest.raises(FoundingError, match="--from-replica"):
        found_exercise(load_scenario(BEIRA), tmp_path / "ex", SECRET)
    used = tmp_path / "used"
    used.mkdir()
    (used / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(FoundingError, match="not an empty directory"):
        found_exercise(load_scenario(LIMPOPO), used, SECRET)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["used"]
    assert [p.name for p in used.iterdir()] == ["notes.txt"]


def test_an_empty_directory_given_beforehand_is_used(tmp_path):
    (tmp_path / "ex").mkdir()
    found_exercise(load_scenario(LIMPOPO), tmp_path / "ex", SECRET)
    assert (tmp_path / "ex" / KEY_NAME).is_file()


def test_the_genesis_is_what_docs_scenarios_13_2_says(tmp_path):
    scenario = load_scenario(LIMPOPO)
    found_exercise(scenario, tmp_path / "ex", SECRET)
    node = Node.open(tmp_path / "ex")
    try:
        genesis = next(iter(node.entries_in_order()))
    finally:
        node.close()
    control = scenario.cells_of("control")[0]
    others = [c for c in scenario.cells if c.kind != "control"]
    assert genesis.body["kind"] == "exercise" and genesis.body["policies"] == {}
    assert [(m["org"], m["name"], m["roles"]) for m in genesis.body["members"]] == [
        (f"control cell {control.id}", control.name, ["admin", "trainer"]),
        *((f"{c.kind} cell {c.id}", c.name, list(c.roles)) for c in others)]
    assert ("player cell field-team", "field-team") in {(m["org"], m["org"].split()[-1])
                                                       for m in genesis.body["members"]}


def test_a_replica_named_for_a_scenario_with_an_inline_setting_replaces_that_setting(live, tmp_path):
    data, _marks = live
    scenario = load_scenario(LIMPOPO)
    picture = read_picture(data, scenario.clock.start_ms)
    with pytest.raises(ScenarioError, match="is not a site of the setting"):   # the flood MSEL names Gaza sites
        found_exercise(scenario, tmp_path / "ex", SECRET, picture)
    assert list(tmp_path.iterdir()) == []


def test_the_shipped_beira_scenario_starts_from_the_demo_networks_current_picture(tmp_path):
    from app.exercise.demo import build_demo

    build_demo(tmp_path / "demo", progress=False, seed=11)
    before = fingerprint_files(tmp_path / "demo")
    scenario = load_scenario(BEIRA)
    picture = read_picture(tmp_path / "demo", scenario.clock.start_ms)
    assert picture.network_kind == "exercise"      # allowed: the summary names the source's kind
    found_exercise(scenario, tmp_path / "ex", SECRET, picture)
    assert fingerprint_files(tmp_path / "demo") == before
    demo, ex = Node.open(tmp_path / "demo", shared=True), Node.open(tmp_path / "ex")
    try:
        held = {k: r["qty"] for k, r in demo.state.tables["stock"].items() if r["qty"] > 0}
        assert {k: r["qty"] for k, r in ex.state.tables["stock"].items()} == held
        assert sorted(ex.state.tables["sites"]) == sorted(demo.state.tables["sites"])
        assert ex.network_id != demo.network_id and ex.verify().ok
    finally:
        demo.close()
        ex.close()
