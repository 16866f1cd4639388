"""A trainer's scenario file: the shipped ones load, and a file with mistakes is refused whole, each mistake named."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.schema import check_body
from app.exercise import demo
from app.exercise.msel import parse_time
from app.exercise.scenario import ScenarioError, dump_scenario, load_scenario

SCENARIOS = Path(__file__).resolve().parents[2] / "resources" / "scenarios"

HEAD = """format = 1
title = "Flash flood drill"
objectives = ["Fill the shelter's water request on time"]

[clock]
start = 2026-02-10T06:00:00Z
speed = 30
end = "T+01:00"
"""
SETTING = """
[setting]
from_snapshot = false

[[setting.sites]]
site = "WH-1"
name = "Xai-Xai warehouse"
kind = "depot"
lat_e6 = -25046000
lon_e6 = 33639500
org = "INGD Gaza"

[[setting.sites]]
site = "SHL-1"
name = "Chokwe shelter"
kind = "shelter"
lat_e6 = -24528000
lon_e6 = 32979000
org = "IOM"

[[setting.items]]
item = "water-5l"
name = "Drinking water 5 L"
unit = "jerrycan"
category = "water"
cold_chain = false

[[setting.stock]]
site = "WH-1"
item = "water-5l"
lot = "L-1"
qty = 500
source = "WFP"
"""
CELLS = """
[[cells]]
id = "eoc"
name = "Provincial EOC"
kind = "player"
roles = ["commander", "logistics"]

[[cells]]
id = "field"
name = "Field team"
kind = "player"
roles = ["field"]

[[cells]]
id = "control"
name = "Exercise control"
kind = "control"
roles = ["trainer"]

[[cells]]
id = "sim"
name = "Simulation cell"
kind = "simulation"
roles = ["trainer", "logistics"]
"""
GOOD_INJECTS = """
[[injects]]
id = "I-1"
at = "T+00:10"
to = ["field", "eoc"]
kind = "request_opened"
from = "Shelter manager"
content = "The shelter needs 200 jerrycans of water."
request = "REQ-1"
site = "SHL-1"
item = "water-5l"
qty = 200
priority = "critical"
needed_by = "T+00:50"

[[injects.expect]]
id = "E-1"
cell = "eoc"
description = "Dispatch water to the shelter"
entry_type = "shipment.dispatch"
by = "T+00:30"

[[injects]]
id = "I-2"
at = "T+00:20"
to = ["eoc"]
kind = "stock_lost"
content = "Looters took 50 jerrycans."
site = "WH-1"
item = "water-5l"
lot = "L-1"
qty = 50
reason = "Looting at the gate"
"""


def write(tmp_path: Path, text: str, name: str = "drill.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_shipped_flood_scenario_has_three_player_cells_and_over_thirty_injects_in_two_hours():
    flood = load_scenario(SCENARIOS / "limpopo-flood.toml")
    assert len(flood.injects) >= 30
    assert [c.kind for c in flood.cells].count("player") == 3
    assert not flood.setting.from_snapshot and flood.msel == "limpopo-flood-msel.csv"
    assert flood.span_ms() == (0, parse_time("T+02:00"))
    assert all(inject.expected for inject in flood.injects if inject.get("priority") == "critical")
    assert {i.kind for i in flood.injects} == {"message", "request_opened", "road_closed", "road_reopened",
                                               "stock_lost", "stock_damaged", "site_damaged", "resources_arriving",
                                               "proposal"}


def test_the_beira_scenario_names_only_sites_items_lots_and_roads_of_the_demo_network():
    beira = load_scenario(SCENARIOS / "beira-cyclone.toml")
    assert beira.setting.from_snapshot and len(beira.injects) >= 15
    sites = {s[0] for s in demo.SITES}
    items = {i[0] for i in demo.ITEMS}
    lots = {(r[0], r[1], r[2]) for r in demo.RECEIPTS}
    roads = {r[0] for r in demo.ROADS}
    requests = {r[0] for r in demo.REQUESTS}
    for inject in beira.injects:
        assert inject.get("site") in sites | {None}, inject.id
        assert inject.get("item") in items | {None}, inject.id
        assert inject.get("road") in roads | {None}, inject.id
        assert inject.get("request") not in requests, inject.id
        if inject.kind in ("stock_lost", "stock_damaged"):
            assert (inject.get("site"), inject.get("item"), inject.get("lot")) in lots, inject.id


def test_every_ledger_effecting_inject_of_the_shipped_scenarios_makes_a_body_the_ledger_accepts():
    for name in ("limpopo-flood.toml", "beira-cyclone.toml"):
        scenario = load_scenario(SCENARIOS / name)
        made = [inject.entry(scenario.clock.start_ms) for inject in scenario.injects]
        for entry in made:
            if entry is not None:
                check_body(*entry)
        assert sum(entry is not None for entry in made) >= 10


def test_a_drill_loads_with_its_setting_cells_clock_and_the_entries_its_injects_will_record(tmp_path):
    scenario = load_scenario(write(tmp_path, HEAD + SETTING + CELLS + GOOD_INJECTS))
    start = 1_770_703_200_000   # 2026-02-10 06:00 UTC
    assert (scenario.clock.start_ms, scenario.clock.speed, scenario.clock.end_ms) == (start, 30, 3_600_000)
    assert [c.id for c in scenario.cells_of("player")] == ["eoc", "field"]
    assert [kind for kind, _ in scenario.setting.records] == ["item.define", "site.define", "site.define",
                                                              "stock.receive"]
    request, loss = scenario.injects
    assert request.expected[0].by_ms == 30 * 60_000 and request.sender == "Shelter manager"
    assert request.entry(start) == ("request.open", {"request": "REQ-1", "site": "SHL-1", "item": "water-5l",
                                                     "qty": 200, "priority": "critical",
                                                     "needed_by_ms": start + 50 * 60_000})
    assert loss.entry(start) == ("proposal.open", {
        "action": "stock.adjust", "reason": "Looting at the gate",
        "body": {"site": "WH-1", "item": "water-5l", "lot": "L-1", "delta": -50, "reason": "Looting at the gate"}})


def test_a_scenario_with_many_mistakes_is_refused_whole_naming_each_with_its_line(tmp_path):
    broken = (GOOD_INJECTS
              .replace('qty = 200', 'qty = 200.5')                       # a fraction
              .replace('to = ["eoc"]', 'to = ["eoc", "logistics"]')      # a cell that does not exist
              .replace('site = "WH-1"\nitem', 'site = "WH-9"\nitem')     # a site the setting lacks
              + '\n[[injects]]\nid = "I-1"\nat = "T+00:40"\nto = ["eoc"]\nkind = "road_closed"\n'
                'content = "Bridge closed"\nroad = "R-1"\n')             # a repeated id, and no name/path
    path = write(tmp_path, HEAD.replace('speed = 30', 'speed = 30\ntempo = 2') + SETTING + CELLS + broken)
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    text = str(caught.value)
    lines = path.read_text().splitlines()
    third = [n for n, line in enumerate(lines, 1) if line == "[[injects]]"][2]
    second = [n for n, line in enumerate(lines, 1) if line == "[[injects]]"][1]
    first = [n for n, line in enumerate(lines, 1) if line == "[[injects]]"][0]
    assert "drill.toml, clock.tempo: is not a field of [clock]" in text
    assert f"drill.toml:{first}, qty: must be a whole number (got 200.5)" in text
    assert f"drill.toml:{second}, to: names cell logistics, which the scenario does not define" in text
    assert f"drill.toml:{second}, site: WH-9 is not a site of the setting" in text
    assert f"drill.toml:{third}, name: is required for a road_closed inject" in text
    assert f"drill.toml:{third}, path: is required for a road_closed inject" in text
    assert len(caught.value.problems) == 7, text


def test_duplicate_ids_are_refused_but_injects_out_of_time_order_are_fine(tmp_path):
    swapped = GOOD_INJECTS.replace('at = "T+00:10"', 'at = "T+00:25"').replace('by = "T+00:30"', 'by = "T+00:45"')
    assert [i.id for i in load_scenario(write(tmp_path, HEAD + SETTING + CELLS + swapped)).injects] == ["I-1", "I-2"]
    twice = GOOD_INJECTS.replace('id = "I-2"', 'id = "I-1"')
    with pytest.raises(ScenarioError, match="inject I-1 is already defined at drill.toml:"):
        load_scenario(write(tmp_path, HEAD + SETTING + CELLS + twice))


def test_a_syntax_error_is_reported_with_the_line_tomllib_gives(tmp_path):
    with pytest.raises(ScenarioError, match=r"is not valid TOML: .*line 3"):
        load_scenario(write(tmp_path, 'format = 1\ntitle = "x"\nobjectives = = 2\n'))


def test_a_scenario_written_for_a_newer_format_is_refused_in_one_sentence(tmp_path):
    with pytest.raises(ScenarioError, match="format: is 2; this version reads scenario format 1"):
        load_scenario(write(tmp_path, HEAD.replace("format = 1", "format = 2") + SETTING + CELLS + GOOD_INJECTS))


def test_from_snapshot_lets_injects_name_sites_the_file_does_not_define(tmp_path):
    snapshot = '\n[setting]\nfrom_snapshot = true\n'
    scenario = load_scenario(write(tmp_path, HEAD + snapshot + CELLS + GOOD_INJECTS.replace("SHL-1", "SHL-ELSEWHERE")))
    assert scenario.setting.from_snapshot and scenario.injects[0].get("site") == "SHL-ELSEWHERE"
    with pytest.raises(ScenarioError, match="cannot be written inline when from_snapshot = true"):
        load_scenario(write(tmp_path, HEAD + snapshot + '\n[[setting.sites]]\nsite = "X"\n' + CELLS + GOOD_INJECTS))


def test_an_expected_action_the_cell_could_never_record_is_refused(tmp_path):
    """A field team cannot dispatch a shipment: the MSEL would wait for something the ledger refuses."""
    wrong = GOOD_INJECTS.replace('cell = "eoc"', 'cell = "field"')
    with pytest.raises(ScenarioError, match=r"cell field \(field\) may not author shipment.dispatch"):
        load_scenario(write(tmp_path, HEAD + SETTING + CELLS + wrong))


def test_injects_that_record_entries_need_a_simulation_cell_allowed_to_author_them(tmp_path):
    no_sim = CELLS[:CELLS.index('[[cells]]\nid = "sim"')]
    with pytest.raises(ScenarioError) as caught:
        load_scenario(write(tmp_path, HEAD + SETTING + no_sim + GOOD_INJECTS))
    assert "records a request.open entry, which the simulation cell records: the scenario has none" in str(caught.value)
    trainer_only = CELLS.replace('roles = ["trainer", "logistics"]', 'roles = ["trainer"]')
    with pytest.raises(ScenarioError, match=r"roles of simulation cell sim \(trainer\) may not author"):
        load_scenario(write(tmp_path, HEAD + SETTING + trainer_only + GOOD_INJECTS))


def test_setting_records_are_checked_as_the_ledger_entry_bodies_they_become(tmp_path):
    bad = SETTING.replace("lat_e6 = -25046000", "lat_e6 = -25.046").replace('qty = 500', 'qty = 500\nneeded_by_ms = 1')
    with pytest.raises(ScenarioError) as caught:
        load_scenario(write(tmp_path, HEAD + bad + CELLS + GOOD_INJECTS))
    text = str(caught.value)
    assert "is not a valid site.define body: lat_e6 must be a whole number" in text
    assert "needed_by_ms: write needed_by as a scenario time" in text


def test_an_inject_after_the_end_of_the_exercise_is_refused(tmp_path):
    late = GOOD_INJECTS.replace('at = "T+00:20"', 'at = "T+01:20"')
    with pytest.raises(ScenarioError, match=r"T\+01:20 is after the end of the exercise \(T\+01:00\)"):
        load_scenario(write(tmp_path, HEAD + SETTING + CELLS + late))


@pytest.mark.parametrize("name", ["limpopo-flood.toml", "beira-cyclone.toml"])
def test_a_scenario_written_back_by_the_tool_loads_equal(tmp_path, name):
    scenario = load_scenario(SCENARIOS / name)
    if scenario.msel:
        for path in SCENARIOS.glob(Path(scenario.msel).stem + "*"):
            (tmp_path / path.name).write_bytes(path.read_bytes())
    assert load_scenario(write(tmp_path, dump_scenario(scenario), name)) == scenario


def test_a_scenario_may_keep_its_msel_in_a_workbook_and_a_missing_msel_file_is_named(tmp_path):
    from app.exercise.msel import write_msel

    drill = load_scenario(write(tmp_path, HEAD + SETTING + CELLS + GOOD_INJECTS))
    write_msel(drill.injects, tmp_path / "drill-msel.xlsx")
    in_workbook = load_scenario(write(tmp_path, HEAD.replace("[clock]", 'msel = "drill-msel.xlsx"\n[clock]')
                                             + SETTING + CELLS, "book.toml"))
    assert in_workbook.injects == drill.injects and in_workbook.msel == "drill-msel.xlsx"
    with pytest.raises(ScenarioError, match="gone.csv: cannot be read"):
        load_scenario(write(tmp_path, HEAD.replace("[clock]", 'msel = "gone.csv"\n[clock]') + SETTING + CELLS,
                                 "gone.toml"))
