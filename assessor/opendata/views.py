"""The open-data page and its downloads (judgements, scores, participation), streamed as they
are read from the database."""

from collections.abc import Iterator

from flask import Blueprint, Response, render_template, stream_with_context, url_for

from assessor.db import db, utcnow
from assessor.opendata.formats import csv_pieces, json_pieces
from assessor.opendata.participation import participation_counts, participation_indices
from assessor.opendata.schemas import (
    ExportSummarySchema,
    JudgementSchema,
    ParticipationCountSchema,
    ParticipationIndexSchema,
    ScoreRowSchema,
)
from assessor.opendata.scores import score_rows
from assessor.opendata.service import (
    LICENCE,
    OPEN_DATA_DOCUMENT,
    export_summary,
    generated_at,
    judgements,
)
from assessor.public_pages import public_page
from assessor.scoring import METHOD_VERSION
from assessor.site.methodology import methodology_html

blueprint = Blueprint("opendata", __name__, url_prefix="/data")


def scorecard_permalink(assessment_id: int) -> str:
    """The public address of an assessment's scorecard."""
    return url_for("scorecards.page", assessment_id=assessment_id, _external=True)


def _download(pieces: Iterator[str], mimetype: str, file_name: str) -> Response:
    """A streamed attachment; the request context lives until the last piece is sent."""
    response = Response(stream_with_context(pieces), mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{file_name}"'
    return response


@blueprint.get("")
@public_page
def index():
    return render_template(
        "opendata/index.html",
        summary=ExportSummarySchema().dump(export_summary(db.session)),
        method_version=METHOD_VERSION,
        document=methodology_html(OPEN_DATA_DOCUMENT),
    )


def _json_header() -> dict[str, str]:
    return {
        "method_version": METHOD_VERSION,
        "generated_at": generated_at(utcnow()),
        "licence": LICENCE,
        "documentation": url_for(".index", _external=True),
    }


@blueprint.get("/judgements.csv")
def judgements_csv():
    rows = judgements(db.session, scorecard_permalink)
    return _download(csv_pieces(JudgementSchema(), rows), "text/csv", "judgements.csv")


@blueprint.get("/judgements.json")
def judgements_json():
    rows = judgements(db.session, scorecard_permalink)
    pieces = json_pieces(JudgementSchema(), _json_header(), "judgements", rows)
    return _download(pieces, "application/json", "judgements.json")


@blueprint.get("/scores.csv")
def scores_csv():
    rows = score_rows(db.session, scorecard_permalink)
    return _download(csv_pieces(ScoreRowSchema(), rows), "text/csv", "scores.csv")


@blueprint.get("/scores.json")
def scores_json():
    rows = score_rows(db.session, scorecard_permalink)
    pieces = json_pieces(ScoreRowSchema(), _json_header(), "scores", rows)
    return _download(pieces, "application/json", "scores.json")


@blueprint.get("/participation_counts.csv")
def participation_counts_csv():
    rows = participation_counts(db.session)
    schema = ParticipationCountSchema()
    return _download(csv_pieces(schema, rows), "text/csv", "participation_counts.csv")


@blueprint.get("/participation_counts.json")
def participation_counts_json():
    rows = participation_counts(db.session)
    pieces = json_pieces(ParticipationCountSchema(), _json_header(), "participation_counts", rows)
    return _download(pieces, "application/json", "participation_counts.json")


@blueprint.get("/participation_indices.csv")
def participation_indices_csv():
    rows = participation_indices(db.session)
    schema = ParticipationIndexSchema()
    return _download(csv_pieces(schema, rows), "text/csv", "participation_indices.csv")


@blueprint.get("/participation_indices.json")
def participation_indices_json():
    rows = participation_indices(db.session)
    pieces = json_pieces(ParticipationIndexSchema(), _json_header(), "participation_indices", rows)
    return _download(pieces, "application/json", "participation_indices.json")
