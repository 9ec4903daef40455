"""Imports run one way between assessor's packages (see docs/architecture.md).

Every import is read with ``ast``, including those inside functions, so that no import can
hide a cycle; each failure names the importing module, its line and what it imports.
"""

import ast
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path
from typing import NamedTuple

PACKAGE = Path(__file__).resolve().parents[1] / "assessor"
# A page-making leaf: only these may import it (the models registry for the metadata only).
SCORECARDS = "scorecards"
SCORECARD_IMPORTERS = {"__init__", "api", "cli", "models", SCORECARDS}


class Import(NamedTuple):
    module: str
    line: int
    imported: str

    def __str__(self) -> str:
        return f"{self.module} (line {self.line}) imports {self.imported}"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def unit(name: str) -> str:
    """The part of assessor a module belongs to: ``assessor.scorecards.pdfs`` -> scorecards."""
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def exists(name: str) -> bool:
    path = PACKAGE.parent.joinpath(*name.split("."))
    return path.is_dir() or path.with_suffix(".py").is_file()


def imported_names(node: ast.AST, module: str, is_package: bool) -> list[str]:
    """The assessor modules an import statement names, relative ones resolved."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if not isinstance(node, ast.ImportFrom):
        return []
    base = node.module or ""
    if node.level:
        anchor = module.split(".")[: len(module.split(".")) - node.level + is_package]
        base = ".".join([*anchor, base] if base else anchor)
    # ``from assessor import cli`` names a module; ``from assessor.db import db`` does not.
    named = [f"{base}.{alias.name}" for alias in node.names]
    return [name for name in named if exists(name)] or [base]


def imports() -> Iterator[Import]:
    for path in sorted(PACKAGE.rglob("*.py")):
        module = module_name(path)
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            for name in imported_names(node, module, path.name == "__init__.py"):
                if name == "assessor" or name.startswith("assessor."):
                    yield Import(module, node.lineno, name)


def edges() -> dict[tuple[str, str], Import]:
    """One import for each pair of parts of assessor where the first imports the second."""
    found: dict[tuple[str, str], Import] = {}
    for statement in imports():
        pair = (unit(statement.module), unit(statement.imported))
        if pair[0] != pair[1] and pair[1] != "__init__":
            found.setdefault(pair, statement)
    return found


def find_cycle(graph: dict[str, set[str]]) -> list[str]:
    """A cycle of parts, first part repeated at the end; empty if there is none."""
    state: dict[str, str] = {}
    path: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = "open"
        path.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == "open":
                return [*path[path.index(target) :], target]
            if target not in state and (cycle := visit(target)):
                return cycle
        state[node] = "done"
        path.pop()
        return []

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return []


def test_only_the_factory_the_api_and_the_cli_import_scorecards():
    offending = [
        str(statement)
        for statement in imports()
        if unit(statement.imported) == SCORECARDS
        and unit(statement.module) not in SCORECARD_IMPORTERS
    ]
    assert offending == [], (
        "scorecards is a leaf that only assessor/__init__.py, assessor.api, assessor.cli and the "
        "models registry import; move what these need below it:\n" + "\n".join(offending)
    )


def test_no_two_parts_of_assessor_import_each_other_even_through_others():
    found = edges()
    graph: dict[str, set[str]] = {}
    for source, target in found:
        graph.setdefault(source, set()).add(target)
    cycle = find_cycle(graph)
    steps = [str(found[pair]) for pair in pairwise(cycle)]
    assert cycle == [], (
        f"imports run in a circle through {' -> '.join(cycle)}; "
        "move what the lower part needs below it:\n" + "\n".join(steps)
    )
