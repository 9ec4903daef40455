"""Helpers for page tests: signing in through the real form, reading CSRF tokens."""

import re

from tests.factories import TEST_PASSWORD
from tests.users.helpers import FROM_THE_SITE

CSRF_INPUT = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_token(client, path: str) -> str | None:
    """The token of the client's session on the page at ``path``; None without a session."""
    match = CSRF_INPUT.search(client.get(path).get_data(as_text=True))
    return match[1] if match else None


def sign_in(client, email: str) -> None:
    """Sign in as ``email`` (a user made by tests.factories.stored_user), from the site's own
    sign-in page: with the session's token when the browser already has a session."""
    token = csrf_token(client, "/sign-in")
    fields = {"email": email, "password": TEST_PASSWORD, **({"csrf_token": token} if token else {})}
    response = client.post("/sign-in", data=fields, headers=FROM_THE_SITE)
    assert response.status_code == 302, response.get_data(as_text=True)
