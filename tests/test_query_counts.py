"""Pages and API lists send as many SQL statements for 20 rows as for 2.

Each page is requested on a small data set and again on a larger one; a statement sent per
row, or per batch of rows (selectinload sends one per 500 parents), shows up as a difference.
The shipped rubric's 26 questions make 20 assessments hold more than 500 answers.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from itertools import zip_longest

import pytest
from sqlalchemy import delete, event, select

from assessor import audit
from assessor.assessments.models import Assessment
from assessor.audit import AuditEvent
from assessor.db import db
from assessor.demo_generate import generate
from assessor.processes.models import Process
from assessor.users.models import User
from assessor.users.tokens import create_token
from tests.factories import shipped_rubric, stored_user
from tests.processes.test_pages import sign_in

SMALL, LARGE = 2, 24

# Each path from the data set's first process and its newest assessment.
PATHS: dict[str, Callable[[int, int], str]] = {
    "process list": lambda process, assessment: "/processes",
    "process search": lambda process, assessment: "/processes?q=on&scope=global",
    "process page": lambda process, assessment: f"/processes/{process}",
    "process history": lambda process, assessment: f"/processes/{process}/history",
    "scorecard list": lambda process, assessment: "/scorecards",
    "scorecard page": lambda process, assessment: f"/assessments/{assessment}/scorecard",
    "API process list": lambda process, assessment: "/api/v1/processes?per_page=100",
    "API assessment list": lambda process, assessment: "/api/v1/assessments?per_page=100",
    "API assessment": lambda process, assessment: f"/api/v1/assessments/{assessment}",
    "API scorecard": lambda process, assessment: f"/api/v1/assessments/{assessment}/scorecard",
    "open data CSV": lambda process, assessment: "/data/judgements.csv",
}


@contextmanager
def counted_statements() -> Iterator[list[str]]:
    """The SQL statements sent while the block runs."""
    statements: list[str] = []

    def count(connection, cursor, statement, parameters, context, executemany) -> None:
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(db.engine, "before_cursor_execute", count)


def data_set(session, processes: int, assessments: int) -> tuple[int, int]:
    """Fresh processes and assessments, all of the first process when ``processes`` is 1."""
    session.execute(delete(Assessment).where(Assessment.revises_id.is_not(None)))
    session.execute(delete(Assessment))
    session.execute(delete(Process))
    session.commit()
    generate(session, processes=processes, assessments=assessments, seed=5)
    process = session.scalars(select(Process.id).order_by(Process.id)).first()
    assessment = session.scalars(
        select(Assessment.id).where(Assessment.process_id == process).order_by(Assessment.id)
    ).all()[-1]
    # Requests share this app context and its session: nothing may come from its identity map.
    session.close()
    return process, assessment


def statements_for(client, session, path_of, processes: int, assessments: int) -> list[str]:
    path = path_of(*data_set(session, processes, assessments))
    with counted_statements() as statements:
        response = client.get(path)
        response.get_data()
    assert response.status_code == 200, path
    return statements


@pytest.fixture
def rubric(session):
    rubric = shipped_rubric(session)
    session.commit()
    return rubric


@pytest.mark.parametrize("name", PATHS)
def test_statements_stay_the_same_with_more_processes(client, session, rubric, name):
    """Many processes, each with a few assessments: lists of processes and of scorecards."""
    small = statements_for(client, session, PATHS[name], SMALL, SMALL * 3)
    large = statements_for(client, session, PATHS[name], LARGE, LARGE * 3)
    assert len(large) == len(small), "\n".join(large)


@pytest.mark.parametrize("name", PATHS)
def test_statements_stay_the_same_with_more_assessments_of_one_process(
    client, session, rubric, name
):
    """One process with many assessments: its page, consolidation and history."""
    small = statements_for(client, session, PATHS[name], 1, SMALL)
    large = statements_for(client, session, PATHS[name], 1, LARGE)
    assert len(large) == len(small), "\n".join(large)


@pytest.fixture
def cached_pdf(client, session, rubric) -> tuple[str, str]:
    """A published scorecard's PDF path, downloaded once so that it is stored; and its ETag."""
    _, assessment = data_set(session, 1, SMALL)
    path = f"/assessments/{assessment}/scorecard.pdf"
    return path, client.get(path).headers["ETag"]


def test_a_stored_pdf_is_downloaded_in_one_statement(client, cached_pdf):
    """Everything its key, the access check and the file name need, and the newest PDF kept
    for the same rendering beside them."""
    path, _ = cached_pdf
    with counted_statements() as statements:
        response = client.get(path)
        body = response.get_data()
    assert response.status_code == 200
    assert response.headers["Content-Length"] == str(len(body))
    assert len(statements) == 1, "\n".join(statements)


def test_a_stored_pdf_is_revalidated_in_one_statement(client, cached_pdf):
    path, etag = cached_pdf
    with counted_statements() as statements:
        response = client.get(path, headers={"If-None-Match": etag})
    assert response.status_code == 304
    assert len(statements) == 1, "\n".join(statements)


def test_a_kept_scorecard_page_is_served_in_one_statement(client, session, rubric):
    """The scorecard's state with the newest part kept for the same rendering beside it: the
    frame needs none."""
    _, assessment = data_set(session, 1, SMALL)
    path = f"/assessments/{assessment}/scorecard"
    client.get(path)
    with counted_statements() as statements:
        response = client.get(path)
        response.get_data()
    assert response.status_code == 200
    assert len(statements) == 1, "\n".join(statements)


def test_a_scorecard_page_rendered_anew_reads_each_relationship_at_once(client, session, rubric):
    """Rendering the part to keep sends a statement per relationship (the participation counts
    the scorecard keeps among them), none per answer, question or level: a statement per
    question would add the shipped rubric's 26."""
    _, assessment = data_set(session, 1, SMALL)
    with counted_statements() as statements:
        response = client.get(f"/assessments/{assessment}/scorecard")
        response.get_data()
    assert response.status_code == 200
    assert any(statement.startswith("INSERT INTO scorecard_pages") for statement in statements)
    assert len(statements) <= 26, "\n".join(statements)


def audit_trail(session, size: int) -> None:
    """Events of every kind of record, by several people: a few for each of ``size`` processes
    and assessments, and for each account."""
    data_set(session, size, size * 3)
    session.execute(delete(AuditEvent))
    users = session.scalars(select(User).order_by(User.id)).all()
    kinds = [
        [("process.updated", "process", p) for p in session.scalars(select(Process.id))],
        [("assessment.published", "assessment", a) for a in session.scalars(select(Assessment.id))],
        [("user.roles_changed", "user", user.id) for user in users],
    ]
    # Interleaved, the rounds naming every kind of record last, so newest: the first page
    # names every kind.
    subjects = [subject for row in zip_longest(*kinds) for subject in row if subject][::-1]
    for index, (action, kind, subject) in enumerate(subjects):
        actor = users[index % len(users)]
        audit.record(
            session,
            actor_id=actor.id,
            action=action,
            subject_type=kind,
            subject_id=subject,
            before={"name": "Before", "user_id": actor.id},
            after={"name": "After", "user_id": users[0].id},
        )
    session.commit()
    session.close()


@pytest.fixture
def admin(client, session, rubric) -> str:
    """The client signed in as an admin; the admin's token for the API."""
    user = stored_user(session, "auditor@example.org", ["admin"], None)
    token = create_token(session, user, "tests")[1]
    session.commit()
    sign_in(client, user)
    return token


@pytest.mark.parametrize("path", ["/admin/audit", "/api/v1/audit-events?per_page=100"])
def test_audit_trail_statements_stay_the_same_with_more_events(app, client, session, admin, path):
    """A page of events reads the names of the records and accounts they name at once.

    Each request has an app context of its own, so that the signed-in admin is loaded afresh.
    """
    counts = []
    for size in (SMALL, LARGE):
        audit_trail(session, size)
        headers = {"Authorization": f"Bearer {admin}"}
        # A first call notes when the token was used; the counted one, within the minute, not.
        with app.app_context():
            client.get(path, headers=headers)
        with app.app_context(), counted_statements() as statements:
            response = client.get(path, headers=headers)
            response.get_data()
        assert response.status_code == 200
        counts.append(statements)
    small, large = counts
    assert len(large) == len(small), "\n".join(large)
