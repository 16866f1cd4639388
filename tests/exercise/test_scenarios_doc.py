"""docs/SCENARIOS.md is what a third party implements from: its worked example must be what the tool does."""

from __future__ import annotations

import json
import re
from pathlib import Path

from app.exercise.msel import write_msel
from app.exercise.scenario import load_scenario

DOC = (Path(__file__).resolve().parents[2] / "docs" / "SCENARIOS.md").read_text(encoding="utf-8")


def blocks(fence: str) -> list[str]:
    return re.findall(rf"```{fence}\n(.*?)```", DOC, flags=re.S)


def test_the_example_of_the_document_loads_and_records_the_body_it_shows(tmp_path):
    (tmp_path / "example.toml").write_text(blocks("toml")[0], encoding="utf-8")
    scenario = load_scenario(tmp_path / "example.toml")
    shown = re.search(r"records `request.open` with body\n`(\{.*?\})`", DOC).group(1)
    entry_type, body = scenario.injects[0].entry(scenario.clock.start_ms)
    assert entry_type == "request.open"
    assert json.dumps(body, sort_keys=True, separators=(",", ":")) == shown
    assert f"`start_ms` {scenario.clock.start_ms:,}" in DOC


def test_the_csv_rows_of_the_document_are_what_export_writes(tmp_path):
    (tmp_path / "example.toml").write_text(blocks("toml")[0], encoding="utf-8")
    write_msel(load_scenario(tmp_path / "example.toml").injects, tmp_path / "m.csv")
    injects_csv, expected_csv = blocks("csv")
    assert (tmp_path / "m.csv").read_text(encoding="utf-8").replace("\r\n", "\n") == injects_csv
    assert (tmp_path / "m.expected.csv").read_text(encoding="utf-8").replace("\r\n", "\n") == expected_csv
