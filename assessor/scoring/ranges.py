"""Method 2: the range of scores that missing information allows, beside method 1's score.

Method 1 scores "insufficient information" 0: the burden of proof lies with the process, so a
thin public record reads as a failure. Method 2 keeps that score as the low end of a range and
adds its high end, the same weighted mean with every unknown met (100), and the share of the
judged weight that rests on a level rather than on an unknown. A wide range and a low coverage
say "we lack evidence"; a low score with a narrow range says "the process falls short".
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .aggregation import weighted_mean
from .assessment import question_score
from .inputs import Answer, PillarShape, RubricShape, answers_in_rubric_order

# What an unknown scores at the high end of the range: every unknown met.
UNKNOWN_MET = 100.0


@dataclass(frozen=True, slots=True)
class ScoreRange:
    """A result's low (method 1's score) and high ends, and its information coverage (0-100).

    All three are None when nothing is judged: every answer missing or not applicable.
    """

    low: float | None
    high: float | None
    information_coverage: float | None


@dataclass(frozen=True, slots=True)
class AssessmentRange:
    """The range of an assessment's overall result, and of each pillar, in rubric order."""

    overall: ScoreRange
    pillars: tuple[tuple[str, ScoreRange], ...]


def high_question_score(answer: Answer) -> float | None:
    """A question's score at the high end: an unknown counts as met, the rest as in method 1."""
    return UNKNOWN_MET if answer.insufficient_information else question_score(answer)


def _judged_weight_at_a_level(pairs: Iterable[tuple[float, Answer]]) -> float | None:
    """100 x the weight answered at a level / the weight answered at a level or unknown."""
    judged = [(weight, answer) for weight, answer in pairs if question_score(answer) is not None]
    return weighted_mean(
        (weight, 100.0 if answer.level is not None else 0.0) for weight, answer in judged
    )


def pillar_range(pillar: PillarShape, answers: Mapping[str, Answer]) -> ScoreRange:
    """A pillar's range over its questions answered at a level or as insufficient information."""
    pairs = [(question.weight, answers[question.key]) for question in pillar.questions]
    return ScoreRange(
        low=weighted_mean((weight, question_score(answer)) for weight, answer in pairs),
        high=weighted_mean((weight, high_question_score(answer)) for weight, answer in pairs),
        information_coverage=_judged_weight_at_a_level(pairs),
    )


def assessment_range(rubric: RubricShape, answers: Mapping[str, Answer]) -> AssessmentRange:
    """The overall range: each end and the coverage averaged over the scored pillars with the
    pillar weights, as method 1 averages the score."""
    by_key = answers_in_rubric_order(rubric, answers)
    weighted = [(pillar.weight, pillar_range(pillar, by_key)) for pillar in rubric.pillars]
    overall = ScoreRange(
        low=weighted_mean((weight, result.low) for weight, result in weighted),
        high=weighted_mean((weight, result.high) for weight, result in weighted),
        information_coverage=weighted_mean(
            (weight, result.information_coverage) for weight, result in weighted
        ),
    )
    pillars = tuple(
        (pillar.key, result) for pillar, (_, result) in zip(rubric.pillars, weighted, strict=True)
    )
    return AssessmentRange(overall=overall, pillars=pillars)
