"""GET /api/v1/rubrics and GET /api/v1/rubrics/<slug>/<version>."""

from flask import Blueprint, url_for
from marshmallow import fields

from assessor.db import db
from assessor.exceptions import NotVisible
from assessor.rubrics.schemas import RubricOutSchema, RubricSummaryOutSchema
from assessor.rubrics.service import find_rubric, list_rubric_versions

blueprint = Blueprint("rubrics", __name__)


class RubricListItemSchema(RubricSummaryOutSchema):
    """A rubric version in the list, with the address of its full content."""

    url = fields.Function(
        lambda rubric: url_for("api.rubrics.detail", slug=rubric.slug, version=rubric.version)
    )


@blueprint.get("/rubrics")
def index():
    return {"items": RubricListItemSchema(many=True).dump(list_rubric_versions(db.session))}


@blueprint.get("/rubrics/<slug>/<version>")
def detail(slug: str, version: str):
    rubric = find_rubric(db.session, slug, version)
    if rubric is None:
        raise NotVisible(f"There is no rubric {slug}@{version}.")
    return RubricOutSchema().dump(rubric)
