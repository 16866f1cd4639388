"""A trainer at a terminal makes the exercise network, hands each cell its key and replica, and is told
plainly, with nothing left behind, when the command cannot do what was asked."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from app.core.identity import load_key_file
from app.node import Node
from tests.cli.conftest import run
from tests.exercise.live_network import HOUR, T0, build_live, fingerprint_files

SCENARIOS = Path(__file__).resolve().parents[2] / "resources" / "scenarios"
LIMPOPO = str(SCENARIOS / "limpopo-flood.toml")
BEIRA = str(SCENARIOS / "beira-cyclone.toml")


@pytest.fixture
def secret(monkeypatch) -> str:
    monkeypatch.setenv("RELIEF_LEDGER_PASSPHRASE", "exercise day")
    return "exercise day"


def test_the_flood_exercise_is_made_verified_and_a_player_cell_records_from_its_own_replica(tmp_path, capsys,
                                                                                            secret):
    ex = tmp_path / "ex"
    code, out, err = run(capsys, "exercise", "new", LIMPOPO, "--data", str(ex))
    assert code == 0, err
    assert "Exercise network 'EXERCISE Limpopo floods 2026: Chokwe and Xai-Xai' founded" in out
    assert "entries      45 (genesis and 44 setting entries" in out
    field_key = load_key_file(ex / "exercise-keys" / "field-team.key", secret)
    assert f"player     field-team     {field_key.fingerprint}" in out
    assert "passphrase   the one you gave" in out and secret not in out
    assert f"relief-ledger gui --data {ex}" in out
    assert f"relief-ledger bundle export exercise.bundle --data {ex}" in out
    assert "relief-ledger bundle import exercise.bundle --data CELL-DIR" in out
    assert run(capsys, "verify", "--data", str(ex))[0] == 0
    # the commands the summary prints carry the network to the field team's laptop
    bundle, laptop = tmp_path / "exercise.bundle", tmp_path / "field-laptop"
    assert run(capsys, "bundle", "export", str(bundle), "--data", str(ex))[0] == 0
    laptop.mkdir()
    shutil.copy(ex / "exercise-keys" / "field-team.key", laptop / "identity.key")
    assert run(capsys, "bundle", "import", str(bundle), "--data", str(laptop))[0] == 0
    code, out, err = run(capsys, "record", "request.open", "--data", str(laptop), "--json", json.dumps(
        {"request": "FT-001", "site": _a_site(ex), "item": "water-5l", "qty": 40,
         "priority": "high", "needed_by_ms": 1_770_710_400_000}))
    assert code == 0, err
    node = Node.open(laptop, shared=True)
    try:
        assert node.is_exercise and node.state.tables["requests"]["FT-001"]["by"] == field_key.public_key_hex
    finally:
        node.close()


def _a_site(ex: Path) -> str:
    node = Node.open(ex, shared=True)
    try:
        return sorted(node.state.tables["sites"])[0]
    finally:
        node.close()


def test_a_generated_passphrase_is_printed_once_and_opens_every_key(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("RELIEF_LEDGER_PASSPHRASE", raising=False)
    code, out, err = run(capsys, "exercise", "new", LIMPOPO, "--data", str(tmp_path / "ex"))
    assert code == 0, err
    generated = next(line.split()[1] for line in out.splitlines() if line.strip().startswith("passphrase"))
    for key in (tmp_path / "ex" / "exercise-keys").iterdir():
        load_key_file(key, generated)
    load_key_file(tmp_path / "ex" / "identity.key", generated)


def test_the_exercise_directory_is_refused_as_a_live_node(tmp_path, capsys, secret):
    assert run(capsys, "exercise", "new", LIMPOPO, "--data", str(tmp_path / "ex"))[0] == 0
    code, _out, err = run(capsys, "node", "--data", str(tmp_path / "ex"), "--kind", "live", "--no-discovery")
    assert code == 2 and "refusing to run it as a live network" in err


def test_beira_forked_from_a_live_replica_at_a_time_leaves_it_byte_identical(tmp_path, capsys, secret):
    live = tmp_path / "live"
    build_live(live)
    before = fingerprint_files(live)
    at = "2026-03-14T08:30:00Z"   # T0 + 2h30: after the roads and requests, before the delivery
    assert T0 + 2 * HOUR < 1_773_477_000_000 < T0 + 3 * HOUR
    code, out, err = run(capsys, "exercise", "new", BEIRA, "--data", str(tmp_path / "ex"), "--from-replica",
                         str(live), "--at", at)
    assert code == 0, err
    assert "the picture of 'Cyclone response (live)' (live network" in out and "2026-03-14 08:30:00 UTC" in out
    assert fingerprint_files(live) == before
    node = Node.open(tmp_path / "ex", shared=True)
    try:
        assert node.is_exercise and node.state.tables["requests"]["REQ-DON-001"]["qty"] == 800
    finally:
        node.close()


@pytest.mark.parametrize("case", ["no scenario", "bad scenario", "used dir", "no replica", "at before genesis",
                                  "unknown entry", "at without replica", "snapshot without replica",
                                  "inject without its lot"])
def test_each_refusal_is_one_sentence_exit_2_and_leaves_no_directory(tmp_path, capsys, secret, case):
    live = tmp_path / "live"
    build_live(live)
    before = fingerprint_files(live)
    ex = tmp_path / "ex"
    broken = tmp_path / "broken.toml"
    broken.write_text("format = 1\ntitle = 'half a scenario'\n", encoding="utf-8")
    args = {
        "no scenario": [str(tmp_path / "missing.toml")],
        "bad scenario": [str(broken)],
        "used dir": [LIMPOPO],
        "no replica": [BEIRA, "--from-replica", str(tmp_path / "nowhere")],
        "at before genesis": [BEIRA, "--from-replica", str(live), "--at", "2026-03-14T05:59:59Z"],
        "unknown entry": [BEIRA, "--from-replica", str(live), "--entry", "0123456789abcdef"],
        "at without replica": [LIMPOPO, "--at", "2026-03-14T08:00Z"],
        "snapshot without replica": [BEIRA],
        "inject without its lot": [BEIRA, "--from-replica", str(live), "--at", "2026-03-14T06:00:00Z"],
    }[case]
    if case == "used dir":
        ex.mkdir()
        (ex / "keep.txt").write_text("mine", encoding="utf-8")
    code, out, err = run(capsys, "exercise", "new", *args, "--data", str(ex))
    assert code == 2 and out == ""
    assert err.startswith("relief-ledger: ") and err.strip()
    if case == "used dir":
        assert [p.name for p in ex.iterdir()] == ["keep.txt"]
    else:
        assert not ex.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["live", "broken.toml"] + (["ex"] if case == "used dir"
                                                                                           else []))
    assert fingerprint_files(live) == before
