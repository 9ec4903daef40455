"""The stage x pillar matrix as the scorecard and the comparison documents carry it.

Both show the engine's rows alike; only the names they give a range's figures differ, so each
passes its own ``figures``.
"""

from collections.abc import Callable, Sequence
from typing import Any

from assessor import scoring

Figures = Callable[[scoring.ScoreRange], dict[str, Any]]


def _cell(cell: scoring.StageCell, figures: Figures) -> dict[str, Any]:
    return {
        "pillar_key": cell.pillar_key,
        "questions": cell.questions,
        **figures(cell.score_range),
        "falls_below_earlier": cell.falls_below_earlier,
    }


def stage_rows(
    stages: Sequence[scoring.StageRow], figures: Figures, pillar_keys: Sequence[str] | None = None
) -> list[dict[str, Any]]:
    """A row per stage, in the order a process runs them, with a cell per pillar (those of
    ``pillar_keys``, in their order, where given)."""
    rows = []
    for row in stages:
        cells = {cell.pillar_key: cell for cell in row.cells}
        shown = pillar_keys if pillar_keys is not None else list(cells)
        rows.append(
            {
                "stage": row.stage,
                "questions": row.questions,
                **figures(row.score_range),
                "falls_below_earlier": row.falls_below_earlier,
                "cells": [_cell(cells[key], figures) for key in shown],
            }
        )
    return rows
