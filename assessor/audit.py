"""Audit events: who changed what and when, with the state before and after."""

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from assessor.db import Base, JSONDocument, UTCDateTime, utcnow

# Every action the app records, by the kind of record it changes. The audit page offers them
# as a filter, so an action missing here could not be found there: record() refuses it.
ACTIONS = (
    "process.created",
    "process.updated",
    "process.representative_granted",
    "process.representative_revoked",
    "participation.created",
    "participation.updated",
    "participation.published",
    "participation.withdrawn",
    "participation.deleted",
    "assessment.started",
    "assessment.submitted",
    "assessment.returned",
    "assessment.published",
    "assessment.revision_started",
    "assessment.withdrawn",
    "assessment.replied",
    "answer.saved",
    "answer.cleared",
    "user.created",
    "user.updated",
    "user.roles_changed",
    "user.deactivated",
    "user.reactivated",
)
SUBJECT_TYPES = ("process", "assessment", "user")


class AuditEvent(Base):
    __tablename__ = "audit_events"
    # The audit trail is shown to administrators only.
    changes_public_pages = False
    # The audit page filters by record, by who and by what, each listed newest first.
    __table_args__ = (
        Index("ix_audit_events_subject", "subject_type", "subject_id"),
        Index("ix_audit_events_actor_occurred", "actor_id", "occurred_at"),
        Index("ix_audit_events_action_occurred", "action", "occurred_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    action: Mapped[str] = mapped_column(String(60))
    subject_type: Mapped[str] = mapped_column(String(40))
    subject_id: Mapped[int] = mapped_column(Integer)
    before: Mapped[Any | None] = mapped_column(JSONDocument)
    after: Mapped[Any | None] = mapped_column(JSONDocument)

    # Read only by the audit trail's lists, which load it with the events. Named, not imported:
    # users records audit events, so audit sits below it.
    actor: Mapped["User | None"] = relationship(lazy="raise")  # noqa: F821 - resolved by name


def record(
    session: Session,
    *,
    actor_id: int | None,
    action: str,
    subject_type: str,
    subject_id: int,
    before: Any = None,
    after: Any = None,
) -> AuditEvent:
    """Add an audit event to the session; the caller's transaction commits it with the change."""
    if action not in ACTIONS or subject_type not in SUBJECT_TYPES:
        raise ValueError(f"{action} on a {subject_type}: add it to ACTIONS or SUBJECT_TYPES")
    event = AuditEvent(
        actor_id=actor_id,
        action=action,
        subject_type=subject_type,
        subject_id=subject_id,
        before=before,
        after=after,
    )
    session.add(event)
    return event
