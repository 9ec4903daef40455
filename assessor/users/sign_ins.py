"""Sign-ins: the record of each browser signed in, which its session and remember-me cookie name.

A browser's session and remember-me cookie hold the key of its sign-in, never the user's id:
once the sign-in is ended, every copy of either cookie names nothing and signs no one in.
Signing out ends the browser's own sign-in; a new password or a deactivated account ends every
sign-in of the account. API tokens are not sign-ins: they last until revoked.
"""

import hashlib
import secrets

from flask import current_app
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from assessor.db import db, utcnow
from assessor.users.models import SignIn, User


def _digest(key: str) -> str:
    # Keys carry 256 random bits, so a fast hash is enough: no dictionary can guess them.
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def begin_sign_in(session: Session, user: User, *, remembered: bool) -> str:
    """Record a new sign-in of ``user``; its key, for the browser's session and cookie.

    It lasts as long as a remember-me cookie when remembered, else as long as a session may.
    """
    setting = "REMEMBER_COOKIE_DURATION" if remembered else "PERMANENT_SESSION_LIFETIME"
    key = secrets.token_urlsafe(32)
    now = utcnow()
    session.add(
        SignIn(
            user=user,
            key_hash=_digest(key),
            remembered=remembered,
            created_at=now,
            expires_at=now + current_app.config[setting],
        )
    )
    session.flush()
    return key


def user_signed_in_with(session: Session, key: str) -> User | None:
    """The active user of the live sign-in with this key, or None."""
    statement = (
        select(User)
        .join(SignIn)
        .where(SignIn.key_hash == _digest(key), SignIn.expires_at > utcnow(), User.active)
    )
    return session.scalars(statement).one_or_none()


def load_user(key: str) -> User | None:
    """Flask-Login's user loader: what a session or a remember-me cookie holds is a key."""
    return user_signed_in_with(db.session, key)


def end_sign_in(session: Session, key: str) -> None:
    """Sign out the browser holding this key, and every copy of its cookies."""
    session.execute(delete(SignIn).where(SignIn.key_hash == _digest(key)))


def end_sign_ins(session: Session, user: User) -> None:
    """Sign out every browser signed in to this account."""
    session.execute(delete(SignIn).where(SignIn.user_id == user.id))


def prune_sign_ins(session: Session) -> int:
    """Delete the sign-ins past their expiry; how many went."""
    return session.execute(delete(SignIn).where(SignIn.expires_at <= utcnow())).rowcount
