"""No import cycles among the modules of app/: each layer and module can be read, tested and moved
on its own only while its imports point one way. Every import statement counts, at the top of a
module or inside a function (an import hidden in a function is how a cycle used to slip in).

Imports under `if TYPE_CHECKING:` never run; they count too, except the back-references listed in
TYPE_ONLY_BACK_REFERENCES: a helper naming the type of the object that owns it and hands itself
over (a session its service, the run checker its node). Any other type-only import that closes a
cycle fails here like a real one."""

from __future__ import annotations

import ast
from pathlib import Path

APP = Path(__file__).resolve().parents[1] / "app"

# (importer, imported) pairs allowed only under `if TYPE_CHECKING:`; each also runs the other way.
TYPE_ONLY_BACK_REFERENCES = {
    ("app.net.session", "app.net.service"),   # a Session is made by its SyncService and calls back into it
}


def module_names() -> dict[str, Path]:
    """Dotted name -> file, for every module and package of app/."""
    names = {}
    for path in APP.rglob("*.py"):
        parts = list(path.relative_to(APP.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        names[".".join(parts)] = path
    return names


def _type_checking_only(tree: ast.Module) -> set[ast.AST]:
    """The import statements inside `if TYPE_CHECKING:` blocks."""
    hidden: set[ast.AST] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for statement in node.body:
                hidden.update(ast.walk(statement))
    return hidden


def imported_modules(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The modules of app/ that `name` imports anywhere in its body, but for its allowed type-only
    back-references."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = {node for node in _type_checking_only(tree)
               if isinstance(node, (ast.Import, ast.ImportFrom))
               and any((name, target) in TYPE_ONLY_BACK_REFERENCES for target in _targets(node, name, path, modules))}
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)) and node not in skipped:
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


def test_type_only_back_references_stay_type_only_and_few():
    """An allowed back-reference stays type-only (imported at run time it counts in full, and closes a
    cycle), and leaves the list once its owner no longer imports the helper."""
    graph = import_graph()
    for importer, imported in sorted(TYPE_ONLY_BACK_REFERENCES):
        assert imported not in graph[importer]
        assert importer in graph[imported]   # else the exception is stale: remove it from the list
