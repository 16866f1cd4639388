"""A trainer at a terminal: whatever a command prints about an exercise replica says EXERCISE, and a node told to
serve a live network refuses to run an exercise replica in its place (scripts still read clean machine output)."""

from __future__ import annotations

import re
from pathlib import Path

from tests.cli.conftest import run

MARK = "EXERCISE network 'Floods 2026' — a training network: nothing in it is a real movement"


def test_state_log_and_proposals_of_an_exercise_begin_with_the_exercise_mark(founded: Path, capsys):
    code, out, _err = run(capsys, "state", "--data", str(founded))
    assert code == 0 and out.startswith("Network: the EXERCISE network 'Floods 2026'")
    assert "nothing in it is a real movement" in out
    for command in (("log",), ("proposals",), ("runs", "--no-check")):
        code, out, _err = run(capsys, *command, "--data", str(founded))
        assert code == 0 and out.splitlines()[0] == MARK, (command, out)


def test_machine_output_of_an_exercise_stays_clean_for_scripts(founded: Path, capsys):
    code, out, _err = run(capsys, "log", "--hashes", "--data", str(founded))
    assert code == 0 and all(re.fullmatch(r"[0-9a-f]{64}", line) for line in out.splitlines())
    code, out, _err = run(capsys, "state", "--digest", "--data", str(founded))
    assert code == 0 and re.fullmatch(r"[0-9a-f]{64}\n", out)
    code, out, _err = run(capsys, "proposals", "--json", "--data", str(founded))
    assert code == 0 and out.strip() == "[]"


def test_a_node_started_as_live_refuses_an_exercise_replica_and_says_both_kinds(founded: Path, capsys):
    code, out, err = run(capsys, "node", "--kind", "live", "--no-discovery", "--port", "0", "--listen", "127.0.0.1",
                         "--data", str(founded))
    assert code == 2 and out == ""
    assert "holds the EXERCISE network 'Floods 2026', an exercise network" in err
    assert "started with --kind live: refusing to run it as a live network" in err
    assert err.strip().splitlines()[-1].startswith("relief-ledger: this data directory holds")   # after the INFO log


def test_founding_and_exporting_an_exercise_say_so(founded: Path, capsys, tmp_path: Path):
    code, out, _err = run(capsys, "bundle", "export", str(tmp_path / "stick.rlb"), "--data", str(founded))
    assert code == 0 and out.strip().endswith("of the EXERCISE network 'Floods 2026'")
    code, out, _err = run(capsys, "init", "--data", str(tmp_path / "live"), "--name", "Idai response", "--org", "INGD",
                          "--display-name", "EOC Beira")
    assert code == 0 and out.startswith("Live network 'Idai response' founded in") and "EXERCISE" not in out
