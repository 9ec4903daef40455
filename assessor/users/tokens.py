"""Personal API tokens: created and shown once, stored as a hash, revoked by their owner."""

import hashlib
import secrets
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from assessor.db import utcnow
from assessor.exceptions import NotVisible
from assessor.users.models import ApiToken, User

TOKEN_PREFIX = "asr_"
# Recording every use would add a write to every API call; once a minute is enough to audit.
LAST_USED_PRECISION = timedelta(minutes=1)


def _digest(token: str) -> str:
    # Tokens carry 256 random bits, so a fast hash is enough: no dictionary can guess them.
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_token(session: Session, user: User, name: str) -> tuple[ApiToken, str]:
    """A new token for ``user``: the stored record and the token text, never stored."""
    plaintext = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(user=user, name=name, token_hash=_digest(plaintext))
    session.add(token)
    session.flush()
    return token, plaintext


def user_for_token(session: Session, plaintext: str) -> User | None:
    """The active user a live token belongs to, or None."""
    token = session.scalars(
        select(ApiToken).where(ApiToken.token_hash == _digest(plaintext))
    ).one_or_none()
    if token is None or token.revoked_at is not None or not token.user.active:
        return None
    now = utcnow()
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_PRECISION:
        token.last_used_at = now
    return token.user


def list_tokens(session: Session, user: User) -> list[ApiToken]:
    """The user's live tokens, newest first."""
    statement = (
        select(ApiToken)
        .where(ApiToken.user_id == user.id, ApiToken.revoked_at.is_(None))
        .order_by(ApiToken.created_at.desc(), ApiToken.id.desc())
    )
    return list(session.scalars(statement))


def revoke_token(session: Session, user: User, token_id: int) -> ApiToken:
    """Revoke one of the user's own tokens; anyone else's is invisible to them."""
    token = session.get(ApiToken, token_id)
    if token is None or token.user_id != user.id or token.revoked_at is not None:
        raise NotVisible()
    token.revoked_at = utcnow()
    return token
