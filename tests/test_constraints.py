"""The database itself rejects rows that break the model's rules (no Python check involved)."""

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from tests.factories import rubric_document, stored_process, stored_rubric


@pytest.fixture
def rows(session):
    """A user, a rubric, a process and a draft assessment, inserted with plain SQL."""
    rubric = stored_rubric(session)
    process = stored_process(session)
    session.execute(
        text(
            "INSERT INTO users (id, email, password_hash, display_name, active, created_at)"
            " VALUES (900, 'a@example.org', 'x', 'A', true, CURRENT_TIMESTAMP)"
        )
    )
    session.execute(
        text(
            "INSERT INTO assessments (id, process_id, rubric_version_id, assessor_id, perspective,"
            " status, row_version, created_at) VALUES (700, :process, :rubric, 900,"
            " 'civil_society', 'draft', 1, CURRENT_TIMESTAMP)"
        ),
        {"process": process.id, "rubric": rubric.id},
    )
    session.flush()
    return {"rubric": rubric, "process": process}


def insert_answer(session, values: str, columns="level, not_applicable, insufficient_information"):
    session.execute(
        text(
            f"INSERT INTO answers (assessment_id, question_key, {columns}, rationale,"
            f" row_version, updated_at) VALUES (700, 'openness.open_participation', {values},"
            " '', 1, CURRENT_TIMESTAMP)"
        )
    )
    session.flush()


@pytest.mark.parametrize(
    "values",
    [
        "NULL, false, false",  # nothing chosen
        "2, true, false",  # a level and not applicable
        "2, false, true",  # a level and insufficient information
        "NULL, true, true",  # not applicable and insufficient information
        "5, false, false",  # a level out of range
        "-1, false, false",
    ],
)
def test_answer_must_be_exactly_one_kind(session, rows, values):
    with pytest.raises(IntegrityError):
        insert_answer(session, values)


@pytest.mark.parametrize(
    "values", ["0, false, false", "4, false, false", "NULL, true, false", "NULL, false, true"]
)
def test_answer_of_one_kind_is_accepted(session, rows, values):
    insert_answer(session, values)
    assert session.execute(text("SELECT count(*) FROM answers")).scalar() == 1


def test_one_answer_per_question_of_an_assessment(session, rows):
    insert_answer(session, "1, false, false")
    with pytest.raises(IntegrityError):
        insert_answer(session, "2, false, false")


def test_answer_needs_an_existing_assessment(session, rows):
    with pytest.raises(IntegrityError):
        session.execute(
            text(
                "INSERT INTO answers (assessment_id, question_key, level, not_applicable,"
                " insufficient_information, rationale, row_version, updated_at)"
                " VALUES (12345, 'k.q', 1, false, false, '', 1, CURRENT_TIMESTAMP)"
            )
        )
        session.flush()


@pytest.mark.parametrize(
    "sql",
    [
        "INSERT INTO users (email, password_hash, display_name, active, created_at)"
        " VALUES ('a@example.org', 'x', 'Twin', true, CURRENT_TIMESTAMP)",
        "INSERT INTO users (email, password_hash, display_name, active, created_at)"
        " VALUES ('Upper@Example.org', 'x', 'U', true, CURRENT_TIMESTAMP)",
        "INSERT INTO users (email, password_hash, display_name, stakeholder_group, active,"
        " created_at) VALUES ('g@example.org', 'x', 'G', 'aliens', true, CURRENT_TIMESTAMP)",
        "INSERT INTO user_roles (user_id, role) VALUES (900, 'superuser')",
        "INSERT INTO user_roles (user_id, role) VALUES (424242, 'admin')",
        "INSERT INTO processes (name, convening_organization, description, scope, layer,"
        " created_at) VALUES ('P', 'O', '', 'planetary', 'of_the_internet', CURRENT_TIMESTAMP)",
        "INSERT INTO processes (name, convening_organization, description, scope, layer,"
        " created_at) VALUES ('P', 'O', '', 'global', 'in_the_internet', CURRENT_TIMESTAMP)",
        "INSERT INTO processes (name, convening_organization, description, scope, layer,"
        " starts_on, ends_on, created_at) VALUES ('P', 'O', '', 'global', 'of_the_internet',"
        " '2013-10-24', '2013-10-01', CURRENT_TIMESTAMP)",
        "UPDATE assessments SET status = 'archived' WHERE id = 700",
        "UPDATE assessments SET perspective = 'aliens' WHERE id = 700",
        "UPDATE assessments SET revises_id = 700 WHERE id = 700",
        "UPDATE assessments SET assessor_id = 424242 WHERE id = 700",
        "UPDATE pillars SET weight = 0",
        "UPDATE questions SET weight = -1",
        "UPDATE questions SET evidence_threshold = 5",
        "UPDATE questions SET evidence_threshold = 0",
        "UPDATE level_descriptors SET level = 5 WHERE level = 4",
    ],
    ids=[
        "duplicate email",
        "email not lowercase",
        "unknown stakeholder group",
        "unknown role",
        "role of a missing user",
        "unknown scope",
        "unknown layer",
        "process ends before it starts",
        "unknown assessment status",
        "unknown perspective",
        "assessment revising itself",
        "assessment by a missing user",
        "pillar weight zero",
        "question weight negative",
        "evidence threshold above 4",
        "evidence threshold below 1",
        "level descriptor above 4",
    ],
)
def test_database_rejects_invalid_rows(session, rows, sql):
    with pytest.raises(IntegrityError):
        session.execute(text(sql))
        session.flush()


def test_evidence_url_must_be_http_or_https(session, rows):
    insert_answer(session, "3, false, false")
    answer_id = session.execute(text("SELECT id FROM answers")).scalar()
    with pytest.raises(IntegrityError):
        session.execute(
            text(
                "INSERT INTO evidence_items (answer_id, url, title, note, position)"
                " VALUES (:answer, 'file:///etc/passwd', 'T', '', 0)"
            ),
            {"answer": answer_id},
        )
        session.flush()


def test_question_must_belong_to_a_pillar_of_its_own_rubric(session, rows):
    second = stored_rubric(session, rubric_document(version="2.0.0"))
    with pytest.raises(IntegrityError):
        session.execute(
            text("UPDATE questions SET pillar_id = :pillar WHERE rubric_version_id = :rubric"),
            {"pillar": second.pillars[0].id, "rubric": rows["rubric"].id},
        )
        session.flush()
