"""The migrations build exactly the schema the models describe, on SQLite and PostgreSQL."""

import flask_migrate
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from assessor import create_app
from assessor.db import db
from assessor.models import metadata
from config import TestConfig
from tests.databases import POSTGRES_URL, fresh_postgres_database, require_postgres


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_database_url(request, tmp_path):
    """An empty database of each engine; PostgreSQL is skipped where it is not running."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'empty.sqlite3'}"
        return
    require_postgres(POSTGRES_URL)
    with fresh_postgres_database(POSTGRES_URL) as url:
        yield url


@pytest.fixture
def empty_app(empty_database_url, tmp_path):
    app = create_app(
        TestConfig({"DATABASE_URL": empty_database_url, "INSTANCE_DIR": str(tmp_path)})
    )
    with app.app_context():
        yield app
        db.session.remove()
        db.engine.dispose()


def schema_differences() -> list:
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return compare_metadata(context, metadata)


def test_upgrade_builds_the_schema_the_models_describe(empty_app):
    flask_migrate.upgrade()
    assert schema_differences() == []


def test_upgrade_creates_every_table(empty_app):
    flask_migrate.upgrade()
    tables = set(inspect(db.engine).get_table_names()) - {"alembic_version"}
    assert tables == set(metadata.tables)


def test_downgrade_to_base_removes_every_table_and_upgrade_restores_them(empty_app):
    flask_migrate.upgrade()
    flask_migrate.downgrade(revision="base")
    assert set(inspect(db.engine).get_table_names()) <= {"alembic_version"}
    flask_migrate.upgrade()
    assert schema_differences() == []


def test_upgrade_creates_every_check_constraint(empty_app):
    """Alembic's comparison leaves CHECK constraints out; compare their names directly."""
    flask_migrate.upgrade()
    inspector = inspect(db.engine)
    for table in metadata.sorted_tables:
        expected = {c.name for c in table.constraints if c.__class__.__name__ == "CheckConstraint"}
        found = {c["name"] for c in inspector.get_check_constraints(table.name)}
        assert found == expected, table.name
