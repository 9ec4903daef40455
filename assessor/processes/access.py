"""Who may describe processes, and who may change a process once described.

Assessors and admins describe new processes. A described process is changed by the assessor
who described it, by admins, and by the representatives an admin named for it: they are the
process's own people, so they need no role to correct its description. Reviewers judge
assessments and describe nothing.
"""

from sqlalchemy.orm import Session

from assessor.exceptions import NotAllowed
from assessor.languages.messages import N_
from assessor.processes.models import Process
from assessor.processes.representatives import represents
from assessor.users.models import User

EDITOR_ROLES = ("assessor", "admin")


def may_describe_processes(user: User | None) -> bool:
    return user is not None and any(user.has_role(role) for role in EDITOR_ROLES)


def require_process_editor(user: User) -> None:
    """Refuse users who may read processes but not describe them."""
    if not may_describe_processes(user):
        raise NotAllowed(N_("Only assessors and administrators may describe processes."))


def may_edit_process(session: Session, user: User | None, process: Process) -> bool:
    """Whether ``user`` may change ``process``: its creator while an assessor, an admin, or
    one of its representatives."""
    if user is None:
        return False
    if user.has_role("admin"):
        return True
    if process.created_by_id == user.id and user.has_role("assessor"):
        return True
    return represents(session, user, process.id)


def require_may_edit(session: Session, user: User, process: Process) -> None:
    if not may_edit_process(session, user, process):
        raise NotAllowed(
            N_(
                "Only the assessor who described this process, its representatives and "
                "administrators may change it."
            )
        )
