"""GET /api/v1/rubrics and GET /api/v1/rubrics/<slug>/<version>, with ``?lang=`` for the text.

Without ``lang`` the text is in the rubric's own language, whatever the caller's browser or
profile prefers, so that a program always gets the same answer for the same address.
"""

from flask import Blueprint, url_for
from marshmallow import fields

from assessor.api.requests import query_args
from assessor.db import db
from assessor.exceptions import NotVisible
from assessor.rubrics.schemas import (
    RubricOutSchema,
    RubricSummaryOutSchema,
    RubricTextArgsSchema,
    dump_in_language,
)
from assessor.rubrics.service import find_rubric, list_rubric_versions

blueprint = Blueprint("rubrics", __name__)


class RubricListItemSchema(RubricSummaryOutSchema):
    """A rubric version in the list, with the address of its full content."""

    url = fields.Function(
        lambda rubric: url_for("api.rubrics.detail", slug=rubric.slug, version=rubric.version)
    )


@blueprint.get("/rubrics")
def index():
    language = query_args(RubricTextArgsSchema()).get("lang")
    rubrics = list_rubric_versions(db.session)
    return {"items": dump_in_language(RubricListItemSchema(many=True), rubrics, language)}


@blueprint.get("/rubrics/<slug>/<version>")
def detail(slug: str, version: str):
    language = query_args(RubricTextArgsSchema()).get("lang")
    rubric = find_rubric(db.session, slug, version)
    if rubric is None:
        raise NotVisible(f"There is no rubric {slug}@{version}.")
    return dump_in_language(RubricOutSchema(), rubric, language)
