"""Where assessors disagree: a bounded summary on the scorecard, and every rating apart.

A busy process has hundreds of published assessments, and listing each one's rating of every
disputed question made its scorecard a megabyte. The scorecard shows per disputed question how
many ratings chose each level, overall and per perspective, and a few ratings at either end;
the question's ratings page (and the API's consolidation) lists every rating, so that each
count can be traced to the answers behind it.
"""

from collections.abc import Mapping, Sequence
from itertools import groupby
from typing import Any

from assessor import scoring
from assessor.stakeholders import stakeholder_label

# The columns of a disagreement's counts: the five levels, then the answers without a level.
RATING_COLUMNS = ("0", "1", "2", "3", "4", "insufficient_information", "not_applicable", "missing")
# Ratings quoted at each end of a disagreement; the ratings page has the others.
QUOTED_PER_EXTREME = 2
# The language each rationale was written in, by (assessment id, question key).
RationaleLanguages = Mapping[tuple[int, str], str]


def rating_data(
    rating: scoring.Rating, question_key: str, languages: RationaleLanguages
) -> dict[str, Any]:
    """One assessor's rating as page, PDF and ratings page show it."""
    return {
        "assessment_id": rating.assessment_id,
        "perspective": stakeholder_label(rating.perspective),
        "level": rating.level,
        "status": rating.status,
        "rationale": rating.rationale,
        "rationale_language": languages.get((rating.assessment_id, question_key)),
    }


def _column(rating: scoring.Rating) -> str:
    return str(rating.level) if rating.status == "level" else rating.status


def level_counts(ratings: Sequence[scoring.Rating]) -> list[int]:
    """How many ratings fall in each of RATING_COLUMNS."""
    columns = [_column(rating) for rating in ratings]
    return [columns.count(column) for column in RATING_COLUMNS]


def _compared_level(rating: scoring.Rating) -> int | None:
    """The level the span compares: insufficient information counts as 0 (see rated_level)."""
    return 0 if rating.status == "insufficient_information" else rating.level


def _extreme(
    ratings: Sequence[scoring.Rating], level: int, question_key: str, languages: RationaleLanguages
) -> dict[str, Any]:
    at_level = [rating for rating in ratings if _compared_level(rating) == level]
    # Ratings that give a reason say more than those that do not.
    quoted = sorted(at_level, key=lambda rating: (not rating.rationale, rating.assessment_id))
    return {
        "level": level,
        "count": len(at_level),
        "quoted": [
            rating_data(rating, question_key, languages) for rating in quoted[:QUOTED_PER_EXTREME]
        ],
    }


def _per_perspective(ratings: Sequence[scoring.Rating]) -> list[dict[str, Any]]:
    by_perspective = sorted(ratings, key=lambda rating: rating.perspective)
    return [
        {"perspective": stakeholder_label(perspective), "counts": level_counts(list(group))}
        for perspective, group in groupby(by_perspective, key=lambda rating: rating.perspective)
    ]


def disagreement_summary(
    disagreement: scoring.Disagreement, number: str, prompt: str, languages: RationaleLanguages
) -> dict[str, Any]:
    """A disputed question: its counts per level, overall and per perspective, and its ends."""
    ratings = disagreement.ratings
    levels = [level for level in map(_compared_level, ratings) if level is not None]
    return {
        "number": number,
        "key": disagreement.question_key,
        "prompt": prompt,
        "span": disagreement.span,
        "ratings": len(ratings),
        "counts": level_counts(ratings),
        "perspectives": _per_perspective(ratings),
        "lowest": _extreme(ratings, min(levels), disagreement.question_key, languages),
        "highest": _extreme(ratings, max(levels), disagreement.question_key, languages),
    }


def question_ratings(
    rated: Sequence[scoring.RatedAssessment], question_key: str
) -> list[scoring.Rating]:
    """Every assessment's rating of one question, by assessment id, as consolidation reads them."""
    ratings = []
    for assessment in sorted(rated, key=lambda assessment: assessment.id):
        answer = assessment.answers.get(question_key, scoring.Answer())
        ratings.append(
            scoring.Rating(
                assessment.id, assessment.perspective, answer.level, answer.status, answer.rationale
            )
        )
    return ratings
