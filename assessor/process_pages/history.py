"""The published revisions of a process's assessments, and what changed from one to the next.

An assessment is revised by a new assessment naming it in ``revises_id``; following those
links gives chains. Only published and withdrawn versions are public, so only they appear.
"""

from typing import Any

from flask_babel import format_decimal
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from assessor.assessments.kept_scores import scores_of
from assessor.assessments.models import PUBLIC_STATUSES, Answer, Assessment
from assessor.presentation.formatting import SCORE_PATTERN
from assessor.rubrics.models import Pillar, Question, RubricVersion
from assessor.rubrics.texts import rubric_text, text_language
from assessor.scoring import AssessmentScore, round_half_up
from assessor.stakeholders import stakeholder_label


def score_change_text(change: float | None) -> str:
    """A change of score with its sign (a minus sign, not a hyphen) and one decimal; "—" if none."""
    if change is None:
        return "—"
    rounded = round_half_up(abs(change), 1)
    shown = format_decimal(rounded, SCORE_PATTERN)
    if rounded == 0:
        return shown
    return f"+{shown}" if change > 0 else f"\N{MINUS SIGN}{shown}"


def _public_assessments(session: Session, process_id: int) -> list[Assessment]:
    """The process's public assessments, with the answers and rubric text that comparing
    versions reads (their scores are kept, see scores)."""
    statement = (
        select(Assessment)
        .where(Assessment.process_id == process_id, Assessment.status.in_(PUBLIC_STATUSES))
        .options(
            selectinload(Assessment.answers),
            selectinload(Assessment.rubric)
            .selectinload(RubricVersion.pillars)
            .selectinload(Pillar.questions),
            selectinload(Assessment.assessor),
        )
        .order_by(Assessment.id)
    )
    return list(session.scalars(statement))


def revision_chains(assessments: list[Assessment]) -> list[list[Assessment]]:
    """Each chain of revisions, oldest version first; chains ordered by their first version."""
    by_id = {assessment.id: assessment for assessment in assessments}
    revision_of = {a.revises_id: a for a in assessments if a.revises_id in by_id}
    chains = []
    for assessment in assessments:
        if assessment.revises_id in by_id:
            continue
        chain = [assessment]
        while chain[-1].id in revision_of:
            chain.append(revision_of[chain[-1].id])
        chains.append(chain)
    return chains


def _change(before: float | None, after: float | None) -> float | None:
    """after - before, when both are scored."""
    return None if before is None or after is None else after - before


def _pillar_changes(
    previous: AssessmentScore, result: AssessmentScore, rubric: RubricVersion, language: str
) -> list[dict[str, Any]]:
    """Each pillar's score before and after a revision."""
    return [
        {
            "title": rubric_text(pillar, "title", language),
            "before": old.score,
            "after": new.score,
            "change": _change(old.score, new.score),
        }
        for pillar, old, new in zip(rubric.pillars, previous.pillars, result.pillars, strict=True)
    ]


def _choice(answer: Answer | None) -> dict[str, Any] | None:
    """An answer's level or kind, which the page puts in words; None when there is none."""
    if answer is None:
        return None
    kind = "level" if answer.level is not None else None
    if kind is None:
        kind = "not_applicable" if answer.not_applicable else "insufficient_information"
    return {"kind": kind, "level": answer.level}


def _question_change(
    pillar: Pillar, question: Question, old: Answer | None, new: Answer, language: str
) -> dict[str, Any] | None:
    """How a revision changed one answer; None when it kept the answer and gave no reason."""
    before, after = _choice(old), _choice(new)
    # A reason without a change of level marks other changes, such as new evidence.
    if before == after and new.change_reason is None:
        return None
    return {
        "key": question.key,
        "prompt": rubric_text(question, "prompt", language),
        "pillar": rubric_text(pillar, "title", language),
        "before": before,
        "after": after,
        "reason": new.change_reason,
        "rationale": new.rationale,
        "rationale_language": new.rationale_language,
    }


def _question_changes(
    previous: Assessment, assessment: Assessment, language: str
) -> list[dict[str, Any]]:
    """The answers a revision changed or gave a reason of change, in rubric order."""
    before = {answer.question_key: answer for answer in previous.answers}
    # A published assessment answers every question.
    after = {answer.question_key: answer for answer in assessment.answers}
    changes = (
        _question_change(pillar, question, before.get(question.key), after[question.key], language)
        for pillar in assessment.rubric.pillars
        for question in pillar.questions
    )
    return [change for change in changes if change is not None]


def _version(
    assessment: Assessment,
    previous: Assessment | None,
    results: dict[int, AssessmentScore],
    language: str,
) -> dict[str, Any]:
    """One published version, compared with the version it revises, its rubric text in
    ``language`` if the rubric has it."""
    shown = text_language(assessment.rubric, language)
    result = results[assessment.id]
    version = {
        "assessment_id": assessment.id,
        "status": assessment.status,
        "published_at": assessment.published_at,
        "withdrawn_at": assessment.withdrawn_at,
        "withdrawal_reason": assessment.withdrawal_reason,
        "score": result.score,
        "band": result.band,
        "text_language": shown,
        "score_change": None,
        "pillars": [],
        "questions": [],
    }
    if previous is not None:
        earlier = results[previous.id]
        version["score_change"] = _change(earlier.score, result.score)
        version["pillars"] = _pillar_changes(earlier, result, assessment.rubric, shown)
        version["questions"] = _question_changes(previous, assessment, shown)
    return version


def _chain(
    chain: list[Assessment], results: dict[int, AssessmentScore], language: str
) -> dict[str, Any]:
    """A chain of revisions as plain data, each version compared with the one before."""
    first = chain[0]
    return {
        "first_id": first.id,
        "assessor": first.assessor.display_name,
        "perspective": stakeholder_label(first.perspective),
        "rubric": first.rubric.label,
        "versions": [
            _version(assessment, chain[index - 1] if index else None, results, language)
            for index, assessment in enumerate(chain)
        ],
    }


def process_history(session: Session, process_id: int, language: str) -> dict[str, Any]:
    """The revised chains of the process's public assessments, and how many were never revised;
    rubric text in ``language`` where the rubric has it."""
    chains = revision_chains(_public_assessments(session, process_id))
    revised = [chain for chain in chains if len(chain) > 1]
    results = scores_of(session, [assessment for chain in revised for assessment in chain])
    return {
        "chains": [_chain(chain, results, language) for chain in revised],
        "unrevised": len(chains) - len(revised),
    }
