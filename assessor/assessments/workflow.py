"""The life of an assessment: draft -> submitted -> published, returned, revised, withdrawn.

Each transition checks who may make it (403), whether the assessment is in a state that
allows it (409, saying why), and records an audit event.
"""

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from assessor import audit
from assessor.assessments.access import require_assessor_of, require_role
from assessor.assessments.answers import answer_state
from assessor.assessments.kept_scores import keep_score
from assessor.assessments.labels import STATUS_WORDS
from assessor.assessments.models import Answer, Assessment, AssessmentStatus, ReviewComment
from assessor.assessments.rules import REASON_OF_CHANGE_NEEDED, QuestionRule, submission_problems
from assessor.assessments.service import copy_answer
from assessor.db import utcnow
from assessor.exceptions import Conflict, InvalidInput, NotAllowed
from assessor.languages.messages import N_
from assessor.participation.records import keep_current_versions
from assessor.processes.versions import current_version
from assessor.users.models import User

# What each transition needs, said as a whole sentence for translators.
WRONG_STATUS = {
    "submitted": N_("Only a draft assessment can be submitted; this one is %(status)s."),
    "returned": N_("Only a submitted assessment can be returned; this one is %(status)s."),
    "published": N_("Only a submitted assessment can be published; this one is %(status)s."),
    "revised": N_("Only a published assessment can be revised; this one is %(status)s."),
    "withdrawn": N_("Only a published assessment can be withdrawn; this one is %(status)s."),
}


def _require_status(assessment: Assessment, status: AssessmentStatus, doing: str) -> None:
    if assessment.status != status:
        raise Conflict(N_(WRONG_STATUS[doing], status=STATUS_WORDS[assessment.status]))


def _record(
    session: Session,
    user: User,
    assessment: Assessment,
    action: str,
    before: AssessmentStatus,
    **after,
) -> None:
    audit.record(
        session,
        actor_id=user.id,
        action=f"assessment.{action}",
        subject_type="assessment",
        subject_id=assessment.id,
        before={"status": before},
        after={"status": assessment.status, **after},
    )


def _question_rules(assessment: Assessment) -> list[QuestionRule]:
    return [
        QuestionRule(question.key, question.evidence_threshold)
        for pillar in assessment.rubric.pillars
        for question in pillar.questions
    ]


def _answer_choice(answer: Answer) -> tuple:
    """What counts as a change of answer in a revision: the choice or the evidence."""
    urls = tuple(sorted(item.url for item in answer.evidence))
    return answer.level, answer.not_applicable, answer.insufficient_information, urls


def _reasons_missing(session: Session, assessment: Assessment) -> dict[str, list[str]]:
    """Answers of a revision that changed from the published version without a reason."""
    if assessment.revises_id is None:
        return {}
    previous = {
        answer.question_key: answer
        for answer in session.scalars(
            select(Answer)
            .where(Answer.assessment_id == assessment.revises_id)
            .options(selectinload(Answer.evidence))
        )
    }
    problems = {}
    for answer in assessment.answers:
        earlier = previous.get(answer.question_key)
        changed = earlier is None or _answer_choice(earlier) != _answer_choice(answer)
        if changed and answer.change_reason is None:
            problems[answer.question_key] = [REASON_OF_CHANGE_NEEDED]
    return problems


def submit(session: Session, user: User, assessment: Assessment) -> None:
    """Send a complete draft for review; an incomplete one is refused with what is missing."""
    require_assessor_of(user, assessment)
    _require_status(assessment, AssessmentStatus.DRAFT, "submitted")
    answers = {answer.question_key: answer_state(answer) for answer in assessment.answers}
    problems = submission_problems(_question_rules(assessment), answers)
    for key, messages in _reasons_missing(session, assessment).items():
        problems.setdefault(key, []).extend(messages)
    if problems:
        # Pages show the problems themselves, under a heading of their own.
        raise Conflict(
            f"The assessment is not ready: {len(problems)} question(s) need attention.",
            problems=problems,
        )
    now = utcnow()
    for comment in assessment.comments:
        comment.resolved_at = comment.resolved_at or now
    assessment.status, assessment.submitted_at = AssessmentStatus.SUBMITTED, now
    _record(session, user, assessment, "submitted", AssessmentStatus.DRAFT)


def require_may_return(user: User, assessment: Assessment) -> None:
    """Refuse, before any form is shown, a return that could not be made."""
    require_role(user, "reviewer", "admin")
    _require_status(assessment, AssessmentStatus.SUBMITTED, "returned")


def return_to_draft(
    session: Session, user: User, assessment: Assessment, comment: str, questions: dict[str, str]
) -> None:
    """A reviewer sends a submitted assessment back, saying what needs changing."""
    require_may_return(user, assessment)
    keys = {rule.key for rule in _question_rules(assessment)}
    unknown = {
        f"questions.{key}": [N_("no such question in this rubric")]
        for key in questions
        if key not in keys
    }
    if unknown:
        raise InvalidInput(unknown)
    if comment.strip():
        assessment.comments.append(ReviewComment(author=user, body=comment.strip()))
    for key, body in questions.items():
        assessment.comments.append(ReviewComment(author=user, question_key=key, body=body.strip()))
    assessment.status, assessment.submitted_at = AssessmentStatus.DRAFT, None
    _record(
        session,
        user,
        assessment,
        "returned",
        AssessmentStatus.SUBMITTED,
        comments=len(questions) + bool(comment.strip()),
    )


def require_may_publish(user: User, assessment: Assessment) -> None:
    """Refuse, before the confirmation is shown, a publication that could not be made."""
    require_role(user, "reviewer", "admin")
    if assessment.assessor_id == user.id:
        raise NotAllowed(
            N_("Separation of duties: an assessor cannot publish their own assessment.")
        )
    _require_status(assessment, AssessmentStatus.SUBMITTED, "published")


def publish(session: Session, user: User, assessment: Assessment) -> None:
    """A reviewer other than the assessor publishes; published answers never change again, and
    the scorecard keeps the process as described now (its record's current version)."""
    require_may_publish(user, assessment)
    # Found (or added) first: a published assessment names its version from its first flush.
    version = current_version(session, assessment.process)
    assessment.status, assessment.published_at, assessment.published_by_id = (
        AssessmentStatus.PUBLISHED,
        utcnow(),
        user.id,
    )
    assessment.process_version = version
    keep_score(session, assessment)
    keep_current_versions(session, assessment.id, assessment.process_id)
    _record(
        session,
        user,
        assessment,
        "published",
        AssessmentStatus.SUBMITTED,
        process_version=version.number,
    )


def _open_revision(session: Session, assessment: Assessment) -> Assessment | None:
    return session.scalars(select(Assessment).where(Assessment.revises_id == assessment.id)).first()


def revise(session: Session, user: User, assessment: Assessment) -> Assessment:
    """Start a new draft from a published assessment, its answers copied; the original stays."""
    require_assessor_of(user, assessment)
    _require_status(assessment, AssessmentStatus.PUBLISHED, "revised")
    existing = _open_revision(session, assessment)
    if existing is not None:
        raise Conflict(
            N_(
                "This assessment already has a revision (assessment %(id)s); "
                "continue with that one.",
                id=existing.id,
            ),
            revision_id=existing.id,
        )
    revision = Assessment(
        process_id=assessment.process_id,
        rubric_version_id=assessment.rubric_version_id,
        assessor_id=assessment.assessor_id,
        perspective=assessment.perspective,
        status=AssessmentStatus.DRAFT,
        revises_id=assessment.id,
        answers=[copy_answer(answer, user) for answer in assessment.answers],
    )
    session.add(revision)
    session.flush()
    _record(
        session,
        user,
        revision,
        "revision_started",
        AssessmentStatus.PUBLISHED,
        revises_id=assessment.id,
    )
    return revision


def require_may_withdraw(user: User, assessment: Assessment) -> None:
    require_role(user, "admin")
    _require_status(assessment, AssessmentStatus.PUBLISHED, "withdrawn")


def withdraw(session: Session, user: User, assessment: Assessment, reason: str) -> None:
    """An admin withdraws a published assessment, giving a public reason; it stays readable."""
    require_may_withdraw(user, assessment)
    assessment.status, assessment.withdrawn_at = AssessmentStatus.WITHDRAWN, utcnow()
    assessment.withdrawal_reason = reason.strip()
    _record(
        session,
        user,
        assessment,
        "withdrawn",
        AssessmentStatus.PUBLISHED,
        reason=assessment.withdrawal_reason,
    )


def available_actions(user: User | None, assessment: Assessment) -> set[str]:
    """The transitions to offer ``user`` on the page; each transition still checks itself."""
    if user is None:
        return set()
    owner = assessment.assessor_id == user.id
    reviewer = user.has_role("reviewer") or user.has_role("admin")
    reviewing = {"return"} | ({"publish"} if not owner else set())
    actions = {
        AssessmentStatus.DRAFT: {"edit", "submit"} if owner else set(),
        AssessmentStatus.SUBMITTED: reviewing if reviewer else set(),
        AssessmentStatus.PUBLISHED: ({"revise"} if owner else set())
        | ({"withdraw"} if user.has_role("admin") else set()),
    }
    return actions.get(assessment.status, set())
