"""Who is calling the API: a bearer token, or the browser's signed-in session with CSRF."""

from flask import g, request

from assessor.db import db
from assessor.exceptions import NotAuthenticated
from assessor.extensions import csrf
from assessor.security import SAFE_METHODS
from assessor.users.current import signed_in_user
from assessor.users.models import User
from assessor.users.tokens import user_for_token


def identify_caller() -> None:
    """Set ``g.user`` for this request: token users ignore cookies; sessions need CSRF."""
    header = request.headers.get("Authorization", "")
    if header:
        scheme, _, token = header.partition(" ")
        user = user_for_token(db.session, token.strip()) if scheme.lower() == "bearer" else None
        if user is None:
            raise NotAuthenticated("The token is missing, unknown or revoked.")
        db.session.commit()  # keeps last_used_at
        g.user = user
        return
    g.user = signed_in_user()
    if g.user is not None and request.method not in SAFE_METHODS:
        csrf.protect()


def caller() -> User | None:
    """The user making this API call, or None for an anonymous caller."""
    return g.get("user")


def signed_in_caller() -> User:
    """The calling user; anonymous callers are told to authenticate."""
    user = caller()
    if user is None:
        raise NotAuthenticated("Send a token as 'Authorization: Bearer <token>'.")
    return user
