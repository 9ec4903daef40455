"""GET /api/v1/comparisons: published scorecards side by side, as /compare.json gives them."""

from flask import Blueprint
from flask_babel import force_locale

from assessor.api.openapi import Operation
from assessor.api.requests import query_args
from assessor.comparisons.export import comparison_json
from assessor.comparisons.schemas import ComparisonArgsSchema, ComparisonSchema
from assessor.comparisons.service import build_comparison
from assessor.db import db
from assessor.languages.selection import SOURCE_LANGUAGE

blueprint = Blueprint("comparisons", __name__)

COMPARABLE = (
    "Every id must name a published or withdrawn scorecard, all of one rubric (versions of it "
    "are compared on the pillars and questions they share); `baseline` must be one of `ids`."
)


@blueprint.get("/comparisons")
@Operation(
    tag="comparisons",
    returns="The comparison.",
    response=ComparisonSchema,
    query=ComparisonArgsSchema,
    rules=(COMPARABLE,),
)
def show():
    """Compare published scorecards.

    Each scorecard's own scores, computed on its own rubric version: `rows` holds the overall
    score, each shared pillar's, completeness and evidence coverage, one cell per scorecard.
    A score (0-100, 2 decimals; its band; the highest marked `best`) comes with its
    `score_range` (`low` is the score, insufficient information counting 0; `high` counts
    every unknown as met) and its `information_coverage` (0-100: the share of the judged
    weight answered at a level). `questions` lists each shared question's answers, the widest
    `level_spread` first: the highest minus the lowest level among the answers at a level,
    `unknowns` counting the answers of insufficient information apart; questions with fewer
    than two answers at a level come last, in the rubric's order. `stages` gives each
    scorecard's stage x pillar matrix (`stage_tags` false and no rows where its rubric version
    tags no question with a stage), `falls_below_earlier` flagging a phase whose high end lies
    25 points or more below an earlier phase's score. `not_comparable` lists, per rubric
    version, the pillars and questions only some versions have.
    """
    args = query_args()
    # Words such as measure labels in English, rubric text in the language asked for.
    with force_locale(SOURCE_LANGUAGE):
        comparison = build_comparison(
            db.session, args["ids"], args.get("baseline"), args.get("lang")
        )
        return comparison_json(comparison)
