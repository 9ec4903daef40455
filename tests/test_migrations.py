"""The migrations build exactly the schema the models describe, on SQLite and PostgreSQL."""

from datetime import UTC, date, datetime

import flask_migrate
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import MetaData, Table, event, func, insert, inspect, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from werkzeug.security import generate_password_hash

from assessor import create_app
from assessor.assessments.models import Answer, Assessment
from assessor.audit import AuditEvent
from assessor.db import db, utcnow
from assessor.edition import SiteEdition, raise_edition
from assessor.models import metadata
from assessor.processes.models import Process, ProcessVersion
from assessor.rubrics.models import Question
from assessor.scorecards.models import RenderClaim, ScorecardPage, ScorecardPdf
from assessor.sessions import StoredSession
from assessor.users.models import SignIn
from config import TestConfig
from tests.databases import POSTGRES_URL, fresh_postgres_database, require_postgres
from tests.factories import TEST_PASSWORD, stored_user
from tests.users.helpers import sign_in

BEFORE_KEPT_RENDERINGS = "6458ffae16a1"
BEFORE_UNFINISHED_EVIDENCE = "12bef0925d85"
BEFORE_SERVER_SESSIONS = "a41c7e93d2b8"
BEFORE_PROCESS_VERSIONS = "4e1d6c2a9b70"
BEFORE_AUDIT_INDEXES = "7c3e9a1d5b20"
BEFORE_STAGE_TAGS = "91bfee126f44"
BEFORE_RENDER_CLAIMS = "6f1a2c9d4e80"


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
    # Today's sessions raise the site's edition as they commit; the older schemas these tests
    # store rows in have no table for it.
    event.remove(Session, "before_commit", raise_edition)
    try:
        with app.app_context():
            yield app
            db.session.remove()
            db.engine.dispose()
    finally:
        event.listen(Session, "before_commit", raise_edition)


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


def stored_then(table_name: str, **values) -> int:
    """A row stored as the schema of an older revision holds it: the table as the database
    has it now, not as today's models describe it, so later columns never get in the way."""
    table = Table(table_name, MetaData(), autoload_with=db.engine)
    return db.session.execute(insert(table).values(**values).returning(table.c.id)).scalar_one()


def rubric_then() -> int:
    """A rubric version with one question, stored as the schema before stage tags holds it."""
    rubric_id = stored_then(
        "rubric_versions",
        slug="sample-rubric",
        version="1.0.0",
        title="Sample rubric",
        language="en",
        summary="",
        content_hash="c" * 64,
        loaded_at=utcnow(),
        languages=["en"],
        translations={},
        translations_hash="d" * 64,
    )
    pillar_id = stored_then(
        "pillars",
        rubric_version_id=rubric_id,
        key="openness",
        title="Openness",
        summary="",
        translations={},
        weight=1.0,
        position=0,
    )
    stored_then(
        "questions",
        rubric_version_id=rubric_id,
        pillar_id=pillar_id,
        key="openness.open_participation",
        prompt="Can anyone take part?",
        guidance="Look at the rules.",
        translations={},
        weight=1.0,
        evidence_threshold=1,
        not_applicable_allowed=False,
        position=0,
    )
    return rubric_id


def published_then() -> int:
    """A published assessment, stored as the schema of the kept scores' revision holds it."""
    now = utcnow()
    rubric_id = rubric_then()
    user_id = stored_then(
        "users",
        email="ana@example.org",
        password_hash="x",
        display_name="Ana",
        active=True,
        created_at=now,
    )
    process_id = stored_then(
        "processes",
        name="IGF 2013 Workshop #41",
        convening_organization="APC",
        description="",
        scope="global",
        layer="of_the_internet",
        created_at=now,
    )
    return stored_then(
        "assessments",
        process_id=process_id,
        rubric_version_id=rubric_id,
        assessor_id=user_id,
        perspective="civil_society",
        status="published",
        row_version=1,
        created_at=now,
        published_at=now,
    )


def test_upgrade_keeps_the_pages_and_pdfs_kept_before_their_rendering_was_recorded(empty_app):
    flask_migrate.upgrade(revision=BEFORE_KEPT_RENDERINGS)
    assessment_id = published_then()
    db.session.commit()
    kept_as_before(assessment_id)
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
        "removed 0 expired render claims",
    ]


def test_upgrade_gives_answers_stored_before_no_unfinished_evidence(empty_app):
    flask_migrate.upgrade(revision=BEFORE_UNFINISHED_EVIDENCE)
    assessment_id = published_then()
    stored_then(
        "answers",
        assessment_id=assessment_id,
        question_key="openness.open_participation",
        level=3,
        not_applicable=False,
        insufficient_information=False,
        rationale="Open.",
        row_version=1,
        updated_at=utcnow(),
    )
    db.session.commit()
    db.session.remove()

    flask_migrate.upgrade()

    answers = db.session.execute(select(Answer.rationale, Answer.unfinished_evidence))
    assert answers.all() == [("Open.", [])]


def test_upgrade_to_server_sessions_keeps_the_accounts_who_then_sign_in(empty_app):
    """Sessions of the old cookie kind were never stored: accounts sign in again afresh."""
    flask_migrate.upgrade(revision=BEFORE_SERVER_SESSIONS)
    stored_then(
        "users",
        email="ana@example.org",
        password_hash=generate_password_hash(TEST_PASSWORD, method="pbkdf2:sha256:1000"),
        display_name="Ana",
        active=True,
        created_at=utcnow(),
    )
    db.session.commit()
    db.session.remove()

    flask_migrate.upgrade()

    browser = empty_app.test_client()
    assert sign_in(browser, "ana@example.org").status_code == 302
    assert browser.get("/profile").status_code == 200
    assert db.session.scalar(select(func.count()).select_from(StoredSession)) == 1
    assert db.session.scalars(select(SignIn.remembered)).all() == [False]


def moment(day: int) -> datetime:
    return datetime(2026, 1, day, 12, tzinfo=UTC)


RECORD = {
    "name": "IGF 2013 Workshop #41",
    "convening_organization": "APC and ISOC",
    "description": "A roundtable in Bali.",
    "public_url": None,
    "scope": "global",
    "layer": "of_the_internet",
    "starts_on": date(2013, 10, 24),
    "ends_on": date(2013, 10, 24),
}


def stored_as_before(table, **values) -> int:
    """A row of ``table`` stored as the schema before process versions holds it."""
    return stored_then(table.name, **values)


def process_as_before(created: int, creator: int, **record) -> int:
    values = {**RECORD, **record}
    return stored_as_before(
        Process.__table__, **values, created_by_id=creator, created_at=moment(created)
    )


def audited(process_id: int, action: str, day: int, actor: int, before=None, after=None) -> None:
    stored_as_before(
        AuditEvent.__table__,
        actor_id=actor,
        occurred_at=moment(day),
        action=action,
        subject_type="process",
        subject_id=process_id,
        before=before,
        after=after,
    )


def assessment_as_before(process_id: int, rubric_id: int, people, status: str, day: int) -> int:
    assessor, reviewer = people
    values = {
        "process_id": process_id,
        "rubric_version_id": rubric_id,
        "assessor_id": assessor,
        "perspective": "civil_society",
        "status": status,
        "row_version": 1,
        "created_at": moment(1),
    }
    if status != "draft":
        values |= {"published_at": moment(day), "published_by_id": reviewer}
    if status == "withdrawn":
        values |= {"withdrawn_at": moment(day + 1), "withdrawal_reason": "Replaced."}
    return stored_as_before(Assessment.__table__, **values)


def as_json(record: dict) -> dict:
    """A record as the audit trail keeps it: dates as ISO text."""
    return {
        key: value.isoformat() if isinstance(value, date) else value
        for key, value in record.items()
    }


def test_upgrade_gives_published_assessments_the_process_record_they_were_published_against(
    empty_app,
):
    flask_migrate.upgrade(revision=BEFORE_PROCESS_VERSIONS)
    rubric = rubric_then()
    people = (
        stored_user(db.session, "ana@example.org", ["assessor"]).id,
        stored_user(db.session, "rui@example.org", ["reviewer"], "academia").id,
    )
    editor = people[0]
    # Described on day 2, renamed on day 4, described anew on day 6, through the application.
    renamed = {"name": "Workshop on Principles"}
    current = {**renamed, "description": "Described anew.", "scope": "regional"}
    audited_id = process_as_before(2, editor, **current)
    audited(audited_id, "process.created", 2, editor, after=as_json({"id": audited_id, **RECORD}))
    audited(audited_id, "process.updated", 4, editor, {"name": RECORD["name"]}, renamed)
    before = {"description": RECORD["description"], "scope": "global"}
    after = {"description": "Described anew.", "scope": "regional"}
    audited(audited_id, "process.updated", 6, editor, before, after)
    first = assessment_as_before(audited_id, rubric, people, "published", 3)
    second = assessment_as_before(audited_id, rubric, people, "published", 5)
    third = assessment_as_before(audited_id, rubric, people, "withdrawn", 7)
    draft = assessment_as_before(audited_id, rubric, people, "draft", 7)
    # No audit trail at all, and a trail that does not lead to the record as it is.
    unaudited_id = process_as_before(2, editor, name="Unaudited")
    unaudited = assessment_as_before(unaudited_id, rubric, people, "published", 3)
    changed_aside_id = process_as_before(2, editor, name="Changed aside")
    audited(changed_aside_id, "process.created", 2, editor, after=as_json({**RECORD, "name": "X"}))
    changed_aside = assessment_as_before(changed_aside_id, rubric, people, "published", 3)
    db.session.commit()
    db.session.remove()

    flask_migrate.upgrade()

    versions = {
        (row.process_id, row.number): row for row in db.session.scalars(select(ProcessVersion))
    }
    assert set(versions) == {(audited_id, 1), (audited_id, 2), (audited_id, 3)} | {
        (unaudited_id, 1),
        (changed_aside_id, 1),
    }
    assert {field: getattr(versions[audited_id, 1], field) for field in RECORD} == RECORD
    assert {field: getattr(versions[audited_id, 2], field) for field in RECORD} == {
        **RECORD,
        **renamed,
    }
    assert {field: getattr(versions[audited_id, 3], field) for field in RECORD} == {
        **RECORD,
        **current,
    }
    assert [versions[audited_id, n].recorded_at for n in (1, 2, 3)] == [
        moment(d) for d in (2, 4, 6)
    ]
    assert versions[audited_id, 2].recorded_by_id == editor
    assert versions[unaudited_id, 1].name == "Unaudited"
    assert versions[changed_aside_id, 1].name == "Changed aside"
    published_against = dict(
        db.session.execute(select(Assessment.id, Assessment.process_version_id)).all()
    )
    assert published_against == {
        first: versions[audited_id, 1].id,
        second: versions[audited_id, 2].id,
        third: versions[audited_id, 3].id,
        draft: None,
        unaudited: versions[unaudited_id, 1].id,
        changed_aside: versions[changed_aside_id, 1].id,
    }
    db.session.remove()
    client = empty_app.test_client()
    shown = client.get(f"/api/v1/assessments/{first}/scorecard").get_json()["process"]
    assert shown["name"] == RECORD["name"]
    assert shown["changed_since_publication"] == ["name", "description", "scope"]


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


def test_upgrade_gives_questions_loaded_before_stage_tags_no_stage(empty_app):
    flask_migrate.upgrade(revision=BEFORE_STAGE_TAGS)
    rubric_then()
    db.session.commit()
    db.session.remove()

    flask_migrate.upgrade()

    kept = db.session.execute(select(Question.key, Question.prompt, Question.stages))
    assert kept.all() == [("openness.open_participation", "Can anyone take part?", [])]


def test_upgrade_starts_the_site_edition_that_commits_then_raise(empty_app):
    flask_migrate.upgrade()
    assert db.session.scalars(select(SiteEdition.number)).all() == [1]
    db.session.remove()
    event.listen(Session, "before_commit", raise_edition)
    try:
        stored_user(db.session, "ana@example.org", ["assessor"])
        db.session.commit()
    finally:
        event.remove(Session, "before_commit", raise_edition)
    assert db.session.scalars(select(SiteEdition.number)).all() == [2]


def test_upgrade_adds_renders_in_progress_with_one_claim_per_key(empty_app):
    flask_migrate.upgrade(revision=BEFORE_RENDER_CLAIMS)
    assert "scorecard_render_claims" not in inspect(db.engine).get_table_names()

    flask_migrate.upgrade()

    claim = insert(RenderClaim).values(content_hash="c" * 64, claimed_at=utcnow())
    db.session.execute(claim)
    with pytest.raises(IntegrityError):
        db.session.execute(claim)
