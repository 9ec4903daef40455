"""Who took part, as pages and PDFs show it: per stage, each dimension's counts and shares
with the unknown share beside them, the balance indices in words, and the inclusion funnel as
a chart with its table. Built from counts alone (participation.records.stage_counts), in the
reader's language, so that the process page, the scorecard and the comparison read alike.
"""

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from flask_babel import format_decimal
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from markupsafe import Markup

from assessor.participation.categories import DIMENSIONS, STAGES, UNKNOWN
from assessor.participation.indices import StageCounts
from assessor.participation.labels import category_label, dimension_label
from assessor.participation.profiles import ParticipationProfile, participation_profile
from assessor.presentation.formatting import NOTHING, coefficient_text, percent_text
from assessor.presentation.funnel_chart import FunnelSeries, funnel_chart
from assessor.presentation.labels import band_name, stage_name
from assessor.rubrics.models import LEVEL_NAMES
from assessor.scoring import round_half_up

POINTS_PATTERN = "+#,##0.0;\u2212#,##0.0"


@dataclass(frozen=True)
class Cell:
    """A category at one stage: its count and share; no count where the stage did not count
    this dimension."""

    count: int | None
    share: str


@dataclass(frozen=True)
class CategoryRow:
    label: str
    cells: list[Cell]
    # From the first stage to the last, for the dimensions whose funnel is shown.
    change: str | None


@dataclass(frozen=True)
class DimensionTable:
    key: str
    label: str
    rows: list[CategoryRow]
    # Participants whose category is not known, their share of all those counted.
    unknown: list[Cell]
    totals: list[int | None]
    shows_change: bool


@dataclass(frozen=True)
class IndexRow:
    label: str
    values: list[str]
    explanation: str


@dataclass(frozen=True)
class FunnelChart:
    label: str
    chart: Markup


@dataclass(frozen=True)
class ParticipationView:
    """A column per stage counted, in the order a process runs them; ``uneven`` says where the
    dimensions counted at a stage count different totals."""

    stages: list[str]
    stage_names: list[str]
    indices: list[IndexRow]
    tables: list[DimensionTable]
    funnels: list[FunnelChart]
    uneven: list[str]


def _share(value: Fraction | None) -> str:
    return percent_text(None if value is None else float(value))


def points_text(change: Fraction | None) -> str:
    """A change of share in percentage points, signed, one decimal (a minus sign before a fall)."""
    if change is None:
        return NOTHING
    points = round_half_up(float(change) * 100, 1)
    if points == 0:
        points = Decimal(0)
    return _("%(points)s points", points=format_decimal(points, POINTS_PATTERN))


def _table(key: str, profile: ParticipationProfile, counts: StageCounts) -> DimensionTable:
    by_stage = {stage.stage: stage.shares.get(key) for stage in profile.stages}
    changes = {row.category: row.change for row in profile.funnels.get(key, [])}
    shows_change = key in profile.funnels and len(profile.stages) > 1
    rows = []
    for category in DIMENSIONS[key].categories:
        cells = [
            Cell(None, NOTHING)
            if shares is None
            else Cell(counts[stage][key].get(category, 0), _share(shares.of_known[category]))
            for stage, shares in by_stage.items()
        ]
        change = points_text(changes.get(category)) if shows_change else None
        rows.append(CategoryRow(category_label(key, category), cells, change))
    unknown = [
        Cell(None, NOTHING)
        if shares is None
        else Cell(counts[stage][key].get(UNKNOWN, 0), _share(shares.unknown))
        for stage, shares in by_stage.items()
    ]
    totals = [None if shares is None else shares.total for shares in by_stage.values()]
    return DimensionTable(key, dimension_label(key), rows, unknown, totals, shows_change)


INDICES = (
    (
        "stakeholder_balance",
        _l("Balance of stakeholder groups"),
        _l("0 when one group holds every seat, 1 when all six hold as many"),
    ),
    (
        "regional_balance",
        _l("Balance of UN regional groups"),
        _l("0 when one region holds every seat, 1 when all five hold as many"),
    ),
    ("gender_parity", _l("Gender parity index"), _l("women per man: 1 is parity")),
    (
        "developing",
        _l("From developing and least developed countries"),
        _l("share of the known participants"),
    ),
    (
        "least_developed",
        _l("From least developed countries"),
        _l("share of the known participants"),
    ),
)


def _index_text(name: str, value) -> str:
    if value is None:
        return NOTHING
    if name in ("developing", "least_developed"):
        return _share(value)
    return coefficient_text(float(value))


def _indices(profile: ParticipationProfile) -> list[IndexRow]:
    """The indices that some stage has, each with its value per stage."""
    rows = []
    for name, label, explanation in INDICES:
        values = [getattr(stage, name) for stage in profile.stages]
        if any(value is not None for value in values):
            texts = [_index_text(name, value) for value in values]
            rows.append(IndexRow(str(label), texts, str(explanation)))
    return rows


def _funnel_chart(key: str, rows, chart_id: str) -> FunnelChart:
    label = dimension_label(key)
    series = [
        FunnelSeries(category_label(key, row.category), [row.by_stage[stage] for stage in STAGES])
        for row in rows
    ]
    chart = funnel_chart(
        series,
        [stage_name(stage) for stage in STAGES],
        title=_("Inclusion funnel: %(dimension)s", dimension=label),
        description=_(
            "Each group's share of the known participants at each stage, as the table of "
            "%(dimension)s gives them.",
            dimension=label,
        ),
        id_prefix=chart_id,
    )
    return FunnelChart(label, chart)


def _uneven_totals(profile: ParticipationProfile) -> list[str]:
    """A sentence per stage whose dimensions count different totals: each share is then of its
    own dimension's total, and a reader should know."""
    found = []
    for stage in profile.stages:
        totals = {shares.total for shares in stage.shares.values()}
        if len(totals) > 1:
            found.append(
                _(
                    "At %(stage)s the dimensions count from %(fewest)s to %(most)s participants: "
                    "some were counted in one dimension and not in another, so each share is of "
                    "its own dimension's total.",
                    stage=stage_name(stage.stage),
                    fewest=min(totals),
                    most=max(totals),
                )
            )
    return found


def _stages_with_shares(rows) -> int:
    """A funnel needs two stages to show a change."""
    return sum(1 for stage in STAGES if any(row.by_stage[stage] is not None for row in rows))


def participation_view(
    counts: StageCounts, chart_prefix: str = "funnel"
) -> ParticipationView | None:
    """The profile of ``counts`` in words and charts; None when nothing was counted."""
    profile = participation_profile(counts)
    if not profile.stages:
        return None
    counted = [key for key in DIMENSIONS if any(key in stage.shares for stage in profile.stages)]
    return ParticipationView(
        stages=[stage.stage for stage in profile.stages],
        stage_names=[stage_name(stage.stage) for stage in profile.stages],
        indices=_indices(profile),
        tables=[_table(key, profile, counts) for key in counted],
        funnels=[
            _funnel_chart(key, rows, f"{chart_prefix}-{key.replace('_', '-')}")
            for key, rows in profile.funnels.items()
            if _stages_with_shares(rows) >= 2
        ],
        uneven=_uneven_totals(profile),
    )


def flag_text(flag: dict) -> str:
    """What a consistency flag says, in the reader's language."""
    values = {
        "level": flag["level"],
        "name": band_name(LEVEL_NAMES[flag["level"]]),
        "stage": stage_name(flag["stage"]),
    }
    if flag["kind"] == "one_region_holds_most":
        return _(
            "Rated at level %(level)s (%(name)s), but at %(stage)s %(share)s of the known "
            "participants came from one regional group (%(region)s).",
            share=percent_text(flag["share"]),
            region=category_label("regional_group", flag["category"]),
            **values,
        )
    if flag["kind"] == "developed_hold_most":
        return _(
            "Rated at level %(level)s (%(name)s), but at %(stage)s %(share)s of the known "
            "participants came from developed countries.",
            share=percent_text(flag["share"]),
            **values,
        )
    if flag["kind"] == "no_developing_country":
        return _(
            "Rated at level %(level)s (%(name)s), but at %(stage)s no known participant came "
            "from a developing or least developed country.",
            **values,
        )
    return _(
        "Rated at level %(level)s (%(name)s), but at %(stage)s no known participant was young.",
        **values,
    )
