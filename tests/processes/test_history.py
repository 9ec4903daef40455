"""The history of revisions on a process: versions in order, score changes, reasons of change."""

import pytest

from assessor.assessments.answers import save_answer
from assessor.assessments.workflow import publish, revise, submit, withdraw
from assessor.process_pages.history import score_change_text
from tests.factories import stored_process, stored_rubric, stored_user
from tests.processes.test_pages import (
    ANSWERS,
    NO_ANSWER,
    published_assessment,
    statements_for,
    text_of,
)
from tests.processes.test_perspectives import tables_of

CHANGED_KEY = "transparency.public_documents"


@pytest.fixture
def people(session):
    made = {
        "ana": stored_user(session, "ana@example.org", ["assessor"]),
        "rui": stored_user(session, "rui@example.org", ["reviewer"], "academia"),
        "admin": stored_user(session, "admin@example.org", ["admin"], None),
    }
    session.commit()
    return made


@pytest.fixture
def process(session, people):
    stored_rubric(session)
    made = stored_process(session)
    session.commit()
    return made


def revised(session, people, assessment, level: int = 4, *, published: bool = True):
    """A revision of ``assessment`` raising public documents (weight 2) from 2 to ``level``."""
    revision = revise(session, people["ana"], assessment)
    stored = next(answer for answer in revision.answers if answer.question_key == CHANGED_KEY)
    answer = {
        **NO_ANSWER,
        **ANSWERS[CHANGED_KEY],
        "level": level,
        "rationale": "Minutes are now published within a week.",
        "change_reason": "improvement",
        "version": stored.row_version,
    }
    save_answer(session, people["ana"], revision, CHANGED_KEY, answer)
    submit(session, people["ana"], revision)
    if published:
        publish(session, people["rui"], revision)
    session.commit()
    return revision


@pytest.fixture
def chain(session, people, process):
    """A published assessment and its published revision."""
    first = published_assessment(session, process, people["ana"], people["rui"])
    return first, revised(session, people, first)


def history_page(client, process) -> str:
    response = client.get(f"/processes/{process.id}/history")
    assert response.status_code == 200
    return text_of(response)


def test_a_revision_shows_its_pillar_score_changes(client, process, chain):
    first, revision = chain
    tables = tables_of(history_page(client, process))
    rows = tables[f"Pillar scores, assessment {revision.id} against assessment {first.id}"]
    # Transparency: (2 x 50 + 50) / 3 = 50 before, (2 x 100 + 50) / 3 = 83.33 after.
    assert rows[1:] == [
        ["Openness", "50.0", "50.0", "0.0"],
        ["Transparency", "50.0", "83.3", "+33.3"],
    ]


def test_a_revision_shows_its_overall_score_change(client, process, chain):
    page = history_page(client, process)
    # Overall: (50 + 2 x 50) / 3 = 50 before, (50 + 2 x 83.33) / 3 = 72.22 after.
    assert '<strong class="score">72.2</strong>' in page
    assert '(change: <span class="score-change">+22.2</span>)' in page


def test_a_changed_answer_shows_its_levels_and_reason(client, process, chain):
    _, revision = chain
    rows = tables_of(history_page(client, process))[f"Answers changed in assessment {revision.id}"]
    [_, row] = rows
    assert row[1:] == ["Level 2", "Level 4", "Improvement"]
    assert "Minutes are now published within a week." in row[0]


def test_versions_are_listed_oldest_first_with_links_to_their_scorecards(client, process, chain):
    first, revision = chain
    page = history_page(client, process)
    first_link = f'href="/assessments/{first.id}/scorecard"'
    revision_link = f'href="/assessments/{revision.id}/scorecard"'
    assert page.index(first_link) < page.index(revision_link)
    assert "revision 1 on" in page


def test_a_revision_not_yet_published_is_not_shown(client, session, people, process):
    first = published_assessment(session, process, people["ana"], people["rui"])
    revised(session, people, first, published=False)
    page = history_page(client, process)
    assert "No published assessment of this process has been revised yet." in page
    assert "1 published assessment of this process has not been revised." in page


def test_a_withdrawn_revision_is_marked(client, session, people, process, chain):
    _, revision = chain
    withdraw(session, people["admin"], revision, "A document cited was private.")
    session.commit()
    assert "A document cited was private." in history_page(client, process)


def test_the_process_page_links_to_the_history(client, process, chain):
    page = text_of(client.get(f"/processes/{process.id}"))
    assert f'href="/processes/{process.id}/history"' in page


def test_the_history_of_an_unknown_process_is_not_found(client, session):
    assert client.get("/processes/999/history").status_code == 404


@pytest.mark.parametrize(
    ("change", "text"),
    [(33.333, "+33.3"), (-5.0, "\N{MINUS SIGN}5.0"), (0.0, "0.0"), (-0.04, "0.0"), (None, "—")],
)
def test_score_changes_read_with_their_sign(change, text):
    assert score_change_text(change) == text


def test_history_statements_do_not_grow_with_revisions(app, client, session, people, process):
    first = published_assessment(session, process, people["ana"], people["rui"])
    latest = revised(session, people, first, 3)
    few = statements_for(app, client, f"/processes/{process.id}/history")
    for level in (4, 2, 3):
        latest = revised(session, people, latest, level)
    published_assessment(session, process, people["ana"], people["rui"])
    assert statements_for(app, client, f"/processes/{process.id}/history") == few
