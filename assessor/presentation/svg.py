"""SVG markup and text for the charts: elements written byte-identically, a root element named
for assistive technology, and text measured, wrapped and placed, so that a chart can keep every
label whole and apart from the others.

Text is measured without a font engine, by a width per character that is at least DejaVu Sans'
(the charts' font, embedded in the PDFs) for every character of Latin script: the room a chart
keeps for a label always holds it. Other scripts are given a width wider than their glyphs.
"""

import hashlib
import math
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from markupsafe import Markup, escape

SVG_NAMESPACE = "http://www.w3.org/2000/svg"
FONT_FAMILY = "DejaVu Sans, sans-serif"
INK = "#1b1f24"
# Room around the drawing inside the viewBox.
PADDING = 6
ID_PREFIX = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")
LINE_HEIGHT = 1.25
# Advances in ems, by a character's base letter (é is measured as e).
NARROW_CHARACTERS = frozenset(" \u00a0\u202f.,;:'\u2019|!ijlftr()[]-/")
NARROW = 0.42
WIDE_CHARACTERS = frozenset("mwMW@%…—æœÆŒ©®")
WIDE = 1.1
LOWER_OR_DIGIT = 0.66
UPPER = 0.8
# Wider than any glyph of DejaVu Sans' Arabic, Greek or Cyrillic letters.
OTHER = 1.25
# Below a baseline, the part of a line that descenders reach.
DESCENT = 0.3


def number(value: float) -> str:
    """At most two decimals, and never "-0", so equal input renders byte-identically."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def element(name: str, attributes: Mapping[str, str | float], content: str = "") -> Markup:
    """An SVG element; attribute values and plain-text content are escaped, Markup is kept."""
    rendered = "".join(
        f' {key}="{escape(value if isinstance(value, str) else number(value))}"'
        for key, value in attributes.items()
    )
    if not content:
        return Markup(f"<{name}{rendered}/>")
    return Markup(f"<{name}{rendered}>{escape(content)}</{name}>")


def join(parts: Iterable[Markup]) -> Markup:
    return Markup("").join(parts)


def segments_path(
    segments: Iterable[tuple[float, float, float, float]], style: Mapping[str, str | float]
) -> Markup:
    """Straight segments (x1, y1, x2, y2) drawn in one style as a single path element."""
    data = "".join(
        f"M{number(x1)} {number(y1)}L{number(x2)} {number(y2)}" for x1, y1, x2, y2 in segments
    )
    return element("path", {"d": data, **style})


def advance(character: str) -> float:
    """The width a character is given, in ems."""
    base = unicodedata.normalize("NFD", character)[:1]
    if base in NARROW_CHARACTERS:
        return NARROW
    if base in WIDE_CHARACTERS:
        return WIDE
    if base.isascii() and (base.islower() or base.isdigit()):
        return LOWER_OR_DIGIT
    if base.isascii() and base.isupper():
        return UPPER
    return OTHER


def text_width(text: str, size: float) -> float:
    """The width given to a line of text at a font size."""
    return sum(advance(character) for character in text) * size


def wrap(text: str, width: float, size: float) -> list[str]:
    """The words of ``text`` on lines no wider than ``width``; a longer word has a line of its
    own and is kept whole, never cut."""
    lines: list[str] = []
    for word in text.split():
        joined = f"{lines[-1]} {word}" if lines else word
        if lines and text_width(joined, size) <= width:
            lines[-1] = joined
        else:
            lines.append(word)
    return lines or [""]


@dataclass(frozen=True)
class Extent:
    """The box a drawn part occupies, so that the viewBox holds every label."""

    left: float
    top: float
    right: float
    bottom: float

    def union(self, other: "Extent") -> "Extent":
        return Extent(
            min(self.left, other.left),
            min(self.top, other.top),
            max(self.right, other.right),
            max(self.bottom, other.bottom),
        )

    def overlaps(self, other: "Extent", gap: float = 0) -> bool:
        """Whether the boxes come closer than ``gap`` on both axes."""
        return (
            self.left < other.right + gap
            and other.left < self.right + gap
            and self.top < other.bottom + gap
            and other.top < self.bottom + gap
        )


@dataclass(frozen=True)
class TextBlock:
    """Lines of text whose first baseline is at y, stacked with dy offsets."""

    lines: Sequence[str]
    x: float
    y: float
    size: float
    anchor: str = "start"
    fill: str = INK

    @property
    def extent(self) -> Extent:
        width = max((text_width(line, self.size) for line in self.lines), default=0)
        left = {"start": self.x, "middle": self.x - width / 2, "end": self.x - width}[self.anchor]
        bottom = self.y + (len(self.lines) - 1) * self.size * LINE_HEIGHT + self.size * DESCENT
        return Extent(left, self.y - self.size, left + width, bottom)

    def moved_down(self, distance: float) -> "TextBlock":
        return replace(self, y=self.y + distance)

    @property
    def markup(self) -> Markup:
        """A text element: one line is its own text, more are spans placed by dy offsets.
        WeasyPrint parses and draws every element of every PDF, so none is added in vain."""
        attributes = {
            "x": self.x,
            "y": self.y,
            "font-size": self.size,
            "text-anchor": self.anchor,
            "fill": self.fill,
        }
        if len(self.lines) == 1:
            return element("text", attributes, self.lines[0])
        spans = join(
            element("tspan", {"x": self.x, "dy": 0 if n == 0 else self.size * LINE_HEIGHT}, line)
            for n, line in enumerate(self.lines)
        )
        return element("text", attributes, spans)


def kept_apart(
    blocks: Sequence[TextBlock], gap: float, fixed: Sequence[Extent] = ()
) -> list[TextBlock]:
    """The blocks, from the highest down, each moved down as little as keeps it ``gap`` away
    from those placed before it and from the ``fixed`` boxes; returned in the order given."""
    order = sorted(range(len(blocks)), key=lambda index: blocks[index].extent.top)
    placed: dict[int, TextBlock] = {}
    for index in order:
        block = blocks[index]
        taken = [*fixed, *(one.extent for one in placed.values())]
        while above := next((box for box in taken if block.extent.overlaps(box, gap)), None):
            block = block.moved_down(above.bottom + gap - block.extent.top)
        placed[index] = block
    return [placed[index] for index in range(len(blocks))]


def first_free_line(block: TextBlock, lines: list[list[Extent]], gap: float) -> TextBlock:
    """The block on the first of ``lines`` (rows of blocks, each a block's height and ``gap``
    below the one before) where it touches none of the blocks already there; on a new line
    when none has room."""
    step = block.extent.bottom - block.extent.top + gap
    line = 0
    while True:
        if line == len(lines):
            lines.append([])
        moved = block.moved_down(line * step)
        if not any(moved.extent.overlaps(other, gap) for other in lines[line]):
            lines[line].append(moved.extent)
            return moved
        line += 1


def chart_root(
    extent: Extent, body: Markup, *, title: str, description: str, id_prefix: str | None
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
    heading = element("title", {"id": f"{prefix}-title"}, title)
    heading += element("desc", {"id": f"{prefix}-desc"}, description)
    return element("svg", attributes, heading + body)


def _id_prefix(id_prefix: str | None, body: Markup, title: str, description: str) -> str:
    """The caller's prefix, or one derived from the content: stable, and distinct per chart."""
    if id_prefix is None:
        digest = hashlib.sha256("\0".join((title, description, body)).encode()).hexdigest()
        return f"chart-{digest[:12]}"
    if not ID_PREFIX.fullmatch(id_prefix):
        raise ValueError(f"id_prefix must be a letter then letters, digits, - or _: {id_prefix!r}")
    return id_prefix
