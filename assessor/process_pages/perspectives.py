"""A process seen by stakeholder perspective: each rubric version's consolidation, by group.

Per rubric version with at least two current published assessments (the latest revision of
each chain), the consolidation's scores per perspective and pillar, the spread per pillar
and the agreement between assessors, as plain data for the process page.
"""

from typing import Any

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from markupsafe import Markup
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from assessor.assessments.consolidations import current_consolidation
from assessor.assessments.models import Assessment, AssessmentStatus
from assessor.presentation.charts import RadarSeries, radar_chart
from assessor.rubrics.models import Pillar, RubricVersion
from assessor.rubrics.texts import rubric_text, text_language
from assessor.scoring import Consolidation
from assessor.stakeholders import stakeholder_label

# With one assessment there is nothing to compare: its scorecard says it all.
MIN_ASSESSMENTS = 2
# A radar needs three axes to enclose an area; with fewer pillars the table says it all.
RADAR_MIN_PILLARS = 3
RADAR_DESCRIPTION = _l(
    "Each stakeholder perspective's pillar scores, from 0 at the centre to 100 at the edge; "
    "the table above gives the same figures."
)


def _published_rubrics(session: Session, process_id: int) -> list[RubricVersion]:
    """The rubric versions the process has published assessments on, newest version first."""
    used = select(Assessment.rubric_version_id).where(
        Assessment.process_id == process_id, Assessment.status == AssessmentStatus.PUBLISHED
    )
    statement = (
        select(RubricVersion)
        .where(RubricVersion.id.in_(used))
        .options(selectinload(RubricVersion.pillars).selectinload(Pillar.questions))
    )
    rubrics = sorted(session.scalars(statement), key=lambda r: r.version_key, reverse=True)
    return sorted(rubrics, key=lambda rubric: rubric.slug)


def _perspective_row(view) -> dict[str, Any]:
    """One stakeholder perspective's row of the table."""
    return {
        "perspective": view.perspective,
        "label": stakeholder_label(view.perspective),
        "assessments": len(view.assessment_ids),
        "score": view.score,
        "high": view.high,
        "pillars": [pillar.score for pillar in view.pillars],
        "highs": [pillar.high for pillar in view.pillars],
        "alpha": view.alpha,
        "exact_agreement": view.exact_agreement,
    }


def _section(rubric: RubricVersion, consolidation: Consolidation, language: str) -> dict[str, Any]:
    """The perspective table of one rubric version, with the consolidation across all groups;
    its text in ``language`` if the rubric has it."""
    shown = text_language(rubric, language)
    return {
        "rubric_id": rubric.id,
        "rubric": rubric.label,
        "rubric_title": rubric_text(rubric, "title", shown),
        "text_language": shown,
        "pillars": [
            {"key": pillar.key, "title": rubric_text(pillar, "title", shown)}
            for pillar in rubric.pillars
        ],
        "perspectives": [_perspective_row(view) for view in consolidation.perspectives],
        "spread": [pillar.spread for pillar in consolidation.spread],
        "all": {
            "assessments": len(consolidation.assessment_ids),
            "score": consolidation.score,
            "high": consolidation.high,
            "pillars": [pillar.score for pillar in consolidation.pillars],
            "highs": [pillar.high for pillar in consolidation.pillars],
            "alpha": consolidation.alpha,
            "exact_agreement": consolidation.exact_agreement,
        },
    }


def perspective_radar(section: dict[str, Any]) -> Markup | None:
    """The perspectives' pillar scores as a radar, one polygon per perspective."""
    titles = [pillar["title"] for pillar in section["pillars"]]
    if len(titles) < RADAR_MIN_PILLARS:
        return None
    # Six stakeholder groups exist, within the eight series a radar can tell apart.
    series = [RadarSeries(row["label"], row["pillars"]) for row in section["perspectives"]]
    return radar_chart(
        series,
        titles,
        title=_("Pillar scores by stakeholder perspective, %(rubric)s", rubric=section["rubric"]),
        description=str(RADAR_DESCRIPTION),
        id_prefix=f"perspectives-{section['rubric_id']}",
    )


def perspective_sections(session: Session, process_id: int, language: str) -> list[dict[str, Any]]:
    """A section per rubric version with MIN_ASSESSMENTS or more current published assessments,
    rubric text in ``language`` where the rubric has it."""
    sections = []
    for rubric in _published_rubrics(session, process_id):
        consolidation = current_consolidation(session, process_id, rubric)
        if consolidation is not None and consolidation.assessments >= MIN_ASSESSMENTS:
            section = _section(rubric, consolidation.result, language)
            sections.append({**section, "radar": perspective_radar(section)})
    return sections
