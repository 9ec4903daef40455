"""Describing governance processes and finding them again."""

from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, func, literal, or_, select
from sqlalchemy.orm import Session

from assessor import audit
from assessor.exceptions import Conflict, InvalidInput, NotVisible
from assessor.languages.messages import N_
from assessor.processes.access import require_may_edit, require_process_editor
from assessor.processes.models import Process, ProcessVersion
from assessor.processes.schemas import ProcessLinkSchema, ProcessRecordSchema
from assessor.processes.versions import record_version
from assessor.users.models import User

# What telling two names apart ignores, besides letter case: spaces of every kind.
SPACES = (" ", "\t", "\n", "\r", "\N{NO-BREAK SPACE}")


class RecordChanged(Conflict):
    """The process's record was changed since the version an edit was based on."""

    def __init__(self, newest: int) -> None:
        super().__init__(
            N_(
                "Someone changed this process's record since you opened it: it is now at "
                "version %(version)s. Compare, then save again to replace it.",
                version=newest,
            )
        )
        self.newest = newest


class PossibleDuplicate(Conflict):
    """A process with the same name and convening organization is already described."""

    def __init__(self, processes: list[Process]) -> None:
        super().__init__(
            N_(
                "A process with this name and convening organization is already described; "
                "send confirm_duplicate: true to describe another."
            ),
            duplicates=ProcessLinkSchema(many=True).dump(processes),
        )
        self.processes = processes


def get_process(session: Session, process_id: int) -> Process:
    """The process with this id; processes are public, so only unknown ids are refused."""
    process = session.get(Process, process_id)
    if process is None:
        raise NotVisible(N_("There is no process %(id)s.", id=process_id))
    return process


def search_processes(
    *,
    text: str | None = None,
    scope: str | None = None,
    layer: str | None = None,
    organization: str | None = None,
) -> Select:
    """Processes matching every filter given, in a total order so that pages are stable.

    Names sort case-insensitively, so SQLite and PostgreSQL agree whatever their collation.
    """
    statement = select(Process).order_by(func.lower(Process.name), Process.id)
    if text:
        # lower() on both sides instead of ILIKE, which SQLite lacks; autoescape makes
        # % and _ in the text literal.
        needle = text.lower()
        columns = (Process.name, Process.convening_organization, Process.description)
        statement = statement.where(
            or_(*(func.lower(column).contains(needle, autoescape=True) for column in columns))
        )
    if scope:
        statement = statement.where(Process.scope == scope)
    if layer:
        statement = statement.where(Process.layer == layer)
    if organization:
        statement = statement.where(
            func.lower(Process.convening_organization) == organization.lower()
        )
    return statement


def _compared(text: ColumnElement[str]) -> ColumnElement[str]:
    """Text as names are compared: without spaces, in lower case (the database's lower(), on
    both sides, so that the same name always matches itself)."""
    for space in SPACES:
        text = func.replace(text, space, "")
    return func.lower(text)


def same_processes(session: Session, name: str, convening_organization: str) -> list[Process]:
    """The processes already described with this name and convening organization, ignoring
    letter case and spaces."""
    statement = (
        select(Process)
        .where(
            _compared(Process.name) == _compared(literal(name)),
            _compared(Process.convening_organization) == _compared(literal(convening_organization)),
        )
        .order_by(Process.id)
    )
    return list(session.scalars(statement))


def _check_dates(starts_on: date | None, ends_on: date | None) -> None:
    if starts_on is not None and ends_on is not None and ends_on < starts_on:
        message = N_("must be on or after starts_on (%(date)s)", date=starts_on.isoformat())
        raise InvalidInput({"ends_on": [message]})


def create_process(
    session: Session, creator: User, values: dict[str, Any], *, confirm_duplicate: bool = False
) -> Process:
    """Add a process described by ``creator``, its record's first version, and record who
    described it.

    One already described under the same name and convening organization is refused unless
    ``confirm_duplicate`` says that this is another.
    """
    require_process_editor(creator)
    _check_dates(values.get("starts_on"), values.get("ends_on"))
    if not confirm_duplicate:
        existing = same_processes(session, values["name"], values["convening_organization"])
        if existing:
            raise PossibleDuplicate(existing)
    process = Process(**values, created_by_id=creator.id)
    session.add(process)
    session.flush()
    record_version(session, process, creator)
    audit.record(
        session,
        actor_id=creator.id,
        action="process.created",
        subject_type="process",
        subject_id=process.id,
        after=ProcessRecordSchema().dump(process),
    )
    return process


def _require_newest(session: Session, process: Process, based_on: int) -> None:
    """Refuse an edit based on an older version of the record than the newest.

    The edited row is written first: the write waits for any other edit of the process to
    end, so the version read next includes it.
    """
    session.flush()
    newest = session.scalar(
        select(func.max(ProcessVersion.number)).where(ProcessVersion.process_id == process.id)
    )
    if newest is not None and newest != based_on:
        raise RecordChanged(newest)


def update_process(
    session: Session,
    editor: User,
    process: Process,
    changes: dict[str, Any],
    *,
    based_on: int | None = None,
) -> Process:
    """Apply ``changes`` and record the fields that changed, before and after; a change adds
    a version of the record, so that scorecards published before keep the one they were
    published against.

    ``based_on``, the record's version the editor saw, must still be the newest when this
    changes anything: a change made meanwhile is refused (RecordChanged), never overwritten.
    """
    require_may_edit(session, editor, process)
    _check_dates(
        changes.get("starts_on", process.starts_on), changes.get("ends_on", process.ends_on)
    )
    before = ProcessRecordSchema().dump(process)
    for field, value in changes.items():
        setattr(process, field, value)
    after = ProcessRecordSchema().dump(process)
    changed = [field for field in after if after[field] != before[field]]
    if changed and based_on is not None:
        _require_newest(session, process, based_on)
    if changed:
        record_version(session, process, editor)
        audit.record(
            session,
            actor_id=editor.id,
            action="process.updated",
            subject_type="process",
            subject_id=process.id,
            before={field: before[field] for field in changed},
            after={field: after[field] for field in changed},
        )
    session.flush()
    return process
