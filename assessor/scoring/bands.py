"""Bands: the level whose score is nearest to a score, in words."""

from typing import Literal

Band = Literal["Absent", "Minimal", "Partial", "Substantial", "Full"]

# Upper bounds sit halfway between level scores (0, 25, 50, 75, 100), so a score falls in the
# band of the nearest level; a score exactly halfway belongs to the higher band.
BANDS: tuple[tuple[float, Band], ...] = (
    (12.5, "Absent"),
    (37.5, "Minimal"),
    (62.5, "Partial"),
    (87.5, "Substantial"),
)


def band_of(score: float | None) -> Band | None:
    """The band of an unrounded score; None (not scored) stays None."""
    if score is None:
        return None
    for upper_bound, band in BANDS:
        if score < upper_bound:
            return band
    return "Full"
