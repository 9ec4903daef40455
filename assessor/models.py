"""Every model of every domain, imported together so that the metadata is complete.

Alembic's autogenerate and the schema checks in the suite compare against this metadata.
"""

from assessor.assessments.models import (
    Answer,
    Assessment,
    EvidenceItem,
    KeptScore,
    ProcessReply,
    ReviewComment,
)
from assessor.audit import AuditEvent
from assessor.db import Base
from assessor.edition import SiteEdition
from assessor.participation.models import (
    AssessmentParticipation,
    ParticipationRecord,
    ParticipationVersion,
)
from assessor.processes.models import Process, ProcessRepresentative, ProcessVersion
from assessor.rubrics.models import (
    Citation,
    LevelDescriptor,
    Pillar,
    Question,
    RubricSource,
    RubricVersion,
)
from assessor.scorecards.models import BatchDownload, RenderClaim, ScorecardPage, ScorecardPdf
from assessor.sessions import StoredSession
from assessor.users.models import ApiToken, RoleGrant, SignIn, User

metadata = Base.metadata

__all__ = [
    "Answer",
    "ApiToken",
    "Assessment",
    "AssessmentParticipation",
    "AuditEvent",
    "BatchDownload",
    "Citation",
    "EvidenceItem",
    "KeptScore",
    "LevelDescriptor",
    "ParticipationRecord",
    "ParticipationVersion",
    "Pillar",
    "Process",
    "ProcessReply",
    "ProcessRepresentative",
    "ProcessVersion",
    "Question",
    "RenderClaim",
    "ReviewComment",
    "RoleGrant",
    "RubricSource",
    "RubricVersion",
    "ScorecardPage",
    "ScorecardPdf",
    "SignIn",
    "SiteEdition",
    "StoredSession",
    "User",
    "metadata",
]
