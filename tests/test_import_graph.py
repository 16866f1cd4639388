"""No import cycles among the modules of app/: each layer and module can be read, tested and moved
on its own only while its imports point one way. Every import statement counts, at the top of a
module, inside a function (an import hidden in a function is how a cycle used to slip in) or under
`if TYPE_CHECKING:` (a type hint naming its owner ties a helper to it as surely). A helper that calls
back into the object that owns it sees it through a Protocol of its own instead: the window's
collaborators through app/ui/window_host.py, the run checker its node through
contract_runs.RunReplica, a network session its service through net.session.SessionHost."""

from __future__ import annotations

import ast
from pathlib import Path

APP = Path(__file__).resolve().parents[1] / "app"

def module_names() -> dict[str, Path]:
    """Dotted name -> file, for every module and package of app/."""
    names = {}
    for path in APP.rglob("*.py"):
        parts = list(path.relative_to(APP.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        names[".".join(parts)] = path
    return names


def imported_modules(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The modules of app/ that `name` imports anywhere in its body."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            found.update(_targets(node, name, path, modules))
    found.discard(name)
    return found


def _targets(node: ast.Import | ast.ImportFrom, name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The modules of app/ one import statement loads (a name imported from a package counts as its
    submodule when there is one, otherwise as the package)."""
    def known(dotted: str) -> str | None:
        while dotted and dotted not in modules:
            dotted = dotted.rpartition(".")[0]
        return dotted or None

    if isinstance(node, ast.Import):
        return {found for alias in node.names if (found := known(alias.name))}
    if node.level:
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        base = package.split(".")[: len(package.split(".")) - node.level + 1]
        source = ".".join(base + ([node.module] if node.module else []))
    else:
        source = node.module or ""
    targets = set()
    for alias in node.names:
        target = f"{source}.{alias.name}"
        found = target if target in modules else known(source)
        if found:
            targets.add(found)
    return targets


def import_graph() -> dict[str, set[str]]:
    modules = module_names()
    return {name: imported_modules(name, path, modules) for name, path in modules.items()}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle as [a, b, ..., a], or None (depth-first search, three colours)."""
    state: dict[str, int] = {}   # 1: on the current path, 2: done
    path: list[str] = []

    def visit(module: str) -> list[str] | None:
        state[module] = 1
        path.append(module)
        for target in sorted(graph.get(module, ())):
            if state.get(target) == 1:
                return path[path.index(target):] + [target]
            if target not in state:
                cycle = visit(target)
                if cycle:
                    return cycle
        path.pop()
        state[module] = 2
        return None

    for module in sorted(graph):
        if module not in state:
            cycle = visit(module)
            if cycle:
                return cycle
    return None


def test_no_module_of_app_imports_itself_back_through_others():
    cycle = find_cycle(import_graph())
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_the_graph_sees_imports_inside_functions():
    """The CLI loads the desktop client only when asked, from inside a function: still an edge."""
    assert "app.ui.app" in import_graph()["app.cli.gui"]


def test_a_cycle_is_reported_with_its_path():
    graph = {"app.a": {"app.b"}, "app.b": {"app.c"}, "app.c": {"app.a"}, "app.d": {"app.a"}}
    assert find_cycle(graph) == ["app.a", "app.b", "app.c", "app.a"]
    assert find_cycle({"app.a": {"app.b"}, "app.b": set()}) is None


def test_the_paths_module_stands_below_everything():
    """The CLI, the node, the store, the network layer and the client all read the data directory's
    names from app/paths.py; it can serve them all only while it imports none of them."""
    assert import_graph()["app.paths"] == set()
    assert "app.paths" in import_graph()["app.ui.app"]


def test_an_import_only_type_checkers_read_counts_like_any_other(tmp_path):
    """Were the run checker to name its node in a hint again, the graph would hold the edge back to app.node
    (and the first test here would report the cycle)."""
    helper = tmp_path / "contract_runs.py"
    helper.write_text("from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n    from app.node import Node\n",
                      encoding="utf-8")
    assert imported_modules("app.contract_runs", helper, module_names()) == {"app.node"}
    graph = import_graph()
    graph["app.contract_runs"] = graph["app.contract_runs"] | {"app.node"}
    assert find_cycle(graph) is not None


def test_the_helpers_that_call_back_into_their_owners_do_not_import_them():
    """The run checker is made by its node and the session by its service; both reach back only through
    the Protocol they declare, so neither imports its owner, not even for a type."""
    graph = import_graph()
    assert "app.node" not in graph["app.contract_runs"] and "app.contract_runs" in graph["app.node"]
    assert "app.net.service" not in graph["app.net.session"] and "app.net.session" in graph["app.net.service"]
