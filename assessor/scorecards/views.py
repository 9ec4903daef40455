"""The scorecard page and its PDF, both from the same data and templates."""

from flask import Blueprint, Response, render_template, request
from marshmallow import ValidationError

from assessor.assessments.access import require_visible
from assessor.assessments.models import PUBLIC_STATUSES
from assessor.assessments.service import get_assessment
from assessor.db import db, utcnow
from assessor.exceptions import InvalidInput
from assessor.languages.selection import current_language
from assessor.public_pages import public_page
from assessor.scorecards.disagreement_blocks import register_disagreement_blocks
from assessor.scorecards.document import scorecard_file_name
from assessor.scorecards.fingerprint import ScorecardState, scorecard_state
from assessor.scorecards.pages import (
    framed,
    kept_page,
    rendered_page,
    state_and_current_page,
)
from assessor.scorecards.pdfs import (
    kept_pdf,
    pdf_key,
    permalink_card,
    render_scorecard,
    state_and_current_pdf,
)
from assessor.scorecards.schemas import QuestionRatingsSchema, RatingsArgsSchema
from assessor.scorecards.service import question_ratings_page
from assessor.users.current import signed_in_user
from assessor.validation import error_paths

RATINGS_PER_PAGE = 50

blueprint = Blueprint("scorecards", __name__, url_prefix="/assessments/<int:assessment_id>")
register_disagreement_blocks(blueprint)


def _card(assessment_id: int) -> tuple:
    assessment = get_assessment(db.session, signed_in_user(), assessment_id)
    return assessment, permalink_card(db.session, assessment)


@blueprint.get("/scorecard")
@public_page
def page(assessment_id: int):
    state, current = state_and_current_page(db.session, assessment_id)
    state = require_visible(signed_in_user(), state)
    if state.status in PUBLIC_STATUSES:
        # The kept part, framed for this reader (public_page keeps an anonymous one whole).
        return framed(current or _kept_page(state))
    # A draft changes with every answer saved: rendered for each request, never kept.
    assessment = get_assessment(db.session, signed_in_user(), assessment_id)
    return framed(rendered_page(db.session, assessment))


def in_reader_language(response: Response) -> Response:
    """``response`` saying its language and, since without ?lang= the language comes from the
    browser or the language switch's cookie, that a cache must tell readers apart by those."""
    response.content_language.add(current_language())
    response.vary.update(("Accept-Language", "Cookie"))
    return response


def _kept_page(state: ScorecardState) -> dict[str, str]:
    """The page part rendered and kept, committed so that every app process can serve it."""
    page = kept_page(db.session, state)
    db.session.commit()
    return page


@blueprint.get("/scorecard/ratings/<question_key>")
def ratings(assessment_id: int, question_key: str):
    """Every rating behind a disputed question's counts on the scorecard, page by page."""
    try:
        page_number = RatingsArgsSchema().load(request.args.to_dict())["page"]
    except ValidationError as error:
        raise InvalidInput(error_paths(error.messages)) from None
    assessment = get_assessment(db.session, signed_in_user(), assessment_id)
    found = question_ratings_page(
        db.session, assessment, question_key, page_number, RATINGS_PER_PAGE, current_language()
    )
    return render_template("scorecards/ratings.html", ratings=QuestionRatingsSchema().dump(found))


def _pdf_response(body: bytes, file_name: str) -> Response:
    disposition = "inline" if request.args.get("inline") else "attachment"
    response = Response(body, mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'{disposition}; filename="{file_name}"'
    return in_reader_language(response)


def _stored_pdf(state: ScorecardState, key: str) -> bytes:
    """The PDF kept under ``key``, rendered and committed if it was not yet."""
    pdf = kept_pdf(db.session, state, key)
    db.session.commit()
    return pdf


def _kept_pdf(state: ScorecardState, current: bytes | None) -> Response:
    """A published or withdrawn scorecard: served from the store, rendered at most once;
    ``current`` is its kept PDF when the state's query read it already."""
    key = pdf_key(state)
    if request.if_none_match.contains(key):
        return Response(status=304, headers={"ETag": f'"{key}"'})
    body = current or _stored_pdf(state, key)
    file_name = scorecard_file_name(state.process_name, state.assessment_id, state.status)
    response = _pdf_response(body, file_name)
    response.set_etag(key)
    response.headers["Cache-Control"] = "public, max-age=0, must-revalidate"
    return response


@blueprint.get("/scorecard.pdf")
@public_page
def pdf(assessment_id: int):
    # A revalidation needs the state alone; a download, the kept PDF beside it.
    if request.if_none_match:
        state, current = scorecard_state(db.session, assessment_id), None
    else:
        state, current = state_and_current_pdf(db.session, assessment_id)
    state = require_visible(signed_in_user(), state)
    if state.status in PUBLIC_STATUSES:
        return _kept_pdf(state, current)
    _, card = _card(assessment_id)
    response = _pdf_response(render_scorecard(card, utcnow().isoformat()), card["file_name"])
    response.headers["Cache-Control"] = "no-store"
    return response
