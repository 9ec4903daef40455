"""How a comparison reads, the same on the page and in the PDF: its charts, its links and its
deltas."""

from typing import Any

from flask import url_for
from flask_babel import format_decimal
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from assessor.presentation.charts import SERIES_STYLES, RadarSeries, radar_chart
from assessor.presentation.formatting import SCORE_PATTERN
from assessor.presentation.labels import language_args
from assessor.scoring import round_half_up

# More polygons than this on one radar cannot be told apart: then one small radar each.
OVERLAY_LIMIT = len(SERIES_STYLES)
# A radar needs three axes to enclose an area.
RADAR_MIN_PILLARS = 3
MINUS = "\u2212"
RADAR_DESCRIPTION = _l(
    "Score of each pillar from 0 at the centre to 100 at the edge, one outline per scorecard; "
    "the table gives the same figures."
)


def _pillar_scores(document: dict[str, Any]) -> dict[int, list[float | None]]:
    """Each scorecard's scores of the shared pillars, in axis order."""
    rows = [row for row in document["rows"] if row["measure"] == "pillar"]
    return {
        scorecard["assessment_id"]: [row["cells"][index]["value"] for row in rows]
        for index, scorecard in enumerate(document["scorecards"])
    }


def comparison_charts(document: dict[str, Any]) -> dict[str, Any]:
    """One overlaid radar for up to OVERLAY_LIMIT scorecards, else a small radar per scorecard."""
    axes = [pillar["title"] for pillar in document["pillars"]]
    if len(axes) < RADAR_MIN_PILLARS:
        return {"radar": None, "small_multiples": []}
    scores = _pillar_scores(document)
    scorecards = document["scorecards"]
    if len(scorecards) <= OVERLAY_LIMIT:
        series = [RadarSeries(s["label"], scores[s["assessment_id"]]) for s in scorecards]
        radar = radar_chart(
            series,
            axes,
            size=360,
            title=_("Pillar scores of the scorecards compared"),
            description=str(RADAR_DESCRIPTION),
            id_prefix="comparison-radar",
        )
        return {"radar": radar, "small_multiples": []}
    return {"radar": None, "small_multiples": [_small_radar(s, scores, axes) for s in scorecards]}


def scorecard_links(document: dict[str, Any]) -> dict[int, str]:
    """Each compared scorecard's address in the reader's language, built once: every answer of
    the question table links to its scorecard."""
    return {
        scorecard["assessment_id"]: url_for(
            "scorecards.page",
            assessment_id=scorecard["assessment_id"],
            _external=True,
            **language_args(),
        )
        for scorecard in document["scorecards"]
    }


def _small_radar(scorecard: dict, scores: dict, axes: list[str]) -> dict[str, Any]:
    """One scorecard's radar for the grid, captioned with its label."""
    assessment_id = scorecard["assessment_id"]
    chart = radar_chart(
        [RadarSeries(scorecard["label"], scores[assessment_id])],
        axes,
        size=150,
        title=_("Pillar scores of %(scorecard)s", scorecard=scorecard["label"]),
        description=str(RADAR_DESCRIPTION),
        id_prefix=f"comparison-radar-{assessment_id}",
    )
    return {"assessment_id": assessment_id, "label": scorecard["label"], "chart": chart}


def delta_text(value: float | None, kind: str = "score", base: float | None = 0.0) -> str:
    """``value``'s difference to the baseline's ``base``, signed, one decimal ("+4.2"); below
    zero with U+2212. Taken between the two figures as shown, so that it is their difference
    to the reader too. Shares differ in percentage points ("+12.5 pp")."""
    if value is None or base is None:
        return ""
    scale = 100 if kind == "share" else 1
    rounded = round_half_up(value * scale, 1) - round_half_up(base * scale, 1)
    sign = "+" if rounded > 0 else MINUS if rounded < 0 else "±"
    signed = sign + format_decimal(abs(rounded), SCORE_PATTERN)
    return _("%(points)s pp", points=signed) if kind == "share" else signed
