"""An assessment's result as plain JSON data and back, exactly: what is kept is what was scored.

Floats survive JSON unchanged (Python writes the shortest text that reads back as the same
float), so a result read back equals the one computed, to the last bit.
"""

from dataclasses import asdict
from typing import Any

from .assessment import AssessmentScore, PillarScore, QuestionScore
from .ranges import ScoreRange
from .stage_matrix import StageCell, StageRow


def as_plain(result: AssessmentScore) -> dict[str, Any]:
    """``result`` as nested dicts and lists of numbers, strings and None."""
    return asdict(result)


def _pillar(plain: dict[str, Any]) -> PillarScore:
    questions = tuple(QuestionScore(**question) for question in plain["questions"])
    return PillarScore(**{**plain, "questions": questions})


def _cell(plain: dict[str, Any]) -> StageCell:
    return StageCell(**{**plain, "score_range": ScoreRange(**plain["score_range"])})


def _stage(plain: dict[str, Any]) -> StageRow:
    return StageRow(
        **{
            **plain,
            "score_range": ScoreRange(**plain["score_range"]),
            "cells": tuple(_cell(cell) for cell in plain["cells"]),
        }
    )


def from_plain(plain: dict[str, Any]) -> AssessmentScore:
    """The result that as_plain gave ``plain`` for."""
    pillars = tuple(_pillar(pillar) for pillar in plain["pillars"])
    stages = tuple(_stage(stage) for stage in plain["stages"])
    return AssessmentScore(**{**plain, "pillars": pillars, "stages": stages})
