"""Finding audit events by who, what, when and which record, newest first."""

from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import Select, select
from sqlalchemy.orm import joinedload

from assessor.audit import AuditEvent
from assessor.exceptions import NotAllowed
from assessor.languages.messages import N_
from assessor.users.models import User
from assessor.users.service import normalise_email


def require_audit_reader(user: User) -> None:
    """Only admins read the trail: it names every account and what each did."""
    if not user.has_role("admin"):
        raise NotAllowed(N_("Only administrators may read the audit trail."))


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=UTC)


def search_events(
    *,
    actor: int | str | None = None,
    action: str | None = None,
    since: date | None = None,
    until: date | None = None,
    subject_type: str | None = None,
    subject_id: int | None = None,
) -> Select:
    """Events matching every filter given, newest first (then by id, so pages are stable).

    ``actor`` is an account's id or email; ``since`` and ``until`` are whole days in UTC.
    """
    statement = (
        select(AuditEvent)
        # Their roles are not shown: a plain join loads the actor without them.
        .options(joinedload(AuditEvent.actor).lazyload(User.role_grants))
        .order_by(AuditEvent.occurred_at.desc(), AuditEvent.id.desc())
    )
    if isinstance(actor, int):
        statement = statement.where(AuditEvent.actor_id == actor)
    elif actor:
        account = select(User.id).where(User.email == normalise_email(actor)).scalar_subquery()
        statement = statement.where(AuditEvent.actor_id == account)
    if action:
        statement = statement.where(AuditEvent.action == action)
    if since:
        statement = statement.where(AuditEvent.occurred_at >= _start_of(since))
    # The last day there is has no day after it: nothing is later.
    if until and until < date.max:
        statement = statement.where(AuditEvent.occurred_at < _start_of(until + timedelta(days=1)))
    if subject_type:
        statement = statement.where(AuditEvent.subject_type == subject_type)
    if subject_id:
        statement = statement.where(AuditEvent.subject_id == subject_id)
    return statement
