"""Method 2: the range of scores that missing information allows, beside method 1's score.

Method 1 scores "insufficient information" 0: the burden of proof lies with the process, so a
thin public record reads as a failure. Method 2 keeps that score as the low end of a range and
adds its high end, the same weighted mean with every unknown met (100), and the share of the
judged weight that rests on a level rather than on an unknown. A wide range and a low coverage
say "we lack evidence"; a low score with a narrow range says "the process falls short".
"""

from collections.abc import Iterable
from dataclasses import dataclass

from .aggregation import weighted_mean
from .inputs import Answer
from .questions import high_question_score, question_score


@dataclass(frozen=True, slots=True)
class ScoreRange:
    """A result's low (method 1's score) and high ends, and its information coverage (0-100).

    All three are None when nothing is judged: every answer missing or not applicable.
    """

    low: float | None
    high: float | None
    information_coverage: float | None


NOTHING_JUDGED = ScoreRange(None, None, None)


def at_a_level(answer: Answer) -> float | None:
    """100 for an answer at a level, 0 for an unknown, None for what is not judged."""
    if question_score(answer) is None:
        return None
    return 100.0 if answer.level is not None else 0.0


def answers_range(weighted_answers: Iterable[tuple[float, Answer]]) -> ScoreRange:
    """The range of a weighted mean over answers: the questions answered at a level or as
    insufficient information take part, the rest do not (as in method 1)."""
    pairs = list(weighted_answers)
    return ScoreRange(
        low=weighted_mean((weight, question_score(answer)) for weight, answer in pairs),
        high=weighted_mean((weight, high_question_score(answer)) for weight, answer in pairs),
        information_coverage=weighted_mean(
            (weight, at_a_level(answer)) for weight, answer in pairs
        ),
    )


def combined_range(weighted_ranges: Iterable[tuple[float, ScoreRange]]) -> ScoreRange:
    """Each end and the coverage averaged over the ranges that are judged, with their weights,
    as method 1 averages pillar scores into the overall score."""
    pairs = [(weight, result) for weight, result in weighted_ranges if result.low is not None]
    return ScoreRange(
        low=weighted_mean((weight, result.low) for weight, result in pairs),
        high=weighted_mean((weight, result.high) for weight, result in pairs),
        information_coverage=weighted_mean(
            (weight, result.information_coverage) for weight, result in pairs
        ),
    )
