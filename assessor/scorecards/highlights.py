"""What a scorecard singles out: its strongest and weakest answers, and the evidence it lacks.

Method 2 reads "insufficient information" as "we lack evidence", not "the process falls short":
an unknown is neither a strength nor a gap, and listing unknowns among the gaps would hide the
real failures behind them. Strengths and gaps are drawn from answers at a level only; the
unknowns are listed apart, each with the rubric's guidance on the evidence that would settle it.
"""

from typing import Any

# Questions shown as strengths, and as gaps.
HIGHLIGHTS = 3


def _answered_at_a_level(pillars: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [q for pillar in pillars for q in pillar["questions"] if q["status"] == "level"]


def strengths_and_gaps(pillars: list[dict[str, Any]]) -> tuple[list[dict], list[dict]]:
    """The highest and lowest questions answered at a level; a question is never both, and
    ties keep rubric order."""
    rated = _answered_at_a_level(pillars)
    strengths = sorted(rated, key=lambda q: -q["score"])[:HIGHLIGHTS]
    gaps = [q for q in sorted(rated, key=lambda q: q["score"]) if q not in strengths]
    return strengths, gaps[:HIGHLIGHTS]


def evidence_needed(pillars: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every question answered "insufficient information", in rubric order."""
    return [
        q
        for pillar in pillars
        for q in pillar["questions"]
        if q["status"] == "insufficient_information"
    ]
