"""Signing in and out in the browser: messages, redirects, rate limits, CSRF, cookies."""

import pytest

from assessor.db import db
from assessor.users.models import User
from tests.factories import TEST_PASSWORD
from tests.users.helpers import (
    CSRF_INPUT,
    FROM_THE_SITE,
    add_user,
    csrf_token,
    page_text,
    post_form,
    sign_in,
)

WRONG = "The email or password is wrong."


@pytest.fixture
def member(app) -> int:
    return add_user(app, "ana@example.org", ["assessor"])


def sign_in_limit(app) -> int:
    return int(app.config["SIGN_IN_RATE_LIMIT"].split()[0])


def test_sign_in_page_has_labelled_fields_and_starts_no_session(client):
    response = client.get("/sign-in")
    body = page_text(response)
    assert response.status_code == 200
    assert '<label for="field-email">Email</label>' in body
    assert '<label for="field-password">Password</label>' in body
    assert "<title>Sign in · assessor</title>" in body
    assert response.headers.getlist("Set-Cookie") == []
    assert csrf_token(client) is None


def test_right_password_signs_in_and_goes_home(client, member):
    response = sign_in(client, "Ana@Example.org ")
    assert response.status_code == 302
    assert response.headers["Location"] == "/"
    assert client.get("/profile").status_code == 200


@pytest.mark.parametrize("target", ["/profile", "/rubrics?language=en", "/admin/users#top"])
def test_sign_in_returns_to_a_path_on_this_site(client, member, target):
    response = sign_in(client, "ana@example.org", next=target)
    assert response.headers["Location"] == target


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/",
        "//evil.example/",
        "/\\evil.example/",
        "/\t/evil.example/",
        "javascript:alert(1)",
        "profile",
        "",
    ],
)
def test_sign_in_never_redirects_off_the_site(client, member, target):
    response = sign_in(client, "ana@example.org", next=target)
    assert response.headers["Location"] == "/"


def test_a_page_needing_sign_in_sends_visitors_to_sign_in_and_back(client, member):
    response = client.get("/profile")
    assert response.status_code == 302
    assert response.headers["Location"] == "/sign-in?next=%2Fprofile"
    form = page_text(client.get(response.headers["Location"]))
    assert '<input type="hidden" name="next" value="/profile">' in form
    assert "Please sign in to see that page." in form


def test_wrong_password_and_unknown_email_get_the_same_message(client, member):
    wrong = sign_in(client, "ana@example.org", "not the password")
    unknown = sign_in(client, "nobody@example.org")
    assert wrong.status_code == unknown.status_code == 422
    assert WRONG in page_text(wrong) and WRONG in page_text(unknown)
    # The CSRF tokens are signed with the second they were made in: not part of the message.
    wrong_page, unknown_page = (CSRF_INPUT.sub("", page_text(r)) for r in (wrong, unknown))
    assert wrong_page.replace("ana@example.org", "nobody@example.org") == unknown_page


def test_failed_sign_in_keeps_the_email_but_not_the_password(client, member):
    body = page_text(sign_in(client, "ana@example.org", "my secret guess"))
    assert 'value="ana@example.org"' in body
    assert "my secret guess" not in body


def test_inactive_user_is_refused_with_the_same_message(client, app, member):
    with app.app_context():
        db.session.get(User, member).active = False
        db.session.commit()
    response = sign_in(client, "ana@example.org")
    assert response.status_code == 422
    assert WRONG in page_text(response)
    assert client.get("/profile").status_code == 302


def test_missing_fields_are_named_beside_them(client):
    body = page_text(post_form(client, "/sign-in", {"email": " ", "password": ""}))
    assert '<a href="#field-email">Email: enter your email address</a>' in body
    assert 'id="field-password-error"' in body
    assert 'aria-describedby="field-email-error" aria-invalid="true"' in body


def test_sign_in_without_csrf_token_is_refused(client, member):
    response = client.post("/sign-in", data={"email": "ana@example.org", "password": TEST_PASSWORD})
    assert response.status_code == 400
    assert "security token" in page_text(response)
    assert client.get("/profile").status_code == 302


def test_sign_in_is_rate_limited_per_account_across_addresses(client, app, member):
    for number in range(sign_in_limit(app)):
        client.post(
            "/sign-in",
            data={"email": "ana@example.org", "password": "guess"},
            headers=FROM_THE_SITE,
            environ_base={"REMOTE_ADDR": f"10.0.0.{number + 1}"},
        )
    response = client.post(
        "/sign-in",
        data={"email": "ANA@example.org", "password": TEST_PASSWORD},
        headers=FROM_THE_SITE,
        environ_base={"REMOTE_ADDR": "10.0.1.1"},
    )
    assert response.status_code == 429
    body = page_text(response)
    assert "Too many sign-in attempts" in body
    assert 'value="ANA@example.org"' in body and 'id="field-email"' in body


def test_sign_in_is_rate_limited_per_address_across_accounts(client, app, member):
    for number in range(sign_in_limit(app)):
        sign_in(client, f"guess{number}@example.org")
    response = sign_in(client, "ana@example.org")
    assert response.status_code == 429
    assert "Too many sign-in attempts" in page_text(response)
    assert int(response.headers["Retry-After"]) > 0


def test_showing_the_sign_in_form_is_not_rate_limited(client, app):
    for _ in range(sign_in_limit(app) + 1):
        assert client.get("/sign-in").status_code == 200


def test_sign_out_signs_out_and_goes_home(client, member):
    sign_in(client, "ana@example.org")
    response = post_form(client, "/sign-out")
    assert response.status_code == 302 and response.headers["Location"] == "/"
    assert client.get("/profile").status_code == 302


def test_sign_out_by_get_is_not_allowed(client, member):
    sign_in(client, "ana@example.org")
    assert client.get("/sign-out").status_code == 405
    assert client.get("/profile").status_code == 200


def test_sign_out_without_csrf_token_is_refused(client, member):
    sign_in(client, "ana@example.org")
    assert client.post("/sign-out").status_code == 400
    assert client.get("/profile").status_code == 200


def test_session_used_from_another_address_is_signed_out(client, member):
    sign_in(client, "ana@example.org")
    response = client.get("/profile", environ_base={"REMOTE_ADDR": "192.0.2.7"})
    assert response.status_code == 302


def test_keep_me_signed_in_sets_an_http_only_same_site_cookie(client, member):
    response = sign_in(client, "ana@example.org", remember="yes")
    cookie = next(h for h in response.headers.getlist("Set-Cookie") if "remember_token" in h)
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_without_keep_me_signed_in_no_remember_cookie_is_set(client, member):
    response = sign_in(client, "ana@example.org")
    assert not any("remember_token" in h for h in response.headers.getlist("Set-Cookie"))


def test_navigation_offers_sign_in_to_visitors(client):
    body = page_text(client.get("/rubrics"))
    assert 'href="/sign-in?next=/rubrics"' in body
    assert "Sign out" not in body


def test_navigation_offers_profile_and_sign_out_when_signed_in(client, member):
    sign_in(client, "ana@example.org")
    body = page_text(client.get("/rubrics"))
    assert 'href="/profile"' in body
    assert '<form class="sign-out" method="post" action="/sign-out">' in body
    assert 'href="/admin/users"' not in body


def test_a_sign_in_attempt_says_how_many_are_left_and_other_pages_say_nothing(client, app):
    limit = sign_in_limit(app)
    first, second = (sign_in(client, "guess@example.org") for _ in range(2))
    assert first.headers["X-RateLimit-Limit"] == str(limit)
    assert int(second.headers["X-RateLimit-Remaining"]) < limit
    for path in ("/", "/nothing-here", "/users/sign-in"):
        names = [name for name, _ in client.get(path).headers]
        assert not any(name.startswith("X-RateLimit") for name in names)
