"""The open-data scores: each public assessment's overall and pillar results with the range
that unknowns allow and the information coverage (methodology, section 8), read in batches.

The judgements export lets anyone recompute these; this one saves them the work and carries the
method version the results are computed with. The results are those every scorecard shows:
kept at publication, or scored from the answers where none is kept by the current method.
"""

from collections.abc import Callable, Iterator
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from assessor import scoring
from assessor.assessments.kept_scores import scores_of
from assessor.assessments.models import PUBLIC_STATUSES, Assessment
from assessor.opendata.service import BATCH_SIZE
from assessor.rubrics.models import Pillar, RubricVersion


def _public_batches(session: Session) -> Iterator[list[Assessment]]:
    """Published and withdrawn assessments by id, BATCH_SIZE at a time, with their rubric."""
    last_id = 0
    while True:
        statement = (
            select(Assessment)
            .where(Assessment.status.in_(PUBLIC_STATUSES), Assessment.id > last_id)
            .options(
                selectinload(Assessment.rubric)
                .selectinload(RubricVersion.pillars)
                .selectinload(Pillar.questions)
            )
            .order_by(Assessment.id)
            .limit(BATCH_SIZE)
        )
        batch = list(session.scalars(statement))
        if not batch:
            return
        yield batch
        last_id = batch[-1].id


def _result_row(result: Any, key: str | None, weight: float | None) -> dict[str, Any]:
    """An overall (AssessmentScore) or pillar (PillarScore) result's figures."""
    return {
        "result": "pillar" if key else "overall",
        "pillar_key": key,
        "pillar_weight": weight,
        "score": result.score,
        "score_range_low": result.score,
        "score_range_high": result.high,
        "information_coverage": result.information_coverage,
        "band": result.band,
    }


def _rows_of(
    assessment: Assessment, result: scoring.AssessmentScore, permalink: str
) -> Iterator[dict[str, Any]]:
    """The overall result, then each pillar's in rubric order."""
    about = {
        "assessment_id": assessment.id,
        "scorecard": permalink,
        "status": assessment.status,
        "revises_id": assessment.revises_id,
        "process_id": assessment.process_id,
        "rubric": f"{assessment.rubric.slug}@{assessment.rubric.version}",
        "method_version": scoring.METHOD_VERSION,
    }
    yield about | _result_row(result, None, None)
    for pillar in result.pillars:
        yield about | _result_row(pillar, pillar.key, pillar.weight)


def score_rows(session: Session, permalink: Callable[[int], str]) -> Iterator[dict[str, Any]]:
    """Every public assessment's results, assessment by assessment (by id), streamed."""
    for batch in _public_batches(session):
        results = scores_of(session, batch)
        for assessment in batch:
            yield from _rows_of(assessment, results[assessment.id], permalink(assessment.id))
