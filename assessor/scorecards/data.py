"""Turning stored assessments into the scoring engine's plain data, and back into scorecards."""

from collections.abc import Sequence
from itertools import groupby
from operator import itemgetter
from typing import Any

from sqlalchemy import Row, func, select
from sqlalchemy.orm import Session, aliased

from assessor import scoring
from assessor.assessments.models import Answer, Assessment, AssessmentStatus, EvidenceItem
from assessor.processes.versions import shown_record
from assessor.rubrics.models import RubricVersion


def rubric_shape(rubric: RubricVersion) -> scoring.RubricShape:
    """The rubric as the scoring engine sees it: keys and weights only."""
    return scoring.RubricShape(
        pillars=tuple(
            scoring.PillarShape(
                key=pillar.key,
                weight=pillar.weight,
                questions=tuple(
                    scoring.QuestionShape(q.key, q.weight, q.not_applicable_allowed)
                    for q in pillar.questions
                ),
            )
            for pillar in rubric.pillars
        )
    )


def scoring_answer(answer: Answer) -> scoring.Answer:
    """The answer as scoring sees it, its loaded evidence counted."""
    return scoring.Answer(
        level=answer.level,
        not_applicable=answer.not_applicable,
        insufficient_information=answer.insufficient_information,
        evidence_count=len(answer.evidence),
        rationale=answer.rationale,
    )


def score_of(assessment: Assessment) -> scoring.AssessmentScore:
    """The loaded assessment scored by the current method, as its scorecard shows it."""
    answers = {answer.question_key: scoring_answer(answer) for answer in assessment.answers}
    return scoring.score_assessment(rubric_shape(assessment.rubric), answers)


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
    return {
        row.question_key: scoring.Answer(
            level=row.level,
            not_applicable=row.not_applicable,
            insufficient_information=row.insufficient_information,
            evidence_count=row.evidence_count,
            rationale=row.rationale,
        )
        for row in rows
    }


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


# An answer as consolidation reads it, after its assessment's id and perspective, and before
# its rationale's language; in this order, which rated_assessments unpacks.
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


def published_rows(session: Session, process_id: int, rubric: RubricVersion) -> list[Row]:
    """The answers of a process's published assessments on a rubric version, each chain at its
    latest revision, as rows (one query).

    Rows rather than ORM objects: a busy process has thousands of answers, and an object for
    each would cost more than everything else on its pages. Evidence is not read: consolidation
    compares levels, and the assessments' own scores are kept (see scores).
    """
    newer = aliased(Assessment)
    superseded = (
        select(newer.id)
        .where(newer.revises_id == Assessment.id, newer.status == AssessmentStatus.PUBLISHED)
        .exists()
    )
    statement = (
        select(*CONSOLIDATED_COLUMNS)
        .join(Answer, Answer.assessment_id == Assessment.id)
        .where(
            Assessment.process_id == process_id,
            Assessment.rubric_version_id == rubric.id,
            Assessment.status == AssessmentStatus.PUBLISHED,
            ~superseded,
        )
        .order_by(Assessment.id, Answer.id)
    )
    return list(session.execute(statement))


def rated_assessments(rows: list[Row]) -> list[scoring.RatedAssessment]:
    """published_rows as the consolidation's plain data, one per assessment (no evidence)."""
    rated = []
    for assessment_id, group in groupby(rows, key=itemgetter(0)):
        answered = list(group)
        # Unpacked rather than read by name: a busy process has thousands of answers.
        answers = {
            key: scoring.Answer(level, not_applicable, insufficient, 0, rationale)
            for _, _, key, level, not_applicable, insufficient, rationale, _ in answered
        }
        rated.append(scoring.RatedAssessment(assessment_id, answered[0][1], answers))
    return rated


def rationale_languages(rows: list[Row]) -> dict[tuple[int, str], str]:
    """The language of each rationale of published_rows that records one, by (assessment id,
    question key)."""
    return {
        (row.id, row.question_key): row.rationale_language for row in rows if row.rationale_language
    }


def latest_published(
    session: Session, process_id: int, rubric: RubricVersion
) -> list[scoring.RatedAssessment]:
    """Published assessments of a process on a rubric version, each chain at its latest revision."""
    return rated_assessments(published_rows(session, process_id, rubric))


def consolidation_of(
    rubric: RubricVersion, rated: Sequence[scoring.RatedAssessment]
) -> scoring.Consolidation:
    """The consolidation of assessments as latest_published gives them."""
    return scoring.consolidate(rubric_shape(rubric), rated)


def evidence_data(answer: Answer | None) -> list[dict[str, Any]]:
    """An answer's evidence items as plain data, in their order."""
    if answer is None:
        return []
    return [
        {"url": e.url, "title": e.title, "accessed_on": e.accessed_on, "note": e.note}
        for e in answer.evidence
    ]


def pillar_data(pillar, scored: scoring.PillarScore, questions: list[dict]) -> dict[str, Any]:
    """A pillar's text and scores beside its questions, as API and scorecard both show it."""
    return {
        "key": pillar.key,
        "title": pillar.title,
        "weight": pillar.weight,
        "score": scored.score,
        "band": scored.band,
        "completeness": scored.completeness,
        "evidence_coverage": scored.evidence_coverage,
        "questions": questions,
    }


def _answer_data(answer: Answer | None) -> dict[str, Any] | None:
    if answer is None:
        return None
    return {
        "level": answer.level,
        "not_applicable": answer.not_applicable,
        "insufficient_information": answer.insufficient_information,
        "rationale": answer.rationale,
        "evidence": evidence_data(answer),
    }


def scorecard_data(assessment: Assessment) -> dict[str, Any]:
    """Everything a scorecard shows, unrounded, with the rubric text beside each score."""
    result = score_of(assessment)
    answers = {answer.question_key: answer for answer in assessment.answers}
    pillars = []
    for pillar, scored in zip(assessment.rubric.pillars, result.pillars, strict=True):
        questions = [
            {
                "key": q.key,
                "prompt": q.prompt,
                "weight": q.weight,
                "score": s.score,
                "status": s.status,
                "answer": _answer_data(answers.get(q.key)),
            }
            for q, s in zip(pillar.questions, scored.questions, strict=True)
        ]
        pillars.append(pillar_data(pillar, scored, questions))
    return {
        "assessment_id": assessment.id,
        "process": shown_record(assessment.process, assessment.process_version),
        "method_version": scoring.METHOD_VERSION,
        "rubric": assessment.rubric.label,
        "status": assessment.status,
        "perspective": assessment.perspective,
        "score": result.score,
        "band": result.band,
        "completeness": result.completeness,
        "evidence_coverage": result.evidence_coverage,
        "insufficient_information": result.insufficient_information,
        "not_applicable": result.not_applicable,
        "missing": result.missing,
        "pillars": pillars,
    }
