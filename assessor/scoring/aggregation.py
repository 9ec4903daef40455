"""The averages the method uses: weighted means (pillar and overall scores, each end of a range)
and the median (consolidated questions)."""

from collections.abc import Iterable, Sequence
from fractions import Fraction


def weighted_mean(weighted_values: Iterable[tuple[float, float | None]]) -> float | None:
    """sum(w * x) / sum(w) over the (w, x) pairs with x scored; None if none is (never 0)."""
    # Exact rational sums make the result independent of the order of terms and keep it within
    # the range of the values; only the final division result is rounded to a float.
    pairs = [(w, x) for w, x in weighted_values if x is not None]
    if not pairs:
        return None
    if all(float(w).is_integer() and float(x).is_integer() for w, x in pairs):
        # Whole numbers (the levels' scores, counts, weights of one): summed exactly as integers,
        # and an integer division is rounded correctly, as a Fraction's float is, many times
        # faster.
        return sum(int(w) * int(x) for w, x in pairs) / sum(int(w) for w, _ in pairs)
    exact = [(Fraction(w), Fraction(x)) for w, x in pairs]
    return float(sum(w * x for w, x in exact) / sum(w for w, _ in exact))


def median(values: Sequence[float]) -> float | None:
    """The middle value, or the mean of the two middle values for an even count; None if empty."""
    ordered = sorted(values)
    if not ordered:
        return None
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return float((Fraction(ordered[middle - 1]) + Fraction(ordered[middle])) / 2)
