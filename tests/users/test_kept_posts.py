"""A form sent after its sender's session ended is kept through signing in, then sent again."""

import html
import re

import pytest
from sqlalchemy import select

from assessor.assessments.models import Answer
from assessor.db import db
from tests.assessments.pages import csrf_token, sign_in
from tests.assessments.test_questionnaire_pages import people, start  # noqa: F401
from tests.factories import TEST_PASSWORD
from tests.users.helpers import FROM_THE_SITE, post_form
from tests.users.test_session_ends import copy_of, replayed

HIDDEN = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)">')
MAIN_FORM = re.compile(r"<main.*</main>", re.S)
ANSWERS = {
    "q-openness.open_participation-choice": "3",
    "q-openness.open_participation-rationale": 'Open to anyone, "quoted" <b>as typed</b>.',
    "q-openness.open_participation-evidence-0-url": "https://example.org/register",
    "q-openness.open_participation-evidence-0-title": "Register",
}


@pytest.fixture
def ended(app, client, people):  # noqa: F811
    """A questionnaire open in the browser when its session ended: signed out elsewhere."""
    assessment_id = start(client, people)
    path = f"/assessments/{assessment_id}/pillars/openness"
    token = csrf_token(client, path)
    elsewhere = replayed(app, copy_of(client, "session"))
    assert post_form(elsewhere, "/sign-out").status_code == 302
    return path, token


def hidden_fields(page: str) -> list[tuple[str, str]]:
    """The hidden fields of the page's own forms, as the browser would send them."""
    main = MAIN_FORM.search(page)[0]
    return [(name, html.unescape(value)) for name, value in HIDDEN.findall(main)]


def test_a_form_sent_after_the_session_ended_is_kept_on_the_sign_in_page(client, ended):
    path, old_token = ended
    response = client.post(path, data={**ANSWERS, "csrf_token": old_token}, headers=FROM_THE_SITE)
    assert response.status_code == 401
    page = response.get_data(as_text=True)
    assert "Your session has ended, so what you sent was not saved." in page
    fields = hidden_fields(page)
    assert ("next", path) in fields
    for name, value in ANSWERS.items():
        assert (f"kept-{name}", value) in fields
    assert not any(name == "kept-csrf_token" for name, _ in fields)
    assert db.session.scalars(select(Answer)).all() == []


def test_signing_in_offers_to_send_the_kept_form_again_and_sending_saves_it(client, ended):
    path, old_token = ended
    page = client.post(
        path, data={**ANSWERS, "csrf_token": old_token}, headers=FROM_THE_SITE
    ).get_data(as_text=True)
    sign_in_form = dict(hidden_fields(page))
    sign_in_form |= {"email": "owner@example.org", "password": TEST_PASSWORD}
    signed_in = client.post("/sign-in", data=sign_in_form, headers=FROM_THE_SITE)
    assert signed_in.status_code == 200
    offer = signed_in.get_data(as_text=True)
    assert f'<form method="post" action="{path}">' in offer
    fields = hidden_fields(offer)
    assert [name for name, _ in fields if name == "csrf_token"] == ["csrf_token"]
    sent = client.post(path, data=dict(fields))
    assert sent.status_code in (200, 302)
    (answer,) = db.session.scalars(select(Answer)).all()
    assert (answer.level, answer.rationale) == (
        3,
        ANSWERS["q-openness.open_participation-rationale"],
    )
    assert [item.title for item in answer.evidence] == ["Register"]


def test_a_wrong_password_keeps_the_form_for_the_next_try(client, ended):
    path, old_token = ended
    page = client.post(
        path, data={**ANSWERS, "csrf_token": old_token}, headers=FROM_THE_SITE
    ).get_data(as_text=True)
    wrong = dict(hidden_fields(page)) | {"email": "owner@example.org", "password": "wrong"}
    again = client.post("/sign-in", data=wrong, headers=FROM_THE_SITE).get_data(as_text=True)
    assert "The email or password is wrong." in again
    assert hidden_fields(again) == hidden_fields(page)


def test_a_page_asked_for_without_sign_in_still_leads_to_sign_in_and_back(client, people):  # noqa: F811
    response = client.get("/profile")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/sign-in?next=")


def test_signing_in_without_a_kept_form_goes_where_it_was_asked(client, people):  # noqa: F811
    sign_in(client, "owner@example.org")
    assert client.get("/profile").status_code == 200
