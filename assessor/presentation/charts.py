"""Scorecard charts as inline SVG: the same markup serves the HTML page and the WeasyPrint PDF.

Functions of plain data and of the language being rendered, whose words and number format
the charts' own text uses. Every text is escaped (pillar titles come from rubric files),
coordinates are rounded to two decimals and ids derive from the content, so equal input gives
byte-identical output and a PDF cached by content hash stays valid. Only plain presentation
attributes are used, and text is placed with dy offsets, which WeasyPrint draws as browsers do.
Charts are drawn left to right in every language: their text anchors place labels by side.
Labels are wrapped, never shortened, and kept apart (`svg`); the viewBox holds them all.
"""

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from flask_babel import format_decimal
from flask_babel import gettext as _
from markupsafe import Markup

from assessor.presentation.formatting import score_text
from assessor.presentation.labels import band_name
from assessor.presentation.svg import (
    LINE_HEIGHT,
    Extent,
    TextBlock,
    chart_root,
    element,
    first_free_line,
    join,
    kept_apart,
    number,
    segments_path,
    text_width,
    wrap,
)
from assessor.scoring.bands import BANDS

MUTED = "#4a5562"
GUIDE = "#8c8c8c"
TRACK = "#f3f6f9"
# Each at least 4.5:1 against white, so a band's colour would read even as text.
BAND_COLOURS: Mapping[str, str] = {
    "Absent": "#b3261e",
    "Minimal": "#c2410c",
    "Partial": "#a16207",
    "Substantial": "#4d7c0f",
    "Full": "#166534",
}
# Stroke colour and dash pattern per series: the dashes tell series apart without colour.
SERIES_STYLES: tuple[tuple[str, str | None], ...] = (
    ("#0b5cad", None),
    ("#b5451b", "8 4"),
    ("#2e7d32", "2 3"),
    ("#6a3d9a", "10 3 2 3"),
    ("#8c6d00", "4 2"),
    ("#00707a", "12 3 2 3 2 3"),
    ("#a3195b", "1 5"),
    ("#4a5562", "16 6"),
)
BAND_BOUNDARIES: tuple[float, ...] = tuple(bound for bound, _ in BANDS)
GUIDE_RINGS = (25, 50, 75, 100)
GUIDE_STROKE: Mapping[str, str | float] = {"fill": "none", "stroke": GUIDE, "stroke-width": 0.75}
LABEL_SIZE = 11
SMALL_SIZE = 9
BAR_HEIGHT = 14
# How wide a radar's axis title may run before it wraps, and the least space between labels.
AXIS_LABEL_WIDTH = 110
LABEL_GAP = 3


@dataclass(frozen=True)
class RadarSeries:
    """One polygon on a radar chart: pillar scores in axis order, None meaning not scored."""

    label: str
    scores: Sequence[float | None]


@dataclass(frozen=True)
class Bar:
    """One pillar's row on a band bar chart."""

    label: str
    score: float | None
    band: str | None


def _line(x1: float, y1: float, x2: float, y2: float, style: Mapping[str, str | float]) -> Markup:
    return element("line", {"x1": x1, "y1": y1, "x2": x2, "y2": y2, **style})


def _check_score(score: float | None) -> None:
    if score is not None and not 0 <= score <= 100:
        raise ValueError(f"a score must lie in [0, 100] or be None, not {score!r}")


# Radar chart


def _direction(position: float, count: int) -> tuple[float, float]:
    """The unit vector of an axis (or between two); the first points up, then clockwise."""
    angle = -math.pi / 2 + 2 * math.pi * position / count
    return math.cos(angle), math.sin(angle)


def _point(index: int, count: int, distance: float) -> tuple[float, float]:
    dx, dy = _direction(index, count)
    return dx * distance, dy * distance


def _guides(count: int, radius: float) -> Markup:
    """A line per axis, all in one path, and rings at 25/50/75/100."""
    axes = segments_path(((0, 0, *_point(i, count, radius)) for i in range(count)), GUIDE_STROKE)
    return axes + join(
        element("circle", {"r": radius * r / 100, **GUIDE_STROKE}) for r in GUIDE_RINGS
    )


def _ring_numbers(count: int, radius: float) -> list[TextBlock]:
    """The rings' values, between the first two axes."""
    dx, dy = _direction(0.5, count)
    return [
        TextBlock(
            [str(r)], dx * radius * r / 100 + 2, dy * radius * r / 100 - 2, SMALL_SIZE, fill=MUTED
        )
        for r in GUIDE_RINGS
    ]


def _marker(x: float, y: float, colour: str, *, scored: bool) -> Markup:
    """A vertex; hollow when the pillar is not scored and the vertex sits at the centre."""
    if scored:
        return element("circle", {"cx": x, "cy": y, "r": 3, "fill": colour})
    hollow = {"fill": "#ffffff", "stroke": colour, "stroke-width": 1.5}
    return element("circle", {"cx": x, "cy": y, "r": 4.5, **hollow})


def _stroke_style(index: int) -> dict[str, str | float]:
    colour, dash = SERIES_STYLES[index]
    style: dict[str, str | float] = {"stroke": colour, "stroke-width": 2}
    return {**style, "stroke-dasharray": dash} if dash else style


def _series_shapes(index: int, series: RadarSeries, radius: float) -> Markup:
    """A series' polygon, unscored pillars drawn at the centre, and its vertex markers."""
    count = len(series.scores)
    points = [_point(i, count, radius * (s or 0) / 100) for i, s in enumerate(series.scores)]
    colour = SERIES_STYLES[index][0]
    polygon = element(
        "polygon",
        {
            "points": " ".join(f"{number(x)},{number(y)}" for x, y in points),
            "fill": colour,
            "fill-opacity": 0.12,
            "stroke-linejoin": "round",
            **_stroke_style(index),
        },
    )
    markers = join(
        _marker(x, y, colour, scored=score is not None)
        for (x, y), score in zip(points, series.scores, strict=True)
    )
    return polygon + markers


def _unscored_note(index: int, series: Sequence[RadarSeries]) -> list[str]:
    """Says on the axis itself that a vertex at the centre means not scored, not 0."""
    missing = sum(1 for one in series if one.scores[index] is None)
    if not missing:
        return []
    if missing == len(series):
        return [_("(not scored)")]
    return [_("(not scored in %(missing)s of %(count)s)", missing=missing, count=len(series))]


def _axis_label(index: int, axis: str, series: Sequence[RadarSeries], radius: float) -> TextBlock:
    """An axis title beyond its tip, wrapped whole onto as many lines as it needs."""
    lines = wrap(axis, AXIS_LABEL_WIDTH, LABEL_SIZE) + _unscored_note(index, series)
    dx, dy = _direction(index, len(series[0].scores))
    x, y = dx * (radius + 8), dy * (radius + 8)
    anchor = "start" if dx > 0.25 else "end" if dx < -0.25 else "middle"
    block_height = (len(lines) - 1) * LABEL_SIZE * LINE_HEIGHT
    if dy < -0.5:
        first_baseline = y - 4 - block_height
    elif dy > 0.5:
        first_baseline = y + LABEL_SIZE
    else:
        first_baseline = y - block_height / 2 + LABEL_SIZE * 0.35
    return TextBlock(lines, x, first_baseline, LABEL_SIZE, anchor)


def _legend(series: Sequence[RadarSeries], left: float, top: float) -> tuple[Markup, Extent]:
    """A line sample and the label of each series, for comparisons of several."""
    rows: list[Markup] = []
    extent = Extent(left, top, left, top)
    for index, one in enumerate(series):
        y = top + index * 18 + 9
        rows.append(_line(left, y, left + 32, y, _stroke_style(index)))
        rows.append(_marker(left + 16, y, SERIES_STYLES[index][0], scored=True))
        label = TextBlock([one.label], left + 40, y + 4, LABEL_SIZE)
        rows.append(label.markup)
        extent = extent.union(label.extent)
    return join(rows), extent


def _check_radar(series: Sequence[RadarSeries], axes: Sequence[str]) -> None:
    if len(axes) < 3:
        raise ValueError(f"a radar chart needs at least 3 axes, not {len(axes)}")
    if not 1 <= len(series) <= len(SERIES_STYLES):
        raise ValueError(f"a radar chart draws 1 to {len(SERIES_STYLES)} series, not {len(series)}")
    for one in series:
        if len(one.scores) != len(axes):
            raise ValueError(f"{one.label!r} has {len(one.scores)} scores for {len(axes)} axes")
        for score in one.scores:
            _check_score(score)


def radar_chart(
    series: Sequence[RadarSeries],
    axes: Sequence[str],
    *,
    size: int = 320,
    title: str,
    description: str,
    id_prefix: str | None = None,
) -> Markup:
    """A radar chart of pillar scores: one polygon per series over rings at 25/50/75/100.

    size is the outer ring's diameter plus a margin; axis labels and, for several series, a
    legend extend the drawing beyond it.
    """
    _check_radar(series, axes)
    radius = size * 0.4
    numbers = _ring_numbers(len(axes), radius)
    labels = kept_apart(
        [_axis_label(index, axis, series, radius) for index, axis in enumerate(axes)],
        LABEL_GAP,
        fixed=[number.extent for number in numbers],
    )
    extent = Extent(-size / 2, -size / 2, size / 2, size / 2)
    for label in labels:
        extent = extent.union(label.extent)
    body = _guides(len(axes), radius) + join(number.markup for number in numbers)
    body += join(_series_shapes(index, one, radius) for index, one in enumerate(series))
    body += join(label.markup for label in labels)
    if len(series) > 1:
        legend, legend_extent = _legend(series, extent.left, extent.bottom + 12)
        body += legend
        extent = extent.union(legend_extent)
    return chart_root(extent, body, title=title, description=description, id_prefix=id_prefix)


# Band bars


@dataclass(frozen=True)
class _BarLayout:
    """Columns shared by every row: label, the 0-100 bar, then the score and band in words."""

    label_right: float
    bar_left: float
    bar_width: float
    band_left: float
    row_height: float

    def x_of(self, score: float) -> float:
        return self.bar_left + self.bar_width * score / 100


def _bar_label_lines(label: str, width: int) -> list[str]:
    """A pillar title wrapped whole to the label column, a third of the chart."""
    return wrap(label, width * 0.34, LABEL_SIZE)


def _bar_layout(width: int, bars: Sequence[Bar]) -> _BarLayout:
    """Rows tall enough for the longest label; the score column keeps 134 px."""
    bar_width = width * 0.66 - 144
    if bar_width < 80:
        raise ValueError(f"band bars need a width of at least 340, not {width}")
    lines = max((len(_bar_label_lines(bar.label, width)) for bar in bars), default=1)
    row_height = lines * LABEL_SIZE * LINE_HEIGHT + 16
    bar_left = width * 0.34 + 10
    # The band word follows the widest score, 100, in the language's number format.
    band_left = bar_left + bar_width + 10 + text_width(score_text(100), LABEL_SIZE) + 8
    return _BarLayout(width * 0.34, bar_left, bar_width, band_left, row_height)


def _rect(kind: str, x: float, y: float, width: float, style: Mapping[str, str | float]) -> Markup:
    attributes = {"class": kind, "x": x, "y": y, "width": width, "height": BAR_HEIGHT}
    return element("rect", {**attributes, **style})


def _boundary_ticks(layout: _BarLayout, top: float) -> Markup:
    """Band boundaries across the track, longer than the bar so that they show over it: one
    path of a tick per boundary."""
    style = {"class": "ticks", "fill": "none", "stroke": MUTED, "stroke-width": 1}
    return segments_path(
        ((x, top - 3, x, top + BAR_HEIGHT + 3) for x in map(layout.x_of, BAND_BOUNDARIES)), style
    )


def _row_texts(bar: Bar, width: int, layout: _BarLayout, middle: float) -> list[TextBlock]:
    """The wrapped label, then the score with one decimal and the band word: the meaning never
    rests on colour."""
    lines = _bar_label_lines(bar.label, width)
    label_baseline = middle - (len(lines) - 1) * LABEL_SIZE * LINE_HEIGHT / 2 + LABEL_SIZE * 0.35
    baseline = middle + LABEL_SIZE * 0.35
    score_x = layout.bar_left + layout.bar_width + 10
    texts = [TextBlock(lines, layout.label_right, label_baseline, LABEL_SIZE, "end")]
    if bar.score is None:
        return [*texts, TextBlock([score_text(None)], score_x, baseline, LABEL_SIZE, fill=MUTED)]
    texts.append(TextBlock([score_text(bar.score)], score_x, baseline, LABEL_SIZE))
    return [*texts, TextBlock([band_name(bar.band)], layout.band_left, baseline, LABEL_SIZE)]


def _bar_row(bar: Bar, width: int, layout: _BarLayout, top: float) -> tuple[Markup, Extent]:
    """A row: the wrapped label, the track, the bar when scored, ticks, score and band."""
    middle = top + layout.row_height / 2
    bar_top = middle - BAR_HEIGHT / 2
    track = {"fill": TRACK, "stroke": GUIDE, "stroke-width": 1}
    row = _rect("track", layout.bar_left, bar_top, layout.bar_width, track)
    if bar.score is not None:
        length = layout.x_of(bar.score) - layout.bar_left
        row += _rect("bar", layout.bar_left, bar_top, length, {"fill": _band_colour(bar.band)})
    row += _boundary_ticks(layout, bar_top)
    extent = Extent(0, top, width, top + layout.row_height)
    for text in _row_texts(bar, width, layout, middle):
        row += text.markup
        extent = extent.union(text.extent)
    return row, extent


def _band_colour(band: str | None) -> str:
    return BAND_COLOURS.get(band or "", MUTED)


def _scale(layout: _BarLayout, top: float) -> tuple[Markup, Extent]:
    """The scale under the bars, numbered at the band boundaries, then at 0 and 100; a number
    that would touch another goes a line lower."""
    lines: list[list[Extent]] = []
    numbers = []
    for value in (*BAND_BOUNDARIES, 0, 100):
        text = format_decimal(value, "0.##")
        block = TextBlock([text], layout.x_of(value), top, SMALL_SIZE, "middle", MUTED)
        numbers.append(first_free_line(block, lines, LABEL_GAP))
    extent = Extent(layout.bar_left, top, layout.bar_left, top)
    for one in numbers:
        extent = extent.union(one.extent)
    return join(one.markup for one in numbers), extent


def band_bars(
    bars: Sequence[Bar],
    *,
    width: int = 520,
    title: str,
    description: str,
    id_prefix: str | None = None,
) -> Markup:
    """One bar per pillar on a 0-100 scale ticked at the band boundaries, score and band beside."""
    for bar in bars:
        _check_score(bar.score)
    layout = _bar_layout(width, bars)
    body = Markup("")
    extent = Extent(0, 0, width, 0)
    for index, bar in enumerate(bars):
        row, row_extent = _bar_row(bar, width, layout, index * layout.row_height)
        body += row
        extent = extent.union(row_extent)
    scale, scale_extent = _scale(layout, len(bars) * layout.row_height + 2 + SMALL_SIZE)
    return chart_root(
        extent.union(scale_extent),
        body + scale,
        title=title,
        description=description,
        id_prefix=id_prefix,
    )
