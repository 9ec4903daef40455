"""How the code base is laid out: what views share sits below them, defined once."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "assessor"
ROUTE_DECORATORS = {"route", "get", "post", "put", "patch", "delete"}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): ast.parse(path.read_text()) for path in PACKAGE.rglob("*.py")}


def declares_routes(tree: ast.Module) -> bool:
    """Whether the module is a view module: it declares a route on a blueprint."""
    return any(
        isinstance(decorator, ast.Call)
        and isinstance(decorator.func, ast.Attribute)
        and decorator.func.attr in ROUTE_DECORATORS
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef)
        for decorator in node.decorator_list
    )


VIEW_MODULES = sorted(name for name, tree in MODULES.items() if declares_routes(tree))


def imported_modules(tree: ast.Module) -> set[str]:
    """Every assessor module named by the imports, ``from package import module`` included."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return {name for name in names if name in MODULES}


def test_the_view_modules_are_found():
    assert {"assessor.users.views", "assessor.assessments.questionnaire"} <= set(VIEW_MODULES)


@pytest.mark.parametrize("view_module", VIEW_MODULES)
def test_a_view_module_imports_no_other_view_module(view_module):
    imported_views = imported_modules(MODULES[view_module]) & set(VIEW_MODULES)
    assert imported_views == set()


def test_signed_in_user_is_defined_once():
    defined_in = [
        name
        for name, tree in MODULES.items()
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef) and node.name == "signed_in_user"
    ]
    assert defined_in == ["assessor.users.current"]
