"""A cheap key for a kept scorecard PDF: a hash of everything that can change what it shows.

A published assessment's answers and rubric never change, so its scorecard can only change
through its status (withdrawal), replies from the process, the set of published assessments
it is consolidated with, the names shown in its header (the process as described, the
assessor's display name), the scoring method, the layout, the site's address in its
permalink, and its language (the interface's catalogue and the rubric's translations).
Hashing those costs a few small queries instead of rebuilding the document, so a cached
download is served almost as fast as a static file.
"""

import hashlib

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from assessor.assessments.models import Assessment, ProcessReply
from assessor.processes.models import Process
from assessor.rubrics.models import RubricVersion
from assessor.scoring import METHOD_VERSION
from assessor.users.models import User

# Below this many published assessments a scorecard shows no consolidated view.
CONSOLIDATED_FROM = 2


# Built once: constructing an aliased query on every download costs more than running it.
_NEWER = aliased(Assessment)
_SUPERSEDED = (
    select(_NEWER.id)
    .where(_NEWER.revises_id == Assessment.id, _NEWER.status == "published")
    .exists()
)


def _consolidated_with(session: Session, assessment: Assessment) -> list[tuple[int, int]]:
    rows = session.execute(
        select(Assessment.id, Assessment.row_version)
        .where(
            Assessment.process_id == assessment.process_id,
            Assessment.rubric_version_id == assessment.rubric_version_id,
            Assessment.status == "published",
            ~_SUPERSEDED,
        )
        .order_by(Assessment.id)
    ).all()
    return [tuple(row) for row in rows] if len(rows) >= CONSOLIDATED_FROM else []


def _described(assessment: Assessment):
    """One row: the rubric's hashes, the header's names, and the replies' count and last id."""
    replies = select(ProcessReply.id).where(ProcessReply.assessment_id == assessment.id)
    rubric = RubricVersion.id == assessment.rubric_version_id
    return select(
        select(RubricVersion.content_hash).where(rubric).scalar_subquery(),
        select(RubricVersion.translations_hash).where(rubric).scalar_subquery(),
        select(Process.name).where(Process.id == assessment.process_id).scalar_subquery(),
        select(Process.convening_organization)
        .where(Process.id == assessment.process_id)
        .scalar_subquery(),
        select(User.display_name).where(User.id == assessment.assessor_id).scalar_subquery(),
        select(func.count()).select_from(replies.subquery()).scalar_subquery(),
        select(func.max(ProcessReply.id))
        .where(ProcessReply.assessment_id == assessment.id)
        .scalar_subquery(),
    )


def kept_scorecard_fingerprint(
    session: Session, assessment: Assessment, template_version: str, site: str, language: str
) -> str:
    """The key of a published or withdrawn scorecard's PDF in ``language`` (and its ETag)."""
    described = session.execute(_described(assessment)).one()
    parts = [
        METHOD_VERSION,
        template_version,
        site,
        f"language:{language}",
        f"{assessment.id}:{assessment.status}:{assessment.row_version}",
        f"described:{list(described)}",
        f"with:{_consolidated_with(session, assessment)}",
    ]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()
