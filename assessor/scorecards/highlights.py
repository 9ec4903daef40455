"""What a scorecard singles out: its strongest and weakest answers, and the evidence it lacks.

Method 2 reads "insufficient information" as "we lack evidence", not "the process falls short":
an unknown is neither a strength nor a gap, and listing unknowns among the gaps would hide the
real failures behind them. Strengths and gaps are drawn from answers at a level only; the
unknowns are listed apart, each with the rubric's guidance on the evidence that would settle it.
"""

from typing import Any

# Questions shown as strengths, and as gaps.
HIGHLIGHTS = 3
# A strength is substantially or fully met; below that, a question is a gap. Ranking alone would
# list a level-1 answer as a strength whenever fewer than four questions are answered at a level.
STRENGTH_FROM_LEVEL = 3


def _answered_at_a_level(pillars: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [q for pillar in pillars for q in pillar["questions"] if q["status"] == "level"]


def strengths_and_gaps(pillars: list[dict[str, Any]]) -> tuple[list[dict], list[dict]]:
    """The highest questions met at least substantially and the lowest met less, answered at a
    level; ties keep rubric order."""
    rated = _answered_at_a_level(pillars)
    strong = [q for q in rated if q["level"] >= STRENGTH_FROM_LEVEL]
    weak = [q for q in rated if q["level"] < STRENGTH_FROM_LEVEL]
    strengths = sorted(strong, key=lambda q: -q["score"])[:HIGHLIGHTS]
    gaps = sorted(weak, key=lambda q: q["score"])[:HIGHLIGHTS]
    return strengths, gaps


def evidence_needed(pillars: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every question answered "insufficient information", in rubric order."""
    return [
        q
        for pillar in pillars
        for q in pillar["questions"]
        if q["status"] == "insufficient_information"
    ]
