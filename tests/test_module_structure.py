"""How the code base is laid out: what views share sits below them, defined once."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "assessor"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): ast.parse(path.read_text()) for path in PACKAGE.rglob("*.py")}


def test_signed_in_user_is_defined_once():
    defined_in = [
        name
        for name, tree in MODULES.items()
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef) and node.name == "signed_in_user"
    ]
    assert defined_in == ["assessor.users.current"]
