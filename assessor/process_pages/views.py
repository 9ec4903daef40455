"""Process pages: the searchable list, one process with its assessments, and its forms."""

from typing import Any

from flask import Blueprint, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from sqlalchemy.orm import selectinload

from assessor import scoring
from assessor.assessments.kept_scores import scores_of
from assessor.assessments.models import PUBLIC_STATUSES, Assessment, AssessmentStatus
from assessor.assessments.service import assessments_query
from assessor.db import db
from assessor.exceptions import InvalidInput
from assessor.languages.messages import translated_fields
from assessor.languages.selection import current_language
from assessor.pagination import list_page
from assessor.participation.published import current_versions, stage_counts
from assessor.presentation.participation import participation_view
from assessor.process_pages.history import process_history, score_change_text
from assessor.process_pages.perspectives import perspective_sections
from assessor.processes.access import (
    may_describe_processes,
    may_edit_process,
    require_may_edit,
    require_process_editor,
)
from assessor.processes.forms import (
    FIELD_LABELS,
    QUERY_LABELS,
    Meanwhile,
    convening_organizations,
    list_link_args,
    load_list_args,
    load_process_form,
    merged_with_meanwhile,
)
from assessor.processes.models import LAYER_LABELS, SCOPE_LABELS, Process
from assessor.processes.schemas import ProcessRecordSchema
from assessor.processes.service import (
    PossibleDuplicate,
    RecordChanged,
    create_process,
    get_process,
    search_processes,
    update_process,
)
from assessor.processes.versions import record_history, version_numbered
from assessor.public_pages import public_page
from assessor.stakeholders import stakeholder_label
from assessor.users.current import signed_in_user
from assessor.users.models import User
from assessor.validation import MAX_ID

blueprint = Blueprint("processes", __name__, url_prefix="/processes")
blueprint.add_app_template_filter(score_change_text, "score_change")

# What a listed assessment shows beside its kept score (see scores), loaded for all listed
# assessments at once rather than row by row.
ROW_DETAILS = (selectinload(Assessment.rubric), selectinload(Assessment.assessor))


@blueprint.get("")
@public_page
def index():
    filters, ignored = load_list_args(request.args.to_dict())
    requested = filters.pop("page")
    page = list_page(search_processes(**filters), requested)
    return render_template(
        "processes/index.html",
        page=page,
        filters=filters,
        link_args=list_link_args(filters),
        ignored=ignored,
        query_labels=QUERY_LABELS,
        organizations=convening_organizations(db.session),
        scopes=SCOPE_LABELS,
        layers=LAYER_LABELS,
        may_describe=may_describe_processes(signed_in_user()),
    )


def assessment_row(
    assessment: Assessment,
    revised_by: dict[int, int],
    results: dict[int, scoring.AssessmentScore],
) -> dict[str, Any]:
    """An assessment as one row of the process page's tables."""
    row = {
        "id": assessment.id,
        "status": assessment.status,
        "assessor": assessment.assessor.display_name,
        "perspective": stakeholder_label(assessment.perspective),
        "rubric": assessment.rubric.label,
        "created_at": assessment.created_at,
        "published_at": assessment.published_at,
        "withdrawn_at": assessment.withdrawn_at,
        "withdrawal_reason": assessment.withdrawal_reason,
        "revised_by": revised_by.get(assessment.id),
    }
    if assessment.status in PUBLIC_STATUSES:
        result = results[assessment.id]
        row |= {"score": result.score, "high": result.high, "band": result.band}
    return row


def process_assessments(process: Process, user: User | None) -> dict[str, list[dict]]:
    """The process's assessments ``user`` may see: public ones apart from work in progress."""
    statement = assessments_query(user, {"process_id": process.id}).options(*ROW_DETAILS)
    assessments = list(db.session.scalars(statement))
    # A published revision supersedes the assessment it revises; both stay public.
    revised_by = {
        a.revises_id: a.id
        for a in assessments
        if a.revises_id and a.status == AssessmentStatus.PUBLISHED
    }
    public = [assessment for assessment in assessments if assessment.status in PUBLIC_STATUSES]
    results = scores_of(db.session, public)
    rows = [assessment_row(assessment, revised_by, results) for assessment in assessments]
    return {
        "public": [row for row in rows if row["status"] in PUBLIC_STATUSES],
        "in_progress": [row for row in rows if row["status"] not in PUBLIC_STATUSES],
    }


@blueprint.get("/<int:process_id>")
@public_page
def show(process_id: int):
    process = get_process(db.session, process_id)
    user = signed_in_user()
    versions = current_versions(db.session, process.id)
    participation = participation_view(stage_counts(versions))
    return render_template(
        "processes/show.html",
        process=process,
        scopes=SCOPE_LABELS,
        layers=LAYER_LABELS,
        assessments=process_assessments(process, user),
        perspectives=perspective_sections(db.session, process.id, current_language()),
        participation=participation,
        participation_records=versions,
        may_edit=may_edit_process(db.session, user, process),
        may_manage_representatives=user is not None and user.has_role("admin"),
        may_assess=user is not None and user.has_role("assessor"),
        saved=request.args.get("saved") == "1",
    )


@blueprint.get("/<int:process_id>/history")
@public_page
def history(process_id: int):
    process = get_process(db.session, process_id)
    return render_template(
        "processes/history.html",
        process=process,
        history=process_history(db.session, process.id, current_language()),
        record_versions=record_history(db.session, process.id),
    )


def form_page(
    process: Process | None,
    values: dict[str, Any],
    errors: dict[str, list[str]],
    duplicates: list[Process] | None = None,
    meanwhile: Meanwhile | None = None,
):
    """The process form, with the values as given and each problem beside its field; with
    ``duplicates``, the processes already described that it may repeat; with ``meanwhile``,
    the edit merged with the changes someone else made since the editor opened the form."""
    page = render_template(
        "processes/form.html",
        process=process,
        record_version=process.record_version if process is not None else None,
        values=values,
        errors=translated_fields(errors),
        duplicates=duplicates or [],
        meanwhile=meanwhile,
        labels=FIELD_LABELS,
        scopes=SCOPE_LABELS,
        layers=LAYER_LABELS,
    )
    return page, 422 if errors else 409 if duplicates or meanwhile is not None else 200


@blueprint.route("/new", methods=["GET", "POST"])
@login_required
def new():
    require_process_editor(current_user)
    if request.method == "GET":
        return form_page(None, {}, {})
    values = request.form.to_dict()
    confirmed = values.pop("confirm_duplicate", None) == "1"
    try:
        described = load_process_form(values)
        process = create_process(db.session, current_user, described, confirm_duplicate=confirmed)
    except InvalidInput as error:
        return form_page(None, values, error.fields)
    except PossibleDuplicate as duplicate:
        return form_page(None, values, {}, duplicate.processes)
    db.session.commit()
    return redirect(url_for(".show", process_id=process.id, saved=1))


def version_posted(text: str) -> int | None:
    """The record's version a posted edit is based on; None for a form without one."""
    # ASCII only: str.isdigit also accepts digits int() refuses, such as "²"; the length is
    # checked first because int() refuses digit strings of a few thousand characters.
    if not (text.isascii() and text.isdigit()) or len(text) > len(str(MAX_ID)):
        return None
    number = int(text)
    return number if number <= MAX_ID else None


@blueprint.route("/<int:process_id>/edit", methods=["GET", "POST"])
@login_required
def edit(process_id: int):
    process = get_process(db.session, process_id)
    require_may_edit(db.session, current_user, process)
    if request.method == "GET":
        return form_page(process, ProcessRecordSchema().dump(process), {})
    values = request.form.to_dict()
    based_on = version_posted(values.pop("version", ""))
    try:
        changes = load_process_form(values)
        update_process(
            db.session,
            current_user,
            process,
            changes,
            based_on=based_on,
        )
    except InvalidInput as error:
        return form_page(process, values, error.fields)
    except RecordChanged:
        db.session.rollback()
        opened = version_numbered(db.session, process.id, based_on)
        meanwhile = merged_with_meanwhile(values, opened, process)
        return form_page(process, meanwhile.values, {}, meanwhile=meanwhile)
    db.session.commit()
    return redirect(url_for(".show", process_id=process.id, saved=1))
