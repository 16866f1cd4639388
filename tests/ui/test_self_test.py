"""`relief-ledger gui --self-test`: IT staff check an installation; the client opens, unlocks, loads its map
offline, writes what it saw and quits, without announcing itself on the LAN."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from app.exercise.demo import PASSPHRASE, build_demo


def self_test(data: Path, report: Path, passphrase: str | None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(report.parent / "home")}
    env.pop("RELIEF_LEDGER_PASSPHRASE", None)
    if passphrase is not None:
        env["RELIEF_LEDGER_PASSPHRASE"] = passphrase
    return subprocess.run([sys.executable, "-m", "app.cli", "gui", "--data", str(data), "--self-test", str(report)],
                          env=env, capture_output=True, text=True, timeout=240, check=False)


def test_the_self_test_opens_the_client_loads_the_map_locally_and_reports_each_stage(tmp_path):
    data = tmp_path / "demo"
    build_demo(data, progress=False)
    report = tmp_path / "report.json"
    done = self_test(data, report, PASSPHRASE)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    facts = json.loads(report.read_text(encoding="utf-8"))
    stages = facts["stages"]
    assert stages["qt_ready"] <= stages["unlock_dialog"] <= stages["window_interactive"] <= stages["map_loaded"]
    assert facts["map_url"].startswith("rlmap://")
    assert facts["requests"] > 0 and facts["requests_local_scheme"] > 0
    assert facts["outside"] == [] and facts["blocked"] == []
    assert "EXERCISE" in facts["window_title"]
    assert facts["screenshot"] == str(report.with_suffix(".png")) and report.with_suffix(".png").stat().st_size > 0
    assert "listening" not in done.stderr            # no network: a check of the installation, not of the LAN


def test_a_self_test_without_the_passphrase_or_without_a_replica_fails_with_the_reason(tmp_path):
    data = tmp_path / "demo"
    build_demo(data, progress=False)
    report = tmp_path / "report.json"
    done = self_test(data, report, None)
    assert done.returncode == 1
    assert "no passphrase" in json.loads(report.read_text(encoding="utf-8"))["error"]
    done = self_test(tmp_path / "nothing-here", report, PASSPHRASE)
    assert done.returncode == 1
    assert "no replica in" in json.loads(report.read_text(encoding="utf-8"))["error"]
