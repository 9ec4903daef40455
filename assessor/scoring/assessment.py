"""Scoring one assessment: question, pillar and overall scores with their ranges, completeness,
evidence coverage, and the stage matrix."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .bands import Band, band_of
from .inputs import (
    Answer,
    PillarShape,
    QuestionShape,
    RubricShape,
    Status,
    answers_in_rubric_order,
)
from .questions import question_score
from .ranges import ScoreRange, answers_range, combined_range
from .stage_matrix import StageRow, stage_matrix


@dataclass(frozen=True, slots=True)
class QuestionScore:
    """A question's score (None when not applicable or missing) and the answer behind it."""

    key: str
    weight: float
    score: float | None
    status: Status
    level: int | None


@dataclass(frozen=True, slots=True)
class PillarScore:
    """A pillar's score (None: not scored) and the high end of its range, how much of it rests
    on levels (0-100), band, completeness and evidence coverage."""

    key: str
    weight: float
    score: float | None
    high: float | None
    information_coverage: float | None
    band: Band | None
    completeness: float | None
    evidence_coverage: float | None
    questions: tuple[QuestionScore, ...]


@dataclass(frozen=True, slots=True)
class AssessmentScore:
    """An assessment's overall result and range, the counts of non-level answers, its pillars
    and its stage matrix."""

    score: float | None
    high: float | None
    information_coverage: float | None
    band: Band | None
    completeness: float | None
    evidence_coverage: float | None
    insufficient_information: int
    not_applicable: int
    missing: int
    pillars: tuple[PillarScore, ...]
    stages: tuple[StageRow, ...]


def _share(numerator: int, denominator: int) -> float | None:
    """numerator / denominator, or None when there is nothing to divide by."""
    return numerator / denominator if denominator else None


def completeness(answers: Iterable[Answer]) -> float | None:
    """Answered applicable questions / applicable questions (all minus not applicable)."""
    applicable = [answer for answer in answers if not answer.not_applicable]
    answered = [answer for answer in applicable if answer.status != "missing"]
    return _share(len(answered), len(applicable))


def evidence_coverage(answered: Iterable[tuple[QuestionShape, Answer]]) -> float | None:
    """Share of the answers whose level requires evidence that cite at least one item.

    A level requires evidence from its question's evidence_threshold up, the rule the
    questionnaire applies before submission; an answer below it is not uncovered.
    """
    required = [
        answer
        for question, answer in answered
        if answer.level is not None and answer.level >= question.evidence_threshold
    ]
    evidenced = [answer for answer in required if answer.evidence_count > 0]
    return _share(len(evidenced), len(required))


def _score_question(question: QuestionShape, answer: Answer) -> QuestionScore:
    """The QuestionScore of one answered (or missing) question."""
    return QuestionScore(
        question.key, question.weight, question_score(answer), answer.status, answer.level
    )


def _score_pillar(pillar: PillarShape, answers: Mapping[str, Answer]) -> PillarScore:
    """The PillarScore from the answers to the pillar's questions."""
    questions = tuple(_score_question(q, answers[q.key]) for q in pillar.questions)
    answered = [(question, answers[question.key]) for question in pillar.questions]
    result = answers_range((question.weight, answer) for question, answer in answered)
    return PillarScore(
        key=pillar.key,
        weight=pillar.weight,
        score=result.low,
        high=result.high,
        information_coverage=result.information_coverage,
        band=band_of(result.low),
        completeness=completeness(answer for _, answer in answered),
        evidence_coverage=evidence_coverage(answered),
        questions=questions,
    )


def score_assessment(rubric: RubricShape, answers: Mapping[str, Answer]) -> AssessmentScore:
    """Score one assessment's answers (keyed by question key; absent keys are missing)."""
    by_key = answers_in_rubric_order(rubric, answers)
    pillars = tuple(_score_pillar(pillar, by_key) for pillar in rubric.pillars)
    result = combined_range(
        (pillar.weight, ScoreRange(pillar.score, pillar.high, pillar.information_coverage))
        for pillar in pillars
    )
    statuses = [answer.status for answer in by_key.values()]
    return AssessmentScore(
        score=result.low,
        high=result.high,
        information_coverage=result.information_coverage,
        band=band_of(result.low),
        completeness=completeness(by_key.values()),
        evidence_coverage=evidence_coverage(
            (question, by_key[question.key]) for question in rubric.questions()
        ),
        insufficient_information=statuses.count("insufficient_information"),
        not_applicable=statuses.count("not_applicable"),
        missing=statuses.count("missing"),
        pillars=pillars,
        stages=stage_matrix(rubric, by_key),
    )
