"""The scoring package's public surface and its independence from web and database code."""

import ast
import sys
from pathlib import Path

import assessor.scoring

PACKAGE = Path(assessor.scoring.__file__).parent
# Pure functions over plain data: the standard library and the agreement statistics only.
ALLOWED_THIRD_PARTY = {"krippendorff"}


def imported_roots(path: Path) -> set[str]:
    """Top-level names of the absolute imports in one module (relative ones stay in-package)."""
    roots = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            roots.add(node.module.split(".")[0])
    return roots


def test_scoring_imports_neither_flask_nor_sqlalchemy() -> None:
    roots = set().union(*(imported_roots(path) for path in PACKAGE.glob("*.py")))
    assert not roots & {"flask", "flask_sqlalchemy", "sqlalchemy", "flask_migrate", "alembic"}
    assert roots <= set(sys.stdlib_module_names) | ALLOWED_THIRD_PARTY


def test_method_version_is_2() -> None:
    assert assessor.scoring.METHOD_VERSION == "2"


def test_public_names_are_exported() -> None:
    expected = {
        "METHOD_VERSION", "QuestionShape", "PillarShape", "RubricShape", "Answer",
        "RatedAssessment", "score_assessment", "consolidate", "band_of", "display_score",
        "api_score", "api_fraction",
    }  # fmt: skip
    assert expected <= set(assessor.scoring.__all__)
