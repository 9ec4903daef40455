"""Transactions end at the edges: a view, a command or a job commits (or rolls back) its own
work, once; the services they share only flush, so that each edge decides what one
transaction holds."""

import ast
from pathlib import Path

import assessor

PACKAGE = Path(assessor.__file__).resolve().parent
# Browser and API views (with the API's authentication and the error handlers, which end a
# request's transaction), commands (and the bulk loader behind `flask demo generate`, which
# commits each batch to keep memory small), and jobs.
EDGES = frozenset(
    {
        "api/assessments.py",
        "api/auth.py",
        "api/participation.py",
        "api/processes.py",
        "api/tokens.py",
        "assessments/questionnaire.py",
        "assessments/review_views.py",
        "assessments/views.py",
        "cli.py",
        "comparisons/views.py",
        "demo_generate.py",
        "errors.py",
        "languages/views.py",
        "participation_pages/views.py",
        "processes/representative_views.py",
        "process_pages/views.py",
        "scorecards/batch_jobs.py",
        "scorecards/batch_views.py",
        "scorecards/render_jobs.py",
        "scorecards/views.py",
        "users/admin_views.py",
        "users/views.py",
    }
)


def ends_transactions(path: Path) -> bool:
    """Whether a module calls ``commit()`` or ``rollback()`` on anything."""
    return any(
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in {"commit", "rollback"}
        for node in ast.walk(ast.parse(path.read_bytes(), filename=str(path)))
    )


def test_only_views_commands_and_jobs_commit_or_roll_back():
    modules = {path.relative_to(PACKAGE).as_posix() for path in PACKAGE.rglob("*.py")}
    assert {module for module in modules if ends_transactions(PACKAGE / module)} - EDGES == set()
