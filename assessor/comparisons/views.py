"""/compare: choose published scorecards, compare them, and download the comparison."""

from collections.abc import Iterable, Iterator
from typing import Any

from flask import Blueprint, Response, redirect, render_template, request, url_for
from flask_babel import force_locale

from assessor.comparisons.export import (
    comparison_csv,
    comparison_json,
    comparison_pdf,
    file_name,
)
from assessor.comparisons.picker import chosen_rows, picker_choices, picker_page
from assessor.comparisons.presentation import comparison_charts, delta_text, scorecard_links
from assessor.comparisons.schemas import (
    QUERY_LABELS,
    ComparisonDocumentSchema,
    filter_args,
    load_compare_args,
)
from assessor.comparisons.service import MAX_SCORECARDS, MIN_SCORECARDS, build_comparison
from assessor.db import db, utcnow
from assessor.exceptions import InvalidInput
from assessor.languages.selection import SOURCE_LANGUAGE, current_language
from assessor.presentation.labels import language_args
from assessor.processes.models import LAYER_LABELS, SCOPE_LABELS
from assessor.public_pages import public_page
from assessor.stakeholders import STAKEHOLDER_GROUPS

blueprint = Blueprint("comparisons", __name__)
blueprint.add_app_template_filter(delta_text, "delta")


def _args() -> dict[str, Any]:
    """The query string's arguments; any refused one refuses the request, naming it."""
    args, refused = load_compare_args(request.args)
    if refused:
        raise InvalidInput(refused)
    return args


def _comparison(args: dict[str, Any], language: str | None = None) -> dict[str, Any]:
    """The comparison asked for, unrounded, its rubric text in ``language`` where the rubric
    has it; InvalidInput names what prevents it."""
    return build_comparison(db.session, args["ids"], args.get("baseline"), language)


def _document(args: dict[str, Any]) -> dict[str, Any]:
    """The comparison as the page, the PDF and the CSV render it, in the reader's language."""
    return ComparisonDocumentSchema().dump(_comparison(args, current_language()))


def _ids_text(ids: Iterable[int]) -> str:
    """Ids as the address holds them: ``3,8,15``."""
    return ",".join(str(assessment_id) for assessment_id in ids)


def _address(args: dict[str, Any], **extra) -> str:
    """This comparison's address: its ids and baseline, so it can be shared as it is."""
    return url_for(".index", ids=_ids_text(args["ids"]), baseline=args.get("baseline"), **extra)


def _permalink(args: dict[str, Any]) -> str:
    """The address to share, in the language the comparison is read in (English needs none)."""
    language = current_language()
    chosen = {} if language == SOURCE_LANGUAGE else {"lang": language}
    return _address(args, _external=True, **chosen)


def _chosen_address(args: dict[str, Any]) -> str:
    """Where the picker's form leads: the comparison, or the picker again with the choice kept."""
    ids = _ids_text(dict.fromkeys(args["id"]))
    if args.get("action") == "compare" and len(set(args["id"])) >= MIN_SCORECARDS:
        return url_for(".index", ids=ids, **language_args())
    page = args.get("goto", 1)
    return url_for(
        ".index", ids=ids or None, pick=1, page=page, **filter_args(args), **language_args()
    )


def _picker(args: dict[str, Any], errors: dict[str, list[str]]) -> str:
    """The list to choose from, with the scorecards already chosen and what was refused."""
    return render_template(
        "comparisons/index.html",
        chosen=chosen_rows(db.session, args["ids"], current_language()),
        page=picker_page(db.session, args, args["page"], current_language()),
        filters=filter_args(args),
        choices=picker_choices(db.session, current_language()),
        scopes=SCOPE_LABELS,
        layers=LAYER_LABELS,
        perspectives=STAKEHOLDER_GROUPS,
        errors=errors,
        labels=QUERY_LABELS,
        min_scorecards=MIN_SCORECARDS,
        max_scorecards=MAX_SCORECARDS,
    )


@blueprint.errorhandler(InvalidInput)
def refused(error: InvalidInput):
    """The JSON export answers in JSON; otherwise the picker says what to fix, choice kept."""
    db.session.rollback()
    if request.endpoint == "comparisons.json_export":
        return {"errors": error.fields}, error.status
    args, _ = load_compare_args(request.args)
    return _picker(args, error.fields), error.status


@blueprint.get("/compare")
@public_page
def index():
    args = _args()
    if "action" in args or "goto" in args:
        return redirect(_chosen_address(args), code=303)
    if len(args["ids"]) < MIN_SCORECARDS or args["pick"]:
        return _picker(args, {})
    document = _document(args)
    return render_template(
        "comparisons/compare.html",
        comparison=document,
        charts=comparison_charts(document),
        links=scorecard_links(document),
        ids=_ids_text(args["ids"]),
        permalink=_permalink(args),
    )


def _download(body: bytes | Iterator[str], mimetype: str, name: str) -> Response:
    """A file to save, or with ``?inline`` to show, as the scorecard PDFs are served."""
    disposition = "inline" if request.args.get("inline") else "attachment"
    response = Response(body, mimetype=mimetype)
    response.headers["Content-Disposition"] = f'{disposition}; filename="{name}"'
    return response


@blueprint.get("/compare.csv")
@public_page
def csv_export():
    document = _document(_args())
    return _download(comparison_csv(document), "text/csv", file_name(document, "csv"))


@blueprint.get("/compare.json")
@public_page
def json_export():
    # Data, not a page: English words and the rubric's own text, whoever asks.
    with force_locale(SOURCE_LANGUAGE):
        return comparison_json(_comparison(_args()))


@blueprint.get("/compare.pdf")
@public_page
def pdf_export():
    args = _args()
    document = _document(args)
    pdf = comparison_pdf(document, utcnow().isoformat(), _permalink(args))
    return _download(pdf, "application/pdf", file_name(document, "pdf"))
