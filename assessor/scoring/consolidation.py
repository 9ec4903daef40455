"""Consolidating several assessments of one process on one rubric version."""

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import groupby

from .aggregation import median, weighted_mean
from .agreement import Unit, exact_agreement, level_span, ordinal_alpha, rated_level
from .bands import Band, band_of
from .inputs import QuestionShape, RatedAssessment, RubricShape, Status, answers_in_rubric_order
from .questions import high_question_score, question_score
from .ranges import NOTHING_JUDGED, ScoreRange, at_a_level, combined_range

# Levels two or more apart mean the assessors read the process differently, not just finely.
DISAGREEMENT_SPAN = 2


@dataclass(frozen=True, slots=True)
class ConsolidatedQuestion:
    """A question's consolidated score: the median of the applicable answers' scores; its high
    end, the median with unknowns met; and the share of its ratings given at a level (0-100)."""

    key: str
    pillar_key: str
    score: float | None
    high: float | None
    information_coverage: float | None
    not_applicable: bool

    @property
    def score_range(self) -> ScoreRange:
        return ScoreRange(self.score, self.high, self.information_coverage)


@dataclass(frozen=True, slots=True)
class ConsolidatedPillar:
    """A pillar's consolidated score, range and band, and the assessors' agreement on its
    questions."""

    key: str
    score: float | None
    high: float | None
    information_coverage: float | None
    band: Band | None
    alpha: float | None
    exact_agreement: float | None


@dataclass(frozen=True, slots=True)
class Rating:
    """One assessor's answer to a disputed question, with the rationale they gave."""

    assessment_id: int
    perspective: str
    level: int | None
    status: Status
    rationale: str


@dataclass(frozen=True, slots=True)
class Disagreement:
    """A question whose levels span DISAGREEMENT_SPAN or more, with every assessor's rating."""

    question_key: str
    pillar_key: str
    span: int
    ratings: tuple[Rating, ...]


@dataclass(frozen=True, slots=True)
class PerspectiveView:
    """The consolidation restricted to the assessments of one stakeholder perspective."""

    perspective: str
    assessment_ids: tuple[int, ...]
    score: float | None
    high: float | None
    information_coverage: float | None
    band: Band | None
    alpha: float | None
    exact_agreement: float | None
    pillars: tuple[ConsolidatedPillar, ...]


@dataclass(frozen=True, slots=True)
class PillarSpread:
    """How far apart the perspectives' scores for a pillar are (max - min)."""

    pillar_key: str
    spread: float | None


@dataclass(frozen=True, slots=True)
class Consolidation:
    """The consolidated result of several assessments, its range, the assessors' agreement, and
    the perspectives."""

    assessment_ids: tuple[int, ...]
    score: float | None
    high: float | None
    information_coverage: float | None
    band: Band | None
    alpha: float | None
    exact_agreement: float | None
    pillars: tuple[ConsolidatedPillar, ...]
    questions: tuple[ConsolidatedQuestion, ...]
    disagreements: tuple[Disagreement, ...]
    perspectives: tuple[PerspectiveView, ...]
    spread: tuple[PillarSpread, ...]


def _prepared(
    rubric: RubricShape, assessments: Sequence[RatedAssessment]
) -> tuple[RatedAssessment, ...]:
    """The assessments ordered by id, each with an answer (maybe missing) to every question."""
    ids = [assessment.id for assessment in assessments]
    if not ids:
        raise ValueError("consolidation needs at least one assessment")
    if len(set(ids)) < len(ids):
        raise ValueError("the same assessment is given more than once")
    return tuple(
        RatedAssessment(a.id, a.perspective, answers_in_rubric_order(rubric, a.answers))
        for a in sorted(assessments, key=lambda a: a.id)
    )


def _consolidate_question(
    key: str, pillar_key: str, assessments: Sequence[RatedAssessment]
) -> ConsolidatedQuestion:
    """Not applicable if a strict majority said so; otherwise the median applicable score, at
    each end of the range."""
    answers = [assessment.answers[key] for assessment in assessments]
    if 2 * sum(answer.not_applicable for answer in answers) > len(answers):
        return ConsolidatedQuestion(key, pillar_key, *_as_fields(NOTHING_JUDGED), True)
    judged = [answer for answer in answers if question_score(answer) is not None]
    return ConsolidatedQuestion(
        key,
        pillar_key,
        score=median([question_score(answer) for answer in judged]),
        high=median([high_question_score(answer) for answer in judged]),
        information_coverage=weighted_mean((1.0, at_a_level(answer)) for answer in judged),
        not_applicable=False,
    )


def _as_fields(result: ScoreRange) -> tuple[float | None, float | None, float | None]:
    return result.low, result.high, result.information_coverage


def _consolidate_questions(
    rubric: RubricShape, assessments: Sequence[RatedAssessment]
) -> tuple[ConsolidatedQuestion, ...]:
    """Every question of the rubric, consolidated, in rubric order."""
    return tuple(
        _consolidate_question(question.key, pillar.key, assessments)
        for pillar in rubric.pillars
        for question in pillar.questions
    )


def _unit(key: str, assessments: Sequence[RatedAssessment]) -> Unit:
    """Each assessor's level for one question, as the agreement measures compare them."""
    return [rated_level(assessment.answers[key]) for assessment in assessments]


def _units(
    questions: Sequence[QuestionShape], assessments: Sequence[RatedAssessment]
) -> list[Unit]:
    """The units of several questions."""
    return [_unit(question.key, assessments) for question in questions]


def _consolidate_pillars(
    rubric: RubricShape,
    assessments: Sequence[RatedAssessment],
    questions: Sequence[ConsolidatedQuestion],
) -> tuple[ConsolidatedPillar, ...]:
    """Each pillar's score and range from the consolidated questions', and agreement on it."""
    by_key = {question.key: question for question in questions}
    pillars = []
    for pillar in rubric.pillars:
        result = combined_range((q.weight, by_key[q.key].score_range) for q in pillar.questions)
        units = _units(pillar.questions, assessments)
        pillars.append(
            ConsolidatedPillar(
                pillar.key,
                *_as_fields(result),
                band_of(result.low),
                ordinal_alpha(units),
                exact_agreement(units),
            )
        )
    return tuple(pillars)


def _overall(rubric: RubricShape, pillars: Sequence[ConsolidatedPillar]) -> ScoreRange:
    """The overall score and range from the consolidated pillars'."""
    return combined_range(
        (shape.weight, ScoreRange(p.score, p.high, p.information_coverage))
        for shape, p in zip(rubric.pillars, pillars, strict=True)
    )


def _disagreements(
    rubric: RubricShape, assessments: Sequence[RatedAssessment]
) -> tuple[Disagreement, ...]:
    """The questions whose levels span DISAGREEMENT_SPAN or more, in rubric order."""
    disagreements = []
    for pillar in rubric.pillars:
        for question in pillar.questions:
            span = level_span(_unit(question.key, assessments))
            if span is not None and span >= DISAGREEMENT_SPAN:
                ratings = tuple(_rating(a, question.key) for a in assessments)
                disagreements.append(Disagreement(question.key, pillar.key, span, ratings))
    return tuple(disagreements)


def _rating(assessment: RatedAssessment, question_key: str) -> Rating:
    """One assessor's answer to a question, as shown with a disagreement."""
    answer = assessment.answers[question_key]
    return Rating(
        assessment.id, assessment.perspective, answer.level, answer.status, answer.rationale
    )


def _perspective_view(
    rubric: RubricShape, perspective: str, assessments: Sequence[RatedAssessment]
) -> PerspectiveView:
    """The consolidation of one perspective's assessments."""
    questions = _consolidate_questions(rubric, assessments)
    pillars = _consolidate_pillars(rubric, assessments, questions)
    result = _overall(rubric, pillars)
    units = _units(rubric.questions(), assessments)
    return PerspectiveView(
        perspective=perspective,
        assessment_ids=tuple(assessment.id for assessment in assessments),
        score=result.low,
        high=result.high,
        information_coverage=result.information_coverage,
        band=band_of(result.low),
        alpha=ordinal_alpha(units),
        exact_agreement=exact_agreement(units),
        pillars=pillars,
    )


def _perspective_views(
    rubric: RubricShape, assessments: Sequence[RatedAssessment]
) -> tuple[PerspectiveView, ...]:
    """One view per perspective that has assessments, ordered by perspective name."""
    by_perspective = sorted(assessments, key=lambda a: (a.perspective, a.id))
    return tuple(
        _perspective_view(rubric, perspective, tuple(group))
        for perspective, group in groupby(by_perspective, key=lambda a: a.perspective)
    )


def _spread(across_perspectives: Sequence[ConsolidatedPillar]) -> PillarSpread:
    """Max - min of one pillar's perspective scores; None unless two perspectives scored it."""
    scored = [pillar.score for pillar in across_perspectives if pillar.score is not None]
    spread = max(scored) - min(scored) if len(scored) >= 2 else None
    return PillarSpread(across_perspectives[0].key, spread)


def _spreads(perspectives: Sequence[PerspectiveView]) -> tuple[PillarSpread, ...]:
    """The spread of every pillar, in rubric order."""
    by_pillar = zip(*(view.pillars for view in perspectives), strict=True)
    return tuple(_spread(across_perspectives) for across_perspectives in by_pillar)


def consolidate(rubric: RubricShape, assessments: Sequence[RatedAssessment]) -> Consolidation:
    """Consolidate the published assessments of one process on one rubric version."""
    rated = _prepared(rubric, assessments)
    questions = _consolidate_questions(rubric, rated)
    pillars = _consolidate_pillars(rubric, rated, questions)
    result = _overall(rubric, pillars)
    units = _units(rubric.questions(), rated)
    perspectives = _perspective_views(rubric, rated)
    return Consolidation(
        assessment_ids=tuple(assessment.id for assessment in rated),
        score=result.low,
        high=result.high,
        information_coverage=result.information_coverage,
        band=band_of(result.low),
        alpha=ordinal_alpha(units),
        exact_agreement=exact_agreement(units),
        pillars=pillars,
        questions=questions,
        disagreements=_disagreements(rubric, rated),
        perspectives=perspectives,
        spread=_spreads(perspectives),
    )
