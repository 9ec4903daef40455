"""Who took part in each process compared: per scorecard, its balance indices at each stage,
from the participation counts it was published beside (docs/participation.md).

A block per scorecard, a column per stage in the order a process runs them, so that one
process open at the start and closed at the end stands beside another.
"""

from collections.abc import Sequence
from typing import Any

from sqlalchemy.orm import Session

from assessor.participation.categories import STAGES
from assessor.participation.profiles import StageProfile, participation_profile
from assessor.participation.published import kept_versions, stage_counts

INDEX_NAMES = (
    "stakeholder_balance",
    "regional_balance",
    "gender_parity",
    "developing",
    "least_developed",
)


def _stage(stage: str, profile: StageProfile | None) -> dict[str, Any]:
    """A stage's indices, and how many were counted there: the largest total of any dimension
    counted, since each dimension counts the same people where all of them are known."""
    if profile is None:
        return {"stage": stage, "participants": None, **dict.fromkeys(INDEX_NAMES)}
    figures = {name: getattr(profile, name) for name in INDEX_NAMES}
    return {
        "stage": stage,
        "participants": max(shares.total for shares in profile.shares.values()),
        **{name: None if value is None else float(value) for name, value in figures.items()},
    }


def participation_blocks(session: Session, scorecards: Sequence[Any]) -> list[dict[str, Any]]:
    """Each scorecard's stages with their indices; ``counted`` is false where it was published
    beside no count."""
    kept = kept_versions(session, [assessment.id for assessment in scorecards])
    blocks = []
    for assessment in scorecards:
        profile = participation_profile(stage_counts(kept[assessment.id]))
        by_stage = {stage.stage: stage for stage in profile.stages}
        blocks.append(
            {
                "assessment_id": assessment.id,
                "counted": bool(by_stage),
                "stages": [_stage(stage, by_stage.get(stage)) for stage in STAGES],
            }
        )
    return blocks
