"""Exercise control at a terminal: the controller runs the clock at x60, releases injects of the shipped flood
scenario, a player cell acknowledges one, and `exercise status` shows who knew what when in exercise time."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.identity import Identity, save_key_file
from app.node import Node
from app.paths import database_url
from app.store.replica_store import ReplicaStore
from tests.cli.conftest import run
from tests.conftest import Clock

FLOOD = Path(__file__).resolve().parents[2] / "resources" / "scenarios" / "limpopo-flood.toml"
PASSPHRASE = "correct horse"
CONTROL = Identity.from_seed(b"cli exercise control")
LOG_CELL = Identity.from_seed(b"cli logistics cluster")


def found(tmp_path: Path, kind: str) -> Path:
    """A network with exercise control (trainer) and a logistics-cluster player; their key files beside it."""
    data = tmp_path / kind
    director = Identity.from_seed(b"cli exercise director")
    node = Node.create_network(data, director, name="Limpopo floods tabletop", kind=kind, org="INGD",
                               display_name="Exercise director", passphrase=PASSPHRASE, members=[
                                   {"key": CONTROL.public_key_hex, "org": "EXCON", "name": "Exercise control",
                                    "roles": ["trainer"]},
                                   {"key": LOG_CELL.public_key_hex, "org": "WFP", "name": "Logistics cluster",
                                    "roles": ["logistics"]}])
    node.close()
    for name, who in (("control.key", CONTROL), ("log-cluster.key", LOG_CELL)):
        save_key_file(tmp_path / name, who, PASSPHRASE, label=name)
    return data


@pytest.fixture
def exercise(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setenv("RELIEF_LEDGER_PASSPHRASE", PASSPHRASE)
    return found(tmp_path, "exercise")


def control(capsys, data: Path, *argv: str) -> tuple[int, str, str]:
    return run(capsys, "exercise", *argv, "--data", str(data), "--key", str(data.parent / "control.key"))


def test_a_controller_runs_the_clock_releases_injects_and_a_cell_acknowledges(exercise, capsys):
    code, out, err = control(capsys, exercise, "start", "--speed", "60")
    assert code == 0, err
    assert "recorded exercise.clock start" in out and "exercise clock: running x60" in out
    code, out, err = control(capsys, exercise, "pause")
    assert code == 0 and "exercise clock: paused x60" in out, err
    code, _out, err = control(capsys, exercise, "pause")
    assert code == 2 and "nothing recorded: the exercise clock is already paused" in err
    code, out, err = control(capsys, exercise, "resume")
    assert code == 0 and "exercise clock: running x60" in out, err
    assert control(capsys, exercise, "pause")[0] == 0
    # paused, the clock jumps to T+02:00 and stands there (real seconds pass in a test: only a paused clock
    # shows an exact time)
    code, out, err = control(capsys, exercise, "jump", "T+02:00")
    assert code == 0 and "exercise clock: paused x60, exercise time T+02:00" in out, err
    code, _out, err = control(capsys, exercise, "jump", "T+00:10")
    assert code == 2 and "nothing recorded: a jump to 600000 would run the exercise clock backwards from " \
                         "7200000" in err

    code, out, err = control(capsys, exercise, "inject", "F-02", "--scenario", str(FLOOD))
    assert code == 0, err
    assert "inject F-02 released at T+02:00 (due T+00:05) to provincial-eoc, field-team" in out
    code, out, err = control(capsys, exercise, "inject", "F-03", "--scenario", str(FLOOD))
    assert code == 0, err
    assert "recorded request.open" in out and "recorded exercise.inject" in out     # the request the inject opens
    code, _out, err = control(capsys, exercise, "inject", "F-03", "--scenario", str(FLOOD))
    assert code == 2 and "nothing recorded: inject F-03 was already released" in err

    code, out, err = run(capsys, "exercise", "ack", "F-03", "--cell", "log-cluster", "--data", str(exercise),
                         "--key", str(exercise.parent / "log-cluster.key"))
    assert code == 0, err
    assert "inject F-03 acknowledged for cell log-cluster at T+02:00" in out
    code, _out, err = run(capsys, "exercise", "ack", "F-03", "--data", str(exercise),
                          "--key", str(exercise.parent / "log-cluster.key"))
    assert code == 2 and "went to field-team, log-cluster: say which with --cell" in err

    code, out, err = run(capsys, "exercise", "status", "--data", str(exercise))
    assert code == 0, err
    lines = out.splitlines()
    assert "EXERCISE" in lines[0]
    assert "exercise clock: paused x60, exercise time T+02:00" in lines
    assert "injects released: 2, acknowledged by 1 of 4 target cell(s)" in lines
    assert "    log-cluster          acknowledged T+02:00" in lines
    assert "    field-team           not acknowledged" in lines
    node = Node.open(exercise)
    (exercise.parent / "cell").mkdir()
    other = Node(ReplicaStore(database_url(exercise.parent / "cell")), identity=LOG_CELL, clock=Clock())
    try:
        assert node.state.get("requests", "FL-REQ-01")["qty"] == 1200
        # a second replica receiving the same entries reaches the same state
        other.receive(list(node.entries_in_order()))
        assert other.state.digest() == node.state.digest()
        assert other.state.get("injects", "F-03")["acks"]["log-cluster"]["ack_scenario_ms"] == 2 * 3_600_000
    finally:
        other.close()
        node.close()


def test_a_live_network_has_no_exercise_clock(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("RELIEF_LEDGER_PASSPHRASE", PASSPHRASE)
    live = found(tmp_path, "live")
    code, out, err = control(capsys, live, "start", "--speed", "60")
    assert code == 2 and out == ""
    assert "is a live network: the exercise clock, injects and acknowledgements exist only in an exercise " \
           "network (exercise_only)" in err


def test_a_speed_outside_x1_to_x60_is_refused_by_the_command_line(exercise, capsys):
    with pytest.raises(SystemExit):
        control(capsys, exercise, "start", "--speed", "90")
    assert "is not a speed from 1 to 60" in capsys.readouterr().err
