"""A disagreement's summary stays the same size however many assessors rated the question."""

from assessor import scoring
from assessor.scorecards.disagreements import (
    QUOTED_PER_EXTREME,
    disagreement_summary,
    question_ratings,
)

PERSPECTIVES = ("government", "civil_society", "academia")


def many_ratings(count: int) -> tuple[scoring.Rating, ...]:
    """Ratings at levels 0, 1, 2... in turn, every fifth one insufficient information."""
    return tuple(
        scoring.Rating(i, PERSPECTIVES[i % 3], None, "insufficient_information", "")
        if i % 5 == 4
        else scoring.Rating(i, PERSPECTIVES[i % 3], i % 4, "level", f"Reason {i}.")
        for i in range(count)
    )


def summary(count: int) -> dict:
    disagreement = scoring.Disagreement("q", "p", 3, many_ratings(count))
    return disagreement_summary(disagreement, "1.1", "Is it open?", {})


def test_the_summary_quotes_a_few_ratings_at_each_end_whatever_their_number():
    for count in (10, 1000):
        found = summary(count)
        assert len(found["lowest"]["quoted"]) == QUOTED_PER_EXTREME
        assert len(found["highest"]["quoted"]) == QUOTED_PER_EXTREME
        assert len(found["perspectives"]) == len(PERSPECTIVES)


def test_the_counts_add_up_to_every_rating_overall_and_per_perspective():
    found = summary(1000)
    assert sum(found["counts"]) == found["ratings"] == 1000
    per_perspective = [sum(view["counts"][i] for view in found["perspectives"]) for i in range(8)]
    assert per_perspective == found["counts"]


def test_insufficient_information_counts_at_the_lowest_end():
    found = summary(10)
    assert found["lowest"]["level"] == 0
    # Levels 0 at ratings 0 and 8, insufficient information at 4 and 9.
    assert found["lowest"]["count"] == 4
    assert found["counts"][5] == 2


def test_quoted_ratings_prefer_those_that_give_a_reason():
    found = summary(10)
    assert all(rating["rationale"] for rating in found["lowest"]["quoted"])


def test_question_ratings_give_every_assessment_in_id_order_missing_answers_included():
    rated = [
        scoring.RatedAssessment(7, "government", {"q": scoring.Answer(level=1)}),
        scoring.RatedAssessment(3, "academia", {}),
    ]
    ratings = question_ratings(rated, "q")
    assert [(r.assessment_id, r.status, r.level) for r in ratings] == [
        (3, "missing", None),
        (7, "level", 1),
    ]
