"""The home page: what the service holds for a newcomer, and for a signed-in assessor or
reviewer the work that waits for them."""

import re

import pytest

from assessor.assessments.workflow import submit, withdraw
from assessor.scoring import display_score
from tests.factories import (
    answered_assessment,
    published_assessment,
    stored_process,
    stored_rubric,
    stored_user,
)
from tests.processes.test_pages import statements_for
from tests.users.helpers import sign_in


def text_of(response) -> str:
    """The page's words, tags removed and spaces collapsed."""
    assert response.status_code == 200
    return " ".join(re.sub(r"<[^>]+>", " ", response.get_data(as_text=True)).split())


@pytest.fixture
def people(session) -> dict:
    made = {
        "ana": stored_user(session, "ana@example.org", ["assessor"]),
        "eva": stored_user(session, "eva@example.org", ["assessor"]),
        "rui": stored_user(session, "rui@example.org", ["reviewer"], "academia"),
        "admin": stored_user(session, "ada@example.org", ["admin"]),
    }
    session.commit()
    return made


@pytest.fixture
def rubric(session):
    return stored_rubric(session)


def test_an_empty_service_says_what_to_do_next(client, people):
    page = text_of(client.get("/"))
    assert "No scorecard is published yet." in page
    assert "A comparison needs published scorecards of two processes." in page
    assert "No rubric is loaded yet." in page


def test_the_latest_scorecards_show_score_range_band_and_process(client, session, rubric, people):
    forum = stored_process(session, name="Forum A")
    unknown_every_other = lambda i: None if i % 2 else 3  # noqa: E731
    card = published_assessment(
        session, rubric, forum, people["ana"], people["rui"], level_of=unknown_every_other
    )
    session.commit()
    api = client.get(f"/api/v1/assessments/{card.id}/scorecard").get_json()
    low, high = api["score_range"]["low"], api["score_range"]["high"]
    assert low < high
    page = text_of(client.get("/"))
    row = page[page.index("Forum A") :]
    expected = f"Forum A {display_score(low)} up to {display_score(high)} {api['band']}"
    assert row.startswith(f"{expected} sample-rubric@1.0.0")


def test_withdrawn_scorecards_and_work_in_progress_are_not_news(client, session, rubric, people):
    withdrawn = published_assessment(
        session,
        rubric,
        stored_process(session, name="Withdrawn forum"),
        people["ana"],
        people["rui"],
    )
    withdraw(session, people["admin"], withdrawn, "Published against the wrong process.")
    answered_assessment(session, rubric, stored_process(session, name="Draft forum"), people["ana"])
    session.commit()
    page = text_of(client.get("/"))
    assert "Withdrawn forum" not in page and "Draft forum" not in page
    assert "No scorecard is published yet." in page


def test_the_ready_comparison_takes_the_latest_scorecard_of_each_process(
    client, session, rubric, people
):
    first, second = stored_process(session, name="Forum A"), stored_process(session, name="Forum B")
    older = published_assessment(session, rubric, first, people["ana"], people["rui"])
    newer = published_assessment(session, rubric, first, people["eva"], people["rui"])
    other = published_assessment(session, rubric, second, people["ana"], people["rui"])
    session.commit()
    html = client.get("/").get_data(as_text=True)
    assert f'href="/compare?ids={newer.id},{other.id}"' in html
    assert str(older.id) not in re.search(r"/compare\?ids=[\d,]+", html)[0].split("=")[1].split(",")
    assert "Compare the latest scorecards of 2 processes" in text_of(client.get("/"))


def test_one_process_is_not_enough_to_compare(client, session, rubric, people):
    forum = stored_process(session, name="Forum A")
    for assessor in (people["ana"], people["eva"]):
        published_assessment(session, rubric, forum, assessor, people["rui"])
    session.commit()
    page = text_of(client.get("/"))
    assert "A comparison needs published scorecards of two processes." in page


def test_an_assessor_sees_their_drafts_and_starts_one_in_a_click(client, session, rubric, people):
    forum = stored_process(session, name="Forum A")
    mine = answered_assessment(session, rubric, forum, people["ana"])
    answered_assessment(session, rubric, forum, people["eva"])
    session.commit()
    sign_in(client, "ana@example.org")
    html = client.get("/").get_data(as_text=True)
    page = text_of(client.get("/"))
    assert f"Assessment {mine.id} of Forum A" in page
    assert page.count("of Forum A sample-rubric@1.0.0, started") == 1
    assert f'href="/processes/{forum.id}/assess"' in html
    assert "Start an assessment of Forum A" in page


def test_an_assessor_without_drafts_or_processes_is_told_what_to_do(client, people):
    sign_in(client, "ana@example.org")
    page = text_of(client.get("/"))
    assert "You have no draft." in page
    assert "No process is described yet: describe the process you want to assess first." in page
    assert "Waiting for your review" not in page


def test_a_reviewer_sees_what_waits_longest_first_never_their_own(client, session, rubric, people):
    reviewer_assesses = stored_user(session, "rev@example.org", ["reviewer", "assessor"])
    forum = stored_process(session, name="Forum A")
    first = answered_assessment(session, rubric, forum, people["ana"])
    submit(session, people["ana"], first)
    second = answered_assessment(session, rubric, forum, people["eva"])
    submit(session, people["eva"], second)
    own = answered_assessment(session, rubric, forum, reviewer_assesses)
    submit(session, reviewer_assesses, own)
    session.commit()
    sign_in(client, "rev@example.org")
    page = text_of(client.get("/"))
    waiting = page[page.index("Waiting for your review") :]
    assert waiting.index(f"Assessment {first.id} of") < waiting.index(f"Assessment {second.id} of")
    assert f"Assessment {own.id} of" not in waiting


def test_a_reviewer_with_nothing_waiting_is_told_so(client, people):
    sign_in(client, "rui@example.org")
    page = text_of(client.get("/"))
    assert "Nothing waits for your review." in page
    assert "Your drafts" not in page


def test_anonymous_readers_see_no_work_section(client, session, rubric, people):
    answered_assessment(session, rubric, stored_process(session, name="Forum A"), people["ana"])
    session.commit()
    assert "Your work" not in text_of(client.get("/"))


def test_the_home_page_statements_do_not_grow_with_published_scorecards(
    app, client, session, rubric, people
):
    def publish(count: int) -> None:
        for number in range(count):
            forum = stored_process(session, name=f"Forum {number}-{count}")
            published_assessment(session, rubric, forum, people["ana"], people["rui"])
        session.commit()

    publish(2)
    few = statements_for(app, client, "/")
    publish(8)
    assert statements_for(app, client, "/") == few
