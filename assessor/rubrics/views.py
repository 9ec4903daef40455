"""Rubric pages: the list of rubrics and one rubric version in full."""

from itertools import groupby

from flask import Blueprint, abort, render_template

from assessor.db import db
from assessor.rubrics.schemas import RubricOutSchema, RubricSummaryOutSchema
from assessor.rubrics.service import find_rubric, list_rubric_versions

blueprint = Blueprint("rubrics", __name__, url_prefix="/rubrics")


@blueprint.get("")
def index():
    versions = RubricSummaryOutSchema(many=True).dump(list_rubric_versions(db.session))
    rubrics = [
        {"slug": slug, "versions": list(group)}
        for slug, group in groupby(versions, key=lambda version: version["slug"])
    ]
    return render_template("rubrics/index.html", rubrics=rubrics)


@blueprint.get("/<slug>/<version>")
def detail(slug: str, version: str):
    rubric = find_rubric(db.session, slug, version)
    if rubric is None:
        abort(404)
    return render_template("rubrics/detail.html", rubric=RubricOutSchema().dump(rubric))
