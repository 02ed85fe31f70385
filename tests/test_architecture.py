"""The shape of the code, checked: the GraphQL plumbing imports no domain, and no module
imports itself back through others, not even through an import inside a function.

Run alone: `.venv/bin/pytest tests/test_architecture.py -q` (it reads the source with ast,
imports nothing).
"""

from __future__ import annotations

import ast
from pathlib import Path

from backend.settings import PROJECT_ROOT

BACKEND = PROJECT_ROOT / "backend"
# What the plumbing may import from this project.
PLUMBING_MAY_USE = ("backend.graphql", "backend.platform", "backend.settings")


def _module_name(path: Path) -> str:
    parts = path.relative_to(PROJECT_ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {
        _module_name(path): path for path in BACKEND.rglob("*.py") if "migrations" not in path.parts
    }


def _imports(path: Path, known: set[str]) -> set[str]:
    """Every project module `path` imports, at module level or inside functions."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        else:
            continue
        found.update(name for name in names if name in known)
    return found


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    known = set(modules)
    return {name: _imports(path, known) - {name} for name, path in modules.items()}


def test_the_graphql_plumbing_imports_no_domain() -> None:
    graph = _graph()
    offending = {
        module: sorted(i for i in imports if not i.startswith(PLUMBING_MAY_USE))
        for module, imports in graph.items()
        if module.startswith("backend.graphql")
    }
    assert {m: i for m, i in offending.items() if i} == {}


def test_the_platform_imports_no_domain_and_no_graphql() -> None:
    graph = _graph()
    offending = {
        module: sorted(
            i for i in imports if not i.startswith(("backend.platform", "backend.settings"))
        )
        for module, imports in graph.items()
        if module.startswith("backend.platform")
    }
    assert {m: i for m, i in offending.items() if i} == {}


def test_there_is_no_import_cycle() -> None:
    graph = _graph()
    cycles = _cycles(graph)
    assert cycles == [], "import cycles: " + "; ".join(" -> ".join(c) for c in cycles)


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)
