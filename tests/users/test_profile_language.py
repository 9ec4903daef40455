"""The profile's language: chosen there or by the header's switch, and followed by every page."""

import pytest

from assessor.db import db
from assessor.users.models import User
from tests.users.helpers import add_user, page_text, post_form, sign_in

DETAILS = {"display_name": "Ana", "stakeholder_group": "civil_society"}


@pytest.fixture
def member(app, client) -> int:
    user_id = add_user(app, "ana@example.org", ["assessor"])
    sign_in(client, "ana@example.org")
    return user_id


def stored_language(app, user_id: int) -> str | None:
    with app.app_context():
        return db.session.get(User, user_id).language


def save_details(client, **fields):
    return post_form(client, "/profile", {**DETAILS, **fields})


def test_the_profile_offers_each_language_and_the_browsers_own(client, member):
    body = page_text(client.get("/profile"))
    assert '<label for="field-language">Language</label>' in body
    assert '<option value="" selected>Same as my browser</option>' in body
    assert '<option value="fr" lang="fr">Français</option>' in body


def test_choosing_french_stores_it_remembers_it_and_says_so_in_french(app, client, member):
    response = save_details(client, language="fr")
    assert response.status_code == 302
    assert stored_language(app, member) == "fr"
    assert client.get_cookie("language").value == "fr"
    body = page_text(client.get("/profile"))
    assert '<html lang="fr"' in body
    assert "Votre profil est enregistré." in body
    assert '<option value="fr" lang="fr" selected>Français</option>' in body


def test_the_profile_language_follows_the_user_to_another_browser(app, client, member):
    save_details(client, language="fr")
    other_browser = app.test_client()
    sign_in(other_browser, "ana@example.org")
    assert '<html lang="fr"' in page_text(other_browser.get("/", headers={"Accept-Language": "en"}))


def test_same_as_my_browser_forgets_the_choice(app, client, member):
    save_details(client, language="fr")
    save_details(client, language="")
    assert stored_language(app, member) is None
    assert client.get_cookie("language") is None
    assert '<html lang="en"' in page_text(client.get("/", headers={"Accept-Language": "en"}))


def test_a_language_not_offered_is_refused_next_to_the_field(app, client, member):
    response = save_details(client, language="xx")
    body = page_text(response)
    assert response.status_code == 422
    assert '<a href="#field-language">Language: choose a language from the list</a>' in body
    assert stored_language(app, member) is None


def test_a_post_without_the_language_field_keeps_the_language(app, client, member):
    save_details(client, language="fr")
    save_details(client)
    assert stored_language(app, member) == "fr"


def test_the_header_switch_changes_the_profile_language_too(app, client, member):
    post_form(client, "/language", {"language": "fr", "next": "/profile"})
    assert stored_language(app, member) == "fr"
    assert '<option value="fr" lang="fr" selected>Français</option>' in page_text(
        client.get("/profile")
    )


def test_the_sign_in_prompt_is_in_the_language_of_the_visitor(client):
    response = client.get("/profile", headers={"Accept-Language": "fr"}, follow_redirects=True)
    body = page_text(response)
    assert "Veuillez vous connecter pour voir cette page." in body
    assert "<h1>Se connecter</h1>" in body
