"""Where an answer's level and the participation counts disagree.

An assessor may rate a process "broadly balanced" while the counts published beside the
scorecard show one region, or developed countries, holding most seats. Such a flag is shown to
the reviewer and the reader beside the answer; it never changes a score. Each rule names the
questions it reads (by key, in every rubric version that asks them), the lowest level that
claims balance, the stages whose counts can contradict it, and what in the counts does
(docs/participation.md, "Consistency flags").
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from fractions import Fraction

from assessor.participation.categories import UNKNOWN
from assessor.participation.profiles import ParticipationProfile, StageProfile

# A level from which an answer says the process is broadly balanced (the rubric's level 3).
BALANCED_LEVEL = 3
# More than this share of the known participants is "most of them".
MOST = Fraction(1, 2)
AGENDA, POLICY, DECISION = "agenda_setting", "policy_formulation", "decision_making"


@dataclass(frozen=True)
class Finding:
    """What the counts of one stage show: ``kind`` names it, ``category`` and ``share`` give
    its figure (a share of the known participants)."""

    kind: str
    stage: str
    category: str | None
    share: Fraction | None


@dataclass(frozen=True)
class Flag:
    question_key: str
    level: int
    finding: Finding


def _most_of(stage: StageProfile, dimension: str, kind: str) -> Finding | None:
    """The category, if any, that holds more than half of the known participants."""
    shares = stage.shares.get(dimension)
    if shares is None:
        return None
    for category, share in shares.of_known.items():
        if share is not None and share > MOST and category != UNKNOWN:
            return Finding(kind, stage.stage, category, share)
    return None


def one_region_holds_most(stage: StageProfile) -> Finding | None:
    return _most_of(stage, "regional_group", "one_region_holds_most")


def developed_countries_hold_most(stage: StageProfile) -> Finding | None:
    finding = _most_of(stage, "country_category", "developed_hold_most")
    return finding if finding is not None and finding.category == "developed" else None


def no_developing_country(stage: StageProfile) -> Finding | None:
    if stage.developing is not None and stage.developing == 0:
        return Finding("no_developing_country", stage.stage, None, None)
    return None


def no_young_participant(stage: StageProfile) -> Finding | None:
    shares = stage.shares.get("youth")
    if shares is not None and shares.of_known["youth"] == 0:
        return Finding("no_young_participant", stage.stage, None, None)
    return None


Check = Callable[[StageProfile], Finding | None]


@dataclass(frozen=True)
class Rule:
    questions: tuple[str, ...]
    stages: tuple[str, ...]
    checks: tuple[Check, ...]
    # Regions and country categories say nothing of balance within one country.
    beyond_one_country: bool


REGIONAL = (one_region_holds_most, developed_countries_hold_most, no_developing_country)
RULES = (
    # Rubric 1.0.0 asks about participation and leadership in one question.
    Rule(("equal_footing.geographic_balance",), (AGENDA, POLICY, DECISION), REGIONAL, True),
    Rule(("equal_footing.regional_participation",), (AGENDA, POLICY), REGIONAL, True),
    Rule(("equal_footing.leadership_balance",), (POLICY, DECISION), REGIONAL, True),
    Rule(
        ("openness.developing_country_access",),
        (AGENDA, POLICY, DECISION),
        (no_developing_country,),
        True,
    ),
    Rule(("openness.youth_access",), (AGENDA, POLICY, DECISION), (no_young_participant,), False),
)


def consistency_flags(
    levels: Mapping[str, int | None], profile: ParticipationProfile, *, national: bool
) -> list[Flag]:
    """A flag per answer at the balanced level or above whose question a stage's counts
    contradict, in rule order then stage order; the first finding of a stage is enough."""
    stages = {stage.stage: stage for stage in profile.stages}
    flags = []
    for rule in RULES:
        if national and rule.beyond_one_country:
            continue
        for key in rule.questions:
            level = levels.get(key)
            if level is None or level < BALANCED_LEVEL:
                continue
            for stage_key in rule.stages:
                stage = stages.get(stage_key)
                if stage is None:
                    continue
                finding = next(
                    (found for check in rule.checks if (found := check(stage)) is not None), None
                )
                if finding is not None:
                    flags.append(Flag(key, level, finding))
    return flags


def flag_data(flag: Flag) -> dict:
    """A flag as plain data, as scorecards and the API carry it."""
    share = flag.finding.share
    return {
        "question_key": flag.question_key,
        "level": flag.level,
        "kind": flag.finding.kind,
        "stage": flag.finding.stage,
        "category": flag.finding.category,
        "share": None if share is None else float(share),
    }
