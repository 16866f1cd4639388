"""The layering of docs/ARCHITECTURE.md, checked by reading every module's imports."""

from __future__ import annotations

import ast
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
}


def imports_of(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_lower_layers_never_import_upper_layers_or_io(package):
    offenders = []
    for path in sorted((APP / package).rglob("*.py")):
        for name in imports_of(path):
            if any(name == bad or name.startswith(bad + ".") for bad in FORBIDDEN[package]):
                offenders.append(f"{path.relative_to(APP)} imports {name}")
    assert not offenders


def test_only_the_ui_imports_qt():
    offenders = [str(path.relative_to(APP)) for path in APP.rglob("*.py")
                 if "ui" not in path.relative_to(APP).parts[:1]
                 and any(n.startswith("PySide6") for n in imports_of(path))]
    assert not offenders
