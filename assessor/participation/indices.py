"""Shares, balance indices and the inclusion funnel of participation counts.

Each function takes the counts of one dimension at one stage (category to count, ``unknown``
among them) and follows the formula docs/participation.md gives. Shares are exact fractions,
so that a page, the API and the open data round the same number; the entropy, a logarithm,
is a float. A figure with nothing to stand on (no known participant, no man to divide by) is
None, never 0.
"""

import math
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction

from assessor.participation.categories import (
    COUNTRY_CATEGORY,
    GENDER,
    STAGES,
    UNKNOWN,
    Dimension,
)

Counts = Mapping[str, int]
# Counts by stage, then dimension, then category.
StageCounts = dict[str, dict[str, dict[str, int]]]


@dataclass(frozen=True)
class Shares:
    """A dimension's counts as shares: of the known participants per category, and the
    share of all participants whose category is unknown."""

    total: int
    known: int
    of_known: dict[str, Fraction | None]
    unknown: Fraction | None


def _checked(dimension: Dimension, counts: Counts) -> dict[str, int]:
    """Every category of the dimension with its count (0 where none is given), ``unknown``
    last; refuses a category the dimension does not count, and a negative count."""
    for category, count in counts.items():
        dimension.check(category)
        if count < 0:
            raise ValueError(f"{dimension.key} {category}: a count cannot be negative")
    return {category: counts.get(category, 0) for category in (*dimension.categories, UNKNOWN)}


def shares(dimension: Dimension, counts: Counts) -> Shares:
    """share(c) = n(c) / known, known = the sum over the categories; unknown share =
    n(unknown) / total, total = known + n(unknown)."""
    checked = _checked(dimension, counts)
    known = sum(checked[category] for category in dimension.categories)
    total = known + checked[UNKNOWN]
    return Shares(
        total=total,
        known=known,
        of_known={
            category: Fraction(checked[category], known) if known else None
            for category in dimension.categories
        },
        unknown=Fraction(checked[UNKNOWN], total) if total else None,
    )


def normalised_entropy(dimension: Dimension, counts: Counts) -> float | None:
    """H / ln k: H = -sum p(c) ln p(c) over the known shares (0 ln 0 taken as 0), k the
    number of the dimension's categories. 0 when one category holds every known participant,
    1 when all k hold as many; None with no known participant."""
    of_known = shares(dimension, counts).of_known
    if any(share is None for share in of_known.values()):
        return None
    entropy = -sum(float(p) * math.log(p) for p in of_known.values() if p)
    # Clamped: a sum of floats may stray past either end by a rounding error.
    return min(1.0, max(0.0, entropy / math.log(len(dimension.categories))))


def gender_parity_index(counts: Counts) -> Fraction | None:
    """Female participants per male participant (1 is parity, below 1 fewer women); None
    where no man is counted."""
    checked = _checked(GENDER, counts)
    return Fraction(checked["female"], checked["male"]) if checked["male"] else None


def developing_share(counts: Counts) -> Fraction | None:
    """The share of the known participants from developing countries, least developed ones
    included."""
    of_known = shares(COUNTRY_CATEGORY, counts).of_known
    if of_known["developing"] is None:
        return None
    return of_known["developing"] + of_known["least_developed"]


def least_developed_share(counts: Counts) -> Fraction | None:
    """The share of the known participants from least developed countries."""
    return shares(COUNTRY_CATEGORY, counts).of_known["least_developed"]


@dataclass(frozen=True)
class FunnelRow:
    """One category's share of the known participants at each stage, and how it changed from
    agenda-setting to decision-making (a share's difference, -1 to 1)."""

    category: str
    by_stage: dict[str, Fraction | None]
    change: Fraction | None


def funnel(dimension: Dimension, counts_by_stage: Mapping[str, Counts]) -> list[FunnelRow]:
    """A row per category of the dimension, over the stages in their order; a stage without
    counts, or without a known participant, has no share."""
    unknown_stages = set(counts_by_stage) - set(STAGES)
    if unknown_stages:
        raise ValueError(f"no such stage: {', '.join(sorted(unknown_stages))}")
    stage_shares = {
        stage: shares(dimension, counts_by_stage.get(stage, {})).of_known for stage in STAGES
    }
    first, last = STAGES[0], STAGES[-1]
    rows = []
    for category in dimension.categories:
        by_stage = {stage: stage_shares[stage][category] for stage in STAGES}
        start, end = by_stage[first], by_stage[last]
        change = None if start is None or end is None else end - start
        rows.append(FunnelRow(category, by_stage, change))
    return rows
