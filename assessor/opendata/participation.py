"""The open-data participation tables: every current published count, and the figures of
each process and stage computed from them (docs/participation.md), so that anyone can check
one against the other."""

from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from assessor.participation.categories import DIMENSIONS, UNKNOWN
from assessor.participation.models import ParticipationVersion
from assessor.participation.profiles import participation_profile
from assessor.participation.published import every_current_version, stage_counts
from assessor.processes.models import Process


def _process_names(session: Session, process_ids: Iterable[int]) -> dict[int, str]:
    """The current name of each process, so that a row reads without the process table."""
    rows = session.execute(select(Process.id, Process.name).where(Process.id.in_(process_ids)))
    return {process_id: name for process_id, name in rows}


def _count_rows(version: ParticipationVersion, process_name: str) -> Iterator[dict[str, Any]]:
    """A row per category the version counts, dimensions and categories in their order."""
    about = {
        "process_id": version.process_id,
        "process_name": process_name,
        "record_id": version.record_id,
        "version": version.number,
        "stage": version.stage,
        "body": version.body,
        "source_url": version.source_url,
        "source_title": version.source_title,
        "accessed_on": version.accessed_on,
        "published_at": version.published_at,
    }
    for key, dimension in DIMENSIONS.items():
        counted = version.counts.get(key, {})
        for category in (*dimension.categories, UNKNOWN):
            if counted.get(category):
                yield about | {"dimension": key, "category": category, "count": counted[category]}


def participation_counts(session: Session) -> Iterator[dict[str, Any]]:
    """Every count of every current published version: by process, stage and record."""
    current = every_current_version(session)
    names = _process_names(session, current)
    for process_id, versions in current.items():
        for version in versions:
            yield from _count_rows(version, names[process_id])


def participation_indices(session: Session) -> Iterator[dict[str, Any]]:
    """Per process and stage with counts: totals and indices of the summed current counts."""
    current = every_current_version(session)
    names = _process_names(session, current)
    for process_id, versions in current.items():
        profile = participation_profile(stage_counts(versions))
        for stage in profile.stages:
            row = {
                "process_id": process_id,
                "process_name": names[process_id],
                "stage": stage.stage,
                "records": sum(1 for version in versions if version.stage == stage.stage),
                "stakeholder_balance": stage.stakeholder_balance,
                "regional_balance": stage.regional_balance,
                "gender_parity": stage.gender_parity,
                "developing_share": stage.developing,
                "least_developed_share": stage.least_developed,
            }
            for key in DIMENSIONS:
                counted = stage.shares.get(key)
                row[f"{key}_total"] = None if counted is None else counted.total
                row[f"{key}_known"] = None if counted is None else counted.known
            yield row
