"""Choosing scorecards to compare: published ones, searched, filtered and paged."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from assessor import scoring
from assessor.assessments.kept_scores import scores_of
from assessor.assessments.models import PUBLIC_STATUSES, Assessment
from assessor.comparisons.service import (
    COMPARISON_DETAILS,
    public_scorecards,
    scorecard_heading,
)
from assessor.processes.models import Process
from assessor.rubrics.models import RubricVersion
from assessor.rubrics.texts import rubric_text, text_language

PER_PAGE = 20


@dataclass
class PickerPage:
    """One page of the published scorecards to choose from."""

    rows: list[dict[str, Any]]
    number: int
    last: int
    total: int


def _year_range(year: int) -> tuple[datetime, datetime]:
    return datetime(year, 1, 1, tzinfo=UTC), datetime(year + 1, 1, 1, tzinfo=UTC)


def published_query(filters: dict[str, Any]) -> Select:
    """Published and withdrawn scorecards matching every filter given, newest first."""
    statement = (
        select(Assessment)
        .join(Assessment.process)
        .join(Assessment.rubric)
        .where(Assessment.status.in_(PUBLIC_STATUSES))
        .order_by(Assessment.published_at.desc(), Assessment.id.desc())
    )
    if filters.get("q"):
        # lower() on both sides, as the process search does: SQLite has no ILIKE.
        needle = filters["q"].lower()
        statement = statement.where(func.lower(Process.name).contains(needle, autoescape=True))
    if filters.get("organization"):
        organization = filters["organization"].lower()
        statement = statement.where(func.lower(Process.convening_organization) == organization)
    for name, column in (
        ("rubric", RubricVersion.slug),
        ("scope", Process.scope),
        ("layer", Process.layer),
        ("perspective", Assessment.perspective),
    ):
        if filters.get(name):
            statement = statement.where(column == filters[name])
    if filters.get("year"):
        start, end = _year_range(filters["year"])
        statement = statement.where(Assessment.published_at >= start, Assessment.published_at < end)
    return statement


def _title(rubric: RubricVersion, language: str) -> dict[str, str]:
    """A rubric's title in ``language`` where it has it, with the language it is in."""
    shown = text_language(rubric, language)
    return {"rubric_title": rubric_text(rubric, "title", shown), "rubric_language": shown}


def _picker_rows(
    session: Session, assessments: list[Assessment], language: str
) -> list[dict[str, Any]]:
    """Published scorecards as rows to choose from, rubric titles in ``language``."""
    results = scores_of(session, assessments)
    return [_picker_row(assessment, results[assessment.id], language) for assessment in assessments]


def _picker_row(
    assessment: Assessment, result: scoring.AssessmentScore, language: str
) -> dict[str, Any]:
    return {
        **scorecard_heading(assessment),
        **_title(assessment.rubric, language),
        "rubric_label": assessment.rubric.label,
        "score": result.score,
        "band": result.band,
    }


def picker_page(
    session: Session, filters: dict[str, Any], requested: int, language: str
) -> PickerPage:
    """The requested page of matching scorecards, or the last one when asked for one beyond."""
    statement = published_query(filters)
    total = session.scalar(select(func.count()).select_from(statement.order_by(None).subquery()))
    last = max(1, -(-total // PER_PAGE))
    number = min(requested, last)
    page = statement.options(*COMPARISON_DETAILS).limit(PER_PAGE).offset((number - 1) * PER_PAGE)
    rows = _picker_rows(session, list(session.scalars(page)), language)
    return PickerPage(rows, number, last, total)


def chosen_rows(session: Session, ids: Sequence[int], language: str) -> list[dict[str, Any]]:
    """The chosen scorecards that are public, as rows, in the order chosen."""
    return _picker_rows(session, public_scorecards(session, ids), language)


def _rubric_titles(session: Session, public, language: str) -> dict[str, str]:
    """Each rubric (slug) with a published scorecard, titled as its newest such version is."""
    used = select(Assessment.rubric_version_id).where(public)
    versions = session.scalars(select(RubricVersion).where(RubricVersion.id.in_(used)))
    newest: dict[str, RubricVersion] = {}
    for rubric in sorted(versions, key=lambda rubric: rubric.version_key):
        newest[rubric.slug] = rubric
    return {slug: _title(newest[slug], language)["rubric_title"] for slug in sorted(newest)}


def picker_choices(session: Session, language: str) -> dict[str, Any]:
    """The filters' choices, drawn from the published scorecards themselves, rubric titles in
    ``language`` where the rubric has it."""
    public = Assessment.status.in_(PUBLIC_STATUSES)
    organizations = session.scalars(
        select(Process.convening_organization)
        .join(Assessment, Assessment.process_id == Process.id)
        .where(public)
        .group_by(Process.convening_organization)
        .order_by(func.lower(Process.convening_organization), Process.convening_organization)
    )
    first, last = session.execute(
        select(func.min(Assessment.published_at), func.max(Assessment.published_at)).where(public)
    ).one()
    years = list(range(last.year, first.year - 1, -1)) if first and last else []
    return {
        "rubrics": _rubric_titles(session, public, language),
        "organizations": list(organizations),
        "years": years,
    }
