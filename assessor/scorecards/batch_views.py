"""Published scorecards: the list, and batches of them rendered in the background as one ZIP."""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from flask import Blueprint, Response, current_app, redirect, render_template, request, url_for
from flask_babel import ngettext
from marshmallow import Schema, ValidationError, fields, post_load, validate
from sqlalchemy import Select, func, select
from werkzeug.datastructures import MultiDict

from assessor import scoring
from assessor.assessments.kept_scores import scores_of
from assessor.assessments.models import Assessment
from assessor.assessments.schemas import RUBRIC_LABEL
from assessor.db import db
from assessor.exceptions import Conflict, InvalidInput
from assessor.extensions import limiter
from assessor.languages.messages import N_
from assessor.languages.selection import current_language
from assessor.presentation.labels import language_args
from assessor.public_pages import public_page
from assessor.scorecards.batch_jobs import queue_batch
from assessor.scorecards.batches import (
    MAX_SCORECARDS,
    fail_if_stalled,
    get_batch,
    new_batch,
    published_rubric_labels,
    published_scorecards,
    zip_file_name,
)
from assessor.scorecards.models import BatchDownload
from assessor.stakeholders import stakeholder_label
from assessor.validation import MAX_ID, FormSchema, error_paths, row_id

blueprint = Blueprint("batches", __name__, url_prefix="/scorecards")

# A page never lists more than one batch may hold, so "all on this page" always fits.
PER_PAGE = MAX_SCORECARDS
# A batch token: 32 hex digits (other addresses are not batches, so they are 404s).
TOKEN = "string(length=32)"


class ChoiceFormSchema(FormSchema):
    """The posted choice: the ticked scorecards, or with ``select_all`` all on the page."""

    assessment_id = fields.List(row_id(), load_default=list)
    page_assessment_id = fields.List(row_id(), load_default=list)
    select_all = fields.String(load_default="")

    @post_load
    def chosen(self, data: dict[str, Any], **kwargs) -> list[int]:
        return data["page_assessment_id"] if data["select_all"] else data["assessment_id"]


class ListArgsSchema(FormSchema):
    """The list's query string: a process name to search for, a rubric label and a page."""

    q = fields.String(validate=validate.Length(max=200))
    rubric = fields.String(validate=validate.Regexp(RUBRIC_LABEL, error="not a rubric label"))
    page = fields.Integer(load_default=1, validate=validate.Range(min=1, max=MAX_ID))


class BatchStatusSchema(Schema):
    """What the batch page shows and its script polls for, its words in the reader's language."""

    status = fields.String()
    done = fields.Integer()
    total = fields.Integer()
    progress = fields.Method("_progress")
    download_url = fields.Method("_download_url")

    def _progress(self, batch: BatchDownload) -> str:
        return ngettext(
            "%(done)s of %(num)d scorecard rendered",
            "%(done)s of %(num)d scorecards rendered",
            batch.total,
            done=batch.done,
        )

    def _download_url(self, batch: BatchDownload) -> str | None:
        return url_for("batches.download", token=batch.id) if batch.status == "done" else None


@dataclass
class ScorecardPage:
    """One page of the list of published scorecards."""

    rows: list[dict[str, Any]]
    number: int
    last: int
    total: int


def load_choice(form: MultiDict) -> list[int]:
    """The ids chosen in a posted form, or InvalidInput naming what is wrong."""
    data = {name: form.getlist(name) for name in ("assessment_id", "page_assessment_id")}
    try:
        return ChoiceFormSchema().load({**data, "select_all": form.get("select_all", "")})
    except ValidationError as error:
        raise InvalidInput(error_paths(error.messages)) from None


def load_list_args(args: Mapping[str, str]) -> dict[str, Any]:
    """The search, rubric and page asked for; a refused value is ignored, so a list still shows."""
    schema = ListArgsSchema()
    try:
        return schema.load(args)
    except ValidationError as error:
        return schema.load({key: value for key, value in args.items() if key not in error.messages})


def scorecard_row(assessment: Assessment, result: scoring.AssessmentScore) -> dict[str, Any]:
    """A published scorecard as one row of the list, with its result."""
    return {
        "id": assessment.id,
        "status": assessment.status,
        "process": assessment.process.name,
        "process_id": assessment.process_id,
        "assessor": assessment.assessor.display_name,
        "perspective": stakeholder_label(assessment.perspective),
        "rubric": assessment.rubric.label,
        "published_at": assessment.published_at,
        "score": result.score,
        "high": result.high,
        "band": result.band,
    }


def scorecard_page(statement: Select, requested: int) -> ScorecardPage:
    """The requested page of ``statement``, or its last page when asked for one beyond it."""
    total = db.session.scalar(select(func.count()).select_from(statement.order_by(None).subquery()))
    last = max(1, -(-total // PER_PAGE))
    number = min(requested, last)
    rows = statement.limit(PER_PAGE).offset((number - 1) * PER_PAGE)
    assessments = list(db.session.scalars(rows))
    results = scores_of(db.session, assessments)
    rows = [scorecard_row(assessment, results[assessment.id]) for assessment in assessments]
    return ScorecardPage(rows, number, last, total)


@blueprint.get("")
@public_page
def index():
    filters = load_list_args(request.args)
    page = scorecard_page(
        published_scorecards(filters.get("q"), filters.get("rubric")), filters["page"]
    )
    return render_template(
        "scorecards/index.html",
        page=page,
        filters=filters,
        rubrics=published_rubric_labels(db.session),
        max_scorecards=MAX_SCORECARDS,
    )


@blueprint.post("/batches")
@limiter.limit(lambda: current_app.config["BATCH_RATE_LIMIT"])
def create():
    try:
        batch = new_batch(db.session, load_choice(request.form), request.url_root)
    except InvalidInput as error:
        messages = [message for field in error.fields.values() for message in field]
        page = render_template(
            "scorecards/batch_refused.html", messages=messages, max_scorecards=MAX_SCORECARDS
        )
        return page, 422
    # Committed before it is queued, so that a worker in another process finds it.
    token, assessment_ids = batch.id, batch.assessment_ids
    db.session.commit()
    queue_batch(token, assessment_ids, current_language())
    return redirect(url_for(".show", token=token, **language_args()), code=303)


def _batch(token: str) -> BatchDownload:
    """The batch of this token, marked failed and committed if it stalled."""
    batch = get_batch(db.session, token)
    if fail_if_stalled(batch):
        db.session.commit()
    return batch


@blueprint.get(f"/batches/<{TOKEN}:token>")
def show(token: str):
    batch = _batch(token)
    return render_template(
        "scorecards/batch.html",
        token=batch.id,
        state=BatchStatusSchema().dump(batch),
        status_url=url_for(".status", token=batch.id, **language_args()),
        file_name=zip_file_name(batch),
    )


@blueprint.get(f"/batches/<{TOKEN}:token>/status")
def status(token: str):
    return BatchStatusSchema().dump(_batch(token)), {"Cache-Control": "no-store"}


@blueprint.get(f"/batches/<{TOKEN}:token>/download")
def download(token: str):
    batch = _batch(token)
    if batch.status != "done":
        raise Conflict(N_("These scorecards are not ready yet."))
    response = Response(batch.zip, mimetype="application/zip")
    response.headers["Content-Disposition"] = f'attachment; filename="{zip_file_name(batch)}"'
    response.headers["Cache-Control"] = "private, no-cache"
    return response
