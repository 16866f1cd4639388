"""The MSEL in the spreadsheets trainers keep it in: exported, edited, imported back whole or not at all."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from app.exercise.msel import (
    EXPECTED_COLUMNS,
    INJECT_COLUMNS,
    ExpectedAction,
    Inject,
    MselError,
    format_time,
    parse_time,
    read_msel,
    write_msel,
)
from app.exercise.scenario import load_scenario

SCENARIOS = Path(__file__).resolve().parents[2] / "resources" / "scenarios"


@pytest.mark.parametrize("name", ["limpopo-flood.toml", "beira-cyclone.toml"])
@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_shipped_msel_goes_to_a_spreadsheet_and_comes_back_equal(tmp_path, name, suffix):
    injects = load_scenario(SCENARIOS / name).injects
    write_msel(injects, tmp_path / f"msel{suffix}")
    assert read_msel(tmp_path / f"msel{suffix}") == injects


def test_the_csv_has_a_stable_header_and_times_as_text_in_the_documented_notation(tmp_path):
    flood = load_scenario(SCENARIOS / "limpopo-flood.toml")
    written = write_msel(flood.injects, tmp_path / "flood.csv")
    assert [p.name for p in written] == ["flood.csv", "flood.expected.csv"]
    lines = (tmp_path / "flood.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == ",".join(INJECT_COLUMNS)
    assert lines[1].startswith("F-01,T+00:00,provincial-eoc; log-cluster; field-team,message,")
    expected = (tmp_path / "flood.expected.csv").read_text(encoding="utf-8").splitlines()
    assert expected[0] == ",".join(EXPECTED_COLUMNS) and expected[1].endswith(",T+00:15")


@pytest.mark.parametrize(("text", "ms"), [("T+00:00", 0), ("T+02:30", 9_000_000), ("T+26:05:30", 93_930_000),
                                          ("T-01:00", -3_600_000), ("T+4800:00", 4800 * 3_600_000)])
def test_scenario_time_is_written_one_way_and_read_back(text, ms):
    assert parse_time(text) == ms and format_time(ms) == text


@pytest.mark.parametrize("text", ["02:30", "+02:30", "T+2:60", "D2 06:00", "T+02:30:5", "T+02.5", " T+01:00"])
def test_other_time_notations_are_refused(text):
    with pytest.raises(ValueError, match="must be a scenario time like T"):
        parse_time(text)


def message(ident: str, content: str, sender: str | None = None, note: str | None = None) -> Inject:
    return Inject(ident, 600_000, ("eoc",), "message", content, sender, (("site", "SHL-1"),) if note else ())


def test_text_that_looks_like_a_formula_is_quoted_in_csv_and_kept_as_text_in_xlsx(tmp_path):
    injects = (message("I-1", "=HYPERLINK(\"http://x\",\"click\")", sender="+1 555 0100"),
               message("I-2", "@SUM(A1:A9)"), message("I-3", "-2+3"), message("I-4", "'quoted already"))
    write_msel(injects, tmp_path / "m.csv")
    rows = (tmp_path / "m.csv").read_text(encoding="utf-8").splitlines()
    assert rows[1].startswith("I-1,T+00:10,eoc,message,'+1 555 0100,\"'=HYPERLINK(")
    assert ",'@SUM(A1:A9)" in rows[2] and ",'-2+3" in rows[3] and ",''quoted already" in rows[4]
    write_msel(injects, tmp_path / "m.xlsx")
    sheet = load_workbook(tmp_path / "m.xlsx")["injects"]
    cells = {sheet.cell(row=r, column=6).value: sheet.cell(row=r, column=6).data_type for r in range(2, 6)}
    assert cells == {i.content: "s" for i in injects}     # strings, none a formula
    assert read_msel(tmp_path / "m.csv") == injects == read_msel(tmp_path / "m.xlsx")


# Text a trainer may type: commas, quotes, line breaks, any script, formula-looking starts; no control characters.
TEXT = st.text(st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\ufffe\uffff\u202a\u202b"
                             "\u202c\u202d\u202e\u2066\u2067\u2068\u2069") | st.sampled_from(
    [",", '"', "\n", "\t", "=", "+", "-", "@", "'", "é", "漢", "🚒", " "]), min_size=1, max_size=80
               ).filter(lambda t: t.strip() != "")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=TEXT, sender=st.none() | TEXT, description=TEXT, reason=TEXT)
def test_any_text_survives_the_round_trip_through_csv_and_xlsx(tmp_path, content, sender, description, reason):
    adjust = {"reason": reason, "delta": -1, "site": "WH-1", "item": "water-5l", "lot": "L-1"}
    injects = (
        Inject("I-1", 0, ("eoc", "field"), "message", content, sender,
               expected=(ExpectedAction("E-1", "eoc", description, 60_000, None),)),
        Inject("I-2", 3_723_000, ("eoc",), "stock_lost", content, None,
               (("item", "water-5l"), ("lot", "L-1"), ("qty", 7), ("reason", reason), ("site", "WH-1"))),
        Inject("I-3", 90_000, ("eoc",), "proposal", description, None,
               (("action", "stock.adjust"),
                ("body", json.dumps(adjust, sort_keys=True, separators=(",", ":"), ensure_ascii=False)),
                ("reason", reason))),
    )
    for suffix in (".csv", ".xlsx"):
        write_msel(injects, tmp_path / f"m{suffix}")
        assert read_msel(tmp_path / f"m{suffix}") == injects


BAD_CSV = """id,at,to,kind,content,request,site,item,qty,priority,needed_by
I-1,T+00:05,eoc,message,All good,,,,,,
I-2,00:10,eoc,message,Time without T+,,,,,,
I-3,T+00:15,eoc,request_opened,Water please,REQ-1,SHL-1,water-5l,lots,critical,T+01:00
I-4,T+00:20,eoc,flood,Unknown kind,,,,,,
I-5,T+00:25,eoc,request_opened,No priority,REQ-2,SHL-1,water-5l,10,,T+01:00
,,,,,,,,,,
I-6,T+00:30,eoc,message,Fine too,,,,,,
"""


def test_a_spreadsheet_with_bad_rows_is_refused_with_one_line_per_problem_and_nothing_imported(tmp_path):
    (tmp_path / "m.csv").write_text(BAD_CSV, encoding="utf-8")
    with pytest.raises(MselError) as caught:
        read_msel(tmp_path / "m.csv")
    assert [str(p) for p in caught.value.problems] == [
        "m.csv row 3, at: must be a scenario time like T+02:30 or T+26:05:30 (got '00:10')",
        "m.csv row 4, qty: must be a whole number (got 'lots')",
        "m.csv row 5, kind: must be one of message, request_opened, road_closed, road_reopened, stock_lost, "
        "stock_damaged, site_damaged, resources_arriving, proposal (got 'flood')",
        "m.csv row 6, priority: is required for a request_opened inject",
    ]
    assert str(caught.value).splitlines()[0] == "the MSEL was not read: 4 problem(s)"


def test_a_misspelt_or_missing_column_is_reported_alone_from_the_header_row(tmp_path):
    (tmp_path / "m.csv").write_text("id,at,to,kind,qyt,priorty\nI-1,T+00:05,eoc,message,3,\n", encoding="utf-8")
    with pytest.raises(MselError) as caught:
        read_msel(tmp_path / "m.csv")
    assert [str(p).split(" (columns")[0] for p in caught.value.problems] == [
        "m.csv row 1, priorty: is not an MSEL column",
        "m.csv row 1, qyt: is not an MSEL column",
        "m.csv row 1, content: is a required column and the header lacks it",
    ]


def test_an_expected_action_for_an_inject_the_msel_does_not_hold_is_named(tmp_path):
    (tmp_path / "m.csv").write_text("id,at,to,kind,content\nI-1,T+00:05,eoc,message,Hello\n", encoding="utf-8")
    (tmp_path / "m.expected.csv").write_text("inject,id,cell,description,by\nI-9,E-1,eoc,Answer,T+00:30\n",
                                             encoding="utf-8")
    with pytest.raises(MselError) as caught:
        read_msel(tmp_path / "m.csv")
    assert [str(p) for p in caught.value.problems] == [
        "m.expected.csv row 2, inject: names inject 'I-9', which the MSEL does not hold"]


def test_an_xlsx_with_a_formula_a_fraction_and_a_date_is_refused_cell_by_cell(tmp_path):
    from datetime import datetime

    book = Workbook()
    sheet = book.active
    sheet.title = "injects"
    sheet.append(["id", "at", "to", "kind", "content", "request", "site", "item", "qty", "priority", "needed_by"])
    sheet.append(["I-1", "T+00:05", "eoc", "message", "=1+1"])
    sheet.append(["I-2", "T+00:10", "eoc", "request_opened", "Water", "R-1", "S-1", "water-5l", 12.5, "high",
                  "T+01:00"])
    sheet.append(["I-3", datetime(2026, 2, 10, 6, 30), "eoc", "message", "When?"])
    sheet.append(["I-4", "T+00:20", "eoc", "request_opened", "Water", "R-2", "S-1", "water-5l", 40.0, "high",
                  "T+01:00"])
    book.save(tmp_path / "m.xlsx")
    with pytest.raises(MselError) as caught:
        read_msel(tmp_path / "m.xlsx")
    assert [str(p) for p in caught.value.problems] == [
        "m.xlsx sheet injects row 2, content: holds a formula; write the value itself (formulas are not evaluated)",
        "m.xlsx sheet injects row 3, qty: holds the fraction 12.5; the ledger holds whole numbers only",
        "m.xlsx sheet injects row 4, at: holds a date or time value; write scenario times as text like T+02:30",
    ]


def test_a_file_that_is_not_a_workbook_is_refused_in_one_sentence(tmp_path):
    (tmp_path / "m.xlsx").write_text("id,at\n", encoding="utf-8")
    with pytest.raises(MselError, match="is not a readable XLSX workbook"):
        read_msel(tmp_path / "m.xlsx")
