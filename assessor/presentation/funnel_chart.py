"""The inclusion funnel as inline SVG: for each group, its share of the known participants at
each stage, on one 0-100% line, so that a group present at the start and gone at the end
stands out. Stages are told apart by shape as well as colour; the table beside the chart gives
the same figures in words (the chart is its illustration, not its only source).
"""

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from flask_babel import format_percent
from markupsafe import Markup

from assessor.presentation.svg import (
    Extent,
    TextBlock,
    chart_root,
    element,
    join,
    number,
    segments_path,
    wrap,
)

MUTED = "#4a5562"
GUIDE = "#8c8c8c"
TRACK = "#f3f6f9"
# A colour (4.5:1 or more against white) and a shape per stage, in the order a process runs.
STAGE_MARKS: tuple[tuple[str, str], ...] = (
    ("#0b5cad", "circle"),
    ("#8c6d00", "square"),
    ("#b3261e", "diamond"),
)
LABEL_SIZE = 11
SMALL_SIZE = 9
ROW_GAP = 10
MARK = 5


@dataclass(frozen=True)
class FunnelSeries:
    """One group's row: its label and its share at each stage (None where not counted)."""

    label: str
    shares: Sequence[Fraction | None]


def _mark(shape: str, x: float, y: float, colour: str) -> Markup:
    style = {"fill": colour, "stroke": "#ffffff", "stroke-width": 1}
    if shape == "circle":
        return element("circle", {"cx": x, "cy": y, "r": MARK, **style})
    if shape == "square":
        size = MARK * 1.7
        return element(
            "rect", {"x": x - size / 2, "y": y - size / 2, "width": size, "height": size, **style}
        )
    reach = MARK * 1.3
    corners = ((x, y - reach), (x + reach, y), (x, y + reach), (x - reach, y))
    points = " ".join(f"{number(cx)},{number(cy)}" for cx, cy in corners)
    return element("polygon", {"points": points, **style})


def _legend(stage_names: Sequence[str], left: float, top: float) -> tuple[Markup, Extent]:
    parts, x = [], left
    for (colour, shape), name in zip(STAGE_MARKS, stage_names, strict=False):
        parts.append(_mark(shape, x + MARK, top, colour))
        text = TextBlock([name], x + MARK * 2 + 4, top + SMALL_SIZE * 0.35, SMALL_SIZE)
        parts.append(text.markup)
        x = text.extent.right + 14
    return join(parts), Extent(left, top - MARK * 1.5, x, top + MARK * 1.5)


def funnel_chart(
    series: Sequence[FunnelSeries],
    stage_names: Sequence[str],
    *,
    title: str,
    description: str,
    width: int = 440,
    id_prefix: str | None = None,
) -> Markup:
    """A row per group: a track from 0 to 100%, a mark per stage at the group's share there,
    and a line from the first stage's mark to the last's, showing which way it moved."""
    label_width = width * 0.34
    track_left, track_right = label_width + 12, width - 12
    track_width = track_right - track_left
    legend, extent = _legend(stage_names, track_left, MARK * 1.5)
    body = [legend]
    top = extent.bottom + ROW_GAP
    for one in series:
        lines = wrap(one.label, label_width, LABEL_SIZE)
        height = max(len(lines) * LABEL_SIZE * 1.25, MARK * 3) + ROW_GAP
        middle = top + height / 2
        label = TextBlock(
            lines,
            label_width,
            middle - (len(lines) - 1) * LABEL_SIZE * 0.625 + LABEL_SIZE * 0.35,
            LABEL_SIZE,
            "end",
        )
        body.append(label.markup)
        body.append(
            segments_path(
                [(track_left, middle, track_right, middle)],
                {"stroke": GUIDE, "stroke-width": 1, "fill": "none"},
            )
        )
        xs = [
            None if share is None else track_left + track_width * float(share)
            for share in one.shares
        ]
        known = [x for x in xs if x is not None]
        if len(known) >= 2 and xs[0] is not None and xs[-1] is not None:
            body.append(
                segments_path(
                    [(xs[0], middle, xs[-1], middle)],
                    {"stroke": MUTED, "stroke-width": 3, "fill": "none"},
                )
            )
        for x, (colour, shape) in zip(xs, STAGE_MARKS, strict=False):
            if x is not None:
                body.append(_mark(shape, x, middle, colour))
        extent = extent.union(label.extent).union(Extent(0, top, width, top + height))
        top += height
    for value in (0, 50, 100):
        text = format_percent(value / 100)
        x = track_left + track_width * value / 100
        block = TextBlock([text], x, top + SMALL_SIZE, SMALL_SIZE, "middle", MUTED)
        body.append(block.markup)
        extent = extent.union(block.extent)
    extent = extent.union(Extent(0, 0, width, top))
    return chart_root(extent, join(body), title=title, description=description, id_prefix=id_prefix)
