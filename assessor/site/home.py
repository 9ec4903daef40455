"""What the home page shows a newcomer, and a signed-in assessor or reviewer their own work.

Each list is short and read in a few statements whatever the database holds: the page is the
most read one, and readers anonymous to the service see only what is published.
"""

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from assessor.assessments.kept_scores import scores_of
from assessor.assessments.models import Assessment, AssessmentStatus
from assessor.processes.models import Process
from assessor.users.models import User

LATEST_SCORECARDS = 5
# The processes a ready comparison puts side by side, each by its latest scorecard.
COMPARED_PROCESSES = 5
# Published scorecards looked through for those processes: enough for a few busy processes.
COMPARISON_LOOKAHEAD = 50
RECENT_PROCESSES = 5
OWN_WORK = 10

WORK_DETAILS = (
    selectinload(Assessment.process),
    selectinload(Assessment.rubric),
    selectinload(Assessment.assessor),
)


@dataclass(frozen=True)
class LatestScorecard:
    id: int
    process: str
    rubric: str
    published_at: Any
    score: float | None
    high: float | None
    band: str | None


def latest_scorecards(session: Session) -> list[LatestScorecard]:
    """The newest published scorecards (withdrawn ones are not news), with their results."""
    statement = (
        select(Assessment)
        .where(Assessment.status == AssessmentStatus.PUBLISHED)
        .options(selectinload(Assessment.process), selectinload(Assessment.rubric))
        .order_by(Assessment.published_at.desc(), Assessment.id.desc())
    )
    assessments = list(session.scalars(statement.limit(LATEST_SCORECARDS)))
    results = scores_of(session, assessments)
    return [
        LatestScorecard(
            id=a.id,
            process=a.process.name,
            rubric=a.rubric.label,
            published_at=a.published_at,
            score=results[a.id].score,
            high=results[a.id].high,
            band=results[a.id].band,
        )
        for a in assessments
    ]


def ready_comparison(session: Session) -> list[int]:
    """The latest published scorecard of each of the processes published most recently; a
    comparison needs two, so fewer give none."""
    rows = session.execute(
        select(Assessment.id, Assessment.process_id)
        .where(Assessment.status == AssessmentStatus.PUBLISHED)
        .order_by(Assessment.published_at.desc(), Assessment.id.desc())
        .limit(COMPARISON_LOOKAHEAD)
    )
    latest: dict[int, int] = {}
    for assessment_id, process_id in rows:
        if process_id not in latest and len(latest) < COMPARED_PROCESSES:
            latest[process_id] = assessment_id
    return sorted(latest.values()) if len(latest) > 1 else []


def recent_processes(session: Session) -> list[Process]:
    """The processes described most recently: where a new assessment most likely starts."""
    statement = select(Process).order_by(Process.created_at.desc(), Process.id.desc())
    return list(session.scalars(statement.limit(RECENT_PROCESSES)))


def own_drafts(session: Session, user: User) -> list[Assessment]:
    """The assessor's drafts, the most recently started first."""
    statement = (
        select(Assessment)
        .where(Assessment.assessor_id == user.id, Assessment.status == AssessmentStatus.DRAFT)
        .options(*WORK_DETAILS)
        .order_by(Assessment.created_at.desc(), Assessment.id.desc())
    )
    return list(session.scalars(statement.limit(OWN_WORK)))


def waiting_for_review(session: Session, user: User) -> list[Assessment]:
    """Submitted assessments a reviewer may publish or return: not their own, oldest first,
    since those have waited longest."""
    statement = (
        select(Assessment)
        .where(Assessment.status == AssessmentStatus.SUBMITTED, Assessment.assessor_id != user.id)
        .options(*WORK_DETAILS)
        .order_by(Assessment.submitted_at.asc(), Assessment.id.asc())
    )
    return list(session.scalars(statement.limit(OWN_WORK)))


def own_work(session: Session, user: User | None) -> dict[str, Any] | None:
    """What a signed-in assessor or reviewer has to do; None for anyone else."""
    if user is None:
        return None
    assesses, reviews = user.has_role("assessor"), user.has_role("reviewer")
    if not (assesses or reviews):
        return None
    return {
        "assesses": assesses,
        "reviews": reviews,
        "drafts": own_drafts(session, user) if assesses else [],
        "processes": recent_processes(session) if assesses else [],
        "waiting": waiting_for_review(session, user) if reviews else [],
    }
