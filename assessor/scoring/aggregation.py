"""The averages the method uses: weighted means (pillar and overall scores) and the median."""

from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction

from .inputs import PillarShape, RubricShape


def weighted_mean(weighted_values: Iterable[tuple[float, float | None]]) -> float | None:
    """sum(w * x) / sum(w) over the (w, x) pairs with x scored; None if none is (never 0)."""
    # Exact rational sums make the result independent of the order of terms and keep it within
    # the range of the values; only the final division result is rounded to a float.
    pairs = [(Fraction(w), Fraction(x)) for w, x in weighted_values if x is not None]
    if not pairs:
        return None
    return float(sum(w * x for w, x in pairs) / sum(w for w, _ in pairs))


def median(values: Sequence[float]) -> float | None:
    """The middle value, or the mean of the two middle values for an even count; None if empty."""
    ordered = sorted(values)
    if not ordered:
        return None
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return float((Fraction(ordered[middle - 1]) + Fraction(ordered[middle])) / 2)


def pillar_score(pillar: PillarShape, question_scores: Mapping[str, float | None]) -> float | None:
    """S_p: weighted mean over the pillar's scored questions; None if none is scored."""
    return weighted_mean((q.weight, question_scores[q.key]) for q in pillar.questions)


def overall_score(rubric: RubricShape, pillar_scores: Mapping[str, float | None]) -> float | None:
    """Weighted mean over the scored pillars, with the pillar weights; None if none is scored."""
    return weighted_mean((p.weight, pillar_scores[p.key]) for p in rubric.pillars)
