"""The home page and the scoring methodology."""

from flask import Blueprint, render_template

from assessor.db import db
from assessor.languages.selection import current_language, text_direction
from assessor.public_pages import public_page
from assessor.rubrics.schemas import RubricSummaryOutSchema, dump_in_language
from assessor.rubrics.service import list_rubric_versions
from assessor.scoring import METHOD_VERSION
from assessor.site.home import latest_scorecards, own_work, ready_comparison
from assessor.site.methodology import methodology_html
from assessor.users.current import signed_in_user

blueprint = Blueprint("site", __name__)


@blueprint.get("/")
@public_page
def home():
    rubrics = dump_in_language(
        RubricSummaryOutSchema(many=True), list_rubric_versions(db.session), current_language()
    )
    return render_template(
        "site/home.html",
        rubrics=rubrics,
        direction_of=text_direction,
        latest=latest_scorecards(db.session),
        compared=ready_comparison(db.session),
        work=own_work(db.session, signed_in_user()),
    )


@blueprint.get("/methodology")
@public_page
def methodology():
    return render_template(
        "site/methodology.html", method_version=METHOD_VERSION, document=methodology_html()
    )
