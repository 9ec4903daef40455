"""The questions of a comparison side by side, those on which the scorecards' levels differ most
first.

Only levels measure how far readings differ. An unknown ("insufficient information") says that
the assessor lacked evidence, not that the process scored 0, so it is counted and shown on its
own, never read as level 0 in the order; not applicable and missing answers take no part.
"""

from collections.abc import Sequence
from typing import Any

from assessor import scoring
from assessor.rubrics.models import LEVEL_NAMES, Question
from assessor.rubrics.texts import rubric_text

UNKNOWN = "insufficient_information"


def question_cell(assessment_id: int, number: str, scored: scoring.QuestionScore) -> dict[str, Any]:
    """One scorecard's answer to a question: its number in that scorecard's rubric version,
    its kind, its level and its score."""
    return {
        "assessment_id": assessment_id,
        "number": number,
        "status": scored.status,
        "level": scored.level,
        "level_name": LEVEL_NAMES[scored.level] if scored.level is not None else None,
        "score": scored.score,
    }


def level_spread(cells: Sequence[dict[str, Any]]) -> int | None:
    """Highest minus lowest level among the answers at a level; None with fewer than two."""
    levels = [cell["level"] for cell in cells if cell["status"] == "level"]
    return max(levels) - min(levels) if len(levels) > 1 else None


def unknowns(cells: Sequence[dict[str, Any]]) -> int:
    """How many scorecards answered the question "insufficient information"."""
    return sum(cell["status"] == UNKNOWN for cell in cells)


def _widest_first(row: dict[str, Any]) -> tuple[bool, int, int]:
    """Questions with a spread by decreasing spread, then the others; ties in rubric order."""
    spread = row["level_spread"]
    return spread is None, -(spread or 0), row["position"]


def questions_side_by_side(
    scorecards: Sequence[Any],
    results: dict[int, scoring.AssessmentScore],
    questions: Sequence[tuple[str, Question]],
    language: str,
) -> list[dict[str, Any]]:
    """Every (number, question) compared, with each scorecard's answer, widest spread first."""
    scored = {
        a.id: {q.key: q for p in results[a.id].pillars for q in p.questions} for a in scorecards
    }
    numbers = {a.id: a.rubric.question_numbers() for a in scorecards}
    rows = []
    for position, (number, question) in enumerate(questions):
        cells = [
            question_cell(a.id, numbers[a.id][question.key], scored[a.id][question.key])
            for a in scorecards
        ]
        rows.append(
            {
                "number": number,
                "key": question.key,
                "prompt": rubric_text(question, "prompt", language),
                "level_spread": level_spread(cells),
                "unknowns": unknowns(cells),
                "position": position,
                "cells": cells,
            }
        )
    return sorted(rows, key=_widest_first)
