"""The language switch of every page's header, and which language a request is answered in."""

import re

import pytest

from assessor.db import db
from assessor.users.models import User
from tests.users.helpers import add_user, csrf_token, page_text, post_form, sign_in

HTML_LANG = re.compile(r'<html lang="([^"]+)"')


def page_language(response) -> str:
    return HTML_LANG.search(page_text(response))[1]


def stored_language(app, user_id: int) -> str | None:
    with app.app_context():
        return db.session.get(User, user_id).language


def set_profile_language(app, user_id: int, language: str | None) -> None:
    with app.app_context():
        db.session.get(User, user_id).language = language
        db.session.commit()


@pytest.fixture
def member(app) -> int:
    return add_user(app, "ana@example.org", ["assessor"])


def switch(client, language: str, next_page: str = "/rubrics", **kwargs):
    return post_form(client, "/language", {"language": language, "next": next_page}, **kwargs)


def test_the_switch_remembers_the_choice_in_a_cookie_and_goes_back(client):
    response = switch(client, "fr")
    assert response.status_code == 302
    assert response.headers["Location"] == "/rubrics"
    cookie = client.get_cookie("language")
    assert cookie is not None and cookie.value == "fr"
    assert page_language(client.get("/rubrics")) == "fr"


def test_the_switch_of_a_signed_in_user_also_sets_the_profile(app, client, member):
    sign_in(client, "ana@example.org")
    switch(client, "fr")
    assert stored_language(app, member) == "fr"


def test_an_unknown_language_changes_nothing_and_is_no_error(app, client, member):
    sign_in(client, "ana@example.org")
    response = switch(client, "xx")
    assert response.status_code == 302
    assert client.get_cookie("language") is None
    assert stored_language(app, member) is None


@pytest.mark.parametrize(
    "target", ["https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:x"]
)
def test_the_switch_never_sends_anyone_to_another_site(client, target):
    response = switch(client, "fr", next_page=target)
    assert response.headers["Location"] == "/"


def test_the_switch_drops_a_lang_parameter_that_would_outrank_the_choice(client):
    response = switch(client, "en", next_page="/rubrics?lang=fr&page=2")
    assert response.headers["Location"] == "/rubrics?page=2"


def test_the_switch_needs_the_forms_csrf_token(client):
    csrf_token(client)  # a session exists, so only the token is missing
    response = client.post("/language", data={"language": "fr", "next": "/"})
    assert response.status_code == 400
    assert client.get_cookie("language") is None


def test_the_switch_is_on_every_page_with_the_current_language_chosen(client):
    body = page_text(client.get("/?lang=fr"))
    assert '<option value="fr" lang="fr" selected>Français</option>' in body
    assert '<label for="language-choice">Langue</label>' in body


def test_without_any_choice_pages_are_in_english(client):
    assert page_language(client.get("/")) == "en"


def test_the_browsers_languages_come_last(client):
    french_first = {"Accept-Language": "fr-CH, fr;q=0.9, en;q=0.8"}
    assert page_language(client.get("/", headers=french_first)) == "fr"
    assert page_language(client.get("/", headers={"Accept-Language": "de, ja"})) == "en"


def test_the_cookie_outranks_the_browser(client):
    switch(client, "en")
    assert page_language(client.get("/", headers={"Accept-Language": "fr"})) == "en"


def test_the_profile_outranks_the_cookie(app, client, member):
    set_profile_language(app, member, "fr")
    client.set_cookie("language", "en")
    sign_in(client, "ana@example.org")
    assert page_language(client.get("/", headers={"Accept-Language": "en"})) == "fr"


def test_a_lang_parameter_outranks_everything(app, client, member):
    set_profile_language(app, member, "fr")
    sign_in(client, "ana@example.org")
    assert page_language(client.get("/?lang=en")) == "en"


def test_an_unsupported_lang_parameter_is_ignored(client):
    assert page_language(client.get("/?lang=xx", headers={"Accept-Language": "fr"})) == "fr"


def test_each_request_chooses_its_own_language_within_one_app_context(app, client):
    with app.app_context():
        french = client.get("/rubrics", headers={"Accept-Language": "fr"})
        english = client.get("/rubrics", headers={"Accept-Language": "en"})
    assert (page_language(french), page_language(english)) == ("fr", "en")
