"""A comparison as CSV, JSON and PDF, all from the same document the page shows.

The CSV is tidy: a header row, then one row per scorecard and measure. ``measure`` is
``overall``, ``pillar``, ``completeness``, ``evidence_coverage`` or ``question``; ``key`` names
the pillar or question (and repeats the measure otherwise). ``value`` is a score (0-100, two
decimals) or, for completeness and evidence coverage, a share (0-1, four decimals); ``band``
is the score's band. For the overall and pillar scores, ``score_range_low`` (the score itself)
and ``score_range_high`` give the range the unknowns allow and ``information_coverage`` (0-100)
how much of the score rests on levels, as methodology section 8 defines them. For questions,
``level`` is the level chosen (0-4) and ``answer`` says what kind of answer it is. ``delta``
is the difference to the baseline scorecard, when one is chosen, in the value's own unit. Only
what is comparable is exported. Text cells are written as csv_cells.py says, so that no
spreadsheet runs them as formulas.
"""

import csv
import io
from collections.abc import Iterator
from typing import Any

from flask import current_app, render_template

from assessor.comparisons.presentation import comparison_charts, scorecard_links
from assessor.comparisons.schemas import ComparisonSchema
from assessor.csv_cells import csv_cell
from assessor.presentation.pdf import render_pdf
from assessor.scoring import api_fraction, api_score

COMPARISON_STYLESHEETS = ("assessor-static:css/comparison-print.css",)
CSV_COLUMNS = (
    "assessment_id",
    "process",
    "perspective",
    "status",
    "published_on",
    "rubric_version",
    "measure",
    "key",
    "value",
    "band",
    "score_range_low",
    "score_range_high",
    "information_coverage",
    "level",
    "answer",
    "delta",
)


def _number(value: float | None, kind: str) -> float | None:
    return api_fraction(value) if kind == "share" else api_score(value)


def _csv_line(values: list[Any]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow([csv_cell(value) for value in values])
    return buffer.getvalue()


def _scorecard_columns(scorecard: dict[str, Any]) -> list[Any]:
    return [
        scorecard["assessment_id"],
        scorecard["process"]["name"],
        scorecard["perspective"],
        scorecard["status"],
        scorecard["published_at"][:10],
        scorecard["rubric_version"],
    ]


def _range_columns(cell: dict[str, Any]) -> list[float | None]:
    """A score's range and information coverage; empty for shares."""
    if cell["score_range"] is None:
        return [None, None, None]
    ends = cell["score_range"]
    return [
        api_score(ends["low"]),
        api_score(ends["high"]),
        api_score(cell["information_coverage"]),
    ]


def _measure_lines(document: dict[str, Any], index: int) -> Iterator[list[Any]]:
    for row in document["rows"]:
        cell = row["cells"][index]
        yield [
            row["measure"],
            row["key"],
            _number(cell["value"], row["kind"]),
            cell["band"],
            *_range_columns(cell),
            None,
            None,
            _number(cell["delta"], row["kind"]),
        ]


def _question_lines(document: dict[str, Any], index: int) -> Iterator[list[Any]]:
    for question in document["questions"]:
        cell = question["cells"][index]
        score = _number(cell["score"], "score")
        no_range = [None, None, None]
        yield [
            "question",
            question["key"],
            score,
            None,
            *no_range,
            cell["level"],
            cell["status"],
            None,
        ]


def comparison_csv(document: dict[str, Any]) -> Iterator[str]:
    """The comparison's CSV, line by line, so a response can stream it."""
    yield _csv_line(list(CSV_COLUMNS))
    for index, scorecard in enumerate(document["scorecards"]):
        columns = _scorecard_columns(scorecard)
        for line in _measure_lines(document, index):
            yield _csv_line(columns + line)
        for line in _question_lines(document, index):
            yield _csv_line(columns + line)


def comparison_json(comparison: dict[str, Any]) -> dict[str, Any]:
    """The comparison (as the service builds it) rounded like the API, with addresses."""
    return ComparisonSchema().dump(comparison)


def file_name(document: dict[str, Any], extension: str) -> str:
    """``comparison-3-8-15.csv``; past five scorecards ``comparison-12-scorecards.csv``."""
    ids = [str(scorecard["assessment_id"]) for scorecard in document["scorecards"]]
    name = "-".join(ids) if len(ids) <= 5 else f"{len(ids)}-scorecards"
    return f"comparison-{name}.{extension}"


def comparison_pdf(document: dict[str, Any], created: str, permalink: str) -> bytes:
    """The PDF of the comparison: the page's content, A4 landscape, tables in column groups."""
    html = render_template(
        "comparisons/pdf.html",
        comparison=document,
        charts=comparison_charts(document),
        links=scorecard_links(document),
        created=created,
        permalink=permalink,
    )
    return render_pdf(html, current_app.static_folder, COMPARISON_STYLESHEETS)
