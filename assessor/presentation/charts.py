"""Scorecard charts as inline SVG: the same markup serves the HTML page and the WeasyPrint PDF.

Functions of plain data and of the language being rendered, whose words and number format
the charts' own text uses. Every text is escaped (pillar titles come from rubric files),
coordinates are rounded to two decimals and ids derive from the content, so equal input gives
byte-identical output and a PDF cached by content hash stays valid. Only plain presentation
attributes are used, and text is placed with dy offsets, which WeasyPrint draws as browsers do.
Charts are drawn left to right in every language: their text anchors place labels by side.
"""

import hashlib
import math
import re
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from flask_babel import format_decimal
from flask_babel import gettext as _
from markupsafe import Markup, escape

from assessor.presentation.formatting import score_text
from assessor.presentation.labels import band_name
from assessor.scoring.bands import BANDS

SVG_NAMESPACE = "http://www.w3.org/2000/svg"
FONT_FAMILY = "DejaVu Sans, sans-serif"
INK = "#1b1f24"
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
# DejaVu Sans' average advance in ems: enough to reserve room for labels without measuring.
CHAR_WIDTH = 0.62
LINE_HEIGHT = 1.25
LABEL_SIZE = 11
SMALL_SIZE = 9
BAR_HEIGHT = 14
PADDING = 6
ID_PREFIX = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")


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


@dataclass(frozen=True)
class _Extent:
    """The box a drawn part occupies, so that the viewBox holds every label."""

    left: float
    top: float
    right: float
    bottom: float

    def union(self, other: "_Extent") -> "_Extent":
        return _Extent(
            min(self.left, other.left),
            min(self.top, other.top),
            max(self.right, other.right),
            max(self.bottom, other.bottom),
        )


@dataclass(frozen=True)
class _Placed:
    """Markup together with the box it occupies."""

    markup: Markup
    extent: _Extent


def _number(value: float) -> str:
    """At most two decimals, and never "-0", so equal input renders byte-identically."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _element(name: str, attributes: Mapping[str, str | float], content: str = "") -> Markup:
    """An SVG element; attribute values and plain-text content are escaped, Markup is kept."""
    rendered = "".join(
        f' {key}="{escape(value if isinstance(value, str) else _number(value))}"'
        for key, value in attributes.items()
    )
    if not content:
        return Markup(f"<{name}{rendered}/>")
    return Markup(f"<{name}{rendered}>{escape(content)}</{name}>")


def _join(parts: Iterable[Markup]) -> Markup:
    return Markup("").join(parts)


def _line(x1: float, y1: float, x2: float, y2: float, style: Mapping[str, str | float]) -> Markup:
    return _element("line", {"x1": x1, "y1": y1, "x2": x2, "y2": y2, **style})


def _text_block(
    lines: Sequence[str], x: float, y: float, *, size: float, anchor: str, fill: str = INK
) -> _Placed:
    """Lines of text whose first baseline is at y, stacked with dy offsets."""
    spans = _join(
        _element("tspan", {"x": x, "dy": 0 if number == 0 else size * LINE_HEIGHT}, line)
        for number, line in enumerate(lines)
    )
    attributes = {"x": x, "y": y, "font-size": size, "text-anchor": anchor, "fill": fill}
    width = max((len(line) for line in lines), default=0) * size * CHAR_WIDTH
    left = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
    bottom = y + (len(lines) - 1) * size * LINE_HEIGHT + size * 0.3
    extent = _Extent(left, y - size, left + width, bottom)
    return _Placed(_element("text", attributes, spans), extent)


def _text(
    text: str,
    x: float,
    y: float,
    *,
    size: float = LABEL_SIZE,
    anchor: str = "start",
    fill: str = INK,
) -> Markup:
    return _text_block([text], x, y, size=size, anchor=anchor, fill=fill).markup


def _svg(
    extent: _Extent, body: Markup, *, title: str, description: str, id_prefix: str | None
) -> Markup:
    """The root element, labelled by its own title and description for assistive technology."""
    prefix = _id_prefix(id_prefix, body, title, description)
    left, top = math.floor(extent.left) - PADDING, math.floor(extent.top) - PADDING
    width = math.ceil(extent.right) + PADDING - left
    height = math.ceil(extent.bottom) + PADDING - top
    attributes = {
        "xmlns": SVG_NAMESPACE,
        "width": width,
        "height": height,
        "viewBox": f"{left} {top} {width} {height}",
        "role": "img",
        "aria-labelledby": f"{prefix}-title {prefix}-desc",
        "font-family": FONT_FAMILY,
        # A right-to-left page would otherwise swap what the anchors "start" and "end" mean.
        "direction": "ltr",
    }
    heading = _element("title", {"id": f"{prefix}-title"}, title)
    heading += _element("desc", {"id": f"{prefix}-desc"}, description)
    return _element("svg", attributes, heading + body)


def _id_prefix(id_prefix: str | None, body: Markup, title: str, description: str) -> str:
    """The caller's prefix, or one derived from the content: stable, and distinct per chart."""
    if id_prefix is None:
        digest = hashlib.sha256("\0".join((title, description, body)).encode()).hexdigest()
        return f"chart-{digest[:12]}"
    if not ID_PREFIX.fullmatch(id_prefix):
        raise ValueError(f"id_prefix must be a letter then letters, digits, - or _: {id_prefix!r}")
    return id_prefix


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
    """A line per axis and rings at 25/50/75/100, numbered between the first two axes."""
    axes = _join(_line(0, 0, *_point(i, count, radius), GUIDE_STROKE) for i in range(count))
    rings = _join(_element("circle", {"r": radius * r / 100, **GUIDE_STROKE}) for r in GUIDE_RINGS)
    dx, dy = _direction(0.5, count)
    numbers = _join(
        _text(
            str(r),
            dx * radius * r / 100 + 2,
            dy * radius * r / 100 - 2,
            size=SMALL_SIZE,
            fill=MUTED,
        )
        for r in GUIDE_RINGS
    )
    return axes + rings + numbers


def _marker(x: float, y: float, colour: str, *, scored: bool) -> Markup:
    """A vertex; hollow when the pillar is not scored and the vertex sits at the centre."""
    if scored:
        return _element("circle", {"cx": x, "cy": y, "r": 3, "fill": colour})
    hollow = {"fill": "#ffffff", "stroke": colour, "stroke-width": 1.5}
    return _element("circle", {"cx": x, "cy": y, "r": 4.5, **hollow})


def _stroke_style(index: int) -> dict[str, str | float]:
    colour, dash = SERIES_STYLES[index]
    style: dict[str, str | float] = {"stroke": colour, "stroke-width": 2}
    return {**style, "stroke-dasharray": dash} if dash else style


def _series_shapes(index: int, series: RadarSeries, radius: float) -> Markup:
    """A series' polygon, unscored pillars drawn at the centre, and its vertex markers."""
    count = len(series.scores)
    points = [_point(i, count, radius * (s or 0) / 100) for i, s in enumerate(series.scores)]
    colour = SERIES_STYLES[index][0]
    polygon = _element(
        "polygon",
        {
            "points": " ".join(f"{_number(x)},{_number(y)}" for x, y in points),
            "fill": colour,
            "fill-opacity": 0.12,
            "stroke-linejoin": "round",
            **_stroke_style(index),
        },
    )
    markers = _join(
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


def _axis_label(index: int, axis: str, series: Sequence[RadarSeries], radius: float) -> _Placed:
    """An axis title beyond its tip, on up to two lines, set away from the rings."""
    lines = textwrap.wrap(axis, width=16, max_lines=2, placeholder="…") or [""]
    lines += _unscored_note(index, series)
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
    return _text_block(lines, x, first_baseline, size=LABEL_SIZE, anchor=anchor)


def _legend(series: Sequence[RadarSeries], left: float, top: float) -> _Placed:
    """A line sample and the label of each series, for comparisons of several."""
    rows: list[Markup] = []
    extent = _Extent(left, top, left, top)
    for index, one in enumerate(series):
        y = top + index * 18 + 9
        rows.append(_line(left, y, left + 32, y, _stroke_style(index)))
        rows.append(_marker(left + 16, y, SERIES_STYLES[index][0], scored=True))
        label = _text_block([one.label], left + 40, y + 4, size=LABEL_SIZE, anchor="start")
        rows.append(label.markup)
        extent = extent.union(label.extent)
    return _Placed(_join(rows), extent)


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
    labels = [_axis_label(index, axis, series, radius) for index, axis in enumerate(axes)]
    extent = _Extent(-size / 2, -size / 2, size / 2, size / 2)
    for label in labels:
        extent = extent.union(label.extent)
    body = _guides(len(axes), radius)
    body += _join(_series_shapes(index, one, radius) for index, one in enumerate(series))
    body += _join(label.markup for label in labels)
    if len(series) > 1:
        legend = _legend(series, extent.left, extent.bottom + 12)
        body += legend.markup
        extent = extent.union(legend.extent)
    return _svg(extent, body, title=title, description=description, id_prefix=id_prefix)


# Band bars


@dataclass(frozen=True)
class _BarLayout:
    """Columns shared by every row: label, the 0-100 bar, then the score and band in words."""

    label_right: float
    bar_left: float
    bar_width: float
    row_height: float

    def x_of(self, score: float) -> float:
        return self.bar_left + self.bar_width * score / 100


def _bar_label_lines(label: str, width: int) -> list[str]:
    """A pillar title wrapped to fit the label column, a third of the chart, on two lines."""
    chars = int(width * 0.34 / (LABEL_SIZE * CHAR_WIDTH))
    return textwrap.wrap(label, width=chars, max_lines=2, placeholder="…") or [""]


def _bar_layout(width: int, bars: Sequence[Bar]) -> _BarLayout:
    """Rows tall enough for the longest label; the score column keeps 134 px."""
    bar_width = width * 0.66 - 144
    if bar_width < 80:
        raise ValueError(f"band bars need a width of at least 340, not {width}")
    lines = max((len(_bar_label_lines(bar.label, width)) for bar in bars), default=1)
    row_height = lines * LABEL_SIZE * LINE_HEIGHT + 16
    return _BarLayout(width * 0.34, width * 0.34 + 10, bar_width, row_height)


def _bar_label(label: str, width: int, layout: _BarLayout, middle: float) -> Markup:
    lines = _bar_label_lines(label, width)
    baseline = middle - (len(lines) - 1) * LABEL_SIZE * LINE_HEIGHT / 2 + LABEL_SIZE * 0.35
    return _text_block(lines, layout.label_right, baseline, size=LABEL_SIZE, anchor="end").markup


def _rect(kind: str, x: float, y: float, width: float, style: Mapping[str, str | float]) -> Markup:
    attributes = {"class": kind, "x": x, "y": y, "width": width, "height": BAR_HEIGHT}
    return _element("rect", {**attributes, **style})


def _boundary_ticks(layout: _BarLayout, top: float) -> Markup:
    """Band boundaries across the track, longer than the bar so that they show over it."""
    style = {"stroke": MUTED, "stroke-width": 1}
    return _join(
        _line(x, top - 3, x, top + BAR_HEIGHT + 3, style)
        for x in (layout.x_of(bound) for bound in BAND_BOUNDARIES)
    )


def _score_words(bar: Bar, x: float, baseline: float) -> Markup:
    """The score with one decimal and the band word: the meaning never rests on colour."""
    if bar.score is None:
        return _text(score_text(None), x, baseline, fill=MUTED)
    return _text(score_text(bar.score), x, baseline) + _text(band_name(bar.band), x + 42, baseline)


def _bar_row(bar: Bar, width: int, layout: _BarLayout, top: float) -> Markup:
    """A row: the wrapped label, the track, the bar when scored, ticks, score and band."""
    middle = top + layout.row_height / 2
    bar_top = middle - BAR_HEIGHT / 2
    row = _bar_label(bar.label, width, layout, middle)
    track = {"fill": TRACK, "stroke": GUIDE, "stroke-width": 1}
    row += _rect("track", layout.bar_left, bar_top, layout.bar_width, track)
    if bar.score is not None:
        length = layout.x_of(bar.score) - layout.bar_left
        row += _rect("bar", layout.bar_left, bar_top, length, {"fill": _band_colour(bar.band)})
    row += _boundary_ticks(layout, bar_top)
    score_x = layout.bar_left + layout.bar_width + 10
    return row + _score_words(bar, score_x, middle + LABEL_SIZE * 0.35)


def _band_colour(band: str | None) -> str:
    return BAND_COLOURS.get(band or "", MUTED)


def _scale(layout: _BarLayout, top: float) -> Markup:
    """The scale under the bars, numbered at 0, at the band boundaries and at 100."""
    return _join(
        _text(
            format_decimal(value, "0.##"),
            layout.x_of(value),
            top,
            size=SMALL_SIZE,
            anchor="middle",
            fill=MUTED,
        )
        for value in (0, *BAND_BOUNDARIES, 100)
    )


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
    body = _join(
        _bar_row(bar, width, layout, index * layout.row_height) for index, bar in enumerate(bars)
    )
    scale_baseline = len(bars) * layout.row_height + 2 + SMALL_SIZE
    body += _scale(layout, scale_baseline)
    extent = _Extent(0, 0, width, scale_baseline + 3)
    return _svg(extent, body, title=title, description=description, id_prefix=id_prefix)
