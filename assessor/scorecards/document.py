"""Everything a scorecard shows, as plain data: the page, the PDF and the API's scorecard are
all dumped from this one document."""

import re
from typing import Any, Protocol

from sqlalchemy.orm import Session

from assessor import scoring
from assessor.assessments.consolidations import current_consolidation
from assessor.assessments.models import (
    OPEN_STATUSES,
    PUBLIC_STATUSES,
    Assessment,
    AssessmentStatus,
)
from assessor.assessments.results import answer_data, rated_answers, rubric_shape
from assessor.participation.consistency import consistency_flags, flag_data
from assessor.participation.profiles import participation_profile
from assessor.participation.published import current_versions, kept_versions, stage_counts
from assessor.presentation.stage_rows import stage_rows
from assessor.processes.versions import shown_record
from assessor.rubrics.models import LEVEL_NAMES, RubricVersion
from assessor.rubrics.texts import rubric_text, text_language
from assessor.scorecards.disagreements import disagreement_summary
from assessor.scorecards.highlights import evidence_needed, strengths_and_gaps
from assessor.stakeholders import stakeholder_label


def process_slug(name: str) -> str:
    """A file-name-safe form of a process name, such as ``igf-2013-workshop-41``."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return slug[:60].rstrip("-") or "process"


def scorecard_file_name(process_name: str, assessment_id: int, status: str) -> str:
    """``scorecard-<process slug>-<id>[-draft].pdf``: says what it is, and whether final."""
    draft = "-draft" if status in OPEN_STATUSES else ""
    return f"scorecard-{process_slug(process_name)}-{assessment_id}{draft}.pdf"


def _question(
    number: str, question, scored, answer: dict[str, Any] | None, language: str
) -> dict[str, Any]:
    descriptors = {
        level.level: rubric_text(level, "descriptor", language) for level in question.levels
    }
    return {
        "number": number,
        "key": question.key,
        "prompt": rubric_text(question, "prompt", language),
        "guidance": rubric_text(question, "guidance", language),
        "weight": question.weight,
        "evidence_threshold": question.evidence_threshold,
        "status": scored.status,
        "level": scored.level,
        "score": scored.score,
        "level_name": LEVEL_NAMES[scored.level] if scored.level is not None else None,
        "descriptor": descriptors.get(scored.level) if scored.level is not None else None,
        "answer": answer,
    }


def _pillar(pillar, scored: scoring.PillarScore, language: str) -> dict[str, Any]:
    """A pillar's text in ``language`` and its scores, without its questions."""
    return {
        "key": pillar.key,
        "title": rubric_text(pillar, "title", language),
        "weight": pillar.weight,
        **_figures(scored),
        "band": scored.band,
        "completeness": scored.completeness,
        "evidence_coverage": scored.evidence_coverage,
    }


class RangedResult(Protocol):
    """A result with method 2's range: an assessment's, a pillar's or a consolidation's."""

    score: float | None
    high: float | None
    information_coverage: float | None


def _figures(result: RangedResult) -> dict[str, Any]:
    """A pillar's, an assessment's or a consolidation's score (the low end of its range), the
    high end (every unknown met) and its information coverage (0-100)."""
    return {
        "score": result.score,
        "high": result.high,
        "information_coverage": result.information_coverage,
    }


def _range_figures(result: scoring.ScoreRange) -> dict[str, Any]:
    """A stage matrix range under the names the rest of the document gives the same figures."""
    return {
        "score": result.low,
        "high": result.high,
        "information_coverage": result.information_coverage,
    }


def _pillars(
    rubric: RubricVersion,
    result: scoring.AssessmentScore,
    answers: dict[str, dict[str, Any]],
    language: str,
) -> list[dict[str, Any]]:
    """Each pillar with its questions, their rubric text in ``language``."""
    pillars = []
    for p, (pillar, scored) in enumerate(zip(rubric.pillars, result.pillars, strict=True), 1):
        questions = [
            _question(f"{p}.{q}", question, scored_question, answers.get(question.key), language)
            for q, (question, scored_question) in enumerate(
                zip(pillar.questions, scored.questions, strict=True), 1
            )
        ]
        pillars.append({**_pillar(pillar, scored, language), "questions": questions})
    return pillars


def _consolidated(session: Session, assessment: Assessment, pillars: list[dict]) -> dict | None:
    """The consolidation across the process's published assessments, when there are two or more."""
    consolidation = current_consolidation(session, assessment.process_id, assessment.rubric)
    if consolidation is None or consolidation.assessments < 2:
        return None
    result, languages = consolidation.result, consolidation.rationale_languages
    titles = {pillar["key"]: pillar["title"] for pillar in pillars}
    questions = {q["key"]: q for pillar in pillars for q in pillar["questions"]}
    disputed = [(d, questions[d.question_key]) for d in result.disagreements]
    return {
        "assessment_ids": list(result.assessment_ids),
        **_figures(result),
        "band": result.band,
        "alpha": result.alpha,
        "exact_agreement": result.exact_agreement,
        "pillars": [
            {
                "key": p.key,
                "title": titles[p.key],
                **_figures(p),
                "band": p.band,
                "alpha": p.alpha,
                "exact_agreement": p.exact_agreement,
            }
            for p in result.pillars
        ],
        "disagreements": [
            disagreement_summary(d, question["number"], question["prompt"], languages)
            for d, question in disputed
        ],
        "perspectives": [
            {
                "perspective": stakeholder_label(v.perspective),
                "assessments": len(v.assessment_ids),
                **_figures(v),
                "pillars": [_figures(p) for p in v.pillars],
            }
            for v in result.perspectives
        ],
        "spread": [s.spread for s in result.spread],
    }


def _summary(result: scoring.AssessmentScore) -> dict[str, Any]:
    """The assessment's overall figures, beside its pillars'."""
    return {
        **_figures(result),
        "band": result.band,
        "completeness": result.completeness,
        "evidence_coverage": result.evidence_coverage,
        "insufficient_information": result.insufficient_information,
        "not_applicable": result.not_applicable,
        "missing": result.missing,
    }


def _replies(assessment: Assessment) -> list[dict[str, Any]]:
    """The process's replies to the published assessment, oldest first."""
    return [
        {
            "body": reply.body,
            "author": reply.author.display_name if reply.author else None,
            "created_at": reply.created_at,
        }
        for reply in assessment.replies
    ]


def _participation(
    session: Session, assessment: Assessment, pillars: list[dict[str, Any]], national: bool
) -> dict[str, Any] | None:
    """Who took part, beside the judgements: the counts a published assessment was published
    beside (those published for its process now, for one not published yet), their sources,
    and the answers they contradict (participation.consistency). None with no counts."""
    if assessment.status in PUBLIC_STATUSES:
        versions = kept_versions(session, [assessment.id])[assessment.id]
    else:
        versions = current_versions(session, assessment.process_id)
    if not versions:
        return None
    counts = stage_counts(versions)
    questions = {q["key"]: q for pillar in pillars for q in pillar["questions"]}
    levels = {key: q["level"] for key, q in questions.items() if q["status"] == "level"}
    flags = consistency_flags(levels, participation_profile(counts), national=national)
    return {
        "counts": counts,
        "sources": [
            {
                "record_id": version.record_id,
                "version": version.number,
                "stage": version.stage,
                "body": version.body,
                "source_url": version.source_url,
                "source_title": version.source_title,
                "accessed_on": version.accessed_on,
                "note": version.note,
                "published_at": version.published_at,
            }
            for version in versions
        ],
        "flags": [
            {**flag_data(flag), "number": questions[flag.question_key]["number"]} for flag in flags
        ],
    }


def _rubric(rubric: RubricVersion, language: str) -> dict[str, Any]:
    """The rubric's heading; ``text_language`` is the language its text is shown in."""
    return {
        "title": rubric_text(rubric, "title", language),
        "version": rubric.version,
        "label": rubric.label,
        "language": rubric.language,
        "text_language": language,
    }


def scorecard_document(
    session: Session,
    assessment: Assessment,
    language: str,
    permalink: str = "",
    consolidated: bool = True,
) -> dict[str, Any]:
    """The scorecard of ``assessment`` as plain data, for ScorecardDocumentSchema to dump (or
    the API's projection of it, which needs neither permalink nor consolidation).

    The process is shown as described when the assessment was published, with the fields
    changed since (see processes.versions); a draft shows it as it is now. Rubric text is in
    ``language`` when the rubric is complete in it, else in its own language.
    """
    shown = text_language(assessment.rubric, language)
    answers = {answer.question_key: answer_data(answer) for answer in assessment.answers}
    rated = rated_answers(answers)
    result = scoring.score_assessment(rubric_shape(assessment.rubric), rated)
    pillars = _pillars(assessment.rubric, result, answers, shown)
    strengths, gaps = strengths_and_gaps(pillars)
    process = shown_record(assessment.process, assessment.process_version)
    return {
        "assessment_id": assessment.id,
        "status": assessment.status,
        "permalink": permalink,
        "file_name": scorecard_file_name(process["name"], assessment.id, assessment.status),
        "process": process,
        "rubric": _rubric(assessment.rubric, shown),
        "method_version": scoring.METHOD_VERSION,
        "assessor": assessment.assessor.display_name,
        "perspective": assessment.perspective,
        "submitted_at": assessment.submitted_at,
        "published_at": assessment.published_at,
        "withdrawn_at": assessment.withdrawn_at,
        "withdrawal_reason": assessment.withdrawal_reason,
        "revises_id": assessment.revises_id,
        **_summary(result),
        "pillars": pillars,
        "strengths": strengths,
        "gaps": gaps,
        "evidence_needed": evidence_needed(pillars),
        "stages": stage_rows(result.stages, _range_figures),
        "replies": _replies(assessment),
        "participation": _participation(
            session, assessment, pillars, national=process["scope"] == "national"
        ),
        "consolidated": _consolidated(session, assessment, pillars)
        if consolidated and assessment.status == AssessmentStatus.PUBLISHED
        else None,
    }
