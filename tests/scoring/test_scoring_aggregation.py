"""The weighted mean: whole numbers take a faster path that must give the very same float."""

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from assessor.scoring.aggregation import weighted_mean

# Large enough that sums of floats would round: only exact sums pass.
WHOLE = st.integers(min_value=0, max_value=2**53).map(float)
PAIRS = st.lists(st.tuples(st.integers(1, 1000).map(float), WHOLE), min_size=1, max_size=300)


def exact_mean(pairs: list[tuple[float, float]]) -> float:
    """The definition, in exact rationals, rounded once."""
    total = sum(Fraction(w) * Fraction(x) for w, x in pairs)
    return float(total / sum(Fraction(w) for w, _ in pairs))


@given(PAIRS)
def test_whole_numbers_give_the_exact_rational_mean_to_the_last_bit(pairs):
    assert weighted_mean(pairs) == exact_mean(pairs)


@given(PAIRS, st.floats(min_value=0, max_value=100, allow_nan=False).filter(lambda x: x % 1))
def test_a_value_with_a_fraction_gives_the_exact_rational_mean_too(pairs, value):
    pairs = [*pairs, (1.0, value)]
    assert weighted_mean(pairs) == exact_mean(pairs)


def test_unscored_values_count_for_nothing_and_none_at_all_gives_none():
    assert weighted_mean([(1.0, None), (2.0, 50.0), (1.0, 100.0)]) == exact_mean(
        [(2.0, 50.0), (1.0, 100.0)]
    )
    assert weighted_mean([(1.0, None)]) is None
