"""Seeding the demo through the services, as people would use the site: accounts, processes,
then each assessment's story, every step in the audit trail.

Each step first looks for what it would add and adds it only when missing, so seeding again
adds nothing, and a database seeded by an earlier, smaller demo gets the rest.
"""

from collections import Counter
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from assessor.assessments.answers import save_answer
from assessor.assessments.models import Answer, Assessment, AssessmentStatus
from assessor.assessments.replies import add_reply
from assessor.assessments.schemas import AnswerInSchema
from assessor.assessments.service import answer_for, start_assessment
from assessor.assessments.workflow import publish, revise, submit, withdraw
from assessor.demo import stories
from assessor.demo.accounts import (
    ADMIN,
    ASSESSOR,
    DEMO_ACCOUNTS,
    DEMO_PASSWORD,
    REPRESENTATIVE,
    REVIEWER,
)
from assessor.demo.evidence import NOT_APPLICABLE, NOT_KNOWN, DemoAnswer
from assessor.demo.participation import DEMO_COUNTS
from assessor.demo.processes import (
    DEMO_ASSESSED_PROCESS,
    DEMO_PROCESSES,
    DEMO_REDESCRIBED,
    WORKSHOP,
)
from assessor.participation.models import RECORDED_FIELDS, ParticipationRecord
from assessor.participation.records import create_record, publish_record
from assessor.processes.models import Process, ProcessVersion
from assessor.processes.representatives import grant_representative
from assessor.processes.service import create_process, update_process
from assessor.rubrics.models import RubricVersion
from assessor.rubrics.service import find_rubric
from assessor.users.models import User
from assessor.users.service import create_user, find_user_by_email, record_user_created

ACCOUNT_FIELDS = ("email", "roles", "display_name", "stakeholder_group")


def _add_accounts(session: Session) -> int:
    added = 0
    for account in DEMO_ACCOUNTS:
        if find_user_by_email(session, account["email"]) is None:
            fields = {name: account[name] for name in ACCOUNT_FIELDS}
            user = create_user(session, password=DEMO_PASSWORD, **fields)
            record_user_created(session, None, user)
            added += 1
    return added


def _add_processes(session: Session) -> int:
    """The demo assessor describes the processes, so that signing in as them shows what a
    process's creator may do. A process is there if it has, or once had, its demo name."""
    assessor = find_user_by_email(session, ASSESSOR)
    existing = set(session.scalars(select(Process.name)))
    existing |= set(session.scalars(select(ProcessVersion.name)))
    added = 0
    for process in DEMO_PROCESSES:
        if process["name"] not in existing:
            create_process(session, assessor, dict(process), confirm_duplicate=True)
            added += 1
    session.flush()
    return added


def demo_process(session: Session, name: str) -> Process | None:
    """The demo process that has, or once had, ``name``."""
    had_name = select(ProcessVersion.process_id).where(ProcessVersion.name == name)
    statement = select(Process).where(or_(Process.name == name, Process.id.in_(had_name)))
    return session.scalars(statement.order_by(Process.id)).first()


def _demo_rubric(session: Session, version: str) -> RubricVersion | None:
    """The version of the demo rubric a story's answers are written for, if it is loaded."""
    return find_rubric(session, stories.DEMO_RUBRIC_SLUG, version)


def _user_with(session: Session, email: str, role: str) -> User | None:
    """The demo account, if it is there and still holds ``role``."""
    user = find_user_by_email(session, email)
    return user if user is not None and user.active and user.has_role(role) else None


def first_assessment(session: Session, process_name: str, assessor_email: str):
    """The demo assessor's first assessment of the demo process (not a revision), if any."""
    process = demo_process(session, process_name)
    assessor = find_user_by_email(session, assessor_email)
    if process is None or assessor is None:
        return None
    statement = select(Assessment).where(
        Assessment.process_id == process.id,
        Assessment.assessor_id == assessor.id,
        Assessment.revises_id.is_(None),
    )
    return session.scalars(statement.order_by(Assessment.id)).first()


def answer_data(answer: DemoAnswer, **extra: Any) -> dict[str, Any]:
    """A demo answer as the questionnaire sends it, read by the same schema."""
    typed = {
        "level": answer.choice if isinstance(answer.choice, int) else None,
        "not_applicable": answer.choice == NOT_APPLICABLE,
        "insufficient_information": answer.choice == NOT_KNOWN,
        "rationale": f"Demo answer. {answer.rationale}",
        "rationale_language": "en",
        "evidence": [citation.row() for citation in answer.evidence],
        **extra,
    }
    return AnswerInSchema().load(typed)


def _take(session: Session, plan: stories.DemoAssessment) -> Assessment | None:
    """Play ``plan`` unless its assessor has assessed its process already (or a person or the
    rubric version it needs is missing): start, answer, then submit and publish as far as its
    stage says."""
    process = demo_process(session, plan.process)
    assessor = _user_with(session, plan.assessor, "assessor")
    reviewer = _user_with(session, REVIEWER, "reviewer")
    rubric = _demo_rubric(session, plan.rubric_version)
    if None in (process, assessor, reviewer, rubric):
        return None
    if first_assessment(session, plan.process, plan.assessor) is not None:
        return None
    assessment = start_assessment(
        session, assessor, {"process_id": process.id, "rubric": rubric.label}
    )
    for key, answer in plan.answers.items():
        save_answer(session, assessor, assessment, key, answer_data(answer, version=None))
    if plan.stage != AssessmentStatus.DRAFT:
        submit(session, assessor, assessment)
    if plan.stage == AssessmentStatus.PUBLISHED:
        publish(session, reviewer, assessment)
    return assessment


def _redescribe_workshop(session: Session) -> None:
    """Describe the workshop anew, once: while it still has the name its first scorecard was
    published with."""
    process = session.scalars(select(Process).where(Process.name == DEMO_ASSESSED_PROCESS)).first()
    if process is None:
        return
    published = select(Assessment.id).where(
        Assessment.process_id == process.id, Assessment.status == AssessmentStatus.PUBLISHED
    )
    editor = find_user_by_email(session, ASSESSOR)
    if editor is not None and session.scalars(published).first() is not None:
        update_process(session, editor, process, DEMO_REDESCRIBED)


def _changed(stored: Answer | None, data: dict[str, Any]) -> bool:
    if stored is None:
        return True
    kept = [(item.url, item.title, item.note) for item in stored.evidence]
    given = [(item["url"], item["title"], item["note"]) for item in data["evidence"]]
    return (
        stored.level,
        stored.not_applicable,
        stored.insufficient_information,
        stored.rationale,
        kept,
    ) != (
        data["level"],
        data["not_applicable"],
        data["insufficient_information"],
        data["rationale"],
        given,
    )


def _revise_workshop(session: Session) -> bool:
    """Revise the civil-society scorecard of the workshop, once: the answers that differ from
    REVISED_ANSWERS change, each with its reason, and the revision is published."""
    first = first_assessment(session, WORKSHOP, ASSESSOR)
    assessor = _user_with(session, ASSESSOR, "assessor")
    reviewer = _user_with(session, REVIEWER, "reviewer")
    if first is None or first.status != AssessmentStatus.PUBLISHED or None in (assessor, reviewer):
        return False
    if session.scalars(select(Assessment.id).where(Assessment.revises_id == first.id)).first():
        return False
    revision = revise(session, assessor, first)
    for key, answer in stories.REVISED_ANSWERS.items():
        stored = answer_for(revision, key)
        reason = stories.REVISION_REASONS.get(key, stories.DEFAULT_REVISION_REASON)
        version = stored.row_version if stored is not None else None
        data = answer_data(answer, version=version, change_reason=reason)
        if _changed(stored, data):
            save_answer(session, assessor, revision, key, data)
    submit(session, assessor, revision)
    publish(session, reviewer, revision)
    return True


def _reply(session: Session) -> bool:
    """An admin grants the demo representative the right of reply for the replied process, who
    then replies to its scorecard, once."""
    assessment = first_assessment(session, *stories.REPLIED)
    admin = _user_with(session, ADMIN, "admin")
    representative = find_user_by_email(session, REPRESENTATIVE)
    if assessment is None or assessment.status != AssessmentStatus.PUBLISHED or assessment.replies:
        return False
    if admin is None or representative is None or not representative.active:
        return False
    grant_representative(session, admin, assessment.process, REPRESENTATIVE)
    add_reply(session, representative, assessment, stories.REPLY)
    return True


def _withdrawal(session: Session) -> bool:
    admin = _user_with(session, ADMIN, "admin")
    if admin is None:
        return False
    assessment = _take(session, stories.WITHDRAWN)
    if assessment is None:
        return False
    withdraw(session, admin, assessment, stories.WITHDRAWAL_REASON)
    return True


def _seed_assessments(session: Session, added: Counter) -> None:
    """Each assessment's story, in the order that people would have played them."""
    added["published"] += bool(_take(session, stories.WORKSHOP_FIRST_VERSION))
    _redescribe_workshop(session)
    for plan in stories.PUBLISHED:
        added["published"] += bool(_take(session, plan))
    added["revisions"] += _revise_workshop(session)
    added["replies"] += _reply(session)
    withdrawn = _withdrawal(session)
    added["published"] += withdrawn
    added["withdrawals"] += withdrawn
    added["submitted"] += bool(_take(session, stories.SUBMITTED))
    added["drafts"] += bool(_take(session, stories.DRAFT))


def _add_participation(session: Session) -> int:
    """The demo assessor, who described the processes, records and publishes their
    participation counts, before any assessment is published beside them."""
    editor = _user_with(session, ASSESSOR, "assessor")
    added = 0
    for demo in DEMO_COUNTS:
        process = demo_process(session, demo.process)
        if editor is None or process is None:
            continue
        recorded = select(ParticipationRecord.id).where(
            ParticipationRecord.process_id == process.id,
            ParticipationRecord.stage == demo.stage,
            ParticipationRecord.body == demo.body,
        )
        if session.scalars(recorded).first() is not None:
            continue
        values = {field: getattr(demo, field) for field in RECORDED_FIELDS}
        record = create_record(session, editor, process, values)
        publish_record(session, editor, record, based_on=record.row_version)
        added += 1
    return added


def seed_demo(session: Session) -> Counter:
    """Add what is missing of the demo, keep the rest; say how many of each were added."""
    added = Counter(accounts=_add_accounts(session), processes=_add_processes(session))
    added["participation"] = _add_participation(session)
    _seed_assessments(session, added)
    return added


def _revisions(session: Session, assessment: Assessment) -> list[Assessment]:
    """The assessment and its revisions, oldest first."""
    chain = [assessment]
    while True:
        newer = select(Assessment).where(Assessment.revises_id == chain[-1].id)
        revision = session.scalars(newer).first()
        if revision is None:
            return chain
        chain.append(revision)


def compared_ids(session: Session) -> list[int]:
    """The demo scorecards worth comparing: the latest published one of each assessed process."""
    ids = []
    for process_name, assessor_email in stories.COMPARED:
        first = first_assessment(session, process_name, assessor_email)
        if first is None:
            continue
        chain = _revisions(session, first)
        ids.extend([item.id for item in chain if item.status == AssessmentStatus.PUBLISHED][-1:])
    return ids
