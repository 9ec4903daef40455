"""A cheap key for a kept scorecard: a hash of everything that can change what it shows.

A published assessment's answers and rubric never change, so its scorecard can only change
through its status (withdrawal), replies from the process (and their authors' names), the set
of published assessments it is consolidated with, its header (the process as described in the
version of its record it was published against, the fields of that record changed since,
which a note names, and the assessor's display name), the rubric's translations, the scoring
method, the layout, the site's address in its links and the language it is rendered in (the
last three are the context a key is taken in). One query reads all of them, with what the access
check and the file name need besides; beside them, the same query can read the newest kept
page or PDF of the scorecard rendered in the same context, so that one query serves it when
its key is still the current one.
"""

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import reduce

from sqlalchemy import (
    ColumnElement,
    Row,
    Select,
    String,
    and_,
    bindparam,
    case,
    cast,
    func,
    literal,
    select,
)
from sqlalchemy.orm import Session, aliased

from assessor.assessments.models import PUBLIC_STATUSES, Assessment, AssessmentStatus, ProcessReply
from assessor.processes.models import DESCRIBED_FIELDS, Process, ProcessVersion
from assessor.rubrics.models import RubricVersion
from assessor.scoring import METHOD_VERSION
from assessor.users.models import User


@dataclass(frozen=True, slots=True)
class ScorecardState:
    """What a scorecard's key is made of, and what serving it needs without loading it."""

    assessment_id: int
    status: str
    assessor_id: int
    process_name: str
    published_at: datetime | None
    parts: tuple[str, ...]

    def key(self, *context: str) -> str:
        """The hash of this state in ``context`` (the layout's version, the site, a language)."""
        text = json.dumps([METHOD_VERSION, *context, *self.parts])
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _joined(parts: Select) -> Select:
    """The one-column rows of ``parts`` joined by commas, in their order.

    Both engines aggregate a derived table's rows in its order. Were one not to, a key would
    change and the scorecard be rendered again: a wasted render, never a stale one.
    """
    rows = parts.subquery()
    return select(func.aggregate_strings(rows.c.part, ",")).scalar_subquery()


def _id_text(column) -> ColumnElement[str]:
    return cast(column, String)


def _replies() -> Select:
    """Each reply's id and its author's current name: both show under the reply."""
    return _joined(
        select(
            (_id_text(ProcessReply.id) + ":" + func.coalesce(User.display_name, "")).label("part")
        )
        .outerjoin(User, User.id == ProcessReply.author_id)
        .where(ProcessReply.assessment_id == bindparam("assessment_id"))
        .order_by(ProcessReply.id)
    )


def _consolidated_with(shown: type[Assessment]) -> Select:
    """The current published assessments of the process on the rubric version, and versions."""
    other, newer = aliased(Assessment), aliased(Assessment)
    superseded = (
        select(newer.id)
        .where(newer.revises_id == other.id, newer.status == AssessmentStatus.PUBLISHED)
        .exists()
    )
    same = select(shown.process_id, shown.rubric_version_id).where(
        shown.id == bindparam("assessment_id")
    )
    return _joined(
        select((_id_text(other.id) + ":" + _id_text(other.row_version)).label("part"))
        .where(
            other.process_id == same.with_only_columns(shown.process_id).scalar_subquery(),
            other.rubric_version_id
            == same.with_only_columns(shown.rubric_version_id).scalar_subquery(),
            other.status == AssessmentStatus.PUBLISHED,
            ~superseded,
        )
        .order_by(other.id)
    )


def _process_as_published() -> ColumnElement[str]:
    """The version of the process's record the scorecard was published against (0 before it
    is published), and the described fields whose current value differs from that version's,
    each followed by a comma: what the scorecard's note names."""
    changed = [
        case(
            (getattr(ProcessVersion, field).is_distinct_from(getattr(Process, field)), field + ","),
            else_="",
        )
        for field in DESCRIBED_FIELDS
    ]
    version = _id_text(func.coalesce(ProcessVersion.id, 0))
    return reduce(ColumnElement.concat, [literal("process:"), version, literal(":"), *changed])


# The scorecard's own assessment in the state statement, to which kept rows are joined.
_SHOWN = aliased(Assessment)


def _state_statement() -> Select:
    shown = _SHOWN
    return (
        select(
            shown.id,
            shown.status,
            shown.assessor_id,
            shown.row_version,
            shown.published_at,
            # As published; a draft, not kept, shows the process as it is now.
            func.coalesce(ProcessVersion.name, Process.name),
            _process_as_published(),
            RubricVersion.content_hash,
            RubricVersion.translations_hash,
            User.display_name,
            literal("replies:").concat(func.coalesce(_replies(), "")),
            literal("with:").concat(func.coalesce(_consolidated_with(aliased(Assessment)), "")),
        )
        .join(Process, Process.id == shown.process_id)
        .outerjoin(ProcessVersion, ProcessVersion.id == shown.process_version_id)
        .join(RubricVersion, RubricVersion.id == shown.rubric_version_id)
        .join(User, User.id == shown.assessor_id)
        .where(shown.id == bindparam("assessment_id"))
    )


# Built once: constructing the statement on every download costs more than running it.
_STATE = _state_statement()
_STATE_WIDTH = len(_STATE.selected_columns)


def with_newest_kept(kept: type, *columns: ColumnElement) -> Select:
    """The state statement with the key and ``columns`` of the newest row of ``kept`` (a kept
    page or PDF model) rendered in the context given as bind parameters, one per
    ``kept.rendering_columns``; None in each where there is none."""
    rendered_for = [getattr(kept, name) == bindparam(name) for name in kept.rendering_columns]
    return (
        _STATE.outerjoin(kept, and_(kept.assessment_id == _SHOWN.id, *rendered_for))
        .add_columns(kept.content_hash, *columns)
        .order_by(kept.id.desc())
        .limit(1)
    )


def _state(row: Row) -> ScorecardState:
    assessment_id, status, assessor_id, row_version, published_at, process_name, *rest = row
    parts = (f"{assessment_id}:{status}:{row_version}", process_name, *map(str, rest))
    return ScorecardState(assessment_id, status, assessor_id, process_name, published_at, parts)


def _first_row(session: Session, statement: Select, parameters: dict[str, object]) -> Row | None:
    """The first row of ``statement``, read past the ORM; on PostgreSQL on a connection of its
    own in autocommit mode, outside the session's transaction.

    Every kept page and PDF is served by such a query. psycopg forgets its prepared statements
    at each rollback, which ends every request's transaction; read without a transaction, the
    query stays prepared on its connection, and PostgreSQL plans it once per connection where
    it took longer to plan than to run. SQLite plans it in microseconds: there the session's
    own connection is cheaper than a second one.
    """
    engine = session.get_bind()
    if engine.dialect.name != "postgresql":
        return session.connection().execute(statement, parameters).first()
    with engine.connect() as connection:
        autocommit = connection.execution_options(isolation_level="AUTOCOMMIT")
        return autocommit.execute(statement, parameters).first()


def scorecard_state(session: Session, assessment_id: int) -> ScorecardState | None:
    """The state of an assessment's scorecard in one query; None if there is no such assessment."""
    row = _first_row(session, _STATE, {"assessment_id": assessment_id})
    return None if row is None else _state(row)


def state_and_current_kept(
    session: Session,
    statement: Select,
    assessment_id: int,
    rendering: dict[str, object],
    key_of: Callable[[ScorecardState], str],
) -> tuple[ScorecardState | None, tuple | None]:
    """The state of a scorecard and, where the newest row that ``statement`` (from
    with_newest_kept) reads beside it for ``rendering`` is kept under the state's current key
    (``key_of``), that row's other columns: a kept page or PDF served in one query."""
    found = _first_row(session, statement, {"assessment_id": assessment_id, **rendering})
    if found is None:
        return None, None
    state = _state(found[:_STATE_WIDTH])
    key, *kept = found[_STATE_WIDTH:]
    if state.status not in PUBLIC_STATUSES or key != key_of(state):
        return state, None
    return state, tuple(kept)
