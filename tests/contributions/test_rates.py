"""Response, reasoned-response and uptake rates, their Wilson intervals, and the disparity
between groups: each against its formula."""

import math
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assessor.contributions.dispositions import (
    ADOPTED,
    DISPOSITIONS,
    NOT_ADDRESSED,
    NOT_ADOPTED_WITH_REASON,
    NOT_ADOPTED_WITHOUT_REASON,
    PARTLY_ADOPTED,
)
from assessor.contributions.rates import (
    ENOUGH_CONTRIBUTIONS,
    Z_95,
    all_rates,
    by_group,
    wilson_interval,
)

counts = st.integers(min_value=1, max_value=5000).flatmap(
    lambda total: st.tuples(st.integers(min_value=0, max_value=total), st.just(total))
)


@settings(deadline=None)
@given(counts)
def test_the_wilson_interval_holds_the_share_and_stays_within_0_and_1(pair):
    successes, total = pair
    low, high = wilson_interval(successes, total)
    assert 0 <= low <= successes / total <= high <= 1


@settings(deadline=None)
@given(counts)
def test_the_interval_solves_the_wilson_equation_at_both_ends(pair):
    """Each end p0 satisfies |p - p0| = z * sqrt(p0 (1 - p0) / n), the definition of the
    score interval."""
    successes, total = pair
    p = successes / total
    for end in wilson_interval(successes, total):
        assert abs(p - end) == pytest.approx(Z_95 * math.sqrt(end * (1 - end) / total), abs=1e-7)


def test_the_interval_narrows_as_contributions_grow_at_the_same_share():
    widths = [high - low for low, high in (wilson_interval(4 * n, 5 * n) for n in (1, 4, 40))]
    assert widths == sorted(widths, reverse=True)


def test_a_known_interval():
    low, high = wilson_interval(8, 10)
    assert (round(low, 4), round(high, 4)) == (0.4902, 0.9433)


def test_each_rate_counts_its_own_dispositions():
    given = [ADOPTED, PARTLY_ADOPTED, NOT_ADOPTED_WITH_REASON, NOT_ADOPTED_WITHOUT_REASON,
             NOT_ADDRESSED]  # fmt: skip
    rates = all_rates(given)
    assert {name: (one.successes, one.total) for name, one in rates.items()} == {
        "response": (4, 5),
        "reasoned_response": (3, 5),
        "uptake": (2, 5),
    }
    assert rates["uptake"].value == Fraction(2, 5)


@settings(deadline=None)
@given(st.lists(st.sampled_from(DISPOSITIONS), max_size=60))
def test_uptake_is_never_above_reasoned_response_nor_that_above_response(given_dispositions):
    rates = all_rates(given_dispositions)
    if not given_dispositions:
        assert all(one.value is None and one.low is None for one in rates.values())
        return
    assert rates["uptake"].value <= rates["reasoned_response"].value <= rates["response"].value


def test_an_unknown_disposition_is_refused():
    with pytest.raises(ValueError, match="no such disposition"):
        all_rates(["ignored"])


def test_a_group_answered_far_less_often_is_flagged_against_the_best_served():
    business = [("private_sector", ADOPTED)] * 18 + [("private_sector", NOT_ADDRESSED)] * 2
    civil = [("civil_society", ADOPTED)] * 3 + [("civil_society", NOT_ADDRESSED)] * 17
    few = [("academia", NOT_ADDRESSED)] * (ENOUGH_CONTRIBUTIONS - 1)
    unknown = [("unknown", NOT_ADDRESSED)] * 30
    groups = {group.category: group for group in by_group(business + civil + few + unknown)}
    assert groups["private_sector"].ratios["uptake"] == 1
    assert groups["civil_society"].ratios["uptake"] == Fraction(3, 18)
    assert groups["civil_society"].flagged == {
        "response": True,
        "reasoned_response": True,
        "uptake": True,
    }
    # Too few to compare, and unknown contributors are never compared.
    assert groups["academia"].ratios["uptake"] is None and not any(
        groups["academia"].flagged.values()
    )
    assert groups["unknown"].ratios["response"] is None
    assert list(groups) == ["academia", "civil_society", "private_sector", "unknown"]


def test_a_gap_that_chance_could_make_is_not_flagged():
    # 6 of 10 against 2 of 10: a ratio of 1/3, but the intervals overlap.
    first = [("government", ADOPTED)] * 6 + [("government", NOT_ADDRESSED)] * 4
    second = [("academia", ADOPTED)] * 2 + [("academia", NOT_ADDRESSED)] * 8
    groups = {group.category: group for group in by_group(first + second)}
    assert groups["academia"].ratios["uptake"] == Fraction(1, 3)
    assert not groups["academia"].flagged["uptake"]
