"""Participation shares, balance indices and the funnel, checked against their formulas."""

import math
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assessor.participation.categories import (
    COUNTRY_CATEGORY,
    DIMENSIONS,
    GENDER,
    REGIONAL_GROUP,
    STAGES,
    STAKEHOLDER_GROUP,
    UNKNOWN,
)
from assessor.participation.indices import (
    developing_share,
    funnel,
    gender_parity_index,
    least_developed_share,
    normalised_entropy,
    shares,
)

dimensions = st.sampled_from(list(DIMENSIONS.values()))
count = st.integers(min_value=0, max_value=10_000)
# Timings vary on a shared machine; each example is fast, none is timed.
PROPERTY = settings(deadline=None)


@st.composite
def counted(draw, dimension=None):
    """A dimension and counts for some of its categories, unknown among them."""
    dimension = dimension or draw(dimensions)
    categories = draw(st.lists(st.sampled_from([*dimension.categories, UNKNOWN]), unique=True))
    return dimension, {category: draw(count) for category in categories}


@PROPERTY
@given(counted())
def test_known_shares_add_up_to_one_and_the_unknown_share_is_of_everyone(drawn):
    dimension, counts = drawn
    result = shares(dimension, counts)
    assert result.total == sum(counts.values())
    assert result.known == result.total - counts.get(UNKNOWN, 0)
    if result.known:
        assert sum(result.of_known.values()) == 1
    else:
        assert set(result.of_known.values()) == {None}
    if result.total:
        assert result.unknown == Fraction(counts.get(UNKNOWN, 0), result.total)
    else:
        assert result.unknown is None


@PROPERTY
@given(counted())
def test_entropy_lies_between_0_and_1_and_ignores_the_unknown(drawn):
    dimension, counts = drawn
    value = normalised_entropy(dimension, counts)
    known = sum(n for category, n in counts.items() if category != UNKNOWN)
    if not known:
        assert value is None
        return
    assert 0 <= value <= 1
    without_unknown = {c: n for c, n in counts.items() if c != UNKNOWN}
    assert normalised_entropy(dimension, without_unknown) == value


@PROPERTY
@given(counted(), st.integers(min_value=2, max_value=50))
def test_entropy_is_the_same_for_counts_scaled_alike(drawn, factor):
    dimension, counts = drawn
    scaled = {category: n * factor for category, n in counts.items()}
    value = normalised_entropy(dimension, counts)
    if value is None:
        assert normalised_entropy(dimension, scaled) is None
    else:
        assert normalised_entropy(dimension, scaled) == pytest.approx(value, abs=1e-12)


@PROPERTY
@given(dimensions, st.integers(min_value=1, max_value=10_000), st.data())
def test_one_group_alone_is_0_and_every_group_alike_is_1(dimension, n, data):
    only = data.draw(st.sampled_from(dimension.categories))
    assert normalised_entropy(dimension, {only: n}) == 0
    even = dict.fromkeys(dimension.categories, n)
    assert normalised_entropy(dimension, even) == pytest.approx(1, abs=1e-12)


@PROPERTY
@given(counted(), st.randoms())
def test_entropy_does_not_depend_on_which_group_holds_which_count(drawn, random):
    dimension, counts = drawn
    full = {category: counts.get(category, 0) for category in dimension.categories}
    values = list(full.values())
    random.shuffle(values)
    shuffled = dict(zip(full, values, strict=True))
    first, second = normalised_entropy(dimension, full), normalised_entropy(dimension, shuffled)
    assert (first is None and second is None) or first == pytest.approx(second, abs=1e-12)


def test_entropy_worked_out_by_hand():
    # Two of the six stakeholder groups, even: ln 2 / ln 6.
    two_even = {"government": 10, "civil_society": 10, UNKNOWN: 7}
    assert normalised_entropy(STAKEHOLDER_GROUP, two_even) == pytest.approx(
        math.log(2) / math.log(6)
    )
    # Three of five regions, 1:1:2: -(2 x 1/4 ln 1/4 + 1/2 ln 1/2) / ln 5.
    regions = {"african": 5, "asia_pacific": 5, "western_european_others": 10}
    expected = -(2 * 0.25 * math.log(0.25) + 0.5 * math.log(0.5)) / math.log(5)
    assert normalised_entropy(REGIONAL_GROUP, regions) == pytest.approx(expected)


@PROPERTY
@given(count, count)
def test_gender_parity_is_women_per_man_and_its_inverse_swaps_them(women, men):
    index = gender_parity_index({"female": women, "male": men, "another_or_undisclosed": 3})
    if men == 0:
        assert index is None
        return
    assert index == Fraction(women, men)
    if women:
        assert gender_parity_index({"female": men, "male": women}) == 1 / index


@PROPERTY
@given(counted(COUNTRY_CATEGORY))
def test_developing_share_counts_least_developed_countries_in(drawn):
    _, counts = drawn
    known = sum(n for category, n in counts.items() if category != UNKNOWN)
    developing, least = developing_share(counts), least_developed_share(counts)
    if not known:
        assert developing is None and least is None
        return
    assert least == Fraction(counts.get("least_developed", 0), known)
    assert developing == least + Fraction(counts.get("developing", 0), known)
    assert least <= developing <= 1


@PROPERTY
@given(st.dictionaries(st.sampled_from(STAGES), counted(STAKEHOLDER_GROUP).map(lambda d: d[1])))
def test_the_funnel_gives_each_stage_share_and_the_change_from_first_to_last(counts_by_stage):
    rows = funnel(STAKEHOLDER_GROUP, counts_by_stage)
    assert [row.category for row in rows] == list(STAKEHOLDER_GROUP.categories)
    for row in rows:
        assert list(row.by_stage) == list(STAGES)
        for stage in STAGES:
            expected = shares(STAKEHOLDER_GROUP, counts_by_stage.get(stage, {})).of_known
            assert row.by_stage[stage] == expected[row.category]
        start, end = row.by_stage[STAGES[0]], row.by_stage[STAGES[-1]]
        assert row.change == (None if start is None or end is None else end - start)


def test_a_process_open_at_the_start_and_closed_at_the_end_shows_in_the_funnel():
    counts_by_stage = {
        "agenda_setting": {"government": 40, "civil_society": 40, "private_sector": 20},
        "policy_formulation": {"government": 12, "civil_society": 6, "private_sector": 6},
        "decision_making": {"government": 9, "civil_society": 1},
    }
    rows = {row.category: row for row in funnel(STAKEHOLDER_GROUP, counts_by_stage)}
    assert rows["civil_society"].change == Fraction(1, 10) - Fraction(4, 10)
    assert rows["government"].change == Fraction(9, 10) - Fraction(4, 10)
    assert rows["academia"].change == 0


@pytest.mark.parametrize(
    ("counts", "message"),
    [
        (
            {"aliens": 3},
            "gender counts female, male, another_or_undisclosed, unknown, not 'aliens'",
        ),
        ({"female": -1}, "gender female: a count cannot be negative"),
    ],
)
def test_a_category_or_count_that_cannot_be_is_refused(counts, message):
    with pytest.raises(ValueError, match=message):
        shares(GENDER, counts)


def test_a_stage_that_is_not_one_is_refused():
    with pytest.raises(ValueError, match="no such stage: whole_process"):
        funnel(STAKEHOLDER_GROUP, {"whole_process": {"government": 1}})
