"""Who may reply on a process's behalf: representatives granted by an admin."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from assessor import audit
from assessor.exceptions import InvalidInput, NotAllowed, NotVisible
from assessor.languages.messages import N_
from assessor.processes.models import Process, ProcessRepresentative
from assessor.users.models import User
from assessor.users.service import find_user_by_email


def representatives_of(session: Session, process: Process) -> list[User]:
    """The users who may reply for ``process``, by name."""
    statement = (
        select(User)
        .join(ProcessRepresentative, ProcessRepresentative.user_id == User.id)
        .where(ProcessRepresentative.process_id == process.id)
        .order_by(User.display_name, User.id)
    )
    return list(session.scalars(statement))


def _require_admin(user: User) -> None:
    if not user.has_role("admin"):
        raise NotAllowed(N_("Only administrators grant the right to reply for a process."))


def represents(session: Session, user: User | None, process_id: int) -> bool:
    if user is None:
        return False
    return session.get(ProcessRepresentative, (process_id, user.id)) is not None


def grant_representative(session: Session, admin: User, process: Process, email: str) -> User:
    """Let the user with ``email`` reply for ``process``; granting twice changes nothing."""
    _require_admin(admin)
    user = find_user_by_email(session, email)
    if user is None or not user.active:
        message = N_("no active account has the email %(email)s", email=email.strip())
        raise InvalidInput({"email": [message]})
    if not represents(session, user, process.id):
        session.add(
            ProcessRepresentative(process_id=process.id, user_id=user.id, granted_by_id=admin.id)
        )
        audit.record(
            session,
            actor_id=admin.id,
            action="process.representative_granted",
            subject_type="process",
            subject_id=process.id,
            after={"user_id": user.id},
        )
    return user


def revoke_representative(session: Session, admin: User, process: Process, user_id: int) -> None:
    _require_admin(admin)
    grant = session.get(ProcessRepresentative, (process.id, user_id))
    if grant is None:
        raise NotVisible()
    session.delete(grant)
    session.flush()
    audit.record(
        session,
        actor_id=admin.id,
        action="process.representative_revoked",
        subject_type="process",
        subject_id=process.id,
        before={"user_id": user_id},
    )
