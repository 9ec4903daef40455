"""Who may see and do what with an assessment.

Anonymous visitors see published and withdrawn assessments only; drafts and submitted ones
are seen by their assessor, reviewers and admins. Anything else is invisible (404).
"""

from typing import Protocol, TypeVar

from sqlalchemy import ColumnElement, or_

from assessor.assessments.models import PUBLIC_STATUSES, Assessment
from assessor.exceptions import NotAllowed, NotVisible
from assessor.languages.messages import N_
from assessor.users.labels import ROLE_WORDS
from assessor.users.models import User

NOT_THE_ASSESSOR = N_("Only the assessment's own assessor may do this.")


class Viewed(Protocol):
    """What deciding who sees an assessment reads: an Assessment, or a row of its columns."""

    status: str
    assessor_id: int


ViewedT = TypeVar("ViewedT", bound=Viewed)


def sees_all_assessments(user: User | None) -> bool:
    return user is not None and (user.has_role("reviewer") or user.has_role("admin"))


def can_view(user: User | None, assessment: Viewed) -> bool:
    if assessment.status in PUBLIC_STATUSES or sees_all_assessments(user):
        return True
    return user is not None and assessment.assessor_id == user.id


def visible_to(user: User | None) -> ColumnElement[bool]:
    """The SQL condition matching the assessments ``user`` may see."""
    public = Assessment.status.in_(PUBLIC_STATUSES)
    if sees_all_assessments(user):
        return Assessment.id.is_not(None)
    if user is None:
        return public
    return or_(public, Assessment.assessor_id == user.id)


def require_visible(user: User | None, assessment: ViewedT | None) -> ViewedT:
    """The assessment if the user may see it; otherwise a 404, never a hint it exists."""
    if assessment is None or not can_view(user, assessment):
        raise NotVisible()
    return assessment


def require_role(user: User, role: str, other_role: str | None = None) -> None:
    """``user`` holds ``role`` (or ``other_role``), else a refusal naming what is needed."""
    if user.has_role(role) or (other_role is not None and user.has_role(other_role)):
        return
    if other_role is None:
        raise NotAllowed(N_("This needs the role %(role)s.", role=ROLE_WORDS[role]))
    raise NotAllowed(
        N_(
            "This needs the role %(role)s or %(other_role)s.",
            role=ROLE_WORDS[role],
            other_role=ROLE_WORDS[other_role],
        )
    )


def require_assessor_of(user: User, assessment: Assessment) -> None:
    if assessment.assessor_id != user.id:
        raise NotAllowed(NOT_THE_ASSESSOR)
