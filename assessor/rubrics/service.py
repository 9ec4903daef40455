"""Storing rubric versions and finding them again."""

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from assessor.rubrics.loader import RubricFile
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


class LoadState(StrEnum):
    LOADED = "loaded"
    UNCHANGED = "unchanged"
    # Translations of a loaded version may be added or corrected; its content and text may not.
    TRANSLATIONS_UPDATED = "translations updated"


@dataclass(frozen=True, slots=True)
class LoadOutcome:
    rubric: RubricVersion
    state: LoadState

    @property
    def description(self) -> str:
        """What loading did, as ``flask rubrics load`` reports it."""
        languages = ", ".join(self.rubric.languages)
        if self.state is LoadState.LOADED:
            return f"loaded, in {languages}"
        if self.state is LoadState.TRANSLATIONS_UPDATED:
            return f"translations updated, now in {languages}"
        return "already loaded, unchanged"


def _build_question(data: dict, position: int, sources: dict[str, RubricSource]) -> Question:
    return Question(
        key=data["key"],
        prompt=data["prompt"],
        guidance=data["guidance"],
        weight=data["weight"],
        evidence_threshold=data["evidence_threshold"],
        not_applicable_allowed=data["not_applicable_allowed"],
        stages=data.get("stages", []),
        translations=data["translations"],
        position=position,
        levels=[
            LevelDescriptor(
                level=lv["level"], descriptor=lv["descriptor"], translations=lv["translations"]
            )
            for lv in data["levels"]
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
            translations=pillar["translations"],
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
        languages=data["languages"],
        summary=data["summary"],
        translations=data["translations"],
        content_hash=rubric_file.content_hash,
        translations_hash=rubric_file.translations_hash,
        sources=list(sources.values()),
        pillars=pillars,
    )


def _replace_translations(rubric: RubricVersion, rubric_file: RubricFile) -> None:
    """Give a loaded version the file's languages and translations; the rest is the same."""
    data = rubric_file.data
    rubric.languages = data["languages"]
    rubric.translations = data["translations"]
    rubric.translations_hash = rubric_file.translations_hash
    for pillar, pillar_data in zip(rubric.pillars, data["pillars"], strict=True):
        pillar.translations = pillar_data["translations"]
        for question, question_data in zip(pillar.questions, pillar_data["questions"], strict=True):
            question.translations = question_data["translations"]
            for level, level_data in zip(question.levels, question_data["levels"], strict=True):
                level.translations = level_data["translations"]


def store_rubric(session: Session, rubric_file: RubricFile) -> LoadOutcome:
    """Add a rubric version, or update the translations of one already loaded.

    A loaded version whose content or text in its own language differs is refused: scores
    given against it must keep the exact text they were given against.
    """
    slug, version = rubric_file.data["slug"], rubric_file.data["version"]
    existing = find_rubric(session, slug, version)
    if existing is None:
        rubric = _build_rubric(rubric_file)
        session.add(rubric)
        session.flush()
        return LoadOutcome(rubric, LoadState.LOADED)
    if existing.content_hash != rubric_file.content_hash:
        raise RubricVersionConflict(
            f"{rubric_file.file}: {slug}@{version} is already loaded with different content; "
            "rubric versions never change, so give the changed file a new version number"
        )
    if existing.translations_hash == rubric_file.translations_hash:
        return LoadOutcome(existing, LoadState.UNCHANGED)
    _replace_translations(existing, rubric_file)
    session.flush()
    return LoadOutcome(existing, LoadState.TRANSLATIONS_UPDATED)


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
