"""The participation a reader sees: the versions published of a process's records, those a
published assessment keeps, and their counts summed per stage. Reads only: what a scorecard's
render follows stays small."""

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session

from assessor.participation.categories import STAGES
from assessor.participation.indices import StageCounts
from assessor.participation.models import (
    AssessmentParticipation,
    ParticipationRecord,
    ParticipationVersion,
)


def _current(*conditions: ColumnElement[bool]) -> Select:
    """The newest published version of each record not withdrawn, among those ``conditions``
    keep, by record."""
    newest = (
        select(
            ParticipationVersion.record_id, func.max(ParticipationVersion.number).label("number")
        )
        .where(*conditions)
        .group_by(ParticipationVersion.record_id)
        .subquery()
    )
    return (
        select(ParticipationVersion)
        .join(
            newest,
            (newest.c.record_id == ParticipationVersion.record_id)
            & (newest.c.number == ParticipationVersion.number),
        )
        .where(ParticipationVersion.withdrawn.is_(False))
        .order_by(ParticipationVersion.record_id)
    )


def current_versions(session: Session, process_id: int) -> list[ParticipationVersion]:
    """The newest published version of each of the process's records not withdrawn."""
    versions = session.scalars(_current(ParticipationVersion.process_id == process_id))
    return in_stage_order(versions)


def every_current_version(session: Session) -> dict[int, list[ParticipationVersion]]:
    """The current versions of every process with any, by process id in order, each in stage
    order: what the open data publishes, in one query."""
    by_process: dict[int, list[ParticipationVersion]] = defaultdict(list)
    for version in session.scalars(_current()):
        by_process[version.process_id].append(version)
    return {process_id: in_stage_order(by_process[process_id]) for process_id in sorted(by_process)}


def in_stage_order(versions: Iterable[ParticipationVersion]) -> list[ParticipationVersion]:
    return sorted(versions, key=lambda version: (STAGES.index(version.stage), version.record_id))


def kept_versions(
    session: Session, assessment_ids: Iterable[int]
) -> dict[int, list[ParticipationVersion]]:
    """The versions each published assessment shows, in stage order; none for one published
    before participation was recorded."""
    ids = list(assessment_ids)
    kept: dict[int, list[ParticipationVersion]] = {assessment_id: [] for assessment_id in ids}
    if not ids:
        return kept
    rows = session.execute(
        select(AssessmentParticipation.assessment_id, ParticipationVersion)
        .join(ParticipationVersion, ParticipationVersion.id == AssessmentParticipation.version_id)
        .where(AssessmentParticipation.assessment_id.in_(ids))
    )
    for assessment_id, version in rows:
        kept[assessment_id].append(version)
    return {assessment_id: in_stage_order(versions) for assessment_id, versions in kept.items()}


def stage_counts(versions: Iterable[ParticipationVersion | ParticipationRecord]) -> StageCounts:
    """The counts of several records summed per stage, dimension and category: participations,
    so a person at two meetings of a stage counts twice (docs/participation.md)."""
    summed: dict[str, dict[str, dict[str, int]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(int))
    )
    for version in versions:
        for dimension, by_category in version.counts.items():
            for category, count in by_category.items():
                summed[version.stage][dimension][category] += count
    return {
        stage: {dimension: dict(by) for dimension, by in by_dimension.items()}
        for stage, by_dimension in summed.items()
    }
