"""An assessment's history: its audit events, described for a reader."""

from dataclasses import dataclass
from datetime import datetime

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from sqlalchemy import select
from sqlalchemy.orm import Session

from assessor.assessments.labels import CHANGE_REASON_LABELS
from assessor.assessments.models import Assessment
from assessor.audit import AuditEvent
from assessor.users.models import User

ACTIONS = {
    "assessment.started": _l("started the assessment"),
    "assessment.submitted": _l("submitted it for review"),
    "assessment.returned": _l("returned it to the assessor"),
    "assessment.published": _l("published it"),
    "assessment.revision_started": _l("started this revision"),
    "assessment.withdrawn": _l("withdrew it"),
    "answer.saved": _l("saved an answer"),
    "answer.cleared": _l("cleared an answer"),
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
        return _("no answer")
    if snapshot.get("level") is not None:
        return _("level %(level)s", level=snapshot["level"])
    return _("not applicable") if snapshot.get("not_applicable") else _("insufficient information")


def _answer_changes(before: dict | None, after: dict | None) -> list[str]:
    changes = []
    if describe_answer(before) != describe_answer(after):
        changes.append(
            _(
                "answer: %(before)s → %(after)s",
                before=describe_answer(before),
                after=describe_answer(after),
            )
        )
    if (before or {}).get("rationale") != (after or {}).get("rationale"):
        changes.append(_("rationale changed"))
    if (before or {}).get("evidence") != (after or {}).get("evidence"):
        count = len((after or {}).get("evidence") or [])
        changes.append(ngettext("evidence: %(num)d item", "evidence: %(num)d items", count))
    reason = (after or {}).get("change_reason")
    if reason:
        label = CHANGE_REASON_LABELS.get(reason, reason)
        changes.append(_("reason of change: %(reason)s", reason=label))
    return changes


def _entry(event: AuditEvent, actor: User | None) -> HistoryEntry:
    data = event.after or event.before or {}
    if event.action.startswith("answer."):
        changes = _answer_changes(event.before, event.after)
    else:
        reason = (event.after or {}).get("reason")
        changes = [_("reason: %(reason)s", reason=reason)] if reason else []
    return HistoryEntry(
        occurred_at=event.occurred_at,
        actor=actor.display_name if actor is not None else _("someone no longer registered"),
        what=str(ACTIONS.get(event.action, event.action)),
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
