"""Sessions kept on the server (Flask-Session): in Redis with REDIS_URL, else in the database.

The browser's session cookie holds only a random id, so the server alone says what a session
holds, and a session it has deleted is gone for every copy of the cookie. Anonymous readers
get no session: one is stored, and its cookie set, only once something is put in it.

Flask-Session's own SQLAlchemy store creates its table when the app starts and commits the
request's database session when it saves; this store reads and writes a table that a
migration creates, in transactions of its own, so that saving a session never commits, nor
waits on, what a view left unfinished.
"""

import hashlib
from datetime import datetime, timedelta

from flask import Flask, current_app, request, session
from flask_login.config import COOKIE_NAME
from flask_session.base import ServerSideSession, ServerSideSessionInterface
from flask_session.redis import RedisSessionInterface
from redis import Redis
from sqlalchemy import LargeBinary, String, delete, insert, select, update
from sqlalchemy.orm import Mapped, mapped_column

from assessor.db import Base, UTCDateTime, db, utcnow


class StoredSession(Base):
    """One browser's session: what it holds, serialised, until it expires."""

    __tablename__ = "sessions"
    changes_public_pages = False

    # A digest of the id the cookie holds: the table alone does not let anyone take a session.
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)


def _row_id(store_id: str) -> str:
    return hashlib.sha256(store_id.encode()).hexdigest()


class DatabaseSessionInterface(ServerSideSessionInterface):
    """Flask-Session's server-side sessions, stored in the ``sessions`` table."""

    # Flask-Session adds a cleanup command for stores without expiry of their own; expired rows
    # are never read here, and `flask sessions prune` deletes them.
    ttl = True

    def _retrieve_session_data(self, store_id: str) -> dict | None:
        statement = select(StoredSession.data).where(
            StoredSession.id == _row_id(store_id), StoredSession.expires_at > utcnow()
        )
        with db.engine.connect() as connection:
            data = connection.scalar(statement)
        return None if data is None else self.serializer.decode(data)

    def _delete_session(self, store_id: str) -> None:
        with db.engine.begin() as connection:
            connection.execute(delete(StoredSession).where(StoredSession.id == _row_id(store_id)))

    def _upsert_session(
        self, session_lifetime: timedelta, session: ServerSideSession, store_id: str
    ) -> None:
        row_id = _row_id(store_id)
        values = {
            "data": self.serializer.encode(session),
            "expires_at": utcnow() + session_lifetime,
        }
        with db.engine.begin() as connection:
            updated = connection.execute(
                update(StoredSession).where(StoredSession.id == row_id).values(**values)
            )
            if not updated.rowcount:
                connection.execute(insert(StoredSession).values(id=row_id, **values))


def may_be_signed_in() -> bool:
    """Whether this browser could be signed in: it sent a session that holds something, or a
    "keep me signed in" cookie. Anyone else is an anonymous reader, with nothing to load."""
    remember_cookie = current_app.config.get("REMEMBER_COOKIE_NAME", COOKIE_NAME)
    return bool(session) or remember_cookie in request.cookies


def keeps_sessions_in_database(app: Flask) -> bool:
    return isinstance(app.session_interface, DatabaseSessionInterface)


def register_sessions(app: Flask) -> None:
    """Keep sessions in Redis when REDIS_URL is set, else in the database.

    Sessions end with the browser (not permanent): "keep me signed in" is the remember-me
    cookie's work. Stored sessions expire PERMANENT_SESSION_LIFETIME after their last change.
    """
    options = {"key_prefix": app.config["SESSION_KEY_PREFIX"], "permanent": False}
    if app.config["REDIS_URL"]:
        client = Redis.from_url(app.config["REDIS_URL"])
        app.session_interface = RedisSessionInterface(app, client=client, **options)
    else:
        app.session_interface = DatabaseSessionInterface(app, **options)


def prune_expired_sessions() -> int:
    """Delete the stored sessions past their expiry; how many went."""
    expired = delete(StoredSession).where(StoredSession.expires_at <= utcnow())
    with db.engine.begin() as connection:
        return connection.execute(expired).rowcount
