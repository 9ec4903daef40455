"""Method 2: the range missing information allows, and how much of a result rests on levels."""

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from assessor.scoring import ScoreRange, assessment_range, score_assessment
from tests.scoring.builders import INSUFFICIENT, NOT_APPLICABLE, level, make_rubric
from tests.scoring.test_scoring_properties import PROPERTY, answers_to, rubrics

# The example of docs/methodology.md, section 8.
RUBRIC = make_rubric(
    {
        "openness": (2.0, {"o1": 2.0, "o2": 1.0, "o3": 1.0}),
        "transparency": (1.0, {"t1": 1.0, "t2": 1.0}),
    }
)
ANSWERS = {"o1": level(3), "o2": INSUFFICIENT, "o3": level(1), "t1": level(4), "t2": NOT_APPLICABLE}


def test_the_worked_example_of_the_methodology():
    result = assessment_range(RUBRIC, ANSWERS)
    pillars = dict(result.pillars)
    assert pillars["openness"] == ScoreRange(low=43.75, high=68.75, information_coverage=75.0)
    assert pillars["transparency"] == ScoreRange(low=100.0, high=100.0, information_coverage=100.0)
    assert result.overall == ScoreRange(
        low=62.5,
        high=float(Fraction(475, 6)),
        information_coverage=float(Fraction(250, 3)),
    )


def test_nothing_judged_has_no_range():
    answers = {"t1": NOT_APPLICABLE}
    result = dict(assessment_range(RUBRIC, answers).pillars)["transparency"]
    assert result == ScoreRange(low=None, high=None, information_coverage=None)


def test_a_pillar_of_unknowns_only_spans_the_whole_scale_with_no_coverage():
    answers = {"t1": INSUFFICIENT, "t2": INSUFFICIENT}
    result = dict(assessment_range(RUBRIC, answers).pillars)["transparency"]
    assert result == ScoreRange(low=0.0, high=100.0, information_coverage=0.0)


@PROPERTY
@given(st.data())
def test_low_is_method_1s_score_and_never_above_high(data):
    rubric = data.draw(rubrics())
    answers = data.draw(answers_to(rubric))
    method_1 = score_assessment(rubric, answers)
    result = assessment_range(rubric, answers)
    assert result.overall.low == method_1.score
    for (key, pillar), scored in zip(result.pillars, method_1.pillars, strict=True):
        assert key == scored.key and pillar.low == scored.score
        if pillar.low is not None:
            assert pillar.low <= pillar.high and 0 <= pillar.information_coverage <= 100
    if result.overall.low is not None:
        assert result.overall.low <= result.overall.high


@PROPERTY
@given(st.data())
def test_without_unknowns_low_equals_high_and_coverage_is_full(data):
    rubric = data.draw(rubrics())
    answers = {
        key: answer
        for key, answer in data.draw(answers_to(rubric)).items()
        if not answer.insufficient_information
    }
    result = assessment_range(rubric, answers)
    for _, pillar in (("overall", result.overall), *result.pillars):
        assert pillar.low == pillar.high
        assert pillar.information_coverage in (None, 100.0)
