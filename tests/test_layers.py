"""The flow runs one way: no import circles, and no layer imports one above it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "recordcheck"

# Each layer may import only from the layers listed for it (module-level imports;
# imports inside functions are deliberate, lazy steps such as a worker's loader).
ALLOWED = {
    "language": {"language", "datafiles", "model"},
    "checks": {"checks", "language", "datafiles", "catalogue", "model"},
    "partners": {"partners", "language", "datafiles", "model"},
    "redact": {"redact", "language", "datafiles", "model"},
    "events": {"events", "partners", "language", "datafiles", "model", "case_model"},
    "report": {"report", "model", "catalogue", "datafiles", "account"},
    "ingest": {"ingest", "model"},
    "catalogue": {"datafiles", "model"},
    # the coaching page sits beside the CLI: it checks notes only through the library's run
    "serve": {"serve", "run", "engine", "catalogue", "report", "model"},
}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts).removesuffix(".__init__")


def module_imports(path: Path) -> set[str]:
    found = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("recordcheck"):
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith("recordcheck")}
    return found


GRAPH = {module_name(path): module_imports(path) for path in PACKAGE.rglob("*.py")}


def _resolved(name: str) -> str:
    while name not in GRAPH and "." in name:
        name = name.rsplit(".", 1)[0]
    return name


def test_no_import_circles():
    circles = []

    def visit(module: str, path: list[str], done: set[str]) -> None:
        if module in path:
            circles.append([*path[path.index(module) :], module])
            return
        if module in done:
            return
        done.add(module)
        for imported in GRAPH.get(module, ()):
            if _resolved(imported) != module:
                visit(_resolved(imported), [*path, module], done)

    done: set[str] = set()
    for module in GRAPH:
        visit(module, [], done)
    assert not circles


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_no_layer_imports_one_above_it(layer):
    wrong = {
        (module, imported)
        for module, imports in GRAPH.items()
        if module.split(".")[1:2] == [layer]
        for imported in imports
        if imported.split(".")[1] not in ALLOWED[layer]
    }
    assert not wrong
