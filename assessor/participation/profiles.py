"""A process's participation profile: per stage, the shares and balance indices of each
dimension counted, and the inclusion funnel; what its pages, the API and the open data show.

A dimension not counted at a stage has no shares and no index there (not zeros): a count of
nobody says nothing about balance.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction

from assessor.participation.categories import (
    DIMENSIONS,
    REGIONAL_GROUP,
    STAGES,
    STAKEHOLDER_GROUP,
)
from assessor.participation.indices import (
    Counts,
    FunnelRow,
    Shares,
    StageCounts,
    developing_share,
    funnel,
    gender_parity_index,
    least_developed_share,
    normalised_entropy,
    shares,
)

# The dimensions whose balance is an entropy, and whose funnel is shown.
BALANCED = (STAKEHOLDER_GROUP, REGIONAL_GROUP)


@dataclass(frozen=True)
class StageProfile:
    stage: str
    shares: dict[str, Shares]
    stakeholder_balance: float | None
    regional_balance: float | None
    gender_parity: Fraction | None
    developing: Fraction | None
    least_developed: Fraction | None


@dataclass(frozen=True)
class ParticipationProfile:
    """The stages with counts, in the order a process runs them, and the funnel of each
    balanced dimension counted at some stage."""

    stages: list[StageProfile]
    funnels: dict[str, list[FunnelRow]]


def _counted(by_dimension: Mapping[str, Counts], key: str) -> Counts | None:
    counts = by_dimension.get(key)
    return counts if counts and sum(counts.values()) else None


def stage_profile(stage: str, by_dimension: Mapping[str, Counts]) -> StageProfile:
    counted = {key: _counted(by_dimension, key) for key in DIMENSIONS}
    gender, countries = counted["gender"], counted["country_category"]
    return StageProfile(
        stage=stage,
        shares={
            key: shares(DIMENSIONS[key], counts)
            for key, counts in counted.items()
            if counts is not None
        },
        stakeholder_balance=None
        if counted[STAKEHOLDER_GROUP.key] is None
        else normalised_entropy(STAKEHOLDER_GROUP, counted[STAKEHOLDER_GROUP.key]),
        regional_balance=None
        if counted[REGIONAL_GROUP.key] is None
        else normalised_entropy(REGIONAL_GROUP, counted[REGIONAL_GROUP.key]),
        gender_parity=None if gender is None else gender_parity_index(gender),
        developing=None if countries is None else developing_share(countries),
        least_developed=None if countries is None else least_developed_share(countries),
    )


def participation_profile(counts: StageCounts) -> ParticipationProfile:
    """The profile of counts by stage, dimension and category (as csv_files reads them)."""
    unknown = set(counts) - set(STAGES)
    if unknown:
        raise ValueError(f"no such stage: {', '.join(sorted(unknown))}")
    stages = [stage_profile(stage, counts[stage]) for stage in STAGES if counts.get(stage)]
    funnels = {}
    for dimension in BALANCED:
        by_stage = {
            stage: by_dimension[dimension.key]
            for stage, by_dimension in counts.items()
            if _counted(by_dimension, dimension.key)
        }
        if by_stage:
            funnels[dimension.key] = funnel(dimension, by_stage)
    return ParticipationProfile(stages, funnels)
