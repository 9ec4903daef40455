"""Method 2: the range missing information allows, and how much of a result rests on levels."""

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from assessor.scoring import ScoreRange, score_assessment
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


def ranges(result):
    """The overall range and each pillar's, by key ("overall" for the whole)."""
    found = {"overall": ScoreRange(result.score, result.high, result.information_coverage)}
    for pillar in result.pillars:
        found[pillar.key] = ScoreRange(pillar.score, pillar.high, pillar.information_coverage)
    return found


def test_the_worked_example_of_the_methodology():
    found = ranges(score_assessment(RUBRIC, ANSWERS))
    assert found["openness"] == ScoreRange(low=43.75, high=68.75, information_coverage=75.0)
    assert found["transparency"] == ScoreRange(low=100.0, high=100.0, information_coverage=100.0)
    assert found["overall"] == ScoreRange(
        low=62.5,
        high=float(Fraction(475, 6)),
        information_coverage=float(Fraction(250, 3)),
    )


def test_nothing_judged_has_no_range():
    found = ranges(score_assessment(RUBRIC, {"t1": NOT_APPLICABLE}))
    assert found["transparency"] == ScoreRange(low=None, high=None, information_coverage=None)
    assert found["overall"] == ScoreRange(low=None, high=None, information_coverage=None)


def test_a_pillar_of_unknowns_only_spans_the_whole_scale_with_no_coverage():
    found = ranges(score_assessment(RUBRIC, {"t1": INSUFFICIENT, "t2": INSUFFICIENT}))
    assert found["transparency"] == ScoreRange(low=0.0, high=100.0, information_coverage=0.0)


def test_a_pillar_with_nothing_judged_takes_no_part_in_the_overall_range():
    answers = {"o1": level(2), "t1": NOT_APPLICABLE, "t2": NOT_APPLICABLE}
    found = ranges(score_assessment(RUBRIC, answers))
    assert found["overall"] == ScoreRange(low=50.0, high=50.0, information_coverage=100.0)


@PROPERTY
@given(st.data())
def test_low_is_never_above_high_and_coverage_is_a_percentage(data):
    rubric = data.draw(rubrics())
    found = ranges(score_assessment(rubric, data.draw(answers_to(rubric))))
    for result in found.values():
        if result.low is None:
            assert result == ScoreRange(None, None, None)
        else:
            assert result.low <= result.high and 0 <= result.information_coverage <= 100


@PROPERTY
@given(st.data())
def test_without_unknowns_low_equals_high_and_coverage_is_full(data):
    rubric = data.draw(rubrics())
    answers = {
        key: answer
        for key, answer in data.draw(answers_to(rubric)).items()
        if not answer.insufficient_information
    }
    for result in ranges(score_assessment(rubric, answers)).values():
        assert result.low == result.high
        assert result.information_coverage in (None, 100.0)


@PROPERTY
@given(st.data())
def test_answering_an_unknown_at_a_level_keeps_the_score_within_the_range(data):
    """The range is honest: whatever level an unknown turns out to be, the score lands in it."""
    rubric = data.draw(rubrics())
    answers = data.draw(answers_to(rubric))
    unknowns = [key for key, answer in answers.items() if answer.insufficient_information]
    before = score_assessment(rubric, answers)
    settled = {**answers, **{key: level(data.draw(st.integers(0, 4))) for key in unknowns}}
    after = score_assessment(rubric, settled)
    if before.score is not None:
        assert before.score <= after.score <= before.high


def method_1_score(rubric, answers) -> float | None:
    """Method 1's overall score, written out from docs/methodology.md section 3: level L is
    25 x L, insufficient information 0, not applicable and missing left out."""
    pillars = []
    for pillar in rubric.pillars:
        judged = []
        for question in pillar.questions:
            answer = answers.get(question.key)
            if answer is None or answer.not_applicable:
                continue
            if answer.insufficient_information:
                judged.append((question.weight, 0.0))
            elif answer.level is not None:
                judged.append((question.weight, 25.0 * answer.level))
        if judged:
            mean = sum(w * s for w, s in judged) / sum(w for w, _ in judged)
            pillars.append((pillar.weight, mean))
    if not pillars:
        return None
    return sum(w * s for w, s in pillars) / sum(w for w, _ in pillars)


@PROPERTY
@given(st.data())
def test_method_2_low_is_method_1_s_score(data):
    rubric = data.draw(rubrics())
    answers = data.draw(answers_to(rubric))
    expected = method_1_score(rubric, answers)
    low = score_assessment(rubric, answers).score
    assert (low is None) == (expected is None)
    if expected is not None:
        assert abs(low - expected) < 1e-9
