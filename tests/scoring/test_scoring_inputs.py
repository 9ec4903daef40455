"""Validation of the plain data the scoring engine accepts."""

import math

import pytest

from assessor.scoring import (
    Answer,
    PillarShape,
    QuestionShape,
    RubricShape,
    score_assessment,
)
from tests.scoring.builders import NOT_APPLICABLE, level, make_rubric


@pytest.mark.parametrize("weight", [0.0, -1.0, math.nan, math.inf])
def test_question_weight_must_be_positive_and_finite(weight: float) -> None:
    with pytest.raises(ValueError, match="weight"):
        QuestionShape("q1", weight)


def test_pillar_weight_must_be_positive() -> None:
    with pytest.raises(ValueError, match="weight"):
        PillarShape("p1", 0.0, (QuestionShape("q1", 1.0),))


def test_question_keys_are_unique_across_the_rubric() -> None:
    with pytest.raises(ValueError, match="duplicate question keys: q1"):
        make_rubric({"p1": (1.0, {"q1": 1.0}), "p2": (1.0, {"q1": 1.0})})


def test_pillar_keys_are_unique() -> None:
    pillar = PillarShape("p1", 1.0, ())
    with pytest.raises(ValueError, match="duplicate pillar keys: p1"):
        RubricShape((pillar, pillar))


@pytest.mark.parametrize("value", [-1, 5])
def test_level_is_between_0_and_4(value: int) -> None:
    with pytest.raises(ValueError, match="level"):
        Answer(level=value)


@pytest.mark.parametrize(
    "fields",
    [
        {"level": 2, "not_applicable": True},
        {"level": 2, "insufficient_information": True},
        {"not_applicable": True, "insufficient_information": True},
    ],
)
def test_an_answer_is_only_one_kind(fields: dict[str, object]) -> None:
    with pytest.raises(ValueError, match="one of"):
        Answer(**fields)


def test_evidence_count_is_not_negative() -> None:
    with pytest.raises(ValueError, match="evidence_count"):
        Answer(level=1, evidence_count=-1)


def test_an_answer_without_level_or_flag_is_missing() -> None:
    assert Answer().status == "missing"


def test_answers_to_unknown_questions_are_rejected() -> None:
    rubric = make_rubric({"p1": (1.0, {"q1": 1.0})})
    with pytest.raises(ValueError, match="not in the rubric: q9"):
        score_assessment(rubric, {"q1": level(1), "q9": level(2)})


def test_not_applicable_is_rejected_where_the_question_does_not_allow_it() -> None:
    question = QuestionShape("q1", 1.0, not_applicable_allowed=False)
    rubric = RubricShape((PillarShape("p1", 1.0, (question,)),))
    with pytest.raises(ValueError, match="cannot be answered not applicable"):
        score_assessment(rubric, {"q1": NOT_APPLICABLE})
