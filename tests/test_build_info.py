"""Which program is this? The version, commit and build date an operator quotes in a bug report."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from app import __version__, build_info
from app.build_info import BUILD, CHECKOUT, NOT_A_BUILD, UNKNOWN, BuildInfo

ROOT = Path(__file__).resolve().parents[1]


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", "-C", str(repo), "-c", "user.name=Test", "-c", "user.email=t@example.org", *args],
                          capture_output=True, text=True, check=True)
    return done.stdout.strip()


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    """A small repository with one commit, standing in for a developer's clone."""
    repo = tmp_path / "clone"
    repo.mkdir()
    git(repo, "init", "-q")
    (repo / "README.md").write_text("Relief Ledger\n")
    git(repo, "add", "README.md")
    git(repo, "commit", "-q", "-m", "first")
    return repo


def test_a_source_checkout_names_its_commit_and_says_it_is_not_a_build(checkout: Path, tmp_path: Path):
    info = build_info.current(build_file=tmp_path / "absent.json", root=checkout)
    assert info == BuildInfo(__version__, git(checkout, "rev-parse", "--short", "HEAD"), NOT_A_BUILD, CHECKOUT)
    assert info.line() == f"relief-ledger {__version__} (commit {info.commit}, source checkout)"


def test_a_checkout_with_uncommitted_changes_is_marked_dirty_but_new_untracked_files_are_not(checkout: Path):
    clean = build_info.source_commit(checkout)
    (checkout / "scratch-replica.db").write_text("not tracked")
    assert build_info.source_commit(checkout) == clean
    (checkout / "README.md").write_text("Relief Ledger, edited\n")
    assert build_info.source_commit(checkout) == f"{clean}-dirty"


def test_no_repository_or_no_git_at_all_gives_unknown_never_an_error(tmp_path: Path, monkeypatch):
    assert build_info.source_commit(tmp_path) == UNKNOWN
    monkeypatch.setenv("PATH", str(tmp_path))   # a fresh machine without git
    assert build_info.current(build_file=tmp_path / "absent.json", root=ROOT).commit == UNKNOWN


def test_a_built_program_reads_what_the_build_wrote(tmp_path: Path):
    written = tmp_path / "build_info.json"
    build_info.write(written, commit="67b5b82", build_date="2026-11-28")
    info = build_info.current(build_file=written, root=tmp_path)
    assert info == BuildInfo(__version__, "67b5b82", "2026-11-28", BUILD)
    assert info.line() == f"relief-ledger {__version__} (commit 67b5b82, built 2026-11-28)"


def test_a_frozen_program_whose_build_forgot_the_file_does_not_ask_git_of_the_folder_it_sits_in(checkout, monkeypatch):
    """The built folder may sit inside a developer's clone (dist/): its commit is not the program's."""
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert build_info.current(build_file=checkout / "absent.json", root=checkout) == BuildInfo(
        __version__, UNKNOWN, UNKNOWN, BUILD)


@pytest.mark.parametrize("damage", ["{not json", "[1, 2]", "{}"])
def test_a_damaged_build_file_reads_as_unknown_instead_of_stopping_the_program(tmp_path: Path, damage: str):
    written = tmp_path / "build_info.json"
    written.write_text(damage)
    assert build_info.current(build_file=written, root=tmp_path) == BuildInfo(__version__, UNKNOWN, UNKNOWN, BUILD)


def test_the_version_is_written_once_and_the_package_metadata_takes_it_from_there():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"] and "version" in project["project"]["dynamic"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "app.__version__"}


def test_version_on_the_command_line_names_the_commit_of_this_checkout():
    done = subprocess.run([sys.executable, "-m", "app", "--version"], cwd=ROOT, capture_output=True, text=True,
                          check=True)
    assert done.stdout == build_info.current().line() + "\n"
    assert done.stdout.startswith(f"relief-ledger {__version__} (commit ")
    if (ROOT / ".git").exists() and not build_info.BUILD_FILE.exists():
        assert build_info.source_commit().removesuffix("-dirty") in done.stdout
