"""Recording participation: drafts, their publication and withdrawal, CSV imports, and the
versions a published assessment shows.

Edits follow the rules of answers: a save names the record's version it was based on and a
change made meanwhile is refused, never overwritten; every change is audited; a published
version never changes, and a published assessment keeps the versions it was published beside.
Services flush; the caller commits.
"""

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from assessor import audit
from assessor.db import utcnow
from assessor.exceptions import Conflict, InvalidInput, NotVisible
from assessor.languages.messages import N_
from assessor.participation.categories import DIMENSIONS, STAGES, UNKNOWN
from assessor.participation.csv_files import MAX_COUNT, read_participation_csv
from assessor.participation.models import (
    RECORDED_FIELDS,
    AssessmentParticipation,
    ParticipationRecord,
    ParticipationVersion,
)
from assessor.participation.published import current_versions
from assessor.processes.access import require_may_edit
from assessor.processes.models import Process
from assessor.users.models import User


class StaleRecord(Conflict):
    """A save based on an older version of the record than the stored one."""

    def __init__(self, stored: ParticipationRecord) -> None:
        super().__init__(
            N_(
                "Someone changed these participation counts since you opened them. Your "
                "changes were not saved; the counts as they are now are shown."
            ),
            stored=record_snapshot(stored),
        )
        self.stored = stored


NOBODY_COUNTED = N_("Every count is 0: record at least one participant to publish these counts.")


def _counts_anyone(counts: dict[str, dict[str, int]]) -> bool:
    return any(count for by_category in counts.values() for count in by_category.values())


def record_snapshot(record: ParticipationRecord | ParticipationVersion) -> dict[str, Any]:
    """The recorded fields as plain data (dates as ISO text), for audit events and conflicts."""
    snapshot = {field: getattr(record, field) for field in RECORDED_FIELDS}
    if isinstance(snapshot["accessed_on"], date):
        snapshot["accessed_on"] = snapshot["accessed_on"].isoformat()
    return {"record_id": getattr(record, "record_id", None) or record.id, **snapshot}


def checked_counts(counts: Any, prefix: str = "counts") -> dict[str, dict[str, int]]:
    """Counts as stored: known dimensions and categories only, whole numbers from 0 to the
    CSV's limit, categories counted 0 left out. InvalidInput names each wrong place."""
    problems: dict[str, list[str]] = {}
    if not isinstance(counts, dict):
        raise InvalidInput({prefix: [N_("must be counts by dimension and category")]})
    kept: dict[str, dict[str, int]] = {}
    for key, by_category in counts.items():
        dimension = DIMENSIONS.get(key)
        if dimension is None:
            problems[f"{prefix}.{key}"] = [N_("is not a dimension participation is counted by")]
            continue
        if not isinstance(by_category, dict):
            problems[f"{prefix}.{key}"] = [N_("must be counts by category")]
            continue
        for category, count in by_category.items():
            place = f"{prefix}.{key}.{category}"
            if category not in (*dimension.categories, UNKNOWN):
                problems[place] = [N_("is not a category of this dimension")]
            elif isinstance(count, bool) or not isinstance(count, int):
                problems[place] = [N_("must be a whole number")]
            elif not 0 <= count <= MAX_COUNT:
                problems[place] = [N_("must be from 0 to %(max)s", max=MAX_COUNT)]
            elif count:
                kept.setdefault(key, {})[category] = count
    if problems:
        raise InvalidInput(problems)
    return kept


def _checked_values(values: dict[str, Any]) -> dict[str, Any]:
    """The recorded fields among ``values``, stage and counts checked (the rest is checked by
    the schemas that load them, and by the table's constraints)."""
    checked = {field: values[field] for field in RECORDED_FIELDS if field in values}
    if "stage" in checked and checked["stage"] not in STAGES:
        message = N_("must be one of %(choices)s", choices=", ".join(STAGES))
        raise InvalidInput({"stage": [message]})
    if "counts" in checked:
        checked["counts"] = checked_counts(checked["counts"])
    return checked


def _newest_version(session: Session, record: ParticipationRecord) -> ParticipationVersion | None:
    if record.published_number is None:
        return None
    return session.scalars(
        select(ParticipationVersion).where(
            ParticipationVersion.record_id == record.id,
            ParticipationVersion.number == record.published_number,
        )
    ).one()


def _differs(record: ParticipationRecord, version: ParticipationVersion | None) -> bool:
    if version is None or version.withdrawn != record.withdrawn:
        return True
    return any(getattr(record, field) != getattr(version, field) for field in RECORDED_FIELDS)


def _audit(
    session: Session, editor: User, record: ParticipationRecord, action: str, before, after
) -> None:
    audit.record(
        session,
        actor_id=editor.id,
        action=f"participation.{action}",
        subject_type="process",
        subject_id=record.process_id,
        before=before,
        after=after,
    )


def create_record(
    session: Session, editor: User, process: Process, values: dict[str, Any]
) -> ParticipationRecord:
    """A draft record of the process's participation, audited."""
    require_may_edit(session, editor, process)
    values = _checked_values(values)
    now = utcnow()
    record = ParticipationRecord(
        process_id=process.id,
        created_by_id=editor.id,
        updated_by_id=editor.id,
        created_at=now,
        updated_at=now,
        **{"counts": {}, **values},
    )
    session.add(record)
    session.flush()
    _audit(session, editor, record, "created", None, record_snapshot(record))
    return record


def get_record(session: Session, process: Process, record_id: int) -> ParticipationRecord:
    record = session.get(ParticipationRecord, record_id)
    if record is None or record.process_id != process.id:
        raise NotVisible(N_("This process has no participation record %(id)s.", id=record_id))
    return record


def update_record(
    session: Session,
    editor: User,
    record: ParticipationRecord,
    values: dict[str, Any],
    *,
    based_on: int,
) -> ParticipationRecord:
    """Apply ``values`` to the draft; ``based_on`` must be the record's stored version (a
    change made meanwhile is refused with the stored record, never overwritten)."""
    process = session.get(Process, record.process_id)
    require_may_edit(session, editor, process)
    if record.row_version != based_on:
        raise StaleRecord(record)
    values = _checked_values(values)
    before = record_snapshot(record)
    for field, value in values.items():
        setattr(record, field, value)
    after = record_snapshot(record)
    if after == before:
        return record
    record.updated_by_id, record.updated_at = editor.id, utcnow()
    record.has_draft_changes = _differs(record, _newest_version(session, record))
    session.flush()
    changed = [field for field in after if after[field] != before[field]]
    _audit(
        session,
        editor,
        record,
        "updated",
        {"record_id": record.id, **{field: before[field] for field in changed}},
        {"record_id": record.id, **{field: after[field] for field in changed}},
    )
    return record


def _add_version(
    session: Session, editor: User, record: ParticipationRecord
) -> ParticipationVersion:
    version = ParticipationVersion(
        record_id=record.id,
        process_id=record.process_id,
        number=(record.published_number or 0) + 1,
        withdrawn=record.withdrawn,
        published_by_id=editor.id,
        published_at=utcnow(),
        **{field: getattr(record, field) for field in RECORDED_FIELDS},
    )
    session.add(version)
    record.published_number, record.has_draft_changes = version.number, False
    session.flush()
    return version


def publish_record(
    session: Session, editor: User, record: ParticipationRecord, *, based_on: int
) -> ParticipationVersion:
    """Publish the draft as the record's next version: the process page shows it, and every
    assessment published from now on keeps it."""
    require_may_edit(session, editor, session.get(Process, record.process_id))
    if record.row_version != based_on:
        raise StaleRecord(record)
    if not record.has_draft_changes and not record.withdrawn:
        raise Conflict(N_("These counts are published already; change them to publish again."))
    if not _counts_anyone(record.counts):
        raise Conflict(NOBODY_COUNTED)
    record.withdrawn = False
    version = _add_version(session, editor, record)
    _audit(
        session,
        editor,
        record,
        "published",
        None,
        {**record_snapshot(record), "version": version.number},
    )
    return version


def withdraw_record(
    session: Session, editor: User, record: ParticipationRecord, *, based_on: int
) -> ParticipationVersion | None:
    """Take a record off the process: a draft never published is deleted; a published one
    gets a withdrawn version, so the process page stops showing it while scorecards published
    beside it keep their version."""
    require_may_edit(session, editor, session.get(Process, record.process_id))
    if record.row_version != based_on:
        raise StaleRecord(record)
    before = record_snapshot(record)
    if record.published_number is None:
        _audit(session, editor, record, "deleted", before, None)
        session.delete(record)
        session.flush()
        return None
    if record.withdrawn:
        raise Conflict(N_("These counts are withdrawn already."))
    record.withdrawn = True
    version = _add_version(session, editor, record)
    _audit(
        session,
        editor,
        record,
        "withdrawn",
        before,
        {"record_id": record.id, "version": version.number},
    )
    return version


def import_records(
    session: Session, editor: User, process: Process, data: bytes, source: dict[str, Any]
) -> list[ParticipationRecord]:
    """A draft record per stage that a CSV file counts anyone at (docs/participation.md), all
    citing ``source``: a template's rows left at 0 add nothing. A file with any problem, or
    counting nobody, adds nothing."""
    require_may_edit(session, editor, process)
    counts = read_participation_csv(data)
    counted = [stage for stage in STAGES if _counts_anyone(counts.get(stage, {}))]
    if not counted:
        raise InvalidInput({"file": [N_("counts nobody: every count in it is 0")]})
    return [
        create_record(session, editor, process, {**source, "stage": stage, "counts": counts[stage]})
        for stage in counted
    ]


def process_records(session: Session, process_id: int) -> list[ParticipationRecord]:
    """Every record of the process, withdrawn ones included, in stage order then oldest first."""
    records = session.scalars(
        select(ParticipationRecord)
        .where(ParticipationRecord.process_id == process_id)
        .order_by(ParticipationRecord.id)
    )
    return sorted(records, key=lambda record: STAGES.index(record.stage))


def keep_current_versions(session: Session, assessment_id: int, process_id: int) -> None:
    """Name, for an assessment being published, the versions its scorecard shows from now on."""
    for version in current_versions(session, process_id):
        session.add(AssessmentParticipation(assessment_id=assessment_id, version_id=version.id))
    session.flush()
