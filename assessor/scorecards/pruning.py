"""Kept scorecard pages and PDFs bounded: the newest of each assessment per rendering.

A kept page or PDF is only ever served under its key, which hashes the scorecard's state and
its rendering. Once the state changes (a reply, a withdrawal, another assessment published,
a renamed process, a new layout) the key changes, and the row of the old state is never
served again. So removing a row can cost a later render, never serve stale content: what is
served always carries the current key, and a key with no row is rendered anew.
"""

from dataclasses import dataclass

from sqlalchemy import ColumnElement, LargeBinary, and_, cast, delete, func, or_, select
from sqlalchemy.orm import Session, aliased

from assessor.assessments.models import Assessment
from assessor.scorecards.models import KEPT_STATUSES, ScorecardPage, ScorecardPdf

KeptRow = ScorecardPage | ScorecardPdf


@dataclass(frozen=True, slots=True)
class Rendering:
    """What a page or PDF is rendered for besides the scorecard: its language and the site's
    root, which its links start with."""

    language: str
    site: str


@dataclass(frozen=True, slots=True)
class Removed:
    """How many kept rows a pruning removed, and their size in bytes."""

    rows: int
    byte_size: int


def _unrecorded(model: type[KeptRow]) -> ColumnElement[bool]:
    """Rows kept before their rendering was recorded."""
    return or_(*(getattr(model, name).is_(None) for name in model.rendering_columns))


def _same_rendering(model: type[KeptRow], other: object) -> ColumnElement[bool]:
    """Rows of ``model`` rendered as ``other`` (a row, or an alias of the table) was."""
    return and_(*(getattr(model, name) == getattr(other, name) for name in model.rendering_columns))


def drop_replaced(session: Session, kept: KeptRow) -> None:
    """Delete the assessment's other rows kept for the same rendering as the flushed ``kept``,
    and its rows whose rendering is not recorded; committing is left to the caller.

    Rows another transaction holds are skipped rather than waited for, so that two processes
    storing at once never wait on, or deadlock, each other; a row one leaves behind goes with
    the assessment's next store or with ``flask scorecards prune``.
    """
    model = type(kept)
    other = aliased(model)
    replaced = (
        select(other.id)
        .where(
            other.assessment_id == kept.assessment_id,
            other.id != kept.id,
            or_(_same_rendering(other, kept), _unrecorded(other)),
        )
        .with_for_update(skip_locked=True)
    )
    statement = delete(model).where(model.id.in_(replaced))
    session.execute(statement, execution_options={"synchronize_session": False})


def _stale(model: type[KeptRow]) -> ColumnElement[bool]:
    """Rows no request reads again: a newer one of the assessment has the same rendering, the
    rendering is not recorded, or the assessment is no longer published or withdrawn."""
    newer = aliased(model)
    superseded = (
        select(newer.id)
        .where(
            newer.assessment_id == model.assessment_id,
            newer.id > model.id,
            _same_rendering(newer, model),
        )
        .exists()
    )
    kept = (
        select(Assessment.id)
        .where(Assessment.id == model.assessment_id, Assessment.status.in_(KEPT_STATUSES))
        .exists()
    )
    return or_(superseded, _unrecorded(model), ~kept)


def _text_bytes(session: Session, column: ColumnElement[str]) -> ColumnElement[int]:
    """The size of a text column in bytes; SQLite before 3.43 has no octet_length, but
    counts the bytes of a blob."""
    if session.get_bind().dialect.name == "sqlite":
        return func.length(cast(column, LargeBinary))
    return func.octet_length(column)


def _removed(session: Session, model: type[KeptRow], size: ColumnElement[int]) -> Removed:
    statement = delete(model).where(_stale(model)).returning(size)
    sizes = session.scalars(statement, execution_options={"synchronize_session": False}).all()
    return Removed(rows=len(sizes), byte_size=sum(sizes))


def prune_kept(session: Session) -> dict[str, Removed]:
    """Remove every kept page and PDF that no request reads again (the caller commits); what
    was removed, by kind. Running it again removes nothing more."""
    return {
        "pages": _removed(
            session,
            ScorecardPage,
            _text_bytes(session, ScorecardPage.title) + _text_bytes(session, ScorecardPage.html),
        ),
        "PDFs": _removed(session, ScorecardPdf, ScorecardPdf.byte_size),
    }
