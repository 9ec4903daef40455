"""Properties of the method that must hold for any rubric and any answers."""

import dataclasses
import json
import math
from collections.abc import Iterator
from random import Random

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from assessor.scoring import (
    STAGES,
    Answer,
    AssessmentScore,
    Consolidation,
    PillarShape,
    QuestionShape,
    RatedAssessment,
    RubricShape,
    as_plain,
    consolidate,
    from_plain,
    score_assessment,
)
from tests.scoring.builders import INSUFFICIENT, NOT_APPLICABLE

PROPERTY = settings(max_examples=150, deadline=None)

weights = st.floats(min_value=0.1, max_value=10.0, allow_nan=False)
answers_one = st.one_of(
    st.builds(Answer, level=st.integers(0, 4), evidence_count=st.integers(0, 2)),
    st.just(NOT_APPLICABLE),
    st.just(INSUFFICIENT),
    st.just(Answer()),
)
perspectives = st.sampled_from(["academia", "civil society", "government"])


stage_tags = st.lists(st.sampled_from(STAGES), unique=True, max_size=2).map(tuple)


@st.composite
def rubrics(draw: st.DrawFn) -> RubricShape:
    """One to four pillars of one to five questions, with random weights, evidence thresholds
    and stage tags."""
    sizes = draw(st.lists(st.integers(1, 5), min_size=1, max_size=4))
    return RubricShape(
        tuple(
            PillarShape(
                f"p{i}",
                draw(weights),
                tuple(
                    QuestionShape(
                        f"p{i}q{j}",
                        draw(weights),
                        evidence_threshold=draw(st.integers(1, 4)),
                        stages=draw(stage_tags),
                    )
                    for j in range(n)
                ),
            )
            for i, n in enumerate(sizes)
        )
    )


def answers_to(rubric: RubricShape) -> st.SearchStrategy[dict[str, Answer]]:
    """Any answers to the rubric's questions; some keys left out (missing)."""
    keys = [question.key for question in rubric.questions()]
    return st.dictionaries(st.sampled_from(keys), answers_one, max_size=len(keys))


@st.composite
def assessments_of(draw: st.DrawFn, rubric: RubricShape) -> list[RatedAssessment]:
    """One to five assessments of the rubric with distinct ids."""
    count = draw(st.integers(1, 5))
    return [RatedAssessment(i, draw(perspectives), draw(answers_to(rubric))) for i in range(count)]


def all_scores(result: AssessmentScore | Consolidation) -> Iterator[float | None]:
    """The overall and pillar scores of a result, and the high ends of their ranges."""
    yield result.score
    yield from (pillar.score for pillar in result.pillars)
    yield result.high
    yield from (pillar.high for pillar in result.pillars)


def scores_by_key(result: AssessmentScore | Consolidation) -> dict[str, float | None]:
    """The overall (key "") and pillar scores by key, to compare across reordered rubrics."""
    return {"": result.score} | {pillar.key: pillar.score for pillar in result.pillars}


def shuffled(rubric: RubricShape, random: Random) -> RubricShape:
    """The same rubric with pillars and questions in another order."""
    pillars = [
        dataclasses.replace(p, questions=tuple(random.sample(p.questions, len(p.questions))))
        for p in rubric.pillars
    ]
    return RubricShape(tuple(random.sample(pillars, len(pillars))))


def scaled(rubric: RubricShape, factor: float) -> RubricShape:
    """The same rubric with every weight multiplied by factor."""
    return RubricShape(
        tuple(
            PillarShape(
                p.key,
                p.weight * factor,
                tuple(dataclasses.replace(q, weight=q.weight * factor) for q in p.questions),
            )
            for p in rubric.pillars
        )
    )


def without(rubric: RubricShape, key: str) -> RubricShape:
    """The rubric without one question."""
    return RubricShape(
        tuple(
            dataclasses.replace(p, questions=tuple(q for q in p.questions if q.key != key))
            for p in rubric.pillars
        )
    )


def close(after: list[float | None], before: list[float | None]) -> bool:
    """Whether two lists of optional numbers agree up to floating-point noise."""
    return len(after) == len(before) and all(
        new == old or (new is not None and old is not None and math.isclose(new, old, rel_tol=1e-9))
        for new, old in zip(after, before, strict=True)
    )


def within_0_and_100(scores: Iterator[float | None]) -> bool:
    """Whether every defined score lies in [0, 100]."""
    return all(0 <= score <= 100 for score in scores if score is not None)


def not_lower(
    after: AssessmentScore | Consolidation, before: AssessmentScore | Consolidation
) -> bool:
    """Whether no score of after is below the same score of before."""
    pairs = zip(all_scores(after), all_scores(before), strict=True)
    return all(new is None or old is None or new >= old for new, old in pairs)


@PROPERTY
@given(st.data())
def test_every_assessment_score_is_between_0_and_100(data: st.DataObject) -> None:
    rubric = data.draw(rubrics())
    result = score_assessment(rubric, data.draw(answers_to(rubric)))
    questions = (q.score for p in result.pillars for q in p.questions)
    assert within_0_and_100(all_scores(result)) and within_0_and_100(questions)


@PROPERTY
@given(st.data())
def test_a_result_read_back_from_json_is_the_result_scored(data: st.DataObject) -> None:
    """What is kept (JSON of as_plain) reads back equal to the last bit of every float."""
    rubric = data.draw(rubrics())
    result = score_assessment(rubric, data.draw(answers_to(rubric)))
    assert from_plain(json.loads(json.dumps(as_plain(result)))) == result


@PROPERTY
@given(st.data())
def test_every_consolidated_score_is_between_0_and_100(data: st.DataObject) -> None:
    rubric = data.draw(rubrics())
    result = consolidate(rubric, data.draw(assessments_of(rubric)))
    views = (score for view in result.perspectives for score in all_scores(view))
    assert within_0_and_100(all_scores(result)) and within_0_and_100(views)


@PROPERTY
@given(st.data(), st.randoms(use_true_random=False))
def test_question_order_does_not_change_assessment_scores(
    data: st.DataObject, random: Random
) -> None:
    rubric = data.draw(rubrics())
    answers = data.draw(answers_to(rubric))
    reordered = score_assessment(shuffled(rubric, random), answers)
    assert scores_by_key(reordered) == scores_by_key(score_assessment(rubric, answers))


@PROPERTY
@given(st.data(), st.randoms(use_true_random=False))
def test_question_order_does_not_change_consolidation(data: st.DataObject, random: Random) -> None:
    rubric = data.draw(rubrics())
    assessments = data.draw(assessments_of(rubric))
    original, reordered = (
        consolidate(rubric, assessments),
        consolidate(shuffled(rubric, random), assessments),
    )
    assert scores_by_key(reordered) == scores_by_key(original)
    assert close([reordered.alpha], [original.alpha])


@PROPERTY
@given(st.data(), st.randoms(use_true_random=False))
def test_assessor_order_does_not_change_consolidation(data: st.DataObject, random: Random) -> None:
    rubric = data.draw(rubrics())
    assessments = data.draw(assessments_of(rubric))
    reordered = random.sample(assessments, len(assessments))
    assert consolidate(rubric, reordered) == consolidate(rubric, assessments)


@PROPERTY
@given(st.data(), st.floats(min_value=0.01, max_value=100.0))
def test_scaling_all_weights_changes_no_score(data: st.DataObject, factor: float) -> None:
    rubric = data.draw(rubrics())
    answers = data.draw(answers_to(rubric))
    original, rescaled = (
        score_assessment(rubric, answers),
        score_assessment(scaled(rubric, factor), answers),
    )
    assert close(list(all_scores(rescaled)), list(all_scores(original)))


@PROPERTY
@given(st.data())
def test_removing_a_not_applicable_question_changes_no_score(data: st.DataObject) -> None:
    rubric = data.draw(rubrics())
    answers = data.draw(answers_to(rubric))
    removed = data.draw(st.sampled_from([question.key for question in rubric.questions()]))
    before = score_assessment(rubric, answers | {removed: NOT_APPLICABLE})
    after = score_assessment(
        without(rubric, removed), {k: a for k, a in answers.items() if k != removed}
    )
    assert list(all_scores(after)) == list(all_scores(before))
    assert (after.completeness, after.evidence_coverage) == (
        before.completeness,
        before.evidence_coverage,
    )


@PROPERTY
@given(st.data())
def test_raising_one_answer_by_one_level_never_lowers_a_score(data: st.DataObject) -> None:
    rubric = data.draw(rubrics())
    answers = data.draw(answers_to(rubric))
    raisable = [
        key for key, answer in answers.items() if answer.level is not None and answer.level < 4
    ]
    assume(raisable)
    key = data.draw(st.sampled_from(raisable))
    raised = answers | {key: dataclasses.replace(answers[key], level=answers[key].level + 1)}
    assert not_lower(score_assessment(rubric, raised), score_assessment(rubric, answers))


@PROPERTY
@given(st.data())
def test_raising_one_assessors_level_never_lowers_a_consolidated_score(data: st.DataObject) -> None:
    rubric = data.draw(rubrics())
    assessments = data.draw(assessments_of(rubric))
    raisable = [
        (index, key)
        for index, assessment in enumerate(assessments)
        for key, answer in assessment.answers.items()
        if answer.level is not None and answer.level < 4
    ]
    assume(raisable)
    index, key = data.draw(st.sampled_from(raisable))
    answer = assessments[index].answers[key]
    raised = list(assessments)
    raised[index] = dataclasses.replace(
        assessments[index],
        answers=assessments[index].answers
        | {key: dataclasses.replace(answer, level=answer.level + 1)},
    )
    assert not_lower(consolidate(rubric, raised), consolidate(rubric, assessments))


@PROPERTY
@given(st.data(), st.integers(2, 5))
def test_alpha_and_exact_agreement_are_one_for_identical_ratings(
    data: st.DataObject, count: int
) -> None:
    rubric = data.draw(rubrics())
    answers = data.draw(answers_to(rubric))
    assume(
        any(answer.status in ("level", "insufficient_information") for answer in answers.values())
    )
    result = consolidate(rubric, [RatedAssessment(i, "academia", answers) for i in range(count)])
    assert (result.alpha, result.exact_agreement) == (1.0, 1.0)


@PROPERTY
@given(st.data(), st.integers(1, 5))
def test_identical_assessments_consolidate_to_the_assessments_scores(
    data: st.DataObject, count: int
) -> None:
    rubric = data.draw(rubrics())
    answers = data.draw(answers_to(rubric))
    result = consolidate(rubric, [RatedAssessment(i, "academia", answers) for i in range(count)])
    assert list(all_scores(result)) == list(all_scores(score_assessment(rubric, answers)))
