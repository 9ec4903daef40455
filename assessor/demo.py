"""Demo data: three accounts and processes drawn from the source documents, and a scorecard
whose process was described anew after it was published."""

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from assessor.assessments.answers import save_answer
from assessor.assessments.models import Assessment
from assessor.assessments.service import start_assessment
from assessor.assessments.workflow import publish, submit
from assessor.processes.models import Process, ProcessVersion
from assessor.processes.service import create_process, update_process
from assessor.rubrics.service import list_rubric_versions
from assessor.users.models import User
from assessor.users.service import create_user, find_user_by_email, record_user_created

DEMO_PASSWORD = "demo-password"
DEMO_ACCOUNTS = (
    {
        "email": "admin@example.org",
        "roles": ["admin"],
        "display_name": "Demo Admin",
        "stakeholder_group": None,
    },
    {
        "email": "assessor@example.org",
        "roles": ["assessor"],
        "display_name": "Demo Assessor",
        "stakeholder_group": "civil_society",
    },
    {
        "email": "reviewer@example.org",
        "roles": ["reviewer"],
        "display_name": "Demo Reviewer",
        "stakeholder_group": "academia",
    },
)

DEMO_PROCESSES = (
    {
        "name": "Fourth World Telecommunication/ICT Policy Forum (WTPF-13)",
        "convening_organization": "International Telecommunication Union (ITU)",
        "description": "A forum for ITU Member States and Sector Members to exchange views on "
        "Internet-related public policy matters; it adopted six non-binding Opinions, including "
        "Opinion 5 on supporting multi-stakeholderism in Internet governance.",
        "public_url": None,
        "scope": "global",
        "layer": "of_the_internet",
        "starts_on": date(2013, 5, 14),
        "ends_on": date(2013, 5, 16),
    },
    {
        "name": (
            "Informal consultations on international Internet-related public policy issues:"
            " World Café"
        ),
        "convening_organization": "ITU Secretary-General",
        "description": "An in-person World Café at ITU headquarters in Geneva that assembled "
        "about 50 representatives of different stakeholders, ITU members and non-members, on "
        "international Internet-related public policy; reported to the Council Working Group "
        "on Internet.",
        "public_url": None,
        "scope": "global",
        "layer": "on_the_internet",
        "starts_on": date(2013, 10, 8),
        "ends_on": date(2013, 10, 8),
    },
    {
        "name": (
            "Informal consultations on international Internet-related public policy issues:"
            " IGF Town Hall"
        ),
        "convening_organization": "ITU Secretary-General",
        "description": "A town hall meeting held during the Internet Governance Forum 2013 in Bali "
        "as part of the same informal consultations.",
        "public_url": None,
        "scope": "global",
        "layer": "on_the_internet",
        "starts_on": date(2013, 10, 25),
        "ends_on": date(2013, 10, 25),
    },
    {
        "name": (
            "Informal consultations on international Internet-related public policy issues:"
            " online crowdsourcing"
        ),
        "convening_organization": "ITU Secretary-General",
        "description": "An online platform, open from 15 October 2013, where anyone could "
        "contribute ideas anonymously; contributions were published at once and open to comments.",
        "public_url": "http://ideas.itu.int/",
        "scope": "global",
        "layer": "on_the_internet",
        "starts_on": date(2013, 10, 15),
        "ends_on": None,
    },
    {
        "name": (
            "IGF 2013 Workshop #41: Developing and effectively using Multistakeholder Principles"
        ),
        "convening_organization": "APC, Government of Brazil, ICC BASIS and ISOC",
        "description": "A roundtable at the Internet Governance Forum 2013 in Bali building on "
        "the multistakeholder principles discussed at the WSIS+10 review event in Paris, "
        "February 2013.",
        "public_url": None,
        "scope": "global",
        "layer": "of_the_internet",
        "starts_on": date(2013, 10, 24),
        "ends_on": date(2013, 10, 24),
    },
)


# The demo scorecard: an assessment of the Bali workshop, levels varied so every band shows.
DEMO_ASSESSED_PROCESS = DEMO_PROCESSES[-1]["name"]
DEMO_LEVELS = (3, 2, 4, 1, 2, 3, 0, 2)
DEMO_EVIDENCE_URL = "https://www.intgovforum.org/"
# Its record, changed once the scorecard is published: the scorecard keeps the name it was
# published with, and says that the record has changed since.
DEMO_REDESCRIBED = {
    "name": "IGF 2013 Workshop #41: Multistakeholder Principles",
    "public_url": DEMO_EVIDENCE_URL,
}


def _demo_answer(question, index: int) -> dict:
    level = DEMO_LEVELS[index % len(DEMO_LEVELS)]
    descriptor = next(item.descriptor for item in question.levels if item.level == level)
    return {
        "level": level,
        "not_applicable": False,
        "insufficient_information": False,
        "rationale": f"Demo answer. The public record of the workshop matches: {descriptor}",
        "change_reason": None,
        "version": None,
        "evidence": [
            {
                "url": DEMO_EVIDENCE_URL,
                "title": "Internet Governance Forum website",
                "accessed_on": date(2026, 11, 1),
                "note": "Demo evidence.",
            }
        ],
    }


def _seed_demo_scorecard(session: Session) -> int:
    """Publish one demo assessment on the newest rubric, unless one exists or none is loaded."""
    rubrics = list_rubric_versions(session)
    assessor = find_user_by_email(session, "assessor@example.org")
    reviewer = find_user_by_email(session, "reviewer@example.org")
    process = session.scalars(select(Process).where(Process.name == DEMO_ASSESSED_PROCESS)).first()
    if not rubrics or None in (assessor, reviewer, process):
        return 0
    if session.scalars(select(Assessment.id).where(Assessment.process_id == process.id)).first():
        return 0
    assessment = start_assessment(
        session, assessor, {"process_id": process.id, "rubric": rubrics[0].label}
    )
    questions = [q for pillar in assessment.rubric.pillars for q in pillar.questions]
    for index, question in enumerate(questions):
        save_answer(session, assessor, assessment, question.key, _demo_answer(question, index))
    submit(session, assessor, assessment)
    publish(session, reviewer, assessment)
    return 1


def _redescribe_demo_process(session: Session, editor: User) -> None:
    """Describe the demo scorecard's process anew, once: while it still has the name it was
    published with."""
    process = session.scalars(select(Process).where(Process.name == DEMO_ASSESSED_PROCESS)).first()
    if process is None:
        return
    published = select(Assessment.id).where(
        Assessment.process_id == process.id, Assessment.status == "published"
    )
    if session.scalars(published).first() is not None:
        update_process(session, editor, process, DEMO_REDESCRIBED)


def seed_demo(session: Session) -> dict[str, int]:
    """Add the demo accounts, processes and scorecard that are not there yet; keep the rest.

    A process is there if it has, or once had, its demo name.
    """
    added = {"users": 0, "processes": 0}
    for account in DEMO_ACCOUNTS:
        if find_user_by_email(session, account["email"]) is None:
            user = create_user(session, password=DEMO_PASSWORD, **account)
            record_user_created(session, None, user)
            added["users"] += 1
    # The demo assessor describes the processes, so that signing in as them shows what a
    # process's creator may do; every step is in the audit trail, as a user's would be.
    assessor = find_user_by_email(session, "assessor@example.org")
    existing = set(session.scalars(select(Process.name)))
    existing |= set(session.scalars(select(ProcessVersion.name)))
    for process in DEMO_PROCESSES:
        if process["name"] not in existing:
            create_process(session, assessor, dict(process), confirm_duplicate=True)
            added["processes"] += 1
    session.flush()
    added["scorecards"] = _seed_demo_scorecard(session)
    _redescribe_demo_process(session, assessor)
    return added
