"""Rendered scorecard PDFs and pages, kept so a published scorecard is rendered once, the
renders in progress, and batches of PDFs."""

import secrets
from datetime import datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from assessor.db import Base, JSONDocument, UTCDateTime, one_of, utcnow


class ScorecardPdf(Base):
    """A PDF keyed by the hash of everything it shows; other app processes share it.

    It records the language and site it was rendered for: a newer PDF of the assessment for
    the same ones replaces it (see pruning).
    """

    __tablename__ = "scorecard_pdfs"
    # A rendering kept of what is published, not a change of it.
    changes_public_pages = False
    __table_args__ = (
        CheckConstraint("length(content_hash) = 64", name="content_hash_sha256"),
        CheckConstraint("byte_size > 0", name="byte_size_positive"),
        Index("ix_scorecard_pdfs_assessment_id_language", "assessment_id", "language"),
    )
    # What a newer PDF of the same assessment must share to replace this one.
    rendering_columns = ("language", "site")

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessments.id", ondelete="CASCADE"))
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    pdf: Mapped[bytes] = mapped_column(LargeBinary)
    byte_size: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # None on PDFs kept before these were recorded: replaced by the assessment's next one.
    language: Mapped[str | None] = mapped_column(String(35))
    site: Mapped[str | None] = mapped_column(String(2000))


class ScorecardPage(Base):
    """A scorecard page's own part, rendered for one state, site and language.

    Keyed like ScorecardPdf, and kept in the database so that every app process serves it. It
    holds no viewer's content: the site's frame around it is rendered for each request.
    """

    __tablename__ = "scorecard_pages"
    # A rendering kept of what is published, not a change of it.
    changes_public_pages = False
    __table_args__ = (
        CheckConstraint("length(content_hash) = 64", name="content_hash_sha256"),
        Index("ix_scorecard_pages_assessment_id_language", "assessment_id", "language"),
    )
    # An English page's links name the language or not (see labels.language_args): both are
    # read, so neither replaces the other.
    rendering_columns = ("language", "site", "language_in_links")

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessments.id", ondelete="CASCADE"))
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str] = mapped_column(Text)
    html: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # None on pages kept before these were recorded, like a PDF's.
    language: Mapped[str | None] = mapped_column(String(35))
    site: Mapped[str | None] = mapped_column(String(2000))
    language_in_links: Mapped[bool | None] = mapped_column(Boolean)


class RenderClaim(Base):
    """A page or PDF being rendered now, under the key it will be kept by: whoever else needs
    that key waits for it rather than render a second copy (see render_claims)."""

    __tablename__ = "scorecard_render_claims"
    # Work in progress, not a change of anything shown.
    changes_public_pages = False
    __table_args__ = (CheckConstraint("length(content_hash) = 64", name="content_hash_sha256"),)

    content_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    claimed_at: Mapped[datetime] = mapped_column(UTCDateTime)


BATCH_STATUSES = ("queued", "running", "done", "failed")


def batch_token() -> str:
    """128 random bits as 32 hex digits: whoever holds a batch's address may download it."""
    return secrets.token_hex(16)


class BatchDownload(Base):
    """Several scorecards rendered by a background job into one ZIP.

    The ZIP is kept in the database, so that every app process and worker can serve it.
    """

    __tablename__ = "batch_downloads"
    # A download for the reader who asked for it.
    changes_public_pages = False
    __table_args__ = (
        CheckConstraint(one_of("status", BATCH_STATUSES), name="status"),
        CheckConstraint("total > 0", name="total_positive"),
        CheckConstraint("done >= 0 AND done <= total", name="done_within_total"),
        CheckConstraint("length(id) = 32", name="id_token"),
    )

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=batch_token)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(20), default="queued")
    total: Mapped[int] = mapped_column(Integer)
    done: Mapped[int] = mapped_column(Integer, default=0)
    # In the order chosen, so the ZIP lists them as the page did.
    assessment_ids: Mapped[list[int]] = mapped_column(JSONDocument)
    # The site's root as the requester saw it: the worker renders the same permalinks.
    base_url: Mapped[str] = mapped_column(String(2000))
    error: Mapped[str | None] = mapped_column(Text)
    # Deferred: the progress polled every second never loads the ZIP.
    zip: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
