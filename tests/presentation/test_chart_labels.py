"""Chart labels are whole, inside the chart and apart from each other, in every shipped language,
for the longest pillar title of each rubric translation and for a synthetic longer one."""

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from fontTools.ttLib import TTFont

from assessor.languages.selection import catalogue_languages
from assessor.presentation.charts import Bar, RadarSeries, band_bars, radar_chart
from assessor.presentation.formatting import score_text
from assessor.presentation.labels import band_name
from assessor.presentation.svg import SVG_NAMESPACE, Extent, TextBlock, advance
from config import PROJECT_DIR
from tests.databases import running_in_ci

NS = {"svg": SVG_NAMESPACE}
SYNTHETIC = (
    "A synthetic pillar title that runs on far longer than any rubric would name a pillar, "
    "with an unbreakable Rechtsstaatlichkeitsgrundsatzverfassungsbeschwerde in it"
)
RIGHT_TO_LEFT = "المشاركة المفتوحة لجميع أصحاب المصلحة على قدم المساواة"


def pillar_titles(language: str) -> list[list[str]]:
    """Each shipped rubric version's pillar titles in ``language`` (the source where missing)."""
    versions = []
    for path in sorted((PROJECT_DIR / "rubrics").glob("*.yaml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        versions.append(
            [
                (pillar.get("translations") or {}).get(language, {}).get("title", pillar["title"])
                for pillar in document["pillars"]
            ]
        )
    return versions


def longest_title(language: str) -> str:
    return max((t for titles in pillar_titles(language) for t in titles), key=len)


# Each shipped language with its longest pillar title, and the synthetic titles.
CASES = [(language, longest_title(language)) for language in catalogue_languages()] + [
    ("en", SYNTHETIC),
    ("en", RIGHT_TO_LEFT),
]


def text_blocks(svg: str) -> list[TextBlock]:
    """Every text of the chart as the module measures it."""
    blocks = []
    for text in ET.fromstring(svg).iterfind(".//svg:text", NS):
        lines = [span.text or "" for span in text.iterfind("svg:tspan", NS)] or [text.text or ""]
        blocks.append(
            TextBlock(
                lines,
                float(text.get("x")),
                float(text.get("y")),
                float(text.get("font-size")),
                text.get("text-anchor", "start"),
            )
        )
    return blocks


def view_box(svg: str) -> Extent:
    left, top, width, height = map(float, ET.fromstring(svg).get("viewBox").split())
    return Extent(left, top, left + width, top + height)


def radars(app, language: str, title: str) -> list[str]:
    """Radars of every shipped version's pillars with ``title`` on each axis in turn, and one
    with it on every axis, as a scorecard (one series) and a comparison (three) draw them."""
    with app.test_request_context(f"/?lang={language}"):
        charts = []
        for titles in pillar_titles(language):
            for index in range(len(titles)):
                axes = [*titles[:index], title, *titles[index + 1 :]]
                for count in (1, 3):
                    series = [
                        RadarSeries(f"Scorecard {n}", [None, *[70.0] * (len(axes) - 1)])
                        for n in range(count)
                    ]
                    charts.append(
                        str(radar_chart(series, axes, size=240, title="t", description="d"))
                    )
        charts.append(
            str(
                radar_chart([RadarSeries("A", [50.0] * 5)], [title] * 5, title="t", description="d")
            )
        )
        return charts


def bars(app, language: str, title: str) -> list[str]:
    with app.test_request_context(f"/?lang={language}"):
        rows = [Bar(title, 100.0, "Substantial"), Bar("Openness", None, None)]
        rows += [Bar(t, 87.5, "Full") for t in pillar_titles(language)[-1]]
        return [
            str(band_bars(rows, width=width, title="t", description="d")) for width in (400, 520)
        ]


def overlapping(blocks: list[TextBlock]) -> list[tuple[list[str], list[str]]]:
    return [
        (list(a.lines), list(b.lines))
        for n, a in enumerate(blocks)
        for b in blocks[n + 1 :]
        if a.extent.overlaps(b.extent)
    ]


def outside(blocks: list[TextBlock], box: Extent) -> list[list[str]]:
    return [
        list(block.lines)
        for block in blocks
        if not (
            box.left <= block.extent.left
            and block.extent.right <= box.right
            and box.top <= block.extent.top
            and block.extent.bottom <= box.bottom
        )
    ]


@pytest.mark.parametrize(("language", "title"), CASES)
@pytest.mark.parametrize("draw", [radars, bars])
def test_labels_are_inside_the_chart_and_apart(app, draw, language, title):
    for svg in draw(app, language, title):
        blocks = text_blocks(svg)
        assert outside(blocks, view_box(svg)) == []
        assert overlapping(blocks) == []


@pytest.mark.parametrize(("language", "title"), CASES)
@pytest.mark.parametrize("draw", [radars, bars])
def test_labels_are_whole(app, draw, language, title):
    for svg in draw(app, language, title):
        shown = " ".join(" ".join(block.lines) for block in text_blocks(svg))
        assert " ".join(title.split()) in shown
        assert "…" not in shown


def test_the_bars_scale_numbers_every_band_boundary_and_both_ends(app):
    with app.test_request_context("/?lang=fr"):
        svg = str(
            band_bars([Bar("Ouverture", 50.0, "Partial")], width=400, title="t", description="d")
        )
    shown = {" ".join(block.lines) for block in text_blocks(svg)}
    assert {"0", "12,5", "37,5", "62,5", "87,5", "100"} <= shown


def dejavu_sans() -> TTFont:
    """The charts' font, as fontconfig finds it; missing, the test skips here and fails in CI."""
    found = (
        shutil.which("fc-match")
        and subprocess.run(
            ["fc-match", "-f", "%{file}", "DejaVu Sans"], capture_output=True, text=True, check=True
        ).stdout
    )
    if not found or "DejaVuSans" not in Path(found).name:
        message = "DejaVu Sans is not installed (Debian package fonts-dejavu-core)"
        if running_in_ci():
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return TTFont(found)


def test_the_width_given_to_each_character_holds_its_glyph(app):
    """The widths the charts reserve are at least the font's, for every character of the
    shipped pillar titles and band names, of Latin-1 and of Latin Extended-A."""
    font = dejavu_sans()
    advances, units = font["hmtx"], font["head"].unitsPerEm
    glyphs = font.getBestCmap()
    with app.test_request_context("/?lang=fr"):
        words = [
            band_name(band) for band in ("Absent", "Minimal", "Partial", "Substantial", "Full")
        ]
        words.append(score_text(100))
    titles = [t for language in catalogue_languages() for ts in pillar_titles(language) for t in ts]
    characters = set("".join(titles + words + [SYNTHETIC])) | {
        chr(code) for code in (*range(0x20, 0x7F), *range(0xA0, 0x180))
    }
    too_narrow = {
        character: advances[glyphs[ord(character)]][0] / units
        for character in characters
        if ord(character) in glyphs
        and advance(character) < advances[glyphs[ord(character)]][0] / units
    }
    assert too_narrow == {}
