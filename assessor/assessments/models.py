"""An assessment, its answers (one per question), the evidence behind them, and a published
assessment's kept score."""

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    inspect,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from assessor.db import Base, JSONDocument, UTCDateTime, one_of, utcnow
from assessor.processes.models import Process, ProcessVersion
from assessor.rubrics.models import RubricVersion
from assessor.stakeholders import STAKEHOLDER_GROUPS
from assessor.users.models import User


class AssessmentStatus(StrEnum):
    """Where an assessment is in its life (see workflow); stored, and shown, as its value."""

    DRAFT = "draft"
    SUBMITTED = "submitted"
    PUBLISHED = "published"
    WITHDRAWN = "withdrawn"


# Work in progress: seen only by its assessor, reviewers and admins.
OPEN_STATUSES = (AssessmentStatus.DRAFT, AssessmentStatus.SUBMITTED)
# Seen by everyone, and final: their answers never change, so their scores and scorecards are
# kept.
PUBLIC_STATUSES = (AssessmentStatus.PUBLISHED, AssessmentStatus.WITHDRAWN)

# Why an answer changed in a revision of a published assessment.
CHANGE_REASONS = ("improvement", "decline", "correction", "new_evidence")

# Exactly one of: a level, not applicable, insufficient information.
ONE_KIND_OF_ANSWER = (
    "(CASE WHEN level IS NULL THEN 0 ELSE 1 END)"
    " + (CASE WHEN not_applicable THEN 1 ELSE 0 END)"
    " + (CASE WHEN insufficient_information THEN 1 ELSE 0 END) = 1"
)


class Assessment(Base):
    __tablename__ = "assessments"
    __table_args__ = (
        CheckConstraint(one_of("status", AssessmentStatus), name="status"),
        CheckConstraint(one_of("perspective", STAKEHOLDER_GROUPS), name="perspective"),
        CheckConstraint("revises_id IS NULL OR revises_id <> id", name="revises_other"),
        CheckConstraint(
            "status <> 'withdrawn' OR (withdrawn_at IS NOT NULL AND withdrawal_reason IS NOT NULL)",
            name="withdrawal_explained",
        ),
        CheckConstraint(
            "status NOT IN ('published', 'withdrawn') OR published_at IS NOT NULL",
            name="published_dated",
        ),
        CheckConstraint(
            "status NOT IN ('published', 'withdrawn') OR process_version_id IS NOT NULL",
            name="published_against_a_process_version",
        ),
        # Lists of scorecards, newest published first, and of assessments, newest first.
        Index("ix_assessments_published_at", "published_at", "id"),
        Index("ix_assessments_created_at", "created_at", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    process_id: Mapped[int] = mapped_column(
        ForeignKey("processes.id", ondelete="RESTRICT"), index=True
    )
    # The version of the process's record the assessment was published against; none before.
    process_version_id: Mapped[int | None] = mapped_column(
        ForeignKey("process_versions.id", ondelete="RESTRICT"), index=True
    )
    rubric_version_id: Mapped[int] = mapped_column(
        ForeignKey("rubric_versions.id", ondelete="RESTRICT"), index=True
    )
    assessor_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="RESTRICT"), index=True
    )
    perspective: Mapped[str] = mapped_column(String(40), index=True)
    status: Mapped[str] = mapped_column(String(20), default=AssessmentStatus.DRAFT, index=True)
    row_version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revises_id: Mapped[int | None] = mapped_column(
        ForeignKey("assessments.id", ondelete="RESTRICT"), index=True
    )
    published_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"))
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    withdrawal_reason: Mapped[str | None] = mapped_column(Text)

    __mapper_args__ = {"version_id_col": row_version}

    process: Mapped[Process] = relationship()
    process_version: Mapped[ProcessVersion | None] = relationship()
    rubric: Mapped[RubricVersion] = relationship()
    assessor: Mapped[User] = relationship(foreign_keys=[assessor_id])
    revises: Mapped["Assessment | None"] = relationship(remote_side=[id])
    answers: Mapped[list["Answer"]] = relationship(
        back_populates="assessment", cascade="all, delete-orphan"
    )
    comments: Mapped[list["ReviewComment"]] = relationship(
        back_populates="assessment", cascade="all, delete-orphan", order_by="ReviewComment.id"
    )
    replies: Mapped[list["ProcessReply"]] = relationship(
        back_populates="assessment", cascade="all, delete-orphan", order_by="ProcessReply.id"
    )

    def changes_public_pages(self) -> bool:
        """Saving a draft's answers shows on no public page (see edition.py); creating or
        deleting an assessment, moving it through the workflow, or anything about a published
        one may."""
        state = inspect(self)
        return (
            state.pending
            or state.deleted
            or self.status in PUBLIC_STATUSES
            or state.attrs.status.history.has_changes()
        )


class Answer(Base):
    __tablename__ = "answers"
    # Only a draft's answers change; publishing changes the assessment.
    changes_public_pages = False
    __table_args__ = (
        UniqueConstraint("assessment_id", "question_key"),
        CheckConstraint("level IS NULL OR level BETWEEN 0 AND 4", name="level_range"),
        CheckConstraint(ONE_KIND_OF_ANSWER, name="one_kind_of_answer"),
        CheckConstraint(
            "change_reason IS NULL OR " + one_of("change_reason", CHANGE_REASONS),
            name="change_reason",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessments.id", ondelete="CASCADE"))
    question_key: Mapped[str] = mapped_column(String(160))
    level: Mapped[int | None] = mapped_column(Integer)
    not_applicable: Mapped[bool] = mapped_column(Boolean, default=False)
    insufficient_information: Mapped[bool] = mapped_column(Boolean, default=False)
    rationale: Mapped[str] = mapped_column(Text, default="")
    # The language the rationale was written in; rationales are shown as written, never translated.
    rationale_language: Mapped[str | None] = mapped_column(String(16))
    change_reason: Mapped[str | None] = mapped_column(String(20))
    # Evidence rows typed but not yet complete (no title, an address that is not one): kept as
    # typed, in the order of the rows, so that nothing is lost; they block submission and are
    # never shown as evidence. Each is {"position", "url", "title", "accessed_on", "note"}.
    unfinished_evidence: Mapped[list[dict]] = mapped_column(
        JSONDocument, default=list, server_default="[]"
    )
    row_version: Mapped[int] = mapped_column(Integer)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    __mapper_args__ = {"version_id_col": row_version}

    assessment: Mapped[Assessment] = relationship(back_populates="answers")
    updated_by: Mapped[User | None] = relationship()
    evidence: Mapped[list["EvidenceItem"]] = relationship(
        back_populates="answer", cascade="all, delete-orphan", order_by="EvidenceItem.position"
    )


class EvidenceItem(Base):
    """A public document or page supporting an answer."""

    __tablename__ = "evidence_items"
    # Only a draft's evidence changes; publishing changes the assessment.
    changes_public_pages = False
    __table_args__ = (
        CheckConstraint("url LIKE 'http://%' OR url LIKE 'https://%'", name="url_http"),
        CheckConstraint("length(url) <= 2000", name="url_length"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    answer_id: Mapped[int] = mapped_column(ForeignKey("answers.id", ondelete="CASCADE"), index=True)
    url: Mapped[str] = mapped_column(String(2000))
    title: Mapped[str] = mapped_column(String(500))
    accessed_on: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer)

    answer: Mapped[Answer] = relationship(back_populates="evidence")


class ReviewComment(Base):
    """A reviewer's comment on a returned assessment, overall or on one question."""

    __tablename__ = "review_comments"
    # Read by the assessor and the reviewers only.
    changes_public_pages = False
    __table_args__ = (CheckConstraint("length(body) > 0", name="body_not_empty"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(
        ForeignKey("assessments.id", ondelete="CASCADE"), index=True
    )
    question_key: Mapped[str | None] = mapped_column(String(160))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    assessment: Mapped[Assessment] = relationship(back_populates="comments")
    author: Mapped[User | None] = relationship()


class ProcessReply(Base):
    """The assessed process's own response to a published assessment (right of reply)."""

    __tablename__ = "process_replies"
    __table_args__ = (CheckConstraint("length(body) > 0", name="body_not_empty"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(
        ForeignKey("assessments.id", ondelete="CASCADE"), index=True
    )
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    assessment: Mapped[Assessment] = relationship(back_populates="replies")
    author: Mapped[User | None] = relationship()


class KeptScore(Base):
    """A published assessment's result under one scoring method, as scoring.as_plain gives it.

    A published assessment's answers, evidence and rubric version never change, so its result
    changes only with the method: lists and comparisons read it here instead of scoring
    every row they show.
    """

    __tablename__ = "kept_scores"
    # Kept from what is published, equal to what pages would score again.
    changes_public_pages = False

    assessment_id: Mapped[int] = mapped_column(
        ForeignKey("assessments.id", ondelete="CASCADE"), primary_key=True
    )
    method_version: Mapped[str] = mapped_column(String(20), primary_key=True)
    result: Mapped[dict] = mapped_column(JSONDocument)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
