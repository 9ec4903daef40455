"""/healthz for load balancers: the database answers and its schema is at the newest migration."""

from functools import lru_cache
from pathlib import Path

from alembic.config import Config as AlembicConfig
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask import Blueprint, current_app
from sqlalchemy.exc import SQLAlchemyError

from assessor.db import db

blueprint = Blueprint("health", __name__)


@lru_cache(maxsize=2)
def head_revisions(migrations_dir: str) -> frozenset[str]:
    """The newest migration(s) shipped with the code, read once per process."""
    config = AlembicConfig()
    config.set_main_option("script_location", migrations_dir)
    return frozenset(ScriptDirectory.from_config(config).get_heads())


def _migrations_dir() -> str:
    return str(Path(current_app.root_path).parent / "migrations")


@blueprint.get("/healthz")
def healthz():
    try:
        with db.engine.connect() as connection:
            current = frozenset(MigrationContext.configure(connection).get_current_heads())
    except SQLAlchemyError:
        current_app.logger.exception("health check: database unreachable")
        return {"status": "failing", "database": "unreachable"}, 503, {"Cache-Control": "no-store"}
    expected = head_revisions(_migrations_dir())
    if current != expected:
        body = {
            "status": "failing",
            "database": "ok",
            "migrations": "behind",
            "current": sorted(current),
            "expected": sorted(expected),
        }
        return body, 503, {"Cache-Control": "no-store"}
    return (
        {"status": "ok", "database": "ok", "migrations": "at head"},
        200,
        {"Cache-Control": "no-store"},
    )
