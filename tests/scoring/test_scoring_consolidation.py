"""Consolidating several assessments of one process: hand-computed cases."""

import pytest

from assessor.scoring import (
    Answer,
    ConsolidatedQuestion,
    PillarSpread,
    RatedAssessment,
    Rating,
    consolidate,
    score_assessment,
)
from tests.scoring.builders import INSUFFICIENT, NOT_APPLICABLE, level, make_rubric

ONE_QUESTION = make_rubric({"p1": (1.0, {"q1": 1.0})})


def rated(
    id_: int, answers: dict[str, Answer], perspective: str = "civil society"
) -> RatedAssessment:
    """A rated assessment from the civil-society perspective unless told otherwise."""
    return RatedAssessment(id_, perspective, answers)


def one_question_score(*answers: Answer) -> float | None:
    """The consolidated score of ONE_QUESTION given one answer per assessor."""
    result = consolidate(ONE_QUESTION, [rated(i, {"q1": a}) for i, a in enumerate(answers)])
    return result.questions[0].score


def test_question_score_is_the_median_for_an_odd_count() -> None:
    assert one_question_score(level(0), level(3), level(4)) == 75.0


def test_question_score_is_the_mean_of_the_middle_two_for_an_even_count() -> None:
    assert one_question_score(level(0), level(1), level(4), level(2)) == 37.5


def test_insufficient_information_counts_as_zero_in_the_median() -> None:
    assert one_question_score(INSUFFICIENT, INSUFFICIENT, level(4)) == 0.0


def test_a_strict_majority_of_not_applicable_makes_the_question_not_applicable() -> None:
    result = consolidate(
        ONE_QUESTION,
        [
            rated(1, {"q1": NOT_APPLICABLE}),
            rated(2, {"q1": NOT_APPLICABLE}),
            rated(3, {"q1": level(4)}),
        ],
    )
    assert result.questions == (ConsolidatedQuestion("q1", "p1", None, None, None, True),)
    assert result.score is None


def test_half_not_applicable_is_no_majority_and_the_others_are_scored() -> None:
    assert one_question_score(NOT_APPLICABLE, NOT_APPLICABLE, level(1), level(2)) == 37.5


def test_a_question_nobody_answered_applicably_is_not_scored() -> None:
    assert one_question_score(NOT_APPLICABLE, Answer()) is None


def test_pillar_and_overall_scores_use_the_rubric_weights() -> None:
    rubric = make_rubric({"p1": (1.0, {"q1": 3.0, "q2": 1.0}), "p2": (3.0, {"q3": 1.0})})
    assessments = [
        rated(1, {"q1": level(4), "q2": level(0), "q3": level(0)}),
        rated(2, {"q1": level(2), "q2": level(4), "q3": level(2)}),
    ]
    result = consolidate(rubric, assessments)
    # q1 median 75, q2 median 50, q3 median 25; p1 = (3*75 + 50) / 4; overall = (68.75 + 3*25) / 4
    assert [p.score for p in result.pillars] == [68.75, 25.0]
    assert (result.score, result.band) == (35.9375, "Minimal")


def test_agreement_is_measured_overall_and_per_pillar() -> None:
    rubric = make_rubric({"p1": (1.0, {"q1": 1.0, "q2": 1.0}), "p2": (1.0, {"q3": 1.0})})
    assessments = [
        rated(1, {"q1": level(0), "q2": level(4), "q3": level(2)}),
        rated(2, {"q1": level(4), "q2": level(0), "q3": level(2)}),
    ]
    result = consolidate(rubric, assessments)
    first, second = result.pillars
    assert (first.alpha, first.exact_agreement) == (pytest.approx(-0.5), 0.0)
    assert (second.alpha, second.exact_agreement) == (1.0, 1.0)
    assert result.exact_agreement == pytest.approx(1 / 3)


def test_disagreements_list_questions_spanning_two_levels_with_every_rating() -> None:
    rubric = make_rubric({"p1": (1.0, {"q1": 1.0, "q2": 1.0})})
    assessments = [
        rated(2, {"q1": level(1, rationale="no minutes"), "q2": level(1)}, "government"),
        rated(1, {"q1": level(3, rationale="open calls"), "q2": level(2)}),
        rated(3, {"q1": NOT_APPLICABLE, "q2": level(2)}),
    ]
    (disagreement,) = consolidate(rubric, assessments).disagreements
    assert (disagreement.question_key, disagreement.pillar_key, disagreement.span) == (
        "q1",
        "p1",
        2,
    )
    assert disagreement.ratings == (
        Rating(1, "civil society", 3, "level", "open calls"),
        Rating(2, "government", 1, "level", "no minutes"),
        Rating(3, "civil society", None, "not_applicable", ""),
    )


def test_insufficient_information_counts_as_level_zero_in_a_disagreement() -> None:
    assessments = [rated(1, {"q1": INSUFFICIENT}), rated(2, {"q1": level(2)})]
    assert consolidate(ONE_QUESTION, assessments).disagreements[0].span == 2


def test_perspectives_are_consolidated_separately_and_ordered_by_name() -> None:
    assessments = [
        rated(1, {"q1": level(4)}, "technical community"),
        rated(2, {"q1": level(1)}, "government"),
        rated(3, {"q1": level(3)}, "government"),
    ]
    views = consolidate(ONE_QUESTION, assessments).perspectives
    assert [(v.perspective, v.assessment_ids, v.score) for v in views] == [
        ("government", (2, 3), 50.0),
        ("technical community", (1,), 100.0),
    ]
    assert [v.alpha for v in views] == [pytest.approx(0.0), None]  # one question: Do = De


def test_spread_is_max_minus_min_of_the_perspectives_pillar_scores() -> None:
    rubric = make_rubric({"p1": (1.0, {"q1": 1.0}), "p2": (1.0, {"q2": 1.0})})
    assessments = [
        rated(1, {"q1": level(1), "q2": level(2)}, "government"),
        rated(2, {"q1": level(4), "q2": NOT_APPLICABLE}, "private sector"),
        rated(3, {"q1": level(2), "q2": NOT_APPLICABLE}, "academia"),
    ]
    assert consolidate(rubric, assessments).spread == (
        PillarSpread("p1", 75.0),
        PillarSpread("p2", None),  # only one perspective scored it
    )


def test_a_single_assessment_consolidates_to_its_own_scores_without_agreement() -> None:
    rubric = make_rubric({"p1": (2.0, {"q1": 1.0, "q2": 3.0}), "p2": (1.0, {"q3": 1.0})})
    answers = {"q1": level(1), "q2": INSUFFICIENT, "q3": level(3)}
    single, alone = consolidate(rubric, [rated(7, answers)]), score_assessment(rubric, answers)
    assert [p.score for p in single.pillars] == [p.score for p in alone.pillars]
    assert (single.score, single.alpha, single.exact_agreement) == (alone.score, None, None)


def test_assessment_ids_are_reported_in_ascending_order() -> None:
    assessments = [rated(5, {"q1": level(1)}), rated(2, {"q1": level(1)})]
    assert consolidate(ONE_QUESTION, assessments).assessment_ids == (2, 5)


def test_consolidating_nothing_is_rejected() -> None:
    with pytest.raises(ValueError, match="at least one"):
        consolidate(ONE_QUESTION, [])


def test_the_same_assessment_twice_is_rejected() -> None:
    with pytest.raises(ValueError, match="more than once"):
        consolidate(ONE_QUESTION, [rated(1, {}), rated(1, {})])


def test_a_consolidated_question_has_the_range_of_its_ratings() -> None:
    """Low: the median with unknowns at 0; high: with unknowns met; coverage: ratings at a level."""
    result = consolidate(
        ONE_QUESTION,
        [
            rated(1, {"q1": INSUFFICIENT}),
            rated(2, {"q1": level(2)}),
            rated(3, {"q1": INSUFFICIENT}),
            rated(4, {"q1": NOT_APPLICABLE}),
        ],
    )
    (question,) = result.questions
    assert (question.score, question.high) == (0.0, 100.0)
    assert question.information_coverage == pytest.approx(100 / 3)
    assert (result.score, result.high) == (0.0, 100.0)
    assert result.information_coverage == pytest.approx(100 / 3)
