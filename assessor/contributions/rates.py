"""Response, reasoned-response and uptake rates of contributions, with a 95% Wilson interval
so that a rate over a handful of contributions is not over-read, and the disparity between
the groups that contributed (docs/contributions.md gives each formula).

Plain functions over dispositions and contributors' categories: no Flask, no database.
"""

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction

from assessor.contributions.dispositions import DISPOSITIONS, RATES
from assessor.participation.categories import UNKNOWN

# The two-sided 95% quantile of the standard normal distribution.
Z_95 = 1.959963984540054
# A group needs this many contributions before its rates are compared with the best-served
# group's: below it, one contribution moves a rate by more than ten points.
ENOUGH_CONTRIBUTIONS = 10
# A rate below this share of the best-served group's is "far less often".
FAR_LESS = Fraction(1, 2)


@dataclass(frozen=True)
class Rate:
    """``successes`` of ``total`` contributions, the share, and its 95% Wilson interval; no
    share and no interval without a contribution."""

    successes: int
    total: int
    value: Fraction | None
    low: float | None
    high: float | None


def wilson_interval(successes: int, total: int, z: float = Z_95) -> tuple[float, float]:
    """The Wilson score interval of successes / total: centre (p + z²/2n) / (1 + z²/n),
    half-width z·√(p(1-p)/n + z²/4n²) / (1 + z²/n). It stays within 0 and 1 and is wide where
    n is small."""
    if total <= 0 or not 0 <= successes <= total:
        raise ValueError(f"{successes} successes of {total}: need 0 <= successes <= total > 0")
    p = successes / total
    z2 = z * z
    denominator = 1 + z2 / total
    centre = (p + z2 / (2 * total)) / denominator
    half = z * math.sqrt(p * (1 - p) / total + z2 / (4 * total * total)) / denominator
    # At none or all, the interval ends exactly at 0 or 1, where rounding would stray by an ulp.
    low = 0.0 if successes == 0 else max(0.0, centre - half)
    high = 1.0 if successes == total else min(1.0, centre + half)
    return low, high


def rate(dispositions: Iterable[str], counted: frozenset[str]) -> Rate:
    """The share of ``dispositions`` among ``counted``; refuses a disposition not known."""
    given = list(dispositions)
    unknown = set(given) - set(DISPOSITIONS)
    if unknown:
        raise ValueError(f"no such disposition: {', '.join(sorted(unknown))}")
    total = len(given)
    successes = sum(1 for disposition in given if disposition in counted)
    if not total:
        return Rate(0, 0, None, None, None)
    low, high = wilson_interval(successes, total)
    return Rate(successes, total, Fraction(successes, total), low, high)


def all_rates(dispositions: Iterable[str]) -> dict[str, Rate]:
    """Each rate (response, reasoned response, uptake) of the same contributions."""
    given = list(dispositions)
    return {name: rate(given, counted) for name, counted in RATES.items()}


@dataclass(frozen=True)
class GroupRates:
    """One group's rates, and for each rate its ratio to the best-served group's and whether
    that ratio marks the group as answered far less often."""

    category: str
    rates: dict[str, Rate]
    ratios: dict[str, Fraction | None]
    flagged: dict[str, bool]


def _best(groups: Mapping[str, dict[str, Rate]], name: str) -> Rate | None:
    """The best-served known group with enough contributions for rate ``name``."""
    compared = [
        rates[name]
        for category, rates in groups.items()
        if category != UNKNOWN and rates[name].total >= ENOUGH_CONTRIBUTIONS
    ]
    return max(compared, key=lambda one: one.value, default=None)


def by_group(contributions: Iterable[tuple[str, str]]) -> list[GroupRates]:
    """Rates per contributor category, from (category, disposition) pairs, and each known
    group's disparity to the best-served one: ratio = its rate / the best rate, among groups
    with ENOUGH_CONTRIBUTIONS or more. A group is flagged on a rate when it has enough
    contributions, its ratio is below FAR_LESS, and its interval lies wholly below the best
    group's (the gap is not one that chance alone would make). ``unknown`` gets rates but is
    never compared."""
    dispositions: dict[str, list[str]] = {}
    for category, disposition in contributions:
        dispositions.setdefault(category, []).append(disposition)
    groups = {category: all_rates(given) for category, given in dispositions.items()}
    best = {name: _best(groups, name) for name in RATES}
    found = []
    for category in sorted(groups, key=lambda key: (key == UNKNOWN, key)):
        rates = groups[category]
        ratios: dict[str, Fraction | None] = {}
        flagged: dict[str, bool] = {}
        for name, own in rates.items():
            top = best[name]
            comparable = (
                category != UNKNOWN
                and own.total >= ENOUGH_CONTRIBUTIONS
                and top is not None
                and top.value
            )
            ratios[name] = own.value / top.value if comparable else None
            flagged[name] = bool(
                comparable
                and ratios[name] < FAR_LESS
                and own.high is not None
                and top.low is not None
                and own.high < top.low
            )
        found.append(GroupRates(category, rates, ratios, flagged))
    return found
