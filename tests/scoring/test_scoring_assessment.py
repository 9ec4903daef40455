"""Scoring one assessment: hand-computed cases."""

import pytest

from assessor.scoring import (
    PillarShape,
    QuestionScore,
    QuestionShape,
    RubricShape,
    score_assessment,
)
from tests.scoring.builders import INSUFFICIENT, NOT_APPLICABLE, level, make_rubric


def test_a_single_question_scores_100_times_level_over_4() -> None:
    result = score_assessment(make_rubric({"p1": (1.0, {"q1": 1.0})}), {"q1": level(3)})
    assert (result.score, result.band) == (75.0, "Substantial")


def test_question_weights_weight_the_pillar_score() -> None:
    rubric = make_rubric({"p1": (1.0, {"q1": 3.0, "q2": 1.0})})
    result = score_assessment(rubric, {"q1": level(4), "q2": level(0)})
    assert result.pillars[0].score == 75.0  # (3 * 100 + 1 * 0) / 4


def test_pillar_weights_weight_the_overall_score() -> None:
    rubric = make_rubric({"p1": (3.0, {"q1": 1.0}), "p2": (1.0, {"q2": 1.0})})
    result = score_assessment(rubric, {"q1": level(2), "q2": level(4)})
    assert result.score == 62.5  # (3 * 50 + 1 * 100) / 4


def test_insufficient_information_scores_zero_and_is_counted() -> None:
    rubric = make_rubric({"p1": (1.0, {"q1": 1.0, "q2": 1.0})})
    result = score_assessment(rubric, {"q1": level(4), "q2": INSUFFICIENT})
    assert (result.score, result.insufficient_information) == (50.0, 1)


def test_not_applicable_is_left_out_of_the_score() -> None:
    rubric = make_rubric({"p1": (1.0, {"q1": 1.0, "q2": 5.0})})
    result = score_assessment(rubric, {"q1": level(4), "q2": NOT_APPLICABLE})
    assert (result.score, result.not_applicable, result.completeness) == (100.0, 1, 1.0)


def test_missing_is_left_out_of_the_score_but_lowers_completeness() -> None:
    rubric = make_rubric({"p1": (1.0, {"q1": 1.0, "q2": 1.0})})
    result = score_assessment(rubric, {"q1": level(1)})
    assert (result.score, result.missing, result.completeness) == (25.0, 1, 0.5)


def test_an_all_not_applicable_pillar_is_not_scored_and_left_out_of_the_overall() -> None:
    rubric = make_rubric({"p1": (1.0, {"q1": 1.0, "q2": 1.0}), "p2": (9.0, {"q3": 1.0})})
    result = score_assessment(rubric, {"q1": NOT_APPLICABLE, "q2": NOT_APPLICABLE, "q3": level(2)})
    pillar = result.pillars[0]
    assert (pillar.score, pillar.band, pillar.completeness) == (None, None, None)
    assert result.score == 50.0


def test_a_pillar_with_only_missing_answers_is_not_scored_and_zero_complete() -> None:
    rubric = make_rubric({"p1": (1.0, {"q1": 1.0})})
    result = score_assessment(rubric, {})
    assert (result.pillars[0].score, result.pillars[0].completeness) == (None, 0.0)


def test_no_scored_pillar_leaves_the_overall_not_scored() -> None:
    rubric = make_rubric({"p1": (1.0, {"q1": 1.0})})
    result = score_assessment(rubric, {"q1": NOT_APPLICABLE})
    assert (result.score, result.band, result.completeness) == (None, None, None)


def test_completeness_counts_insufficient_information_as_answered() -> None:
    rubric = make_rubric({"p1": (1.0, {"q1": 1.0, "q2": 1.0, "q3": 1.0, "q4": 1.0})})
    result = score_assessment(rubric, {"q1": INSUFFICIENT, "q2": level(0), "q3": NOT_APPLICABLE})
    assert result.completeness == pytest.approx(2 / 3)


def test_evidence_coverage_counts_only_levels_of_one_or_more() -> None:
    rubric = make_rubric({"p1": (1.0, {"q1": 1.0, "q2": 1.0, "q3": 1.0, "q4": 1.0})})
    answers = {"q1": level(0), "q2": INSUFFICIENT, "q3": level(2, evidence=3), "q4": level(1)}
    assert score_assessment(rubric, answers).evidence_coverage == 0.5


def test_evidence_coverage_is_undefined_without_levels_of_one_or_more() -> None:
    rubric = make_rubric({"p1": (1.0, {"q1": 1.0, "q2": 1.0})})
    result = score_assessment(rubric, {"q1": level(0, evidence=2), "q2": INSUFFICIENT})
    assert result.evidence_coverage is None


def test_pillar_completeness_and_coverage_count_only_its_own_questions() -> None:
    rubric = make_rubric({"p1": (1.0, {"q1": 1.0, "q2": 1.0}), "p2": (1.0, {"q3": 1.0})})
    result = score_assessment(rubric, {"q1": level(3, evidence=1), "q3": level(3)})
    first, second = result.pillars
    assert (first.completeness, first.evidence_coverage) == (0.5, 1.0)
    assert (second.completeness, second.evidence_coverage) == (1.0, 0.0)


def test_question_scores_report_status_and_level() -> None:
    rubric = make_rubric({"p1": (1.0, {"q1": 2.0, "q2": 1.0, "q3": 1.0, "q4": 1.0})})
    answers = {"q1": level(1), "q2": INSUFFICIENT, "q3": NOT_APPLICABLE}
    assert score_assessment(rubric, answers).pillars[0].questions == (
        QuestionScore("q1", 2.0, 25.0, "level", 1),
        QuestionScore("q2", 1.0, 0.0, "insufficient_information", None),
        QuestionScore("q3", 1.0, None, "not_applicable", None),
        QuestionScore("q4", 1.0, None, "missing", None),
    )


def test_scores_are_kept_unrounded() -> None:
    rubric = make_rubric({"p1": (1.0, {"q1": 1.0, "q2": 1.0, "q3": 1.0})})
    result = score_assessment(rubric, {"q1": level(1), "q2": level(1), "q3": level(2)})
    assert result.score == pytest.approx(100 / 3, rel=1e-15)


def test_evidence_coverage_asks_evidence_only_from_the_questions_threshold() -> None:
    """A level below its question's evidence threshold needs no evidence: it is not uncovered,
    as the questionnaire lets it be submitted without."""
    rubric = RubricShape(
        (
            PillarShape(
                "p1",
                1.0,
                (
                    QuestionShape("q1", 1.0, evidence_threshold=3),
                    QuestionShape("q2", 1.0, evidence_threshold=2),
                    QuestionShape("q3", 1.0, evidence_threshold=2),
                ),
            ),
        )
    )
    answers = {"q1": level(2), "q2": level(2, evidence=1), "q3": level(3)}
    assert score_assessment(rubric, answers).evidence_coverage == 0.5
    assert score_assessment(rubric, {"q1": level(2)}).evidence_coverage is None
