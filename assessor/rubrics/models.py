"""Rubric versions as stored: loaded once from a file and never changed afterwards."""

from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from assessor.db import Base, JSONDocument, UTCDateTime, utcnow

# The anchors every rubric's five levels share: 0 absent ... 4 fully realised and verifiable.
# In English as data, exports and the API carry them; LEVEL_LABELS are what pages show.
LEVEL_NAMES = ("Absent", "Minimal", "Partial", "Substantial", "Full")
LEVEL_LABELS = (_l("Absent"), _l("Minimal"), _l("Partial"), _l("Substantial"), _l("Full"))


class RubricVersion(Base):
    __tablename__ = "rubric_versions"
    __table_args__ = (
        UniqueConstraint("slug", "version"),
        CheckConstraint("length(content_hash) = 64", name="content_hash_sha256"),
        CheckConstraint("length(translations_hash) = 64", name="translations_hash_sha256"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80))
    version: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(200))
    language: Mapped[str] = mapped_column(String(16))
    # Every language the rubric's text is complete in, its own ``language`` first.
    languages: Mapped[list[str]] = mapped_column(JSONDocument)
    summary: Mapped[str] = mapped_column(Text, default="")
    # Text in the other languages: {"fr": {"title": ..., "summary": ...}}.
    translations: Mapped[dict] = mapped_column(JSONDocument, default=dict)
    # Hash of the scoring content and the text in ``language``; translations are not part of it.
    content_hash: Mapped[str] = mapped_column(String(64))
    translations_hash: Mapped[str] = mapped_column(String(64))
    loaded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    sources: Mapped[list["RubricSource"]] = relationship(
        back_populates="rubric", cascade="all, delete-orphan", order_by="RubricSource.position"
    )
    pillars: Mapped[list["Pillar"]] = relationship(
        back_populates="rubric", cascade="all, delete-orphan", order_by="Pillar.position"
    )

    @property
    def label(self) -> str:
        return f"{self.slug}@{self.version}"

    @property
    def version_key(self) -> tuple[int, ...]:
        """The version as numbers, so that 1.10.0 sorts after 1.9.0."""
        return tuple(int(part) for part in self.version.split("."))

    def question_numbers(self) -> dict[str, str]:
        """Each question's number in this version ("2.3": pillar, then question), by key: the
        same question may have another number in another version."""
        return {
            question.key: f"{p}.{q}"
            for p, pillar in enumerate(self.pillars, 1)
            for q, question in enumerate(pillar.questions, 1)
        }


class RubricSource(Base):
    """A public document the rubric cites, defined once and cited by its ``ident``."""

    __tablename__ = "rubric_sources"
    __table_args__ = (UniqueConstraint("rubric_version_id", "ident"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    rubric_version_id: Mapped[int] = mapped_column(
        ForeignKey("rubric_versions.id", ondelete="CASCADE")
    )
    ident: Mapped[str] = mapped_column(String(80))
    title: Mapped[str] = mapped_column(String(400))
    issuer: Mapped[str] = mapped_column(String(200))
    issued: Mapped[str] = mapped_column(String(80))
    url: Mapped[str | None] = mapped_column(String(2000))
    position: Mapped[int] = mapped_column(Integer)

    rubric: Mapped[RubricVersion] = relationship(back_populates="sources")


class Pillar(Base):
    __tablename__ = "pillars"
    __table_args__ = (
        UniqueConstraint("rubric_version_id", "key"),
        # Lets questions name their pillar and rubric together (see Question).
        UniqueConstraint("id", "rubric_version_id", name="uq_pillars_id_rubric_version_id"),
        CheckConstraint("weight > 0", name="weight_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    rubric_version_id: Mapped[int] = mapped_column(
        ForeignKey("rubric_versions.id", ondelete="CASCADE")
    )
    key: Mapped[str] = mapped_column(String(80))
    title: Mapped[str] = mapped_column(String(200))
    summary: Mapped[str] = mapped_column(Text, default="")
    translations: Mapped[dict] = mapped_column(JSONDocument, default=dict)
    weight: Mapped[float] = mapped_column(Float)
    position: Mapped[int] = mapped_column(Integer)

    rubric: Mapped[RubricVersion] = relationship(back_populates="pillars")
    questions: Mapped[list["Question"]] = relationship(
        back_populates="pillar", cascade="all, delete-orphan", order_by="Question.position"
    )


class Question(Base):
    __tablename__ = "questions"
    __table_args__ = (
        UniqueConstraint("rubric_version_id", "key"),
        # A question's rubric is its pillar's rubric: the pair must exist together.
        ForeignKeyConstraint(
            ["pillar_id", "rubric_version_id"],
            ["pillars.id", "pillars.rubric_version_id"],
            ondelete="CASCADE",
            name="fk_questions_pillar_rubric_version",
        ),
        CheckConstraint("weight > 0", name="weight_positive"),
        CheckConstraint("evidence_threshold BETWEEN 1 AND 4", name="evidence_threshold_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    rubric_version_id: Mapped[int] = mapped_column(Integer)
    # Indexed for loading a pillar's questions; the composite foreign key has no index.
    pillar_id: Mapped[int] = mapped_column(Integer, index=True)
    key: Mapped[str] = mapped_column(String(160))
    prompt: Mapped[str] = mapped_column(Text)
    guidance: Mapped[str] = mapped_column(Text)
    translations: Mapped[dict] = mapped_column(JSONDocument, default=dict)
    weight: Mapped[float] = mapped_column(Float)
    evidence_threshold: Mapped[int] = mapped_column(Integer)
    not_applicable_allowed: Mapped[bool] = mapped_column(Boolean, default=False)
    # Stage keys (assessor.scoring.stages) in process order; empty before rubric 1.1.0.
    stages: Mapped[list] = mapped_column(JSONDocument, default=list, server_default="[]")
    position: Mapped[int] = mapped_column(Integer)

    pillar: Mapped[Pillar] = relationship(back_populates="questions")
    levels: Mapped[list["LevelDescriptor"]] = relationship(
        back_populates="question", cascade="all, delete-orphan", order_by="LevelDescriptor.level"
    )
    citations: Mapped[list["Citation"]] = relationship(
        back_populates="question", cascade="all, delete-orphan", order_by="Citation.position"
    )


class LevelDescriptor(Base):
    """What a question's level (0 absent ... 4 fully realised) looks like in practice."""

    __tablename__ = "level_descriptors"
    __table_args__ = (CheckConstraint("level BETWEEN 0 AND 4", name="level_range"),)

    question_id: Mapped[int] = mapped_column(
        ForeignKey("questions.id", ondelete="CASCADE"), primary_key=True
    )
    level: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    descriptor: Mapped[str] = mapped_column(Text)
    translations: Mapped[dict] = mapped_column(JSONDocument, default=dict)

    question: Mapped[Question] = relationship(back_populates="levels")


class Citation(Base):
    """A question resting on a source, with the paragraph or section it draws on."""

    __tablename__ = "citations"
    __table_args__ = (UniqueConstraint("question_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("questions.id", ondelete="CASCADE"))
    source_id: Mapped[int] = mapped_column(ForeignKey("rubric_sources.id", ondelete="CASCADE"))
    locator: Mapped[str] = mapped_column(String(400))
    position: Mapped[int] = mapped_column(Integer)

    question: Mapped[Question] = relationship(back_populates="citations")
    source: Mapped[RubricSource] = relationship()
