"""Scorecard charts: valid, escaped, deterministic, accessible SVG that WeasyPrint draws."""

import logging
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import weasyprint

from assessor.presentation.charts import (
    BAND_COLOURS,
    SERIES_STYLES,
    Bar,
    RadarSeries,
    band_bars,
    radar_chart,
)
from assessor.presentation.svg import SVG_NAMESPACE

PILLARS = ["Openness", "Equal footing", "Transparency", "Bottom-up agenda-setting", "Due process"]
SCORES = [62.5, 81.25, None, 40.0, 100.0]
BANDS = ["Substantial", "Substantial", None, "Partial", "Full"]
NS = {"svg": SVG_NAMESPACE}
HOSTILE = "<script>alert(1)</script>"


def radar(series_count: int = 1, **options) -> str:
    series = [RadarSeries(f"Assessor {n}", SCORES) for n in range(series_count)]
    options = {"title": "Pillar scores", "description": "Scores by pillar", **options}
    return str(radar_chart(series, PILLARS, **options))


def bars(**options) -> str:
    rows = [Bar(p, s, b) for p, s, b in zip(PILLARS, SCORES, BANDS, strict=True)]
    options = {"title": "Pillar bands", "description": "Bands by pillar", **options}
    return str(band_bars(rows, **options))


def parsed(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def texts(svg: str) -> list[str]:
    return ["".join(text.itertext()) for text in parsed(svg).iterfind(".//svg:text", NS)]


def hostile_radar() -> str:
    series = [RadarSeries(HOSTILE, [1, 2, 3]), RadarSeries("B", [3, 2, 1])]
    return str(radar_chart(series, [HOSTILE] * 3, title=HOSTILE, description=HOSTILE))


def hostile_bars() -> str:
    return str(band_bars([Bar(HOSTILE, 50, "Partial")], title=HOSTILE, description=HOSTILE))


def contrast_with_white(colour: str) -> float:
    """WCAG 2's contrast ratio of a colour against white."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return 1.05 / (luminance + 0.05)


def pdf_of(*charts: str) -> bytes:
    return weasyprint.HTML(string=f"<html><body>{''.join(charts)}</body></html>").write_pdf()


@pytest.mark.parametrize("chart", [radar, bars])
def test_chart_is_an_svg_document(chart):
    assert parsed(chart()).tag == f"{{{SVG_NAMESPACE}}}svg"


@pytest.mark.parametrize("chart", [radar, bars])
def test_same_input_gives_identical_markup(chart):
    assert chart() == chart()


@pytest.mark.parametrize("chart", [radar, bars])
def test_coordinates_have_at_most_two_decimals(chart):
    numbers = re.findall(r'="([^"]*)"', chart())
    assert not [n for n in numbers if re.search(r"\d\.\d{3}", n)]


@pytest.mark.parametrize("count", [1, 3, 8])
def test_radar_draws_one_polygon_per_series(count):
    assert len(parsed(radar(count)).findall(".//svg:polygon", NS)) == count


def test_radar_labels_each_axis():
    shown = " ".join(texts(radar()))
    assert all(word in shown for pillar in PILLARS for word in pillar.split())


def test_unscored_axis_is_labelled_and_marked_hollow():
    hollow = parsed(radar()).findall(".//svg:circle[@fill='#ffffff']", NS)
    assert "Transparency(not scored)" in texts(radar())
    assert [(circle.get("cx"), circle.get("cy")) for circle in hollow] == [("0", "0")]


def test_axis_unscored_in_some_series_says_how_many():
    series = [RadarSeries("A", SCORES), RadarSeries("B", [50.0] * 5)]
    svg = str(radar_chart(series, PILLARS, title="t", description="d"))
    assert "Transparency(not scored in 1 of 2)" in texts(svg)


def test_several_series_get_a_legend():
    assert {"Assessor 0", "Assessor 1", "Assessor 2"} <= set(texts(radar(3)))


def test_eight_series_get_eight_distinct_stroke_styles():
    polygons = parsed(radar(8)).findall(".//svg:polygon", NS)
    assert len({polygon.get("stroke") for polygon in polygons}) == 8
    assert len({polygon.get("stroke-dasharray") for polygon in polygons}) == 8


@pytest.mark.parametrize("chart", [hostile_radar, hostile_bars])
def test_labels_and_title_are_escaped_text(chart):
    svg = parsed(chart())
    assert not [element for element in svg.iter() if "script" in element.tag]
    assert svg.find("svg:title", NS).text == HOSTILE
    assert svg.find("svg:desc", NS).text == HOSTILE
    assert HOSTILE in texts(chart())


def test_unscored_pillar_has_words_and_no_bar():
    svg = parsed(bars())
    assert len(svg.findall(".//svg:rect[@class='bar']", NS)) == 4
    assert len(svg.findall(".//svg:rect[@class='track']", NS)) == 5
    assert "not scored" in texts(bars())


def test_bars_show_score_with_one_decimal_and_band():
    shown = texts(bars())
    assert {"81.3", "62.5", "100.0", "Substantial", "Partial", "Full"} <= set(shown)


def test_bar_width_is_proportional_to_score():
    chart = band_bars(
        [Bar("Half", 50, "Partial"), Bar("Whole", 100, "Full")], title="t", description="d"
    )
    half, whole = (
        float(r.get("width")) for r in parsed(str(chart)).iterfind(".//svg:rect[@class='bar']", NS)
    )
    assert half * 2 == pytest.approx(whole, abs=0.01)


def test_bars_take_the_band_colour():
    fills = [r.get("fill") for r in parsed(bars()).iterfind(".//svg:rect[@class='bar']", NS)]
    assert fills == [BAND_COLOURS[band] for band in BANDS if band]


def test_band_boundaries_are_ticked_on_each_bar():
    ticks = parsed(bars()).findall(".//svg:path[@class='ticks']", NS)
    assert [tick.get("d").count("M") for tick in ticks] == [4] * len(PILLARS)
    assert {"12.5", "37.5", "62.5", "87.5"} <= set(texts(bars()))


@pytest.mark.parametrize("chart", [radar, bars])
def test_svg_is_labelled_by_its_own_title_and_description(chart):
    svg = parsed(chart(id_prefix="pillars"))
    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == "pillars-title pillars-desc"
    assert svg.find("svg:title", NS).get("id") == "pillars-title"
    assert svg.find("svg:desc", NS).get("id") == "pillars-desc"


def test_ids_differ_between_charts_with_different_prefixes():
    page = [parsed(radar(id_prefix="radar")), parsed(bars(id_prefix="bars"))]
    ids = [element.get("id") for svg in page for element in svg.iter() if element.get("id")]
    assert len(ids) == len(set(ids)) == 4


def test_derived_ids_differ_between_different_charts():
    ids = {parsed(chart()).find("svg:title", NS).get("id") for chart in (radar, bars)}
    assert len(ids) == 2


@pytest.mark.parametrize("prefix", ["", "1chart", 'x" onload="alert(1)', "a b"])
def test_an_id_prefix_that_is_not_a_plain_name_is_refused(prefix):
    with pytest.raises(ValueError, match="id_prefix"):
        radar(id_prefix=prefix)


@pytest.mark.parametrize("score", [-1, 100.5, float("nan")])
def test_a_score_outside_0_to_100_is_refused(score):
    with pytest.raises(ValueError, match="score"):
        band_bars([Bar("Openness", score, None)], title="t", description="d")


def test_a_series_must_score_every_axis():
    with pytest.raises(ValueError, match="scores for 5 axes"):
        radar_chart([RadarSeries("A", [50.0])], PILLARS, title="t", description="d")


def test_more_series_than_styles_are_refused():
    with pytest.raises(ValueError, match="series"):
        radar(len(SERIES_STYLES) + 1)


def test_chart_colours_contrast_with_white():
    assert min(contrast_with_white(c) for c in BAND_COLOURS.values()) >= 4.5
    assert min(contrast_with_white(colour) for colour, _ in SERIES_STYLES) >= 3


def test_weasyprint_draws_the_charts_without_warnings(caplog):
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        pdf = pdf_of(radar(), bars(), radar(8))
    assert pdf.startswith(b"%PDF")
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_pdf_text_shows_pillars_and_scores(tmp_path: Path):
    pdf = tmp_path / "charts.pdf"
    pdf.write_bytes(pdf_of(radar(), bars()))
    shown = subprocess.run(
        ["pdftotext", pdf, "-"], capture_output=True, check=True, text=True
    ).stdout
    assert all(pillar in shown for pillar in PILLARS)
    assert {"62.5", "81.3", "not scored", "Substantial"} <= set(shown.split("\n"))
