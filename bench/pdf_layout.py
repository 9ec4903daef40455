"""What a scorecard PDF costs to lay out: pages, seconds warm, pages per second, and where
WeasyPrint spends them.

Run: PYTHONPATH=. .venv/bin/python bench/pdf_layout.py [--runs 5] [--profile long-en]
It builds a throwaway SQLite database with the demo data and the long scorecard of the layout
tests, then renders, through the app's own ``scorecard_pdf``, the demo scorecard in English and
French and the long one in English. Each is rendered once to warm the process (fonts, styles,
imports), then ``--runs`` times; the median is reported with one more render timed phase by
phase. ``--profile NAME`` prints cProfile's costliest functions for that document.
It exits 1 when a target is missed: the demo scorecard under 1 s, the long one under 5 s.
Seconds are wall-clock; CPU seconds and the load average beside them tell a busy machine.
"""

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pydyf
import weasyprint
import weasyprint.document
import weasyprint.pdf
from flask import Flask
from scorecard_pdf import build_app, demo_scorecard

from assessor.assessments.models import Assessment
from assessor.db import db
from assessor.scorecards.pdfs import permalink_card, scorecard_html, scorecard_pdf
from tests.scorecards.long_scorecard import long_scorecard

CREATED = "2026-12-01T00:00:00+00:00"
# Seconds warm at most, by the name of the scorecard without its language.
TARGETS = {"demo": 1.0, "long": 5.0}
# WeasyPrint's phases, timed by wrapping the functions that run them. Layout is what
# rendering spends beyond styles and boxes (its generator runs as the pages are collected);
# drawing is what writing the PDF spends beyond fonts and serialising.
TIMED = (
    ("HTML parse", weasyprint.HTML, "__init__"),
    ("CSS parse and cascade", weasyprint.document, "get_all_computed_styles"),
    ("boxes and computed styles", weasyprint.document, "build_formatting_structure"),
    ("render", weasyprint.HTML, "render"),
    ("font subsetting and embedding", weasyprint.pdf, "build_fonts_dictionary"),
    ("writing and compressing", pydyf.PDF, "write"),
    ("write", weasyprint.document.Document, "write_pdf"),
)
PHASES = (
    "HTML parse",
    "CSS parse and cascade",
    "boxes and computed styles",
    "layout",
    "drawing and tagging",
    "font subsetting and embedding",
    "writing and compressing",
)


@dataclass(frozen=True)
class Scorecard:
    name: str
    assessment_id: int
    language: str

    @property
    def target(self) -> float:
        return TARGETS[self.name.split("-")[0]]


@dataclass
class Measure:
    scorecard: Scorecard
    pages: int
    seconds: float
    cpu_seconds: float
    phases: dict[str, float]

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.seconds


def scorecard_source(app: Flask, scorecard: Scorecard) -> str:
    """The HTML the app renders the scorecard's PDF from."""
    with app.test_request_context(f"/?lang={scorecard.language}"):
        assessment = db.session.get(Assessment, scorecard.assessment_id)
        return scorecard_html(permalink_card(db.session, assessment), CREATED)


@contextmanager
def timed_phases() -> Iterator[dict[str, float]]:
    """Seconds spent in each of WeasyPrint's phases while the block runs, and ``pages``."""
    spent: dict[str, float] = {}
    originals = [(label, owner, name, getattr(owner, name)) for label, owner, name in TIMED]

    def timing(label: str, function: Callable) -> Callable:
        def timed(*args, **kwargs):
            started = time.perf_counter()
            result = function(*args, **kwargs)
            spent[label] = spent.get(label, 0) + time.perf_counter() - started
            if label == "render":
                spent["pages"] = len(result.pages)
            return result

        return timed

    for label, owner, name, function in originals:
        setattr(owner, name, timing(label, function))
    try:
        yield spent
    finally:
        for _, owner, name, function in originals:
            setattr(owner, name, function)
    styles_and_boxes = spent["CSS parse and cascade"] + spent["boxes and computed styles"]
    spent["layout"] = spent.pop("render") - styles_and_boxes
    fonts_and_writing = spent["font subsetting and embedding"] + spent["writing and compressing"]
    spent["drawing and tagging"] = spent.pop("write") - fonts_and_writing


def measure(app: Flask, scorecard: Scorecard, runs: int) -> Measure:
    """The median of ``runs`` warm renders, and one more timed phase by phase."""
    html = scorecard_source(app, scorecard)
    with app.app_context():
        scorecard_pdf(html)
        wall, cpu = [], []
        for _ in range(runs):
            started, started_cpu = time.perf_counter(), time.process_time()
            scorecard_pdf(html)
            wall.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
        with timed_phases() as phases:
            scorecard_pdf(html)
    pages = int(phases.pop("pages"))
    return Measure(scorecard, pages, statistics.median(wall), statistics.median(cpu), phases)


def profile(app: Flask, scorecard: Scorecard, lines: int = 30) -> None:
    """Print the functions a warm render of the scorecard spends most time in."""
    html = scorecard_source(app, scorecard)
    with app.app_context():
        scorecard_pdf(html)
        profiler = cProfile.Profile()
        profiler.runcall(scorecard_pdf, html)
    stats = pstats.Stats(profiler, stream=sys.stdout).strip_dirs()
    stats.sort_stats("tottime").print_stats(lines)
    stats.sort_stats("cumulative").print_stats(lines)


def report(measures: list[Measure], runs: int) -> bool:
    """Print each scorecard's figures; whether every target is met."""
    load = ", ".join(f"{figure:.1f}" for figure in os.getloadavg())
    print(f"warm renders through scorecard_pdf, median of {runs}; load average {load}")
    print(f"{'scorecard':<10} {'pages':>5} {'seconds':>8} {'cpu s':>8} {'pages/s':>8}  target")
    met = True
    for m in measures:
        verdict = "met" if m.seconds < m.scorecard.target else "NOT MET"
        met = met and m.seconds < m.scorecard.target
        print(
            f"{m.scorecard.name:<10} {m.pages:>5} {m.seconds:>8.2f} {m.cpu_seconds:>8.2f}"
            f" {m.pages_per_second:>8.1f}  under {m.scorecard.target:g} s: {verdict}"
        )
    print("\nseconds per phase, one more render")
    print(f"{'phase':<30}" + "".join(f"{m.scorecard.name:>10}" for m in measures))
    for label in PHASES:
        print(f"{label:<30}" + "".join(f"{m.phases.get(label, 0):>10.3f}" for m in measures))
    return met


def scorecards(app: Flask) -> list[Scorecard]:
    """The demo scorecard in English and French, and the long one in English."""
    demo = demo_scorecard(app)
    with app.app_context():
        long = long_scorecard(db.session)
        db.session.commit()
    return [
        Scorecard("demo-en", demo, "en"),
        Scorecard("demo-fr", demo, "fr"),
        Scorecard("long-en", long, "en"),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--profile", metavar="NAME", help="demo-en, demo-fr or long-en")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        app = build_app(Path(folder))
        chosen = scorecards(app)
        if arguments.profile:
            profile(app, next(s for s in chosen if s.name == arguments.profile))
            return
        measures = [measure(app, scorecard, arguments.runs) for scorecard in chosen]
    sys.exit(0 if report(measures, arguments.runs) else 1)


if __name__ == "__main__":
    main()
