"""Scoring one assessment: question, pillar and overall scores, completeness, evidence coverage."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .aggregation import overall_score, pillar_score
from .bands import Band, band_of
from .inputs import (
    Answer,
    PillarShape,
    QuestionShape,
    RubricShape,
    Status,
    answers_in_rubric_order,
)


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
    """A pillar's score (None: not scored), band, completeness and evidence coverage."""

    key: str
    weight: float
    score: float | None
    band: Band | None
    completeness: float | None
    evidence_coverage: float | None
    questions: tuple[QuestionScore, ...]


@dataclass(frozen=True, slots=True)
class AssessmentScore:
    """An assessment's overall result, the counts of non-level answers, and its pillars."""

    score: float | None
    band: Band | None
    completeness: float | None
    evidence_coverage: float | None
    insufficient_information: int
    not_applicable: int
    missing: int
    pillars: tuple[PillarScore, ...]


def question_score(answer: Answer) -> float | None:
    """s_q = 100 * L / 4; insufficient information scores 0; not applicable and missing: None."""
    # Insufficient information scores 0 because the burden of showing that a principle is met
    # lies with the process being assessed.
    if answer.level is not None:
        return 100 * answer.level / 4
    return 0.0 if answer.insufficient_information else None


def _share(numerator: int, denominator: int) -> float | None:
    """numerator / denominator, or None when there is nothing to divide by."""
    return numerator / denominator if denominator else None


def completeness(answers: Iterable[Answer]) -> float | None:
    """Answered applicable questions / applicable questions (all minus not applicable)."""
    applicable = [answer for answer in answers if not answer.not_applicable]
    answered = [answer for answer in applicable if answer.status != "missing"]
    return _share(len(answered), len(applicable))


def evidence_coverage(answers: Iterable[Answer]) -> float | None:
    """Share of the answers at level >= 1 that cite at least one evidence item."""
    # Level 0 claims nothing is in place, so there is nothing for evidence to support.
    claimed = [answer for answer in answers if answer.level is not None and answer.level >= 1]
    evidenced = [answer for answer in claimed if answer.evidence_count > 0]
    return _share(len(evidenced), len(claimed))


def _score_question(question: QuestionShape, answer: Answer) -> QuestionScore:
    """The QuestionScore of one answered (or missing) question."""
    return QuestionScore(
        question.key, question.weight, question_score(answer), answer.status, answer.level
    )


def _score_pillar(pillar: PillarShape, answers: Mapping[str, Answer]) -> PillarScore:
    """The PillarScore from the answers to the pillar's questions."""
    questions = tuple(_score_question(q, answers[q.key]) for q in pillar.questions)
    score = pillar_score(pillar, {question.key: question.score for question in questions})
    pillar_answers = [answers[question.key] for question in pillar.questions]
    return PillarScore(
        key=pillar.key,
        weight=pillar.weight,
        score=score,
        band=band_of(score),
        completeness=completeness(pillar_answers),
        evidence_coverage=evidence_coverage(pillar_answers),
        questions=questions,
    )


def score_assessment(rubric: RubricShape, answers: Mapping[str, Answer]) -> AssessmentScore:
    """Score one assessment's answers (keyed by question key; absent keys are missing)."""
    by_key = answers_in_rubric_order(rubric, answers)
    pillars = tuple(_score_pillar(pillar, by_key) for pillar in rubric.pillars)
    score = overall_score(rubric, {pillar.key: pillar.score for pillar in pillars})
    statuses = [answer.status for answer in by_key.values()]
    return AssessmentScore(
        score=score,
        band=band_of(score),
        completeness=completeness(by_key.values()),
        evidence_coverage=evidence_coverage(by_key.values()),
        insufficient_information=statuses.count("insufficient_information"),
        not_applicable=statuses.count("not_applicable"),
        missing=statuses.count("missing"),
        pillars=pillars,
    )
