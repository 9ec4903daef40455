"""Agreement between assessors: Krippendorff's alpha (ordinal), exact agreement, level spans.

Each function takes units: one sequence per question holding each assessor's level for it,
None where the assessor gave no level (not applicable or missing).
"""

import math
from collections.abc import Sequence

import krippendorff

from .inputs import LEVELS, Answer

Unit = Sequence[int | None]


def rated_level(answer: Answer) -> int | None:
    """The level compared between assessors; insufficient information counts as level 0."""
    return 0 if answer.insufficient_information else answer.level


def _rated(unit: Unit) -> list[int]:
    """The levels actually given to one question."""
    return [level for level in unit if level is not None]


def _compared(units: Sequence[Unit]) -> list[list[int]]:
    """The rated levels of the questions rated by at least two assessors: the comparable ones."""
    return [levels for levels in map(_rated, units) if len(levels) >= 2]


def ordinal_alpha(units: Sequence[Unit]) -> float | None:
    """Krippendorff's alpha (ordinal, levels 0..4); None when no question has two ratings."""
    compared = _compared(units)
    if not compared:
        return None
    # With a single value rated throughout, the expected disagreement is 0 and alpha's formula
    # would divide by it; identical ratings are full agreement, so alpha is 1.
    if len({level for levels in compared for level in levels}) == 1:
        return 1.0
    by_assessor = [
        [math.nan if level is None else level for level in row] for row in zip(*units, strict=True)
    ]
    return float(
        krippendorff.alpha(
            reliability_data=by_assessor,
            value_domain=list(LEVELS),
            level_of_measurement="ordinal",
        )
    )


def exact_agreement(units: Sequence[Unit]) -> float | None:
    """Share of the questions rated by two or more assessors on which all levels are equal."""
    compared = _compared(units)
    if not compared:
        return None
    return sum(len(set(levels)) == 1 for levels in compared) / len(compared)


def level_span(unit: Unit) -> int | None:
    """Highest minus lowest level given to one question; None when nobody gave one."""
    levels = _rated(unit)
    return max(levels) - min(levels) if levels else None
