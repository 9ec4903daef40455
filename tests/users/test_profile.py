"""The profile page: details, password change and personal API tokens."""

import re

import pytest
from sqlalchemy import select

from assessor.db import db
from assessor.users.models import ApiToken
from tests.factories import TEST_PASSWORD
from tests.users.helpers import add_user, page_text, post_form, sign_in, user_facts

NEW_PASSWORD = "a brand new passphrase"
TOKEN_TEXT = re.compile(r"asr_[A-Za-z0-9_-]{20,}")


@pytest.fixture
def member(app, client) -> int:
    """An assessor, signed in on ``client``."""
    user_id = add_user(app, "ana@example.org", ["assessor", "reviewer"], "academia")
    sign_in(client, "ana@example.org")
    return user_id


def change_password(client, current=TEST_PASSWORD, new=NEW_PASSWORD, again=None):
    fields = {
        "current_password": current,
        "new_password": new,
        "new_password_again": new if again is None else again,
    }
    return post_form(client, "/profile/password", fields)


def create_token(client, name="nightly export"):
    return post_form(client, "/profile/tokens", {"name": name})


def stored_tokens(app, user_id: int) -> list[ApiToken]:
    with app.app_context():
        return list(db.session.scalars(select(ApiToken).where(ApiToken.user_id == user_id)))


def test_profile_shows_email_read_only_group_and_roles(client, member):
    response = client.get("/profile")
    body = page_text(response)
    assert response.status_code == 200
    assert "<title>Your profile · assessor</title>" in body
    assert "<dd>ana@example.org</dd>" in body and 'name="email"' not in body
    assert "<dd>Assessor, Reviewer</dd>" in body
    assert '<option value="academia" selected>' in body


def test_profile_update_saves_the_name_and_group(app, client, member):
    data = {"display_name": "  Ana Lima ", "stakeholder_group": "civil_society"}
    response = post_form(client, "/profile", data)
    assert response.status_code == 302 and response.headers["Location"] == "/profile"
    assert "Your profile is saved." in page_text(client.get("/profile"))
    facts = user_facts(app, member)
    assert (facts["display_name"], facts["stakeholder_group"]) == ("Ana Lima", "civil_society")


def test_profile_group_can_be_not_stated(app, client, member):
    post_form(client, "/profile", {"display_name": "Ana", "stakeholder_group": ""})
    assert user_facts(app, member)["stakeholder_group"] is None


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        (
            {"display_name": "   ", "stakeholder_group": "government"},
            "display_name",
            "enter a name",
        ),
        ({"display_name": "x" * 121, "stakeholder_group": "government"}, "display_name", "120"),
        ({"display_name": "Ana", "stakeholder_group": "royalty"}, "stakeholder_group", "choose"),
    ],
)
def test_profile_errors_sit_beside_their_field(app, client, member, data, field, message):
    response = post_form(client, "/profile", data)
    body = page_text(response)
    assert response.status_code == 422
    assert "<title>Error: Your profile · assessor</title>" in body
    error = re.search(rf'<p class="field-error" id="field-{field}-error">(.*?)</p>', body)
    assert error and message in error.group(1)
    assert f'<a href="#field-{field}">' in body
    assert f'aria-describedby="field-{field}-hint field-{field}-error" aria-invalid="true"' in body
    assert user_facts(app, member)["display_name"] == "Ana"


def test_profile_errors_keep_what_was_typed(client, member):
    body = page_text(
        post_form(client, "/profile", {"display_name": "", "stakeholder_group": "government"})
    )
    assert '<option value="government" selected>' in body
    body = page_text(
        post_form(client, "/profile", {"display_name": "Ana L", "stakeholder_group": "royalty"})
    )
    assert 'value="Ana L"' in body


def test_profile_post_without_csrf_token_is_refused(app, client, member):
    response = client.post("/profile", data={"display_name": "Mallory"})
    assert response.status_code == 400
    assert user_facts(app, member)["display_name"] == "Ana"


def test_password_change_with_a_wrong_current_password_says_so_beside_it(app, client, member):
    before = user_facts(app, member)["password_hash"]
    response = change_password(client, current="not my password")
    body = page_text(response)
    assert response.status_code == 422
    assert '<p class="field-error" id="field-current_password-error">' in body
    assert "the current password is wrong" in body
    assert "not my password" not in body and NEW_PASSWORD not in body
    assert user_facts(app, member)["password_hash"] == before


def test_password_change_refuses_two_different_new_passwords(client, member):
    response = change_password(client, again="another passphrase")
    body = page_text(response)
    assert response.status_code == 422
    assert 'id="field-new_password_again-error"' in body and "differ" in body


def test_password_change_refuses_a_short_password(client, member):
    response = change_password(client, new="short")
    assert response.status_code == 422
    assert "the new password must have at least 10 characters" in page_text(response)


def test_password_change_replaces_the_old_password(app, client, member):
    response = change_password(client)
    assert response.status_code == 302
    assert "Your password is changed." in page_text(client.get("/profile"))
    other = app.test_client()
    assert sign_in(other, "ana@example.org").status_code == 422
    assert sign_in(other, "ana@example.org", NEW_PASSWORD).status_code == 302


def test_a_new_password_signs_out_every_other_session(app, client, member):
    other = app.test_client()
    sign_in(other, "ana@example.org")
    assert other.get("/profile").status_code == 200
    change_password(client)
    assert client.get("/profile").status_code == 200
    assert other.get("/profile").status_code == 302


def test_a_new_password_refuses_a_remember_me_cookie_of_the_old_one(app, client, member):
    other = app.test_client()
    response = sign_in(other, "ana@example.org", remember="yes")
    remembered = next(h for h in response.headers.getlist("Set-Cookie") if "remember_token" in h)
    token = remembered.split(";")[0].split("=", 1)[1]
    change_password(client)
    stranger = app.test_client()
    stranger.set_cookie("remember_token", token)
    assert stranger.get("/profile").status_code == 302


def test_a_remembered_session_stays_remembered_after_its_own_password_change(app, client, member):
    other = app.test_client()
    sign_in(other, "ana@example.org", remember="yes")
    response = change_password(other)
    renewed = [h for h in response.headers.getlist("Set-Cookie") if "remember_token" in h]
    assert renewed, "a remember-me cookie under the new password"
    stranger = app.test_client()
    stranger.set_cookie("remember_token", renewed[0].split(";")[0].split("=", 1)[1])
    assert stranger.get("/profile").status_code == 200


def test_new_token_is_shown_once_and_only_its_hash_is_kept(app, client, member):
    response = create_token(client)
    body = page_text(response)
    assert response.status_code == 201
    assert response.headers["Cache-Control"] == "no-store"
    plaintext = TOKEN_TEXT.search(body).group(0)
    assert "it will not be shown again" in body
    [stored] = stored_tokens(app, member)
    assert stored.name == "nightly export" and plaintext not in stored.token_hash
    again = page_text(client.get("/profile"))
    assert plaintext not in again and "nightly export" in again


def test_new_token_authenticates_the_api(client, member):
    plaintext = TOKEN_TEXT.search(page_text(create_token(client))).group(0)
    response = client.delete(
        "/api/v1/tokens/999999", headers={"Authorization": f"Bearer {plaintext}"}
    )
    assert response.status_code == 404  # authenticated: the unknown token id is the problem


def test_live_tokens_are_listed_with_created_and_last_used(client, member):
    create_token(client, "first")
    body = page_text(client.get("/profile"))
    assert "<td>first</td>" in body
    assert "<td>never</td>" in body
    # As English writes a moment, with its time zone: "Nov 23, 2026, 6:22 PM UTC".
    moment = r"[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s[AP]M UTC"
    assert re.search(rf'<time datetime="[^"]+">{moment}</time>', body)


def test_token_needs_a_name(client, member):
    response = create_token(client, "  ")
    body = page_text(response)
    assert response.status_code == 422
    assert '<a href="#field-name">Token name: enter a name of 1 to 100 characters</a>' in body
    assert TOKEN_TEXT.search(body) is None


def test_token_is_revoked_by_its_owner(app, client, member):
    create_token(client, "old script")
    [token] = stored_tokens(app, member)
    response = post_form(client, f"/profile/tokens/{token.id}/revoke")
    assert response.status_code == 302
    body = page_text(client.get("/profile"))
    assert "The token “old script” is revoked" in body
    assert "<td>old script</td>" not in body
    assert stored_tokens(app, member)[0].revoked_at is not None


def test_another_users_token_cannot_be_revoked(app, client, member):
    owner = app.test_client()
    add_user(app, "bo@example.org", ["assessor"])
    sign_in(owner, "bo@example.org")
    create_token(owner, "bo's script")
    with app.app_context():
        token_id = db.session.scalar(select(ApiToken.id).where(ApiToken.name == "bo's script"))
    assert post_form(client, f"/profile/tokens/{token_id}/revoke").status_code == 404
    assert "bo&#39;s script" in page_text(owner.get("/profile"))


def test_revoking_needs_the_csrf_token(app, client, member):
    create_token(client)
    [token] = stored_tokens(app, member)
    assert client.post(f"/profile/tokens/{token.id}/revoke").status_code == 400
    assert stored_tokens(app, member)[0].revoked_at is None
