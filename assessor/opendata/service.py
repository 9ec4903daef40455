"""The open-data export: one row per public assessment and question, read in batches.

Rows come from two streamed queries over the same joins and in the same order: the answers
with everything about them, and their evidence URLs. Merging them in lockstep gives each row
its URLs without a query per row and without holding more than a batch in memory.
"""

from collections.abc import Callable, Iterator
from datetime import datetime
from itertools import groupby
from typing import Any

from sqlalchemy import Row, Select, func, select
from sqlalchemy.orm import Session

from assessor.assessments.models import (
    PUBLIC_STATUSES,
    Answer,
    Assessment,
    AssessmentStatus,
    EvidenceItem,
)
from assessor.processes.models import Process, ProcessVersion
from assessor.rubrics.models import Pillar, Question, RubricVersion
from assessor.scoring import METHOD_VERSION
from assessor.users.models import User
from config import PROJECT_DIR

OPEN_DATA_DOCUMENT = PROJECT_DIR / "docs" / "open-data.md"
LICENCE = (
    "The data is published for reuse; cite the process and the scorecard's permalink "
    "of the assessments you use."
)
BATCH_SIZE = 500
# The order of rows: assessment by assessment, each in rubric order. Both queries sort by it,
# and select it, so that the merge can compare where each stream is.
ORDER = (Assessment.id, Pillar.position, Question.position, Answer.id)
SORT_COLUMNS = (
    Assessment.id.label("assessment_id"),
    Pillar.position.label("pillar_position"),
    Question.position.label("question_position"),
    Answer.id.label("answer_id"),
)

JUDGEMENT_COLUMNS = (
    Assessment.status,
    Assessment.withdrawal_reason,
    Assessment.withdrawn_at,
    Process.id.label("process_id"),
    # The process as described when the assessment was published, as its scorecard shows it.
    ProcessVersion.number.label("process_version"),
    ProcessVersion.name.label("process_name"),
    ProcessVersion.convening_organization,
    ProcessVersion.scope,
    ProcessVersion.layer,
    Process.name.label("current_process_name"),
    RubricVersion.slug.label("rubric_slug"),
    RubricVersion.version.label("rubric_version"),
    Pillar.key.label("pillar_key"),
    Pillar.weight.label("pillar_weight"),
    Question.key.label("question_key"),
    Question.weight.label("question_weight"),
    Assessment.perspective,
    # The assessor's public name only: the export never carries e-mail addresses.
    User.display_name.label("assessor_display_name"),
    Assessment.published_at,
    Answer.level,
    Answer.not_applicable,
    Answer.insufficient_information,
    Answer.rationale,
    Answer.rationale_language,
    Answer.change_reason,
    Assessment.revises_id,
)


def _public_answers(statement: Select) -> Select:
    """``statement`` over the answers of published and withdrawn assessments, in export order."""
    return (
        statement.join(Assessment, Assessment.id == Answer.assessment_id)
        .join(
            Question,
            (Question.rubric_version_id == Assessment.rubric_version_id)
            & (Question.key == Answer.question_key),
        )
        .join(Pillar, Pillar.id == Question.pillar_id)
        .where(Assessment.status.in_(PUBLIC_STATUSES))
        .order_by(*ORDER)
    )


def _judgement_rows(session: Session) -> Iterator[Row]:
    """Every public answer with its assessment, process, rubric, pillar and question."""
    statement = _public_answers(select(*SORT_COLUMNS, *JUDGEMENT_COLUMNS).select_from(Answer))
    statement = statement.join(Process, Process.id == Assessment.process_id)
    statement = statement.join(ProcessVersion, ProcessVersion.id == Assessment.process_version_id)
    statement = statement.join(RubricVersion, RubricVersion.id == Assessment.rubric_version_id)
    statement = statement.join(User, User.id == Assessment.assessor_id)
    return iter(session.execute(statement.execution_options(yield_per=BATCH_SIZE)))


def _evidence_groups(session: Session) -> Iterator[tuple[tuple, list[str]]]:
    """Each evidenced answer's sort key and its URLs in the order the assessor gave them."""
    statement = _public_answers(
        select(*SORT_COLUMNS, EvidenceItem.url).select_from(EvidenceItem).join(Answer)
    ).order_by(EvidenceItem.position)
    rows = session.execute(statement.execution_options(yield_per=BATCH_SIZE))
    for key, group in groupby(rows, key=_sort_key):
        yield key, [row.url for row in group]


def _sort_key(row: Row) -> tuple[int, int, int, int]:
    """Where a row stands in the export order."""
    return row.assessment_id, row.pillar_position, row.question_position, row.answer_id


def _with_evidence(session: Session) -> Iterator[tuple[Row, list[str]]]:
    """Each judgement row with its evidence URLs, merging the two ordered streams."""
    # The judgements are queried first, so anything published meanwhile can only add evidence
    # groups without a row, which the merge skips; published evidence never changes after.
    judgement_rows = _judgement_rows(session)
    evidence = _evidence_groups(session)
    pending = next(evidence, None)
    for row in judgement_rows:
        key = _sort_key(row)
        while pending is not None and pending[0] < key:
            pending = next(evidence, None)
        if pending is not None and pending[0] == key:
            yield row, pending[1]
            pending = next(evidence, None)
        else:
            yield row, []


def answer_kind(row: Row) -> str:
    """Which of the three kinds of answer a row holds."""
    if row.level is not None:
        return "level"
    return "not_applicable" if row.not_applicable else "insufficient_information"


def _judgement(row: Row, urls: list[str], permalink: str) -> dict[str, Any]:
    """One row of the export as plain data."""
    return {
        "assessment_id": row.assessment_id,
        "scorecard": permalink,
        "status": row.status,
        "withdrawal_reason": row.withdrawal_reason,
        "withdrawn_at": row.withdrawn_at,
        "revises_id": row.revises_id,
        "process_id": row.process_id,
        "process_version": row.process_version,
        "process_name": row.process_name,
        "convening_organization": row.convening_organization,
        "scope": row.scope,
        "layer": row.layer,
        "current_process_name": row.current_process_name,
        "rubric": f"{row.rubric_slug}@{row.rubric_version}",
        "method_version": METHOD_VERSION,
        "perspective": row.perspective,
        "assessor_display_name": row.assessor_display_name,
        "published_at": row.published_at,
        "pillar_key": row.pillar_key,
        "pillar_weight": row.pillar_weight,
        "question_key": row.question_key,
        "question_weight": row.question_weight,
        "answer": answer_kind(row),
        "level": row.level,
        "rationale": row.rationale,
        "rationale_language": row.rationale_language,
        "evidence_urls": urls,
        "change_reason": row.change_reason,
    }


def judgements(session: Session, permalink: Callable[[int], str]) -> Iterator[dict[str, Any]]:
    """Every judgement of a published or withdrawn assessment, streamed in export order.

    ``permalink`` gives an assessment's scorecard address; it is asked once per assessment.
    """
    assessment_id, link = None, ""
    for row, urls in _with_evidence(session):
        if row.assessment_id != assessment_id:
            assessment_id, link = row.assessment_id, permalink(row.assessment_id)
        yield _judgement(row, urls, link)


def export_summary(session: Session) -> dict[str, Any]:
    """How much the export holds: assessments by status, processes and rows."""
    public = Assessment.status.in_(PUBLIC_STATUSES)
    by_status = dict(
        session.execute(
            select(Assessment.status, func.count()).where(public).group_by(Assessment.status)
        ).all()
    )
    processes, rows = session.execute(
        select(func.count(Assessment.process_id.distinct()), func.count(Answer.id))
        .select_from(Assessment)
        .outerjoin(Answer, Answer.assessment_id == Assessment.id)
        .where(public)
    ).one()
    return {
        "published": by_status.get(AssessmentStatus.PUBLISHED, 0),
        "withdrawn": by_status.get(AssessmentStatus.WITHDRAWN, 0),
        "processes": processes,
        "judgements": rows,
    }


def generated_at(now: datetime) -> str:
    """The export's timestamp, in UTC to the second."""
    return now.replace(microsecond=0).isoformat()
