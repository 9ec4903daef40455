"""The site's edition: one number, raised by every commit that changes what anyone may read.

Public pages are kept whole for anonymous readers (public_pages.py) under the edition they
were rendered in, so that reading one needs no query at all. Any transaction that adds,
changes or deletes a record which a public page may show raises the number as it commits;
records that no public page shows (sessions, audit events, kept renderings, a draft's
answers) say so with ``changes_public_pages = False``, or a method deciding per record.
A new kind of record therefore raises it unless it says otherwise: a page rendered again for
nothing, never a stale one.

Each app process reads the number again at most every EDITION_RECHECK_SECONDS (a commit in
this process makes it read at once), so another process's change shows within that time.
"""

from dataclasses import dataclass
from time import monotonic
from weakref import WeakSet

from flask import Flask, current_app
from sqlalchemy import Integer, event, insert, select, update
from sqlalchemy.orm import Mapped, ORMExecuteState, Session, mapped_column

from assessor.db import Base, db

# Marks on a session's info: it changed a public record; it raised the number in this commit.
PUBLIC_CHANGE = "edition: public change"
RAISED = "edition: raised"


class SiteEdition(Base):
    """The one row holding the edition's number."""

    __tablename__ = "site_edition"
    changes_public_pages = False

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[int] = mapped_column(Integer)


def changes_public_pages(record: object) -> bool:
    """Whether adding, changing or deleting ``record`` may change a public page."""
    rule = getattr(record, "changes_public_pages", True)
    return rule() if callable(rule) else rule


@event.listens_for(Session, "after_flush")
def note_public_changes(session: Session, flush_context) -> None:
    if session.info.get(PUBLIC_CHANGE):
        return
    changed = (*session.new, *session.deleted, *session.dirty)
    if any(changes_public_pages(record) for record in changed):
        session.info[PUBLIC_CHANGE] = True


@event.listens_for(Session, "do_orm_execute")
def note_public_statements(state: ORMExecuteState) -> None:
    """An UPDATE, DELETE or INSERT statement run through the session, past the unit of work:
    a public change unless it names a kind of record that says otherwise."""
    if not (state.is_update or state.is_delete or state.is_insert):
        return
    mapper = state.bind_mapper
    # A kind whose rule decides per record cannot say here which records a statement touches.
    if mapper is None or getattr(mapper.class_, "changes_public_pages", True) is not False:
        state.session.info[PUBLIC_CHANGE] = True


@event.listens_for(Session, "before_commit")
def raise_edition(session: Session) -> None:
    """Raise the number in the committing transaction, at its end: on PostgreSQL its row stays
    locked only while the commit runs."""
    session.flush()
    if session.info.pop(PUBLIC_CHANGE, False):
        raised = session.execute(update(SiteEdition).values(number=SiteEdition.number + 1))
        if not raised.rowcount:
            session.execute(insert(SiteEdition).values(id=1, number=1))
        session.info[RAISED] = True


@event.listens_for(Session, "after_commit")
def forget_read_edition(session: Session) -> None:
    if session.info.pop(RAISED, False):
        for reader in _readers:
            reader.forget()


@event.listens_for(Session, "after_rollback")
def drop_public_changes(session: Session) -> None:
    """The whole transaction is undone (a savepoint's rollback keeps the mark: at worst the
    number is raised for nothing)."""
    session.info.pop(PUBLIC_CHANGE, None)
    session.info.pop(RAISED, None)


def raise_edition_now(session: Session) -> None:
    """For writers that bypass the ORM's unit of work (bulk inserts): their commit raises it."""
    session.info[PUBLIC_CHANGE] = True


@dataclass(eq=False)
class EditionReader:
    """One app's view of the number: read from the database at most every ``recheck`` s."""

    recheck: float
    number: int | None = None
    read_at: float = 0.0

    def current(self) -> int:
        now = monotonic()
        if self.number is None or now - self.read_at >= self.recheck:
            with db.engine.connect() as connection:
                self.number = connection.scalar(select(SiteEdition.number)) or 0
            self.read_at = now
        return self.number

    def forget(self) -> None:
        self.number = None


# Every app's reader in this process: a commit through any session makes them all read again.
_readers: WeakSet[EditionReader] = WeakSet()


def current_edition() -> int:
    return current_app.extensions["edition"].current()


def register_edition(app: Flask) -> None:
    reader = EditionReader(recheck=app.config["EDITION_RECHECK_SECONDS"])
    _readers.add(reader)
    app.extensions["edition"] = reader
