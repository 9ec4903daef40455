"""Participation records of a process, the versions published of each, and the versions a
published assessment shows.

A record is what an editor works on: counts of one stage (of one meeting or body, if named)
with the source they come from. It is a draft until published; publishing adds a version that
never changes again, and a published assessment names the versions it was published beside,
so that its scorecard keeps showing who took part as it was recorded then.
"""

from datetime import date, datetime
from typing import Any

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
)
from sqlalchemy.orm import Mapped, mapped_column

from assessor.db import Base, JSONDocument, UTCDateTime, one_of, utcnow
from assessor.participation.categories import STAGES

# What a record holds and each published version keeps, in form order.
RECORDED_FIELDS = ("stage", "body", "source_url", "source_title", "accessed_on", "counts", "note")


def _recorded_constraints() -> tuple[CheckConstraint, ...]:
    return (
        CheckConstraint(one_of("stage", STAGES), name="stage"),
        CheckConstraint(
            "source_url LIKE 'http://%' OR source_url LIKE 'https://%'", name="source_url_http"
        ),
        CheckConstraint("length(source_title) > 0", name="source_title_not_empty"),
    )


class RecordedCounts:
    """The columns of a participation record, shared by the record and its versions."""

    stage: Mapped[str] = mapped_column(String(40))
    # The meeting, session or body counted, if the record is not for the whole stage.
    body: Mapped[str] = mapped_column(String(300), default="")
    source_url: Mapped[str] = mapped_column(String(2000))
    source_title: Mapped[str] = mapped_column(String(500))
    accessed_on: Mapped[date | None] = mapped_column(Date)
    # {dimension: {category: count}}, as participation.categories names them.
    counts: Mapped[dict[str, Any]] = mapped_column(JSONDocument)
    note: Mapped[str] = mapped_column(Text, default="")


class ParticipationRecord(RecordedCounts, Base):
    __tablename__ = "participation_records"
    # Only published versions are shown to readers; a draft changes no public page.
    changes_public_pages = False
    __table_args__ = _recorded_constraints()

    id: Mapped[int] = mapped_column(primary_key=True)
    process_id: Mapped[int] = mapped_column(
        ForeignKey("processes.id", ondelete="CASCADE"), index=True
    )
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # The number of its newest published version; None while never published.
    published_number: Mapped[int | None] = mapped_column(Integer)
    # Whether the record differs from its newest published version (always, before the first).
    has_draft_changes: Mapped[bool] = mapped_column(Boolean, default=True)
    withdrawn: Mapped[bool] = mapped_column(Boolean, default=False)
    # Moves on with every save, so that an edit based on an older one is refused.
    row_version: Mapped[int] = mapped_column(Integer)

    __mapper_args__ = {"version_id_col": row_version}


class ParticipationVersion(RecordedCounts, Base):
    """A record as published, never changed again; ``withdrawn`` marks the version that took
    a published record off the process's current profile."""

    __tablename__ = "participation_versions"
    __table_args__ = (
        *_recorded_constraints(),
        UniqueConstraint("record_id", "number"),
        CheckConstraint("number >= 1", name="number_positive"),
        Index("ix_participation_versions_process", "process_id", "record_id", "number"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    record_id: Mapped[int] = mapped_column(
        ForeignKey("participation_records.id", ondelete="CASCADE")
    )
    process_id: Mapped[int] = mapped_column(ForeignKey("processes.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    withdrawn: Mapped[bool] = mapped_column(Boolean, default=False)
    published_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    published_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class AssessmentParticipation(Base):
    """A published assessment and a participation version its scorecard shows: the versions
    current when it was published, fixed from then on."""

    __tablename__ = "assessment_participation"

    assessment_id: Mapped[int] = mapped_column(
        ForeignKey("assessments.id", ondelete="CASCADE"), primary_key=True
    )
    version_id: Mapped[int] = mapped_column(
        ForeignKey("participation_versions.id", ondelete="RESTRICT"), primary_key=True, index=True
    )
