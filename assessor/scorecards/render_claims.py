"""Renders in progress, recorded so that a kept page or PDF is rendered once however many ask.

A worker (a request, a job) about to render a page or PDF to keep first claims its key: a row
inserted in a transaction of its own, committed at once so that every app process and worker
sees it. The transaction that stores the render deletes the row, so that whoever polls sees
the claim end and the render appear together. Meanwhile a request that needs the same key
waits for it, and a job moves on to its next key. A claim older than CLAIM_EXPIRY is taken
to be a dead worker's (killed mid-render): the next worker to ask takes it over and renders;
and no request waits longer than that, whatever the claim's date.

Claims are written beside the caller's transaction, never in it: the caller must hold no
uncommitted write, which on SQLite would lock the claim out.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from time import monotonic, sleep
from typing import TypeVar

from sqlalchemy import Insert, delete
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from assessor.db import utcnow
from assessor.scorecards.models import RenderClaim

# Longer than a cold PDF takes (3 to 8 s) and, with the render that follows, shorter than
# gunicorn's timeout (60 s in the README): a reader waits at most this long for a dead worker.
CLAIM_EXPIRY = timedelta(seconds=20)
POLL_SECONDS = 0.1

Kept = TypeVar("Kept")
ReadKept = Callable[[Session, str], Kept | None]


def _claim_statement(dialect: str, key: str) -> Insert:
    """Insert the claim or, where a claim has expired, take it over; one row changed either
    way, none where a live claim holds the key. Both engines write it the same way."""
    now = utcnow()
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    return (
        insert(RenderClaim)
        .values(content_hash=key, claimed_at=now)
        .on_conflict_do_update(
            index_elements=[RenderClaim.content_hash],
            set_={"claimed_at": now},
            where=RenderClaim.claimed_at < now - CLAIM_EXPIRY,
        )
        # psycopg's count of rows is gone once an INSERT's cursor closes, unless kept.
        .execution_options(preserve_rowcount=True)
    )


def _claim(session: Session, key: str) -> bool:
    engine = session.get_bind()
    with engine.begin() as connection:
        return connection.execute(_claim_statement(engine.dialect.name, key)).rowcount == 1


def release(session: Session, key: str) -> None:
    """Give up the claim on ``key`` at once, in a transaction of its own."""
    with session.get_bind().begin() as connection:
        connection.execute(delete(RenderClaim).where(RenderClaim.content_hash == key))


def end_claim(session: Session, key: str) -> None:
    """Delete the claim on ``key`` in the caller's transaction, the one that stores the render."""
    session.execute(delete(RenderClaim).where(RenderClaim.content_hash == key))


def claimed(session: Session, key: str, read_kept: ReadKept[Kept]) -> bool:
    """Whether this worker now holds the claim on ``key``, which nothing keeps yet; False
    where another worker holds it or has just kept its render."""
    if not _claim(session, key):
        return False
    # Kept, and the claim ended, between the caller's read and the claim.
    if read_kept(session, key) is None:
        return True
    release(session, key)
    return False


def kept_or_claimed(session: Session, key: str, read_kept: ReadKept[Kept]) -> Kept | None:
    """What is kept under ``key``, waiting while another worker renders it; None once this
    worker holds the claim, or has waited CLAIM_EXPIRY, and must render it itself."""
    # Claims are dated by their worker's clock: one running ahead of this one's would keep its
    # claims from expiring here, were the wait not bounded by this clock too.
    give_up_at = monotonic() + CLAIM_EXPIRY.total_seconds()
    while (kept := read_kept(session, key)) is None:
        if claimed(session, key, read_kept) or monotonic() > give_up_at:
            return None
        sleep(POLL_SECONDS)
    return kept


def prune_expired_claims(session: Session) -> int:
    """Delete the claims of workers that died mid-render (older than CLAIM_EXPIRY), which
    nobody ends; the caller commits. How many went."""
    statement = delete(RenderClaim).where(RenderClaim.claimed_at < utcnow() - CLAIM_EXPIRY)
    return session.execute(statement).rowcount


@contextmanager
def released_if_failed(session: Session, key: str) -> Iterator[None]:
    """Release the claim on ``key`` should the render fail, so that nobody waits for it."""
    try:
        yield
    except Exception:
        release(session, key)
        raise
