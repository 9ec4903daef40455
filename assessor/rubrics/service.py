"""Storing rubric versions and finding them again."""

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from assessor.rubrics.loader import RubricFile, content_hash
from assessor.rubrics.models import (
    Citation,
    LevelDescriptor,
    Pillar,
    Question,
    RubricSource,
    RubricVersion,
)


class RubricVersionConflict(Exception):
    """A file changes a rubric version that is already loaded; versions never change."""


@dataclass(frozen=True, slots=True)
class LoadOutcome:
    rubric: RubricVersion
    created: bool


def _build_question(data: dict, position: int, sources: dict[str, RubricSource]) -> Question:
    return Question(
        key=data["key"],
        prompt=data["prompt"],
        guidance=data["guidance"],
        weight=data["weight"],
        evidence_threshold=data["evidence_threshold"],
        not_applicable_allowed=data["not_applicable_allowed"],
        position=position,
        levels=[
            LevelDescriptor(level=lv["level"], descriptor=lv["descriptor"]) for lv in data["levels"]
        ],
        citations=[
            Citation(source=sources[cited["source"]], locator=cited["locator"], position=index)
            for index, cited in enumerate(data["sources"])
        ],
    )


def _build_rubric(rubric_file: RubricFile) -> RubricVersion:
    data = rubric_file.data
    sources = {
        source["id"]: RubricSource(
            ident=source["id"],
            title=source["title"],
            issuer=source["issuer"],
            issued=source["date"],
            url=source.get("url"),
            position=index,
        )
        for index, source in enumerate(data["sources"])
    }
    pillars = [
        Pillar(
            key=pillar["key"],
            title=pillar["title"],
            summary=pillar["summary"],
            weight=pillar["weight"],
            position=p,
            questions=[_build_question(q, i, sources) for i, q in enumerate(pillar["questions"])],
        )
        for p, pillar in enumerate(data["pillars"])
    ]
    return RubricVersion(
        slug=data["slug"],
        version=data["version"],
        title=data["title"],
        language=data["language"],
        languages=[data["language"]],
        summary=data["summary"],
        content_hash=rubric_file.content_hash,
        translations_hash=content_hash({}),
        sources=list(sources.values()),
        pillars=pillars,
    )


def store_rubric(session: Session, rubric_file: RubricFile) -> LoadOutcome:
    """Add a rubric version unless it is there already; refuse one whose content changed."""
    slug, version = rubric_file.data["slug"], rubric_file.data["version"]
    existing = find_rubric(session, slug, version)
    if existing is not None:
        if existing.content_hash != rubric_file.content_hash:
            raise RubricVersionConflict(
                f"{rubric_file.file}: {slug}@{version} is already loaded with different content; "
                "rubric versions never change, so give the changed file a new version number"
            )
        return LoadOutcome(existing, created=False)
    rubric = _build_rubric(rubric_file)
    session.add(rubric)
    session.flush()
    return LoadOutcome(rubric, created=True)


def _with_content():
    return (
        selectinload(RubricVersion.sources),
        selectinload(RubricVersion.pillars)
        .selectinload(Pillar.questions)
        .options(
            selectinload(Question.levels),
            selectinload(Question.citations).joinedload(Citation.source),
        ),
    )


def find_rubric(session: Session, slug: str, version: str) -> RubricVersion | None:
    """One rubric version with all its content, or None."""
    statement = (
        select(RubricVersion)
        .where(RubricVersion.slug == slug, RubricVersion.version == version)
        .options(*_with_content())
    )
    return session.scalars(statement).one_or_none()


def list_rubric_versions(session: Session) -> list[RubricVersion]:
    """Every rubric version, by slug, newest version first."""
    rubrics = session.scalars(
        select(RubricVersion).options(
            selectinload(RubricVersion.pillars).selectinload(Pillar.questions)
        )
    ).all()
    return sorted(rubrics, key=lambda r: (r.slug, tuple(-n for n in r.version_key)))
