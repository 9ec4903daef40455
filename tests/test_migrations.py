"""The migrations build exactly the schema the models describe, on SQLite and PostgreSQL."""

import flask_migrate
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import insert, inspect, select

from assessor import create_app
from assessor.audit import AuditEvent
from assessor.db import db, utcnow
from assessor.models import metadata
from assessor.scorecards.models import ScorecardPage, ScorecardPdf
from config import TestConfig
from tests.databases import POSTGRES_URL, fresh_postgres_database, require_postgres
from tests.factories import published_assessment, stored_process, stored_rubric, stored_user

BEFORE_KEPT_RENDERINGS = "6458ffae16a1"
BEFORE_AUDIT_INDEXES = "12bef0925d85"


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


def kept_as_before(assessment_id: int) -> None:
    """A page and a PDF stored as they were before they recorded their rendering: the insert
    names only the columns of that schema."""
    kept = {"assessment_id": assessment_id, "created_at": utcnow()}
    page = {"content_hash": "a" * 64, "title": "T", "html": "<p>Kept</p>"}
    pdf = {"content_hash": "b" * 64, "pdf": b"%PDF", "byte_size": 4}
    db.session.execute(insert(ScorecardPage.__table__).values(**page, **kept))
    db.session.execute(insert(ScorecardPdf.__table__).values(**pdf, **kept))
    db.session.commit()


def test_upgrade_keeps_the_pages_and_pdfs_kept_before_their_rendering_was_recorded(empty_app):
    flask_migrate.upgrade(revision=BEFORE_KEPT_RENDERINGS)
    rubric = stored_rubric(db.session)
    assessor = stored_user(db.session, "ana@example.org", ["assessor"])
    reviewer = stored_user(db.session, "rui@example.org", ["reviewer"], "academia")
    assessment = published_assessment(
        db.session, rubric, stored_process(db.session), assessor, reviewer
    )
    db.session.commit()
    kept_as_before(assessment.id)
    db.session.remove()

    flask_migrate.upgrade()

    pages = db.session.execute(
        select(ScorecardPage.html, ScorecardPage.language, ScorecardPage.site)
    )
    assert pages.all() == [("<p>Kept</p>", None, None)]
    pdfs = db.session.execute(select(ScorecardPdf.pdf, ScorecardPdf.language, ScorecardPdf.site))
    assert pdfs.all() == [(b"%PDF", None, None)]
    db.session.remove()
    result = empty_app.test_cli_runner().invoke(args=["scorecards", "prune"])
    assert result.output.splitlines() == [
        "removed 1 kept pages (12 bytes)",
        "removed 1 kept PDFs (4 bytes)",
    ]


def test_upgrade_indexes_the_audit_events_kept_before(empty_app):
    flask_migrate.upgrade(revision=BEFORE_AUDIT_INDEXES)
    admin_id = stored_user(db.session, "ada@example.org", ["admin"], None).id
    db.session.commit()
    event = {
        "subject_type": "user",
        "subject_id": admin_id,
        "occurred_at": utcnow(),
        "before": None,
    }
    db.session.execute(
        insert(AuditEvent.__table__).values(
            [
                {**event, "action": "user.created", "actor_id": None, "after": {"roles": []}},
                {**event, "action": "user.roles_changed", "actor_id": admin_id, "after": None},
            ]
        )
    )
    db.session.commit()
    db.session.remove()

    flask_migrate.upgrade()

    names = {index["name"] for index in inspect(db.engine).get_indexes("audit_events")}
    assert {"ix_audit_events_actor_occurred", "ix_audit_events_action_occurred"} <= names
    kept = db.session.execute(
        select(AuditEvent.action, AuditEvent.actor_id, AuditEvent.after).order_by(AuditEvent.id)
    )
    assert kept.all() == [
        ("user.created", None, {"roles": []}),
        ("user.roles_changed", admin_id, None),
    ]
