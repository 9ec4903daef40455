"""The stage x pillar matrix of each scorecard compared, one block of stage rows per scorecard.

Each block is the scorecard's own matrix (methodology, section 9), computed on its own rubric
version; its cells are those of the pillars the comparison shares, as in the scores table. A
rubric version whose questions carry no stage tags has no matrix, and its block says so rather
than showing empty rows.
"""

from collections.abc import Sequence
from typing import Any

from assessor import scoring
from assessor.presentation.stage_rows import stage_rows


def range_data(result: scoring.ScoreRange) -> dict[str, Any]:
    """A range as the documents carry it: its two ends (none where nothing is judged), then
    the coverage beside them."""
    judged = result.low is not None
    return {
        "score": result.low,
        "score_range": {"low": result.low, "high": result.high} if judged else None,
        "information_coverage": result.information_coverage,
    }


def stage_blocks(
    scorecards: Sequence[Any],
    results: dict[int, scoring.AssessmentScore],
    pillar_keys: Sequence[str],
) -> list[dict[str, Any]]:
    """Each scorecard's stage rows (none when its rubric version has no stage tags)."""
    blocks = []
    for assessment in scorecards:
        result = results[assessment.id]
        tagged = bool(result.stages)
        blocks.append(
            {
                "assessment_id": assessment.id,
                "rubric_version": assessment.rubric.version,
                "stage_tags": tagged,
                "rows": stage_rows(result.stages, range_data, pillar_keys),
            }
        )
    return blocks
