"""Rounding half up on the decimal a reader sees, for display and for the API."""

import math

import pytest

from assessor.scoring import api_fraction, api_score, display_score


@pytest.mark.parametrize(
    ("score", "shown"),
    [
        (0.05, "0.1"),
        (0.04999, "0.0"),
        (0.15, "0.2"),
        (0.25, "0.3"),
        (62.45, "62.5"),
        (58.333333333333336, "58.3"),
        (100.0, "100.0"),
        (0.0, "0.0"),
    ],
)
def test_display_score_rounds_half_up_to_one_decimal(score: float, shown: str) -> None:
    assert display_score(score) == shown


def test_display_score_of_none_says_not_scored() -> None:
    assert display_score(None) == "not scored"


@pytest.mark.parametrize(
    ("score", "returned"), [(2.675, 2.68), (1.005, 1.01), (63.888888888888886, 63.89), (75.0, 75.0)]
)
def test_api_score_rounds_half_up_to_two_decimals(score: float, returned: float) -> None:
    assert api_score(score) == returned


@pytest.mark.parametrize(
    ("fraction", "returned"), [(2 / 3, 0.6667), (0.00005, 0.0001), (-0.12345, -0.1235)]
)
def test_api_fraction_rounds_half_up_to_four_decimals(fraction: float, returned: float) -> None:
    assert api_fraction(fraction) == returned


def test_api_values_of_none_stay_none() -> None:
    assert (api_score(None), api_fraction(None)) == (None, None)


@pytest.mark.parametrize("value", [math.nan, math.inf])
def test_non_finite_values_cannot_be_rounded(value: float) -> None:
    with pytest.raises(ValueError, match="cannot round"):
        display_score(value)
