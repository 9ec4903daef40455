"""Participation pages: a process's records with their states, the form of one record, the
import of a CSV file, and the CSV templates."""

from typing import Any

from flask import (
    Blueprint,
    Response,
    abort,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user, login_required

from assessor.db import db
from assessor.exceptions import Conflict, InvalidInput
from assessor.languages.messages import N_, translated, translated_fields
from assessor.participation.categories import STAGES
from assessor.participation.csv_files import read_participation_csv
from assessor.participation.labels import counts_summary
from assessor.participation.models import ParticipationRecord
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
from assessor.participation_pages.csv_templates import counts_template, participants_template
from assessor.participation_pages.forms import (
    IMPORT_FIELDS,
    MAX_FILE_SIZE,
    RECORD_FIELDS,
    STAGE_LABELS,
    MergedEdit,
    count_groups,
    every_field,
    field_labels,
    in_form_order,
    load_record_form,
    load_source_form,
    merged_with_stored,
    record_form_values,
    seen_values,
)
from assessor.processes.access import require_may_edit
from assessor.processes.models import Process
from assessor.processes.service import get_process
from assessor.public_pages import public_page
from assessor.validation import MAX_ID

blueprint = Blueprint("participation", __name__)
RECORDS = "/processes/<int:process_id>/participation"
# An import's form fields beside its file: the source, a token, and multipart's framing.
FORM_ALLOWANCE = 64 * 1024
FILE_TOO_LARGE = N_(
    "The file is larger than 2 MB, the most an import reads. Split it into smaller files, "
    "or import counts rather than a list of participants."
)


@blueprint.url_value_preprocessor
def bound_import_size(endpoint: str | None, values: dict[str, Any] | None) -> None:
    """An import may send a file of up to 2 MB, past the site's bound on a request's body.

    Set before the app's own hooks read the form, which would refuse it at the site's bound.
    """
    if endpoint != "participation.import_file":
        return
    request.max_content_length = MAX_FILE_SIZE + FORM_ALLOWANCE
    if (request.content_length or 0) > request.max_content_length:
        abort(413, description=FILE_TOO_LARGE)


def _editable_process(process_id: int) -> Process:
    process = get_process(db.session, process_id)
    require_may_edit(db.session, current_user, process)
    return process


def record_state(record: ParticipationRecord) -> str:
    """The record's state in words."""
    if record.published_number is None:
        return _("Draft, never published")
    if record.withdrawn:
        return _("Withdrawn")
    if record.has_draft_changes:
        return _(
            "Published (version %(number)s), with changes not published",
            number=record.published_number,
        )
    return _("Published (version %(number)s)", number=record.published_number)


def _record_row(record: ParticipationRecord) -> dict[str, Any]:
    return {
        "record": record,
        "state": record_state(record),
        "totals": counts_summary(record.counts),
        "may_publish": record.has_draft_changes or record.withdrawn,
        "may_withdraw": record.published_number is not None and not record.withdrawn,
        "is_draft": record.published_number is None,
    }


def list_page(process: Process, refusal: str | None = None, status: int = 200):
    """The process's records by stage; ``refusal`` says why the last action was refused."""
    records = process_records(db.session, process.id)
    stages = [
        (stage, STAGE_LABELS[stage], [_record_row(r) for r in records if r.stage == stage])
        for stage in STAGES
    ]
    page = render_template(
        "participation/index.html",
        process=process,
        stages=[stage for stage in stages if stage[2]],
        refusal=refusal,
    )
    return page, status


@blueprint.get(RECORDS)
@login_required
def index(process_id: int):
    return list_page(_editable_process(process_id))


def form_page(
    process: Process,
    record: ParticipationRecord | None,
    values: dict[str, str],
    errors: dict[str, list[str]],
    seen: dict[str, str] | None = None,
    meanwhile: MergedEdit | None = None,
):
    """The record form with the values as given, each problem beside its input; ``seen``,
    the values the editor loaded, carried to the next save; with ``meanwhile``, the edit
    merged with what someone else saved since."""
    page = render_template(
        "participation/form.html",
        process=process,
        record=record,
        values=values,
        errors=translated_fields(in_form_order(errors, RECORD_FIELDS)),
        seen=seen,
        meanwhile=meanwhile,
        labels=field_labels(),
        stages=STAGE_LABELS,
        count_groups=count_groups(),
    )
    return page, 422 if errors else 409 if meanwhile is not None else 200


@blueprint.route(f"{RECORDS}/new", methods=["GET", "POST"])
@login_required
def new(process_id: int):
    process = _editable_process(process_id)
    if request.method == "GET":
        return form_page(process, None, {}, {})
    values = request.form.to_dict()
    try:
        create_record(db.session, current_user, process, load_record_form(values))
    except InvalidInput as error:
        db.session.rollback()
        return form_page(process, None, values, error.fields)
    db.session.commit()
    flash(_("The counts are saved as a draft."))
    return redirect(url_for(".index", process_id=process.id))


def row_version_posted(text: str) -> int | None:
    """The record's row version a post is based on; None for a form without one."""
    # ASCII digits only, and short: int() refuses digit strings of a few thousand characters.
    if not (text.isascii() and text.isdigit()) or len(text) > len(str(MAX_ID)):
        return None
    return int(text)


@blueprint.route(f"{RECORDS}/<int:record_id>/edit", methods=["GET", "POST"])
@login_required
def edit(process_id: int, record_id: int):
    process = _editable_process(process_id)
    record = get_record(db.session, process, record_id)
    if request.method == "GET":
        loaded = record_form_values(record)
        return form_page(process, record, loaded, {}, seen=every_field(loaded))
    values = request.form.to_dict()
    based_on = row_version_posted(values.pop("row_version", ""))
    seen = seen_values(values)
    try:
        changes = load_record_form(values)
        update_record(db.session, current_user, record, changes, based_on=based_on)
    except InvalidInput as error:
        db.session.rollback()
        if based_on is not None:
            values["row_version"] = str(based_on)
        return form_page(process, record, values, error.fields, seen=seen)
    except StaleRecord:
        # Nothing is saved: the form comes back merged, based on the stored version.
        db.session.rollback()
        stored = record_form_values(record)
        meanwhile = merged_with_stored(values, seen, stored)
        seen = every_field(stored)
        return form_page(process, record, meanwhile.values, {}, seen=seen, meanwhile=meanwhile)
    db.session.commit()
    flash(_("The changes to the counts are saved."))
    return redirect(url_for(".index", process_id=process.id))


def confirmation_page(process: Process, record: ParticipationRecord, action: str):
    """What publishing, withdrawing or deleting ``record`` will do, with a button to do it."""
    page = render_template(
        "participation/confirm.html",
        process=process,
        record=record,
        action=action,
        stage=STAGE_LABELS[record.stage],
        state=record_state(record),
        totals=counts_summary(record.counts),
    )
    return page, 200


def _confirmed(process: Process, record: ParticipationRecord, action: str, service, done: str):
    """Do ``action`` on a post confirming it; else show what it will do, changing nothing."""
    if request.method == "POST" and request.form.get("confirm") == action:
        return _acted_on(process, record, service, done)
    return confirmation_page(process, record, action)


def _acted_on(process: Process, record: ParticipationRecord, service, done: str):
    """Publish or withdraw ``record`` as the editor saw it, at the posted row version."""
    based_on = row_version_posted(request.form.get("row_version", ""))
    try:
        service(db.session, current_user, record, based_on=based_on)
    except Conflict as refused:
        db.session.rollback()
        return list_page(process, translated(refused.message), 409)
    db.session.commit()
    flash(done)
    return redirect(url_for(".index", process_id=process.id))


@blueprint.route(f"{RECORDS}/<int:record_id>/publish", methods=["GET", "POST"])
@login_required
def publish(process_id: int, record_id: int):
    """Publishing makes the counts public, so it is confirmed on a page of its own first."""
    process = _editable_process(process_id)
    record = get_record(db.session, process, record_id)
    done = _("The counts are published.")
    return _confirmed(process, record, "publish", publish_record, done)


@blueprint.route(f"{RECORDS}/<int:record_id>/withdraw", methods=["GET", "POST"])
@login_required
def withdraw(process_id: int, record_id: int):
    """Withdraw a published record; a draft never published is deleted. Either is confirmed
    on a page of its own first."""
    process = _editable_process(process_id)
    record = get_record(db.session, process, record_id)
    if record.published_number is None:
        return _confirmed(process, record, "delete", withdraw_record, _("The draft is deleted."))
    done = _("The counts are withdrawn.")
    return _confirmed(process, record, "withdraw", withdraw_record, done)


def import_page(
    process: Process,
    values: dict[str, str],
    errors: dict[str, list[str]],
    problems: dict[str, list[str]] | None = None,
):
    """The import form with the source fields as typed; ``problems`` are the file's, by line."""
    page = render_template(
        "participation/import.html",
        process=process,
        values=values,
        errors=translated_fields(in_form_order(errors, IMPORT_FIELDS)),
        problems=translated_fields(problems or {}),
        labels=field_labels(),
    )
    return page, 422 if errors else 200


def _posted_file() -> tuple[bytes | None, str | None]:
    """The CSV file sent, read whole; else why it cannot be read."""
    sent = request.files.get("file")
    if sent is None or not sent.filename:
        return None, _("choose a CSV file")
    data = sent.stream.read(MAX_FILE_SIZE + 1)
    if len(data) > MAX_FILE_SIZE:
        return None, translated(FILE_TOO_LARGE)
    return data, None


def file_problems(data: bytes) -> dict[str, list[str]]:
    """Every problem of a CSV file, by line and column; none for a file that can be read."""
    try:
        read_participation_csv(data)
    except InvalidInput as error:
        return error.fields
    return {}


def problems_found(problems: dict[str, list[str]]) -> str:
    return ngettext(
        "has %(num)d problem, listed below; nothing was imported",
        "has %(num)d problems, listed below; nothing was imported",
        len(problems),
    )


@blueprint.route(f"{RECORDS}/import", methods=["GET", "POST"])
@login_required
def import_file(process_id: int):
    process = _editable_process(process_id)
    if request.method == "GET":
        return import_page(process, {}, {})
    values = request.form.to_dict()
    data, refusal = _posted_file()
    errors = {"file": [refusal]} if refusal else {}
    try:
        source = load_source_form(values)
    except InvalidInput as error:
        problems = file_problems(data) if data is not None else {}
        if problems:
            errors = {"file": [problems_found(problems)]}
        return import_page(process, values, {**error.fields, **errors}, problems)
    if data is None:
        return import_page(process, values, errors)
    try:
        added = import_records(db.session, current_user, process, data, source)
    except InvalidInput as error:
        db.session.rollback()
        return import_page(process, values, {"file": [problems_found(error.fields)]}, error.fields)
    db.session.commit()
    flash(
        ngettext(
            "%(num)d draft added, one per stage.",
            "%(num)d drafts added, one per stage.",
            len(added),
        )
    )
    return redirect(url_for(".index", process_id=process.id))


def _csv_download(text: str, file_name: str) -> Response:
    response = Response(text, mimetype="text/csv")
    response.headers["Content-Disposition"] = f'attachment; filename="{file_name}"'
    return response


@blueprint.get("/participation/template-counts.csv")
@public_page
def template_counts():
    return _csv_download(counts_template(), "participation-counts.csv")


@blueprint.get("/participation/template-participants.csv")
@public_page
def template_participants():
    return _csv_download(participants_template(), "participation-participants.csv")
