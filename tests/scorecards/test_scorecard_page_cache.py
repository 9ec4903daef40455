"""Kept scorecard pages: the scorecard part rendered once, never stale, never another's frame."""

import re

import pytest
from flask_babel import refresh
from sqlalchemy import func, select

from assessor.assessments.models import Assessment, ProcessReply
from assessor.scorecards.models import ScorecardPage
from assessor.users.models import User
from tests.api.assessment_helpers import COMPLETE_ANSWERS, published
from tests.assessments.pages import sign_in

LOW = {**COMPLETE_ANSWERS, "openness.open_participation": {"level": 0, "rationale": "Closed."}}


def page_of(client, assessment_id: int, **query) -> str:
    response = client.get(f"/assessments/{assessment_id}/scorecard", query_string=query)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def kept(session) -> int:
    session.expire_all()
    return session.scalar(select(func.count()).select_from(ScorecardPage))


def csrf_token_of(page: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', page)[1]


def test_a_published_page_is_rendered_once_and_kept(client, published_id, session):
    first, second = page_of(client, published_id), page_of(client, published_id)
    assert kept(session) == 1
    assert first == second


def test_a_draft_page_is_never_kept(client, draft_id, session):
    sign_in(client, "owner@example.org")
    assert "DRAFT" in page_of(client, draft_id)
    assert kept(session) == 0


def test_the_kept_part_holds_no_csrf_token_and_nothing_about_the_viewer(
    client, published_id, session
):
    sign_in(client, "other@example.org")  # a reader with a session, whose forms carry its token
    page = page_of(client, published_id)
    part = session.scalar(select(ScorecardPage.html))
    assert csrf_token_of(page) not in part and "csrf_token" not in part
    assert "Sign out" not in part and "language-switch" not in part
    assert part in page


def test_a_signed_in_viewer_gets_their_own_frame_around_the_kept_part(
    client, published_id, session
):
    anonymous = page_of(client, published_id)
    sign_in(client, "reviewer@example.org")
    signed_in = page_of(client, published_id)
    assert "Sign in" in anonymous and "Sign out" not in anonymous
    assert "Sign out" in signed_in and "Profile" in signed_in
    assert kept(session) == 1


def test_each_interface_language_has_its_own_kept_page(client, published_id, session):
    page_of(client, published_id)
    # The test's requests share its app context, where Flask-Babel keeps the language.
    refresh()
    french = page_of(client, published_id, lang="fr")
    assert '<html lang="fr"' in french
    assert kept(session) == 2


def test_each_site_address_has_its_own_kept_page(app, published_id, session):
    page = page_of(app.test_client(), published_id)
    elsewhere = app.test_client().get(
        f"/assessments/{published_id}/scorecard", base_url="https://scorecards.example.org"
    )
    assert "http://localhost/assessments/" in page
    assert "https://scorecards.example.org/assessments/" in elsewhere.get_data(as_text=True)
    assert kept(session) == 2


def test_a_reply_from_the_process_shows_at_once(client, published_id, session):
    page_of(client, published_id)
    session.add(ProcessReply(assessment=session.get(Assessment, published_id), body="Our reply."))
    session.commit()
    assert "Our reply." in page_of(client, published_id)


def test_a_reply_authors_new_name_shows_at_once(client, published_id, session):
    author = session.scalar(select(User).where(User.email == "admin@example.org"))
    reply = ProcessReply(
        assessment=session.get(Assessment, published_id), author=author, body="Noted."
    )
    session.add(reply)
    session.commit()
    page_of(client, published_id)
    author.display_name = "Renamed representative"
    session.commit()
    assert "Renamed representative" in page_of(client, published_id)


def test_a_newly_published_assessment_of_the_process_changes_the_consolidation(
    client, callers, published_id, process_id
):
    assert "All published assessments of this process" not in page_of(client, published_id)
    published(callers, process_id, answers=LOW, author="other_assessor")
    page = page_of(client, published_id)
    assert "2 published assessments on this rubric version" in page
    assert "Closed." in page


def test_withdrawing_another_assessment_changes_the_consolidation(
    client, callers, published_id, process_id
):
    other = published(callers, process_id, answers=LOW, author="other_assessor")
    assert "2 published assessments on this rubric version" in page_of(client, published_id)
    callers["admin"].post(f"/api/v1/assessments/{other}/withdraw", json={"reason": "Conflict."})
    assert "All published assessments of this process" not in page_of(client, published_id)


def test_withdrawing_the_assessment_marks_its_page_withdrawn(client, callers, published_id):
    assert "WITHDRAWN" not in page_of(client, published_id)
    callers["admin"].post(
        f"/api/v1/assessments/{published_id}/withdraw", json={"reason": "Conflict."}
    )
    assert "WITHDRAWN" in page_of(client, published_id)


def test_a_changed_assessor_name_in_the_header_shows_at_once(client, published_id, session):
    page_of(client, published_id)
    session.get(Assessment, published_id).assessor.display_name = "Renamed assessor"
    session.commit()
    assert "Renamed assessor" in page_of(client, published_id)


@pytest.mark.parametrize(
    ("column", "value", "named"),
    [
        ("name", "Renamed workshop", "name"),
        ("convening_organization", "Renamed convenor", "convening organization"),
    ],
)
def test_a_changed_process_record_keeps_the_header_and_adds_the_note_at_once(
    client, published_id, session, column, value, named
):
    """Changed in the database itself: the note follows the record, however it changed."""
    page_of(client, published_id)
    process = session.get(Assessment, published_id).process
    published_value = getattr(process, column)
    setattr(process, column, value)
    session.commit()
    page = page_of(client, published_id)
    assert published_value in page and value not in page
    assert re.search(rf"has changed since this scorecard was published on [^:]+: {named}\.", page)


def test_a_hidden_page_is_not_served_from_the_store(client, callers, draft_id, session):
    sign_in(client, "owner@example.org")
    page_of(client, draft_id)
    client.post("/sign-out", data={"csrf_token": csrf_token_of(page_of(client, draft_id))})
    assert client.get(f"/assessments/{draft_id}/scorecard").status_code == 404
