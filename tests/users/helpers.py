"""Account-page test helpers: users stored apart from requests, forms posted with CSRF.

The ``session`` fixture keeps an app context open, and requests made inside it share its
``g``, where Flask-Login caches the signed-in user. These helpers store and read data in
short app contexts of their own, so every request loads its user afresh, as in production.
"""

import re

from assessor.db import db
from assessor.users.models import User
from tests.factories import TEST_PASSWORD, stored_user

CSRF_INPUT = re.compile(r'name="csrf_token" value="([^"]+)"')


def add_user(app, email: str, roles: list[str], group: str | None = "civil_society") -> int:
    """Store a user with the password ``TEST_PASSWORD``; its id."""
    with app.app_context():
        user = stored_user(db.session, email, roles, group)
        db.session.commit()
        return user.id


def user_facts(app, user_id: int) -> dict:
    """What is stored about a user now, read in a fresh session."""
    with app.app_context():
        user = db.session.get(User, user_id)
        return {
            "email": user.email,
            "display_name": user.display_name,
            "stakeholder_group": user.stakeholder_group,
            "roles": user.roles,
            "active": user.active,
            "password_hash": user.password_hash,
        }


# What a browser says of a post sent by one of the site's own pages: a visitor without a
# session posts with no token, and is believed only with this (see assessor/security.py).
FROM_THE_SITE = {"Sec-Fetch-Site": "same-origin"}


def csrf_token(client, page: str = "/sign-in") -> str | None:
    """The CSRF token of the client's session, read from the hidden input of a form page;
    None without a session, whose pages carry none."""
    match = CSRF_INPUT.search(client.get(page).get_data(as_text=True))
    return match.group(1) if match else None


def post_form(client, path: str, data: dict | None = None, **kwargs):
    """Post a form as the page's own form would: from the site, with the session's CSRF
    token when there is a session."""
    token = csrf_token(client)
    fields = {**(data or {}), **({"csrf_token": token} if token else {})}
    headers = {**FROM_THE_SITE, **kwargs.pop("headers", {})}
    return client.post(path, data=fields, headers=headers, **kwargs)


def sign_in(client, email: str, password: str = TEST_PASSWORD, **fields):
    return post_form(client, "/sign-in", {"email": email, "password": password, **fields})


def page_text(response) -> str:
    return response.get_data(as_text=True)
