"""Results of assessments as plain data: an answer as every reader takes it, the rubric and
answers as the scoring engine reads them, and the published answers that consolidation compares.

Below every page-making package (process pages, scorecards, comparisons, open data) and the API,
so that each reads assessments' results the same way."""

from collections.abc import Mapping, Sequence
from itertools import groupby
from operator import attrgetter
from typing import Any

from sqlalchemy import Row, func, select
from sqlalchemy.orm import Session, aliased

from assessor import scoring
from assessor.assessments.models import Answer, Assessment, AssessmentStatus, EvidenceItem
from assessor.rubrics.models import RubricVersion


def rubric_shape(rubric: RubricVersion) -> scoring.RubricShape:
    """The rubric as the scoring engine sees it: keys and weights only."""
    return scoring.RubricShape(
        pillars=tuple(
            scoring.PillarShape(
                key=pillar.key,
                weight=pillar.weight,
                questions=tuple(
                    scoring.QuestionShape(
                        q.key,
                        q.weight,
                        q.not_applicable_allowed,
                        q.evidence_threshold,
                        stages=tuple(q.stages),
                    )
                    for q in pillar.questions
                ),
            )
            for pillar in rubric.pillars
        )
    )


def answer_data(answer: Answer) -> dict[str, Any]:
    """The answer as plain data, its evidence in order: the one shape that scorecards, the
    questionnaire, audit events and scoring read it in."""
    return {
        "level": answer.level,
        "not_applicable": answer.not_applicable,
        "insufficient_information": answer.insufficient_information,
        "rationale": answer.rationale,
        "rationale_language": answer.rationale_language,
        "change_reason": answer.change_reason,
        "evidence": [
            {
                "position": item.position,
                "url": item.url,
                "title": item.title,
                "accessed_on": item.accessed_on,
                "note": item.note,
            }
            for item in answer.evidence
        ],
        "unfinished_evidence": answer.unfinished_evidence,
        "version": answer.row_version,
    }


def scoring_answer(data: Mapping[str, Any], evidence_count: int) -> scoring.Answer:
    """An answer as scoring sees it, from answer_data or a row with the same names."""
    return scoring.Answer(
        level=data["level"],
        not_applicable=data["not_applicable"],
        insufficient_information=data["insufficient_information"],
        evidence_count=evidence_count,
        rationale=data["rationale"],
    )


def rated_answers(answers: Mapping[str, Mapping[str, Any]]) -> dict[str, scoring.Answer]:
    """Answers as answer_data gives them, by question key, as scoring sees them."""
    return {key: scoring_answer(data, len(data["evidence"])) for key, data in answers.items()}


def score_of(assessment: Assessment) -> scoring.AssessmentScore:
    """The loaded assessment scored by the current method, as its scorecard shows it."""
    answers = {answer.question_key: answer_data(answer) for answer in assessment.answers}
    return scoring.score_assessment(rubric_shape(assessment.rubric), rated_answers(answers))


# An answer as scoring reads it; evidence counted, grouped by answer.
RATED_COLUMNS = (
    Answer.question_key,
    Answer.level,
    Answer.not_applicable,
    Answer.insufficient_information,
    Answer.rationale,
    func.count(EvidenceItem.id).label("evidence_count"),
)


def _rated_answers(rows: list[Row]) -> dict[str, scoring.Answer]:
    return {row.question_key: scoring_answer(row._mapping, row.evidence_count) for row in rows}


def answers_of(
    session: Session, assessment_ids: Sequence[int]
) -> dict[int, dict[str, scoring.Answer]]:
    """Each assessment's answers as scoring sees them, evidence counted, in one query."""
    statement = (
        select(Answer.assessment_id, *RATED_COLUMNS)
        .outerjoin(EvidenceItem, EvidenceItem.answer_id == Answer.id)
        .where(Answer.assessment_id.in_(assessment_ids))
        .group_by(Answer.id)
        .order_by(Answer.assessment_id)
    )
    rows = session.execute(statement)
    return {
        assessment_id: _rated_answers(list(group))
        for assessment_id, group in groupby(rows, key=lambda row: row.assessment_id)
    }


# An answer as consolidation reads it, with its assessment's id and perspective and its
# rationale's language.
CONSOLIDATED_COLUMNS = (
    Assessment.id,
    Assessment.perspective,
    Answer.question_key,
    Answer.level,
    Answer.not_applicable,
    Answer.insufficient_information,
    Answer.rationale,
    Answer.rationale_language,
)


def current_published(process_id: int, rubric: RubricVersion) -> tuple:
    """Where an assessment is one of the process's published assessments on a rubric version,
    its chain at its latest revision: what consolidation compares."""
    newer = aliased(Assessment)
    superseded = (
        select(newer.id)
        .where(newer.revises_id == Assessment.id, newer.status == AssessmentStatus.PUBLISHED)
        .exists()
    )
    return (
        Assessment.process_id == process_id,
        Assessment.rubric_version_id == rubric.id,
        Assessment.status == AssessmentStatus.PUBLISHED,
        ~superseded,
    )


def published_rows(session: Session, process_id: int, rubric: RubricVersion) -> list[Row]:
    """The answers of the current published assessments (see current_published), as rows (one
    query).

    Rows rather than ORM objects: a busy process has thousands of answers, and an object for
    each would cost more than everything else on its pages. Evidence is not read: consolidation
    compares levels, and the assessments' own scores are kept (see scores).
    """
    statement = (
        select(*CONSOLIDATED_COLUMNS)
        .join(Answer, Answer.assessment_id == Assessment.id)
        .where(*current_published(process_id, rubric))
        .order_by(Assessment.id, Answer.id)
    )
    return list(session.execute(statement))


def rated_assessments(
    rows: list[Row], known: scoring.RatedAssessment | None = None
) -> list[scoring.RatedAssessment]:
    """published_rows as the consolidation's plain data, one per assessment (no evidence); the
    ``known`` assessment's answers, read already, are taken as they are."""
    rated = []
    for assessment_id, group in groupby(rows, key=attrgetter("id")):
        if known is not None and assessment_id == known.id:
            rated.append(known)
            continue
        answered = list(group)
        answers = {row.question_key: scoring_answer(row._mapping, 0) for row in answered}
        rated.append(scoring.RatedAssessment(assessment_id, answered[0].perspective, answers))
    return rated


def rationale_languages(rows: list[Row]) -> dict[tuple[int, str], str]:
    """The language of each rationale of published_rows that records one, by (assessment id,
    question key)."""
    return {
        (row.id, row.question_key): row.rationale_language for row in rows if row.rationale_language
    }
