"""The layering of docs/ARCHITECTURE.md, checked by reading every module's imports."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parents[1] / "app"

FORBIDDEN = {
    "core": ("PySide6", "sqlalchemy", "alembic", "socket", "asyncio", "ssl", "zeroconf",
             "app.store", "app.net", "app.ui", "app.node", "app.cli", "app.contracts"),
    "store": ("PySide6", "app.ui", "app.net", "app.node"),
    "net": ("PySide6", "app.ui", "app.node"),
    "contracts": ("PySide6", "app.ui"),
    "exercise": ("PySide6", "app.ui"),
    # The map without Qt: the CLI, the HTML export and tests use it where no Qt is installed or wanted.
    "map": ("PySide6", "app.ui", "app.node", "app.store", "app.net", "app.cli", "app.contracts", "app.exercise"),
    # The UI talks to the node, not past it: no store, no CLI (docs/ARCHITECTURE.md, Layers).
    "ui": ("app.store", "app.cli", "app.cli_approvals", "app.cli_network", "app.cli_runs"),
}

# Known offenders awaiting another branch of the same issue, each with why; the test fails once one is gone,
# so the exemption cannot outlive its reason.
PENDING: dict[tuple[str, str], str] = {}   # (file, module) -> why a forbidden import must stay for now


def imports_of(path: Path) -> set[str]:
    """Every module a file imports, at the top or inside a function, relative imports resolved.

    `from app import store` counts as importing app.store, so no spelling slips past the rules.
    """
    package = [APP.name, *path.relative_to(APP).parent.parts]
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[:len(package) - node.level + 1] if node.level else []
            module = ".".join(base + ([node.module] if node.module else []))
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names)
    return names


def offenders_in(package: str) -> set[tuple[str, str]]:
    found = set()
    for path in sorted((APP / package).rglob("*.py")):
        for name in imports_of(path):
            for bad in FORBIDDEN[package]:
                if name == bad or name.startswith(bad + "."):
                    found.add((path.relative_to(APP).as_posix(), bad))
    return found


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_lower_layers_never_import_upper_layers_or_io(package):
    assert sorted(offenders_in(package) - PENDING.keys()) == []


def test_every_pending_exemption_is_still_needed():
    found = set().union(*(offenders_in(package) for package in FORBIDDEN))
    stale = [f"{path} no longer imports {name}: remove it from PENDING"
             for path, name in PENDING if (path, name) not in found]
    assert stale == []


def test_the_map_without_qt_loads_no_qt_at_all():
    """Checked at run time too: nothing it imports, however indirectly, may pull PySide6 in."""
    modules = sorted(f"app.map.{path.stem}" for path in (APP / "map").glob("*.py") if path.stem != "__init__")
    probe = f"import sys, {', '.join(modules)}; print(sorted(m for m in sys.modules if m.startswith('PySide6')))"
    done = subprocess.run([sys.executable, "-c", probe], cwd=APP.parent, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_only_the_ui_imports_qt():
    offenders = [str(path.relative_to(APP)) for path in APP.rglob("*.py")
                 if "ui" not in path.relative_to(APP).parts[:1]
                 and any(n.startswith("PySide6") for n in imports_of(path))]
    assert not offenders
