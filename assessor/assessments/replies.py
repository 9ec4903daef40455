"""The right of reply: a process's representatives respond to its published assessments."""

from sqlalchemy.orm import Session

from assessor import audit
from assessor.assessments.labels import STATUS_WORDS
from assessor.assessments.models import Assessment, AssessmentStatus, ProcessReply
from assessor.exceptions import Conflict, NotAllowed
from assessor.languages.messages import N_
from assessor.processes.representatives import represents
from assessor.users.models import User


def may_reply(session: Session, user: User | None, assessment: Assessment) -> bool:
    published = assessment.status == AssessmentStatus.PUBLISHED
    return published and represents(session, user, assessment.process_id)


def add_reply(session: Session, user: User, assessment: Assessment, body: str) -> ProcessReply:
    """Attach the process's response, shown with the scorecard as the process's own words."""
    if not represents(session, user, assessment.process_id):
        raise NotAllowed(N_("Only a representative of the assessed process may reply for it."))
    if assessment.status != AssessmentStatus.PUBLISHED:
        raise Conflict(
            N_(
                "Only a published assessment can be replied to; this one is %(status)s.",
                status=STATUS_WORDS[assessment.status],
            )
        )
    reply = ProcessReply(assessment=assessment, author=user, body=body.strip())
    session.add(reply)
    session.flush()
    audit.record(
        session,
        actor_id=user.id,
        action="assessment.replied",
        subject_type="assessment",
        subject_id=assessment.id,
        after={"reply_id": reply.id},
    )
    return reply
