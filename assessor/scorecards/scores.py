"""Published assessments' results, kept: scored once when published, read by lists and
comparisons.

A published (or withdrawn) assessment's answers, evidence and rubric version never change, so
its result changes only with the scoring method; each is kept under the method's version. What
is not kept yet (published before results were kept, or scored by an earlier method) is scored
from its answers when asked for, exactly as before, and `flask scorecards keep-scores` keeps it.
"""

from collections.abc import Iterable, Iterator, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from assessor import scoring
from assessor.assessments.access import PUBLIC_STATUSES
from assessor.assessments.models import Assessment
from assessor.rubrics.models import RubricVersion
from assessor.scorecards.data import answers_of, rubric_shape
from assessor.scorecards.models import KeptScore

# Assessments scored and kept per batch by keep_missing_scores.
KEEP_BATCH = 500


def _scored(
    session: Session, assessments: Sequence[Assessment]
) -> dict[int, scoring.AssessmentScore]:
    """``assessments`` scored from their answers, read in one query."""
    answers = answers_of(session, [assessment.id for assessment in assessments])
    shapes: dict[int, scoring.RubricShape] = {}
    results = {}
    for assessment in assessments:
        rubric: RubricVersion = assessment.rubric
        if rubric.id not in shapes:
            shapes[rubric.id] = rubric_shape(rubric)
        results[assessment.id] = scoring.score_assessment(
            shapes[rubric.id], answers.get(assessment.id, {})
        )
    return results


def _kept(session: Session, ids: Iterable[int]) -> dict[int, scoring.AssessmentScore]:
    statement = select(KeptScore.assessment_id, KeptScore.result).where(
        KeptScore.assessment_id.in_(list(ids)),
        KeptScore.method_version == scoring.METHOD_VERSION,
    )
    return {row.assessment_id: scoring.from_plain(row.result) for row in session.execute(statement)}


def scores_of(
    session: Session, assessments: Sequence[Assessment]
) -> dict[int, scoring.AssessmentScore]:
    """Each assessment's result by the current method, as its own scorecard shows it: kept
    where it is, else scored from its answers (drafts always are)."""
    public = [assessment.id for assessment in assessments if assessment.status in PUBLIC_STATUSES]
    results = _kept(session, public)
    unkept = [assessment for assessment in assessments if assessment.id not in results]
    if unkept:
        results |= _scored(session, unkept)
    return results


def _kept_score(assessment_id: int, result: scoring.AssessmentScore) -> KeptScore:
    return KeptScore(
        assessment_id=assessment_id,
        method_version=scoring.METHOD_VERSION,
        result=scoring.as_plain(result),
    )


def keep_score(session: Session, assessment: Assessment) -> None:
    """Keep a newly published assessment's result; the caller commits it with the publication."""
    session.add(_kept_score(assessment.id, _scored(session, [assessment])[assessment.id]))


def _unkept_batch(session: Session) -> list[Assessment]:
    kept = select(KeptScore.assessment_id).where(KeptScore.method_version == scoring.METHOD_VERSION)
    statement = (
        select(Assessment)
        .where(Assessment.status.in_(PUBLIC_STATUSES), Assessment.id.not_in(kept))
        .order_by(Assessment.id)
        .limit(KEEP_BATCH)
    )
    return list(session.scalars(statement))


def keep_missing_scores(session: Session) -> Iterator[int]:
    """Keep the result of every public assessment that has none by the current method, a
    batch at a time, flushed: after each the running count is yielded, for the caller to
    commit the batch, so that transactions stay small. Safe to repeat."""
    kept = 0
    while batch := _unkept_batch(session):
        results = _scored(session, batch)
        session.add_all(_kept_score(key, result) for key, result in results.items())
        session.flush()
        kept += len(batch)
        yield kept
