"""Bands: the nearest level's name, ties going up."""

import pytest

from assessor.scoring import band_of


@pytest.mark.parametrize(
    ("score", "band"),
    [
        (0.0, "Absent"),
        (12.499999, "Absent"),
        (12.5, "Minimal"),
        (37.499999, "Minimal"),
        (37.5, "Partial"),
        (62.499999, "Partial"),
        (62.5, "Substantial"),
        (87.499999, "Substantial"),
        (87.5, "Full"),
        (100.0, "Full"),
    ],
)
def test_band_boundaries_sit_halfway_between_levels_and_ties_go_up(score: float, band: str) -> None:
    assert band_of(score) == band


@pytest.mark.parametrize(
    ("level", "band"),
    [(0, "Absent"), (1, "Minimal"), (2, "Partial"), (3, "Substantial"), (4, "Full")],
)
def test_each_level_score_falls_in_its_own_band(level: int, band: str) -> None:
    assert band_of(100 * level / 4) == band


def test_not_scored_has_no_band() -> None:
    assert band_of(None) is None
