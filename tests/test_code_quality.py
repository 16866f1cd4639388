"""The lint and type gate: ruff and mypy, configured in pyproject.toml, run with the suite (and so in CI).

A new finding fails the suite the way a failing scenario does; fix it rather than silence it, and an
ignore that must stay says why on its own line.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *command], cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_ruff_finds_nothing_anywhere_in_the_repository():
    """Every Python file counts: the app, tests, benches and the scripts under resources/ that build assets."""
    result = run("ruff", "check", "--no-cache", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_finds_no_type_error_in_the_application():
    result = run("mypy", "--no-incremental")
    assert result.returncode == 0, result.stdout + result.stderr


IGNORE = re.compile(r"#\s*(?:type:\s*ignore(?:\[[^\]]*\])?|noqa(?::\s*[A-Z]+[0-9]+(?:\s*,\s*[A-Z]+[0-9]+)*)?)"
                    r"(?P<rest>.*)$")


def test_every_remaining_ignore_says_why():
    """`# type: ignore[...]` and `# noqa: ...` carry a reason after them, on the same line."""
    bare = []
    for path in sorted((ROOT / "app").rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            found = IGNORE.search(line)
            if found and not found.group("rest").strip(" -#:;"):
                bare.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert bare == []
