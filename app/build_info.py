"""What this program is: its version, the commit it was made from and when it was built.

`relief-ledger --version`, the About box and crash reports show it, so an operator's bug report
names the exact program. Pure (no Qt): the CLI and a headless node use it too.

A built program has no git: packaging/build.py calls `write()` to leave build_info.json beside this
module, and `current()` reads it. A source checkout asks git for the commit instead, and never fails
for it: no git, no repository or a git that hangs gives "unknown".
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from app import __version__

BUILD_FILE = Path(__file__).with_name("build_info.json")   # written by the build, ignored by git
ROOT = Path(__file__).resolve().parents[1]                  # the checkout, when this is one
UNKNOWN = "unknown"
NOT_A_BUILD = "not a build (source checkout)"
GIT_TIMEOUT_S = 5   # git answers in milliseconds; a wedged one must not hold `--version` up for long

BUILD, CHECKOUT = "build", "checkout"


@dataclass(frozen=True)
class BuildInfo:
    version: str
    commit: str        # short hash, "-dirty" when a checkout has uncommitted changes; "unknown" without git
    build_date: str    # YYYY-MM-DD of the build, or NOT_A_BUILD
    source: str        # BUILD (read from build_info.json) or CHECKOUT (asked git)

    def line(self) -> str:
        """One line for `--version` and logs: `relief-ledger 0.1.0 (commit 67b5b82, built 2026-11-28)`."""
        when = f"built {self.build_date}" if self.source == BUILD else "source checkout"
        return f"relief-ledger {self.version} (commit {self.commit}, {when})"


def _git(root: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True,
                              timeout=GIT_TIMEOUT_S, check=False)
    except (OSError, subprocess.SubprocessError):   # no git on PATH, or it hung past the timeout
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def source_commit(root: Path = ROOT) -> str:
    """The checkout's short commit hash, with `-dirty` when tracked files differ from it; "unknown" without git.

    Untracked files (build output, a scratch replica) do not make a tree dirty.
    """
    commit = _git(root, "rev-parse", "--short", "HEAD")
    if not commit:
        return UNKNOWN
    changes = _git(root, "status", "--porcelain", "--untracked-files=no")
    return f"{commit}-dirty" if changes else commit


def write(path: Path, commit: str, build_date: str) -> None:
    """Record what a build is made of (packaging/build.py, before PyInstaller copies app/)."""
    path.write_text(json.dumps({"version": __version__, "commit": commit, "build_date": build_date},
                               indent=2) + "\n", encoding="utf-8")


def current(build_file: Path = BUILD_FILE, root: Path = ROOT) -> BuildInfo:
    """This program's build information; never raises (a damaged build file reads as unknown)."""
    if build_file.exists() or getattr(sys, "frozen", False):   # frozen without the file: still a build, no git
        try:
            facts = json.loads(build_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            facts = {}
        if not isinstance(facts, dict):
            facts = {}
        return BuildInfo(version=str(facts.get("version") or __version__), commit=str(facts.get("commit") or UNKNOWN),
                         build_date=str(facts.get("build_date") or UNKNOWN), source=BUILD)
    return BuildInfo(version=__version__, commit=source_commit(root), build_date=NOT_A_BUILD, source=CHECKOUT)
