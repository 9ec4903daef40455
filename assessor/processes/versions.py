"""Versions of a process's record: what a published scorecard shows of the process.

A process can be renamed or described anew at any time; a published assessment is a judgement
of the process as it was described when it was published. Each description of a process adds
a version of its record, and publishing names the current one.
"""

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from assessor.processes.models import DESCRIBED_FIELDS, Process, ProcessVersion
from assessor.users.models import User


def record_version(session: Session, process: Process, recorded_by: User | None) -> ProcessVersion:
    """Add a version holding the process's described fields as they are now."""
    newest = session.scalar(
        select(func.max(ProcessVersion.number)).where(ProcessVersion.process_id == process.id)
    )
    version = ProcessVersion(
        process_id=process.id,
        number=(newest or 0) + 1,
        recorded_by_id=recorded_by.id if recorded_by is not None else None,
        **described(process),
    )
    session.add(version)
    session.flush()
    return version


def current_version(session: Session, process: Process) -> ProcessVersion:
    """The version holding the record as it is now, added if the newest one does not (a
    process described before versions were kept, or stored by other means)."""
    newest = session.scalars(
        select(ProcessVersion)
        .where(ProcessVersion.process_id == process.id)
        .order_by(ProcessVersion.number.desc())
        .limit(1)
    ).first()
    if newest is None or changed_fields(newest, process):
        return record_version(session, process, None)
    return newest


def version_numbered(session: Session, process_id: int, number: int) -> ProcessVersion | None:
    """The version ``number`` of the process's record, if there is one."""
    return session.scalars(
        select(ProcessVersion).where(
            ProcessVersion.process_id == process_id, ProcessVersion.number == number
        )
    ).first()


def described(record: Process | ProcessVersion) -> dict[str, Any]:
    """The described fields of a process or of a version of its record."""
    return {field: getattr(record, field) for field in DESCRIBED_FIELDS}


def changed_fields(version: ProcessVersion, later: Process | ProcessVersion) -> list[str]:
    """The described fields whose value in ``later`` (the process as it is now, or a later
    version) differs from the version's, in form order."""
    return [field for field in DESCRIBED_FIELDS if getattr(version, field) != getattr(later, field)]


def shown_record(process: Process, version: ProcessVersion | None) -> dict[str, Any]:
    """The process as an assessment shows it: as published against ``version``, with the
    fields changed since; without a version (not published yet), as it is now."""
    shown = version if version is not None else process
    return {
        "id": process.id,
        "version": version.number if version is not None else None,
        **described(shown),
        "changed_since_publication": [] if version is None else changed_fields(version, process),
    }


def record_history(session: Session, process_id: int) -> list[dict[str, Any]]:
    """Every version of the process's record, oldest first: when, by whom, its name, and the
    fields it changed from the version before."""
    rows = session.execute(
        select(ProcessVersion, User.display_name)
        .outerjoin(User, User.id == ProcessVersion.recorded_by_id)
        .where(ProcessVersion.process_id == process_id)
        .order_by(ProcessVersion.number)
    )
    history, previous = [], None
    for version, recorded_by in rows:
        changed = [] if previous is None else changed_fields(previous, version)
        history.append(
            {
                "number": version.number,
                "recorded_at": version.recorded_at,
                "recorded_by": recorded_by,
                "name": version.name,
                "changed": changed,
            }
        )
        previous = version
    return history
