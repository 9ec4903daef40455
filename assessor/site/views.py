"""The home page and the scoring methodology."""

from flask import Blueprint, render_template

from assessor.db import db
from assessor.rubrics.schemas import RubricSummaryOutSchema
from assessor.rubrics.service import list_rubric_versions
from assessor.scoring import METHOD_VERSION
from assessor.site.methodology import methodology_html

blueprint = Blueprint("site", __name__)


@blueprint.get("/")
def home():
    rubrics = RubricSummaryOutSchema(many=True).dump(list_rubric_versions(db.session))
    return render_template("site/home.html", rubrics=rubrics)


@blueprint.get("/methodology")
def methodology():
    return render_template(
        "site/methodology.html", method_version=METHOD_VERSION, document=methodology_html()
    )
