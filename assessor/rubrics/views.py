"""Rubric pages: the list of rubrics and one rubric version in full, in the reader's language."""

from itertools import groupby

from babel import Locale, UnknownLocaleError
from flask import Blueprint, abort, render_template
from markupsafe import Markup, escape

from assessor.db import db
from assessor.languages.selection import current_language, text_direction
from assessor.public_pages import public_page
from assessor.rubrics.models import LEVEL_LABELS
from assessor.rubrics.schemas import RubricOutSchema, RubricSummaryOutSchema, dump_in_language
from assessor.rubrics.service import find_rubric, list_rubric_versions

blueprint = Blueprint("rubrics", __name__, url_prefix="/rubrics")


def language_label(language: str) -> str:
    """A language's name in the page's language: "French" on an English page, "anglais"."""
    try:
        locale = Locale.parse(language.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return language
    return locale.get_display_name(current_language().replace("-", "_")) or language


def direction_of(language: str) -> str:
    """Which way a rubric's language is written; "auto" for one Babel does not know."""
    try:
        return text_direction(language)
    except (ValueError, UnknownLocaleError):
        return "auto"


def lang_attributes(language: str) -> Markup:
    """`` lang="en" dir="ltr"`` for text in another language than the page's, else nothing."""
    if language == current_language():
        return Markup("")
    return Markup(' lang="{}" dir="{}"').format(language, direction_of(language))


def in_language(text: str, language: str) -> Markup:
    """``text``, in a span saying its language when that is not the page's."""
    attributes = lang_attributes(language)
    return Markup("<span{}>{}</span>").format(attributes, text) if attributes else escape(text)


@blueprint.context_processor
def language_helpers() -> dict:
    return {
        "language_label": language_label,
        "lang_attributes": lang_attributes,
        "in_language": in_language,
    }


@blueprint.get("")
@public_page
def index():
    listed = list_rubric_versions(db.session)
    versions = dump_in_language(RubricSummaryOutSchema(many=True), listed, current_language())
    rubrics = [
        {"slug": slug, "versions": list(group)}
        for slug, group in groupby(versions, key=lambda version: version["slug"])
    ]
    return render_template("rubrics/index.html", rubrics=rubrics)


@blueprint.get("/<slug>/<version>")
@public_page
def detail(slug: str, version: str):
    rubric = find_rubric(db.session, slug, version)
    if rubric is None:
        abort(404)
    return render_template(
        "rubrics/detail.html",
        rubric=dump_in_language(RubricOutSchema(), rubric, current_language()),
        level_names=LEVEL_LABELS,
    )
