"""Participation counts of a process: the published profile for anyone; the records, their
publication, withdrawal and CSV imports for the process's editors."""

from flask import Blueprint, request
from werkzeug.exceptions import UnsupportedMediaType

from assessor.api.auth import signed_in_caller
from assessor.api.openapi import Operation
from assessor.api.requests import json_body, query_args
from assessor.api.schemas import (
    ParticipationRecordListSchema,
    WithdrawnRecordSchema,
)
from assessor.db import db
from assessor.exceptions import Conflict
from assessor.participation.profiles import participation_profile
from assessor.participation.published import current_versions, stage_counts
from assessor.participation.records import (
    StaleRecord,
    create_record,
    get_record,
    import_records,
    process_records,
    publish_record,
    update_record,
    withdraw_record,
)
from assessor.participation.schemas import (
    RECORD_UPDATE,
    ImportArgsSchema,
    ParticipationRecordInSchema,
    ParticipationRecordSchema,
    ParticipationSchema,
    RowVersionSchema,
)
from assessor.processes.access import require_may_edit
from assessor.processes.models import Process
from assessor.processes.service import get_process
from assessor.users.models import User

blueprint = Blueprint("participation", __name__)
RECORDS = "/processes/<int:process_id>/participation/records"
EDITORS = (
    "The assessor who described the process, its representatives and administrators record "
    "its participation."
)
STALE = (
    "The record was changed since the `row_version` sent: nothing is changed, and `current` "
    "holds the record as it is now."
)
CSV = "text/csv"


def _editable_process(process_id: int) -> tuple[Process, User]:
    """The process and its calling editor; others are refused before any input is read."""
    user = signed_in_caller()
    process = get_process(db.session, process_id)
    require_may_edit(db.session, user, process)
    return process, user


def _record_body(record) -> dict:
    return ParticipationRecordSchema().dump(record)


@blueprint.get("/processes/<int:process_id>/participation")
@Operation(
    tag="participation",
    returns="The current published versions and their profile.",
    response=ParticipationSchema,
)
def published(process_id: int):
    """Read a process's participation.

    The newest published version of each record not withdrawn, in stage order, and the
    profile computed from their counts summed by stage: shares and balance indices per stage,
    and the inclusion funnels (docs/participation.md). Figures have four decimals.
    """
    get_process(db.session, process_id)
    versions = current_versions(db.session, process_id)
    profile = participation_profile(stage_counts(versions))
    return ParticipationSchema().dump({"versions": versions, "profile": profile})


@blueprint.get(RECORDS)
@Operation(
    tag="participation",
    returns="Every record of the process.",
    response=ParticipationRecordListSchema,
    auth="required",
    refusals=(403,),
)
def records(process_id: int):
    """List a process's participation records.

    Drafts, published and withdrawn records alike, in stage order. Only for the process's
    editors: the assessor who described it, its representatives and administrators.
    """
    process, _ = _editable_process(process_id)
    items = process_records(db.session, process.id)
    return ParticipationRecordListSchema().dump({"items": items})


@blueprint.post(RECORDS)
@Operation(
    tag="participation",
    returns="The new draft record.",
    response=ParticipationRecordSchema,
    status=201,
    body=ParticipationRecordInSchema,
    auth="required",
    refusals=(403,),
)
def create(process_id: int):
    """Record participation counts.

    A draft record of one stage's counts and their source; readers see it once published.
    """
    process, user = _editable_process(process_id)
    record = create_record(db.session, user, process, json_body())
    db.session.commit()
    return _record_body(record), 201


def _stale(stale: StaleRecord) -> Conflict:
    return Conflict(stale.message, current=_record_body(stale.stored))


@blueprint.patch(f"{RECORDS}/<int:record_id>")
@Operation(
    tag="participation",
    returns="The record as changed.",
    response=ParticipationRecordSchema,
    body=RECORD_UPDATE,
    auth="required",
    refusals=(403,),
    conflict=STALE,
)
def update(process_id: int, record_id: int):
    """Change a participation record.

    The fields sent replace the stored ones (`counts` as a whole); the others stay. A
    published record keeps its published version until it is published again.
    """
    process, user = _editable_process(process_id)
    record = get_record(db.session, process, record_id)
    changes = json_body()
    based_on = changes.pop("row_version")
    try:
        update_record(db.session, user, record, changes, based_on=based_on)
    except StaleRecord as stale:
        raise _stale(stale) from None
    db.session.commit()
    return _record_body(record)


@blueprint.post(f"{RECORDS}/<int:record_id>/publish")
@Operation(
    tag="participation",
    returns="The record, published as its next version.",
    response=ParticipationRecordSchema,
    body=RowVersionSchema,
    auth="required",
    refusals=(403,),
    conflict=f"{STALE} Also refused: a record published already without changes since.",
)
def publish(process_id: int, record_id: int):
    """Publish a participation record.

    The record becomes a new version that never changes again: the process's participation
    shows it, and every assessment published from now on keeps it. Publishing a withdrawn
    record brings it back.
    """
    process, user = _editable_process(process_id)
    record = get_record(db.session, process, record_id)
    try:
        publish_record(db.session, user, record, based_on=json_body()["row_version"])
    except StaleRecord as stale:
        raise _stale(stale) from None
    db.session.commit()
    return _record_body(record)


@blueprint.post(f"{RECORDS}/<int:record_id>/withdraw")
@Operation(
    tag="participation",
    returns="The record as withdrawn, or null for a draft never published, which is deleted.",
    response=WithdrawnRecordSchema,
    body=RowVersionSchema,
    auth="required",
    refusals=(403,),
    conflict=f"{STALE} Also refused: a record withdrawn already.",
)
def withdraw(process_id: int, record_id: int):
    """Withdraw a participation record.

    A published record gets a withdrawn version: the process's participation stops showing
    it, while scorecards published beside it keep their version. A draft never published is
    deleted.
    """
    process, user = _editable_process(process_id)
    record = get_record(db.session, process, record_id)
    try:
        version = withdraw_record(db.session, user, record, based_on=json_body()["row_version"])
    except StaleRecord as stale:
        raise _stale(stale) from None
    db.session.commit()
    return {"record": None if version is None else _record_body(record)}


@blueprint.post("/processes/<int:process_id>/participation/imports")
@Operation(
    tag="participation",
    returns="The draft records made from the file, one per stage it counts.",
    response=ParticipationRecordListSchema,
    status=201,
    query=ImportArgsSchema,
    upload=CSV,
    auth="required",
    refusals=(403,),
    rules=(
        "The body must be a participation CSV file as docs/participation.md describes it: a "
        "counts file (`stage,dimension,category,count`) or a participant list (`stage` and "
        "dimension columns). Every problem is reported by line and column, such as `line 5, "
        "count`, and a file with any problem records nothing.",
    ),
)
def import_file(process_id: int):
    """Import participation counts from a CSV file.

    Send the file as the body, with `Content-Type: text/csv`, and its source as query
    parameters. Each stage the file counts becomes a draft record citing that source.
    """
    process, user = _editable_process(process_id)
    source = query_args()
    if request.mimetype != CSV:
        raise UnsupportedMediaType("Send the file with Content-Type: text/csv.")
    created = import_records(db.session, user, process, request.get_data(), source)
    db.session.commit()
    return ParticipationRecordListSchema().dump({"items": created}), 201
