"""The consolidation of a process's current published assessments, computed once per state.

Every scorecard of a process shows the same consolidation, and the process page and the API
show it too: after a publication in a busy process, each of its hundreds of scorecards was
rendered by reading thousands of answers and consolidating them again. A published assessment's
answers never change, so the current published assessments (each chain at its latest revision),
the rubric version and the scoring method decide the consolidation entirely: each app process
keeps the consolidations it computed last under that key, and a later reader sends one query
for the assessments instead of reading every answer. An assessment is named by its id and the
moment it was published, so that a database restored or emptied, whose ids start again, is
never taken for the one consolidated before.
"""

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from assessor import scoring
from assessor.assessments.models import Assessment
from assessor.assessments.results import (
    current_published,
    published_rows,
    rated_assessments,
    rationale_languages,
    rubric_shape,
)
from assessor.recently_read import RecentlyRead
from assessor.rubrics.models import RubricVersion

# Consolidations kept per app process; the busiest process's holds a few thousand ratings.
KEPT_CONSOLIDATIONS = 32


@dataclass(frozen=True)
class ProcessConsolidation:
    result: scoring.Consolidation
    # The language each rationale was written in, by (assessment id, question key).
    rationale_languages: dict[tuple[int, str], str]

    @property
    def assessments(self) -> int:
        return len(self.result.assessment_ids)


_kept: RecentlyRead[ProcessConsolidation] = RecentlyRead(KEPT_CONSOLIDATIONS)


def current_consolidation(
    session: Session, process_id: int, rubric: RubricVersion
) -> ProcessConsolidation | None:
    """The consolidation of the process's current published assessments on ``rubric``; None
    when none is published."""
    current = select(Assessment.id, Assessment.published_at).where(
        *current_published(process_id, rubric)
    )
    published = tuple(map(tuple, session.execute(current.order_by(Assessment.id))))
    if not published:
        return None
    key = (process_id, rubric.id, scoring.METHOD_VERSION, published)
    if (kept := _kept.get(key)) is not None:
        return kept
    rows = published_rows(session, process_id, rubric)
    computed = ProcessConsolidation(
        scoring.consolidate(rubric_shape(rubric), rated_assessments(rows)),
        rationale_languages(rows),
    )
    if computed.result.assessment_ids != tuple(assessment_id for assessment_id, _ in published):
        # Another assessment was published in between: not kept under a key that it misses.
        return computed
    _kept.keep(key, computed)
    return computed


def forget_consolidations() -> None:
    """Forget every kept consolidation, as a new app process starts: for measuring."""
    _kept.clear()
