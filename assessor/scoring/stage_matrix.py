"""Where in a process a principle fails: each stage x pillar, from the questions' stage tags.

Participation often narrows from agenda-setting to decision-making (IGF 2013 Workshop #41
report). The matrix scores each pillar at each stage over the questions tagged with that stage,
with the range unknowns allow, and flags a phase that falls clearly below an earlier one.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from .inputs import Answer, RubricShape
from .ranges import ScoreRange, answers_range, combined_range
from .stages import PHASES, STAGES

# A later phase is flagged when even its high end lies one level (25 points) or more below an
# earlier phase's low end: it falls short there whatever the unknowns turn out to be.
STAGE_DROP = 25.0


@dataclass(frozen=True, slots=True)
class StageCell:
    """One pillar at one stage: how many questions are tagged with both, and their range."""

    pillar_key: str
    questions: int
    score_range: ScoreRange
    falls_below_earlier: bool


@dataclass(frozen=True, slots=True)
class StageRow:
    """One stage: its pillars' cells, and their range averaged with the pillar weights."""

    stage: str
    questions: int
    score_range: ScoreRange
    falls_below_earlier: bool
    cells: tuple[StageCell, ...]


def falls_below(later: ScoreRange, earlier: list[ScoreRange]) -> bool:
    """Whether ``later``'s high end is STAGE_DROP or more below the low end of an earlier one."""
    if later.high is None:
        return False
    return any(
        result.low is not None and result.low - later.high >= STAGE_DROP for result in earlier
    )


def _unflagged_row(rubric: RubricShape, stage: str, answers: Mapping[str, Answer]) -> StageRow:
    cells = []
    for pillar in rubric.pillars:
        tagged = [question for question in pillar.questions if stage in question.stages]
        result = answers_range((question.weight, answers[question.key]) for question in tagged)
        cells.append(StageCell(pillar.key, len(tagged), result, False))
    weights = {pillar.key: pillar.weight for pillar in rubric.pillars}
    return StageRow(
        stage=stage,
        questions=sum(cell.questions for cell in cells),
        score_range=combined_range((weights[cell.pillar_key], cell.score_range) for cell in cells),
        falls_below_earlier=False,
        cells=tuple(cells),
    )


def _flagged(row: StageRow, earlier_rows: list[StageRow]) -> StageRow:
    """``row`` with its drops below the phases before it flagged."""
    cells = tuple(
        StageCell(
            cell.pillar_key,
            cell.questions,
            cell.score_range,
            falls_below(cell.score_range, [r.cells[i].score_range for r in earlier_rows]),
        )
        for i, cell in enumerate(row.cells)
    )
    flagged = falls_below(row.score_range, [r.score_range for r in earlier_rows])
    return StageRow(row.stage, row.questions, row.score_range, flagged, cells)


def stage_matrix(rubric: RubricShape, answers: Mapping[str, Answer]) -> tuple[StageRow, ...]:
    """A row per stage in STAGES order (``answers`` hold every question, as
    answers_in_rubric_order gives them); only the phases are compared with earlier ones. None
    where the rubric tags no question with a stage: there is no matrix, not an empty one."""
    rows = [_unflagged_row(rubric, stage, answers) for stage in STAGES]
    if not any(row.questions for row in rows):
        return ()
    phases = [row for row in rows if row.stage in PHASES]
    return tuple(
        _flagged(row, phases[: phases.index(row)]) if row.stage in PHASES else row for row in rows
    )
