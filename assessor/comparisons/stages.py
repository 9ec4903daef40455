"""The stage x pillar matrix of each scorecard compared, one block of stage rows per scorecard.

Each block is the scorecard's own matrix (methodology, section 9), computed on its own rubric
version; its cells are those of the pillars the comparison shares, as in the scores table. A
rubric version whose questions carry no stage tags has no matrix, and its block says so rather
than showing empty rows.
"""

from collections.abc import Sequence
from typing import Any

from assessor import scoring


def range_data(result: scoring.ScoreRange) -> dict[str, Any]:
    """A range as the documents carry it: its two ends (none where nothing is judged), then
    the coverage beside them."""
    judged = result.low is not None
    return {
        "score": result.low,
        "score_range": {"low": result.low, "high": result.high} if judged else None,
        "information_coverage": result.information_coverage,
    }


def _cell(cell: scoring.StageCell) -> dict[str, Any]:
    return {
        "pillar_key": cell.pillar_key,
        "questions": cell.questions,
        **range_data(cell.score_range),
        "falls_below_earlier": cell.falls_below_earlier,
    }


def _row(row: scoring.StageRow, pillar_keys: Sequence[str]) -> dict[str, Any]:
    cells = {cell.pillar_key: cell for cell in row.cells}
    return {
        "stage": row.stage,
        "questions": row.questions,
        **range_data(row.score_range),
        "falls_below_earlier": row.falls_below_earlier,
        "cells": [_cell(cells[key]) for key in pillar_keys],
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
                "rows": [_row(row, pillar_keys) for row in result.stages] if tagged else [],
            }
        )
    return blocks
