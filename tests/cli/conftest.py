"""An operator at a terminal: run a command, read what it printed; a small founded network to run it on."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


@pytest.fixture
def founded(tmp_path, monkeypatch, capsys) -> Path:
    monkeypatch.setenv("RELIEF_LEDGER_PASSPHRASE", "correct horse")
    data = tmp_path / "hq"
    code, out, _err = run(capsys, "init", "--data", str(data), "--name", "Floods 2026", "--org", "NDMA",
                          "--display-name", "National EOC", "--kind", "exercise")
    assert code == 0 and "founded" in out
    assert run(capsys, "record", "site.define", "--data", str(data), "--field", "site=DEP-1", "--field",
               "name=Central depot", "--field", "kind=depot", "--field", "lat_e6=-19843000", "--field",
               "lon_e6=34838000", "--field", "org=WFP")[0] == 0
    assert run(capsys, "record", "item.define", "--data", str(data), "--json",
               '{"item":"water-5l","name":"Water 5 L","unit":"jerrycan","category":"water","cold_chain":false}')[0] == 0
    return data
