"""A trainer at a terminal: checks a scenario, takes its MSEL to a spreadsheet and brings the edited sheet back."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from openpyxl import load_workbook

from app.exercise.scenario import load_scenario
from tests.cli.conftest import run

SCENARIOS = Path(__file__).resolve().parents[2] / "resources" / "scenarios"


def flood_copy(tmp_path: Path) -> Path:
    for path in SCENARIOS.glob("limpopo-flood*"):
        shutil.copy(path, tmp_path / path.name)
    return tmp_path / "limpopo-flood.toml"


def test_checking_the_shipped_flood_scenario_prints_its_cells_injects_by_kind_and_time_span(capsys):
    code, out, err = run(capsys, "exercise", "scenario", "check", str(SCENARIOS / "limpopo-flood.toml"))
    assert code == 0, err
    assert out.startswith("Limpopo floods 2026: Chokwe and Xai-Xai\n")
    assert "player     field-team" in out and "control    control" in out and "simulation simcell" in out
    assert "injects: 34, expected actions: 30 (MSEL in limpopo-flood-msel.csv)" in out
    assert "request_opened         10" in out and "time span: T+00:00 to T+02:00" in out


def test_checking_a_broken_scenario_lists_every_problem_and_exits_2(tmp_path, capsys):
    path = flood_copy(tmp_path)
    text = path.read_text(encoding="utf-8").replace("speed = 60", "speed = 90").replace('kind = "depot"',
                                                                                       'kind = "warehouse"', 1)
    path.write_text(text, encoding="utf-8")
    msel = tmp_path / "limpopo-flood-msel.csv"
    msel.write_text(msel.read_text(encoding="utf-8").replace("F-02,T+00:05", "F-02,T+0:5"), encoding="utf-8")
    code, out, err = run(capsys, "exercise", "scenario", "check", str(path))
    assert code == 2 and out == ""
    lines = err.splitlines()
    assert lines[0] == "relief-ledger: limpopo-flood.toml was not loaded: 3 problem(s)"
    assert "  limpopo-flood.toml, clock.speed: must be from 1 to 60 (got 90)" in lines
    assert any(line.startswith("  limpopo-flood.toml:") and "kind must be one of depot" in line for line in lines)
    assert "  limpopo-flood-msel.csv row 3, at: must be a scenario time like T+02:30 or T+26:05:30 (got 'T+0:5')" \
        in lines


def test_an_msel_exported_to_xlsx_edited_and_imported_replaces_the_scenarios_csv(tmp_path, capsys):
    scenario = flood_copy(tmp_path)
    sheet_path = tmp_path / "edited.xlsx"
    code, out, _ = run(capsys, "exercise", "msel", "export", str(scenario), str(sheet_path))
    assert code == 0 and "34 inject(s) written to" in out
    book = load_workbook(sheet_path)
    sheet = book["injects"]
    assert sheet["A2"].value == "F-01" and sheet["B2"].value == "T+00:00"
    sheet["B3"].value = "T+00:07"                           # the trainer moves F-02 two minutes later
    sheet["F3"].value = "Evacuation ordered at 06:07."
    book.save(sheet_path)
    code, out, err = run(capsys, "exercise", "msel", "import", str(scenario), str(sheet_path))
    assert code == 0, err
    assert "34 inject(s) imported" in out
    moved = load_scenario(scenario).injects[1]
    assert (moved.id, moved.at_ms, moved.content) == ("F-02", 7 * 60_000, "Evacuation ordered at 06:07.")
    assert not list(tmp_path.glob(".msel-*"))                # no scratch left behind


def test_an_import_with_bad_rows_writes_nothing_and_lists_every_row(tmp_path, capsys):
    scenario = flood_copy(tmp_path)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    bad = tmp_path / "bad.csv"
    bad.write_text("id,at,to,kind,content,site\n"
                   "X-1,T+00:05,provincial-eoc,message,Fine,\n"
                   "X-2,T+00:06,nobody,message,Who?,\n"
                   "X-3,T+00:07,provincial-eoc,message,Where?,SHL-ATLANTIS\n"
                   "X-4,later,provincial-eoc,message,When?,\n", encoding="utf-8")
    code, out, err = run(capsys, "exercise", "msel", "import", str(scenario), str(bad))
    assert code == 2 and out == ""
    assert "bad.csv row 5, at: must be a scenario time" in err
    assert "bad.csv row 3, to: names cell nobody, which the scenario does not define" in err
    assert "bad.csv row 4, site: SHL-ATLANTIS is not a site of the setting" in err
    bad.unlink()
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_a_scenario_with_an_inline_msel_gets_a_new_file_with_out_and_is_never_rewritten(tmp_path, capsys):
    beira = tmp_path / "beira-cyclone.toml"
    shutil.copy(SCENARIOS / "beira-cyclone.toml", beira)
    original = beira.read_bytes()
    assert run(capsys, "exercise", "msel", "export", str(beira), str(tmp_path / "beira.csv"))[0] == 0
    code, _, err = run(capsys, "exercise", "msel", "import", str(beira), str(tmp_path / "beira.csv"))
    assert code == 2 and "holds its MSEL inline; give --out NEW_SCENARIO.toml" in err
    new = tmp_path / "beira-v2.toml"
    code, out, err = run(capsys, "exercise", "msel", "import", str(beira), str(tmp_path / "beira.csv"), "--out",
                         str(new))
    assert code == 0, err
    assert beira.read_bytes() == original
    again = load_scenario(new)
    assert again.msel == "beira-v2-msel.csv" and (tmp_path / "beira-v2-msel.expected.csv").exists()
    assert again.injects == load_scenario(beira).injects and again.title == load_scenario(beira).title


def test_exercise_alone_shows_its_subcommands_and_exits_2(capsys):
    code, _out, err = run(capsys, "exercise")
    assert code == 2 and "scenario" in err and "msel" in err


def test_the_exercise_measures_of_a_replica_print_as_a_table_and_as_json_the_same_every_time(founded, capsys):
    code, out, _err = run(capsys, "exercise", "measures", "--data", str(founded))
    assert code == 0 and "Evaluation window" in out and "Requests by priority" in out
    code, first, _err = run(capsys, "exercise", "measures", "--data", str(founded), "--json")
    assert code == 0 and json.loads(first)["entries"] == 3          # genesis, the depot, the item
    assert run(capsys, "exercise", "measures", "--data", str(founded), "--json")[1] == first


def test_a_measure_window_that_makes_no_sense_is_one_sentence_and_exit_2(founded, capsys):
    code, _out, err = run(capsys, "exercise", "measures", "--data", str(founded), "--from", "yesterday")
    assert code == 2 and "is not an ISO-8601 time" in err
    code, _out, err = run(capsys, "exercise", "measures", "--data", str(founded), "--from", "2100-01-01T00:00Z")
    assert code == 2 and "starts" in err and "after it ends" in err
