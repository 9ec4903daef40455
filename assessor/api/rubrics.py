"""GET /api/v1/rubrics and GET /api/v1/rubrics/<slug>/<version>, with ``?lang=`` for the text.

Without ``lang`` the text is in the rubric's own language, whatever the caller's browser or
profile prefers, so that a program always gets the same answer for the same address.
"""

from flask import Blueprint

from assessor.api.openapi import Operation
from assessor.api.requests import query_args
from assessor.api.schemas import RubricListItemSchema, RubricListSchema
from assessor.db import db
from assessor.exceptions import NotVisible
from assessor.rubrics.schemas import RubricOutSchema, RubricTextArgsSchema, dump_in_language
from assessor.rubrics.service import find_rubric, list_rubric_versions

blueprint = Blueprint("rubrics", __name__)


@blueprint.get("/rubrics")
@Operation(
    tag="rubrics",
    returns="The rubric versions.",
    response=RubricListSchema,
    query=RubricTextArgsSchema,
)
def index():
    """List rubric versions.

    Every loaded rubric version, with the address of its full content. Titles and summaries
    are in the language asked for with `lang` where a rubric has it.
    """
    language = query_args().get("lang")
    rubrics = list_rubric_versions(db.session)
    return {"items": dump_in_language(RubricListItemSchema(many=True), rubrics, language)}


@blueprint.get("/rubrics/<slug>/<version>")
@Operation(
    tag="rubrics",
    returns="The rubric version.",
    response=RubricOutSchema,
    query=RubricTextArgsSchema,
)
def detail(slug: str, version: str):
    """Read a rubric version.

    Its sources, pillars, questions and level descriptors. The text is in the language asked
    for with `lang` when the rubric is complete in it (`languages`), else in its own;
    `language` says which. Keys, weights, level names and sources are the same in every
    language.
    """
    language = query_args().get("lang")
    rubric = find_rubric(db.session, slug, version)
    if rubric is None:
        raise NotVisible(f"There is no rubric {slug}@{version}.")
    return dump_in_language(RubricOutSchema(), rubric, language)
