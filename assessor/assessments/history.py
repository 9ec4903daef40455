"""An assessment's history: its audit events, described for a reader."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from assessor.assessments.models import Assessment
from assessor.audit import AuditEvent
from assessor.users.models import User

ACTIONS = {
    "assessment.started": "started the assessment",
    "assessment.submitted": "submitted it for review",
    "assessment.returned": "returned it to the assessor",
    "assessment.published": "published it",
    "assessment.revision_started": "started this revision",
    "assessment.withdrawn": "withdrew it",
    "answer.saved": "saved an answer",
    "answer.cleared": "cleared an answer",
}


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    occurred_at: datetime
    actor: str
    what: str
    question_key: str | None
    changes: list[str]


def describe_answer(snapshot: dict | None) -> str:
    """An answer in words: its level or kind (what the history compares)."""
    if not snapshot:
        return "no answer"
    if snapshot.get("level") is not None:
        return f"level {snapshot['level']}"
    return "not applicable" if snapshot.get("not_applicable") else "insufficient information"


def _answer_changes(before: dict | None, after: dict | None) -> list[str]:
    changes = []
    if describe_answer(before) != describe_answer(after):
        changes.append(f"answer: {describe_answer(before)} → {describe_answer(after)}")
    if (before or {}).get("rationale") != (after or {}).get("rationale"):
        changes.append("rationale changed")
    if (before or {}).get("evidence") != (after or {}).get("evidence"):
        count = len((after or {}).get("evidence") or [])
        changes.append(f"evidence: {count} item{'s' if count != 1 else ''}")
    if (after or {}).get("change_reason"):
        changes.append(f"reason of change: {after['change_reason'].replace('_', ' ')}")
    return changes


def _entry(event: AuditEvent, actor: User | None) -> HistoryEntry:
    data = event.after or event.before or {}
    if event.action.startswith("answer."):
        changes = _answer_changes(event.before, event.after)
    else:
        reason = (event.after or {}).get("reason")
        changes = [f"reason: {reason}"] if reason else []
    return HistoryEntry(
        occurred_at=event.occurred_at,
        actor=actor.display_name if actor is not None else "someone no longer registered",
        what=ACTIONS.get(event.action, event.action),
        question_key=data.get("question_key"),
        changes=changes,
    )


def assessment_history(session: Session, assessment: Assessment) -> list[HistoryEntry]:
    """Every recorded change to the assessment and its answers, oldest first."""
    rows = session.execute(
        select(AuditEvent, User)
        .outerjoin(User, User.id == AuditEvent.actor_id)
        .where(AuditEvent.subject_type == "assessment", AuditEvent.subject_id == assessment.id)
        .order_by(AuditEvent.occurred_at, AuditEvent.id)
    ).all()
    return [_entry(event, actor) for event, actor in rows]
