"""Helpers for page tests: signing in through the real form, reading CSRF tokens."""

import re

from tests.factories import TEST_PASSWORD

CSRF_INPUT = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_token(client, path: str) -> str:
    page = client.get(path).get_data(as_text=True)
    match = CSRF_INPUT.search(page)
    assert match, f"no CSRF token on {path}"
    return match[1]


def sign_in(client, email: str) -> None:
    """Sign in as ``email`` (a user made by tests.factories.stored_user)."""
    token = csrf_token(client, "/sign-in")
    response = client.post(
        "/sign-in", data={"csrf_token": token, "email": email, "password": TEST_PASSWORD}
    )
    assert response.status_code == 302, response.get_data(as_text=True)
