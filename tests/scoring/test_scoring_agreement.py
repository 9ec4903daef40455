"""Agreement measures: Krippendorff's alpha (ordinal), exact agreement and level spans."""

import math

import pytest

from assessor.scoring.agreement import exact_agreement, level_span, ordinal_alpha


def test_alpha_of_opposite_ratings_is_minus_one_half() -> None:
    # Coincidences o(0,4) = o(4,0) = 2; n0 = n4 = 2, n = 4; ordinal d(0,4) = (4 - 2)^2 = 4.
    # Observed 2 * 2 * 4 = 16; expected 2 * (2 * 2 / 3) * 4 = 32 / 3; alpha = 1 - 16 / (32/3).
    assert ordinal_alpha([[0, 4], [4, 0]]) == pytest.approx(-0.5)


def test_alpha_matches_the_published_ordinal_reference_example() -> None:
    # Krippendorff's four-coder example (values 1..5 shifted to levels 0..4), ordinal alpha 0.815.
    by_coder = [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
        [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
    ]
    units = [[None if v is None else v - 1 for v in unit] for unit in zip(*by_coder, strict=True)]
    assert round(ordinal_alpha(units), 3) == 0.815


def test_alpha_of_identical_ratings_is_one() -> None:
    assert ordinal_alpha([[2, 2, 2], [2, 2, None]]) == 1.0


def test_alpha_is_undefined_for_a_single_assessor() -> None:
    assert ordinal_alpha([[3], [1]]) is None


def test_alpha_is_undefined_when_no_question_has_two_ratings() -> None:
    assert ordinal_alpha([[3, None], [None, 1]]) is None


def test_alpha_ignores_questions_rated_once() -> None:
    assert ordinal_alpha([[0, 4], [4, 0], [2, None]]) == pytest.approx(-0.5)


def test_exact_agreement_is_the_share_of_jointly_rated_questions_with_equal_levels() -> None:
    assert exact_agreement([[1, 1, 1], [1, 2, None], [3, 3, None], [4, None, None]]) == 2 / 3


def test_exact_agreement_is_undefined_when_no_question_has_two_ratings() -> None:
    assert exact_agreement([[4, None]]) is None


def test_level_span_is_highest_minus_lowest_level() -> None:
    assert (level_span([1, None, 3, 2]), level_span([None, None])) == (2, None)


def test_alpha_returns_a_plain_float() -> None:
    alpha = ordinal_alpha([[0, 1], [2, 2], [3, 4]])
    assert type(alpha) is float and math.isfinite(alpha)
