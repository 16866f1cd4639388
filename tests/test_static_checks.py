"""The lint and type gate below the client, run by the README's test command so a new finding fails CI.

ruff (pyflakes, pycodestyle, isort, bugbear, pyupgrade) and mypy (strict below the client) are configured in
pyproject.toml. These checks cover everything except app/ui and tests/ui, whose findings another change fixes;
once that lands the exclusions below go. Both tools are pinned in the `test` extra, so a new release's new
rules cannot fail the suite on their own.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLIENT = ("app/ui", "tests/ui")


def _run(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *argv], cwd=ROOT, capture_output=True, text=True, check=False)


def test_ruff_finds_nothing_below_the_client() -> None:
    excluded = [arg for path in CLIENT for arg in ("--extend-exclude", path)]
    result = _run("ruff", "check", "app", "tests", "bench", *excluded, "--no-cache", "--output-format", "concise")
    assert result.returncode == 0, ("ruff findings (fix them; an ignore needs its reason):\n"
                                    f"{result.stdout}{result.stderr}")


def test_mypy_finds_no_error_below_the_client(tmp_path: Path) -> None:
    result = _run("mypy", "--cache-dir", str(tmp_path / "mypy-cache"))
    assert "error:" in result.stdout or result.returncode == 0, f"mypy did not run:\n{result.stdout}{result.stderr}"
    errors = [line for line in result.stdout.splitlines()
              if ": error:" in line and not line.startswith(tuple(f"{path}/" for path in CLIENT))]
    assert errors == [], "mypy errors below the client:\n" + "\n".join(errors)
