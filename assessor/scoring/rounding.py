"""Rounding for display and for the API: half up, on the decimal a reader sees."""

import math
from decimal import ROUND_HALF_UP, Decimal

NOT_SCORED = "not scored"


def round_half_up(value: float, places: int) -> Decimal:
    """Round half up on the shortest decimal form of the float (2.675 -> 2.68, not 2.67).

    Every number shown or returned passes through here, so page, PDF and API agree.
    """
    if not math.isfinite(value):
        raise ValueError(f"cannot round {value!r}")
    # str() gives the shortest decimal that reads back as the same float, i.e. the number as
    # written, whereas Decimal(value) would expose binary noise (2.67499999...).
    return Decimal(str(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def display_score(score: float | None) -> str:
    """A score as shown to people: one decimal, or "not scored"."""
    if score is None:
        return NOT_SCORED
    return str(round_half_up(score, 1))


def api_score(score: float | None) -> float | None:
    """A score as the API returns it: two decimals."""
    return None if score is None else float(round_half_up(score, 2))


def api_fraction(fraction: float | None) -> float | None:
    """A share or coefficient (completeness, alpha...) as the API returns it: four decimals."""
    return None if fraction is None else float(round_half_up(fraction, 4))
