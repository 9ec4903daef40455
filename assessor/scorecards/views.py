"""The scorecard page and its PDF, both from the same data and templates."""

from flask import Blueprint, Response, render_template, request
from flask_login import current_user
from sqlalchemy.orm import joinedload

from assessor.assessments.access import require_visible
from assessor.assessments.models import Assessment
from assessor.assessments.service import get_assessment
from assessor.db import db, utcnow
from assessor.languages.selection import current_language
from assessor.scorecards.document import scorecard_file_name
from assessor.scorecards.pdfs import (
    charts_for,
    kept_pdf,
    kept_pdf_key,
    methodology_url,
    permalink_card,
    render_scorecard,
)
from assessor.scorecards.service import KEPT_STATUSES

blueprint = Blueprint("scorecards", __name__, url_prefix="/assessments/<int:assessment_id>")


def _user():
    return current_user if current_user.is_authenticated else None


def _card(assessment_id: int) -> tuple:
    assessment = get_assessment(db.session, _user(), assessment_id)
    return assessment, permalink_card(db.session, assessment)


@blueprint.get("/scorecard")
def page(assessment_id: int):
    _, card = _card(assessment_id)
    return render_template(
        "scorecards/page.html",
        card=card,
        charts=charts_for(card),
        methodology_url=methodology_url(),
    )


def _pdf_response(body: bytes, file_name: str) -> Response:
    disposition = "inline" if request.args.get("inline") else "attachment"
    response = Response(body, mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'{disposition}; filename="{file_name}"'
    # Without ?lang= the language comes from the browser or the language switch's cookie.
    response.content_language.add(current_language())
    response.vary.update(("Accept-Language", "Cookie"))
    return response


def _kept_pdf(assessment: Assessment) -> Response:
    """A published or withdrawn scorecard: served from the store, rendered at most once."""
    key = kept_pdf_key(db.session, assessment)
    if request.if_none_match.contains(key):
        return Response(status=304, headers={"ETag": f'"{key}"'})
    body = kept_pdf(db.session, assessment, key)
    response = _pdf_response(body, scorecard_file_name(assessment))
    response.set_etag(key)
    response.headers["Cache-Control"] = "public, max-age=0, must-revalidate"
    return response


@blueprint.get("/scorecard.pdf")
def pdf(assessment_id: int):
    # With its process, whose name the file name carries: one query, not two.
    found = db.session.get(Assessment, assessment_id, options=[joinedload(Assessment.process)])
    assessment = require_visible(_user(), found)
    if assessment.status in KEPT_STATUSES:
        return _kept_pdf(assessment)
    _, card = _card(assessment_id)
    response = _pdf_response(render_scorecard(card, utcnow().isoformat()), card["file_name"])
    response.headers["Cache-Control"] = "no-store"
    return response
