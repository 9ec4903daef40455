"""The scorecard PDF's pages, measured on the demo scorecards and a long one in each language.

Each PDF is drawn from the HTML it is rendered from, so a test can find an element's words on
the pages. Every page's image is left as an artefact for a person to look at.
"""

import re
from dataclasses import dataclass

import cssselect2
import pytest
import tinyhtml5

from assessor.assessments.models import Assessment
from assessor.db import db
from assessor.demo import compared_ids
from assessor.demo.seeding import seed_demo
from assessor.scorecards.pdfs import permalink_card, scorecard_html, scorecard_pdf
from tests.artefacts import artefact_path
from tests.conftest import empty_all_tables
from tests.factories import every_shipped_rubric
from tests.scorecards.long_scorecard import long_scorecard
from tests.tools import PdfPage, pdf_page_images, pdf_pages

LANGUAGES = ("en", "fr")
POINTS_PER_MM = 72 / 25.4
# The page margins of scorecard-print.css: the running header and footer sit in them.
TOP_MARGIN, BOTTOM_MARGIN = 22 * POINTS_PER_MM, 20 * POINTS_PER_MM
# A page other than the last carries text down to at least this share of its body.
LEAST_FILLED = 0.25
# The long scorecard's pages at most, in any language: its answers and evidence in the compact
# layout, the other assessments' ratings quoted in short (it ran to 76 pages in English before).
LONG_PAGES = 40


@dataclass(frozen=True)
class RenderedScorecard:
    name: str
    html: cssselect2.ElementWrapper
    pages: list[PdfPage]


def _render(app, assessment_id: int, language: str, tmp_path) -> tuple[str, bytes]:
    with app.test_request_context(f"/?lang={language}"):
        assessment = db.session.get(Assessment, assessment_id)
        html = scorecard_html(permalink_card(db.session, assessment), "2026-12-01T00:00:00+00:00")
        return html, scorecard_pdf(html)


@pytest.fixture(scope="module")
def scorecards(migrated_app, tmp_path_factory) -> dict[str, RenderedScorecard]:
    """The demo's compared scorecards and the long one, in each language, with page images
    written as artefacts; the rows go afterwards."""
    rendered = {}
    try:
        with migrated_app.app_context():
            every_shipped_rubric(db.session)
            seed_demo(db.session)
            names = {f"demo-{i}": i for i in compared_ids(db.session)}
            names["long"] = long_scorecard(db.session)
            db.session.commit()
        for name, assessment_id in names.items():
            for language in LANGUAGES:
                tmp_path = tmp_path_factory.mktemp(f"{name}-{language}")
                html, pdf = _render(migrated_app, assessment_id, language, tmp_path)
                key = f"{name}-{language}"
                root = cssselect2.ElementWrapper.from_html_root(tinyhtml5.parse(html))
                rendered[key] = RenderedScorecard(key, root, pdf_pages(pdf, tmp_path))
                artefact_path("pdf", f"{key}.pdf").write_bytes(pdf)
                for number, image in enumerate(pdf_page_images(pdf, tmp_path), start=1):
                    artefact_path("pdf", f"{key}-{number:02}.png").write_bytes(image)
    finally:
        with migrated_app.app_context():
            empty_all_tables()
    return rendered


def body_filled(page: PdfPage) -> float:
    """How far down the page's body its lowest word reaches, as a share of the body's height."""
    body_bottom = page.height - BOTTOM_MARGIN
    lowest = max(
        (w.bottom for w in page.words if w.top >= TOP_MARGIN - 2 and w.bottom <= body_bottom + 2),
        default=TOP_MARGIN,
    )
    return (lowest - TOP_MARGIN) / (body_bottom - TOP_MARGIN)


def words_of(element: cssselect2.ElementWrapper) -> list[str]:
    """The element's words; its cells' and other children's apart."""
    return " ".join(element.etree_element.itertext()).split()


def joined(words: list[str]) -> str:
    """Words as one line, a word broken after its hyphen at a line's end made whole again."""
    return re.sub(r"(?<=\w-) (?=\w)", "", " ".join(words))


def page_of(card: RenderedScorecard, words: list[str], *, last: bool = False) -> int | None:
    """The number of the first (or last) page on which ``words`` follow one another."""
    wanted = joined(words)
    found = [
        number
        for number, page in enumerate(card.pages, start=1)
        if wanted in joined([word.text for word in page.words])
    ]
    return (found[-1] if last else found[0]) if found else None


def ends_on(card: RenderedScorecard, selector: str) -> dict[str, int | None]:
    """The page on which each element matching ``selector`` ends, by its last words."""
    return {
        " ".join(words_of(element)[:6]): page_of(card, words_of(element)[-4:])
        for element in card.html.query_all(selector)
    }


# What pages 1 and 2 summarise: the score's range, strengths, gaps, the evidence needed and
# the stage matrix (its legend follows the table).
SUMMARY = (
    ".overall",
    ".score-range",
    ".indicators li",
    ".highlights li",
    ".evidence-needed-list > li",
    ".stage-table caption",
    ".stages .legend",
)


def test_no_page_but_the_last_carries_less_than_a_quarter_of_its_height(scorecards):
    nearly_empty = {
        card.name: [
            (number, round(body_filled(page), 2))
            for number, page in enumerate(card.pages[:-1], start=1)
            if body_filled(page) < LEAST_FILLED
        ]
        for card in scorecards.values()
    }
    assert {name: pages for name, pages in nearly_empty.items() if pages} == {}


def test_the_summary_is_on_the_first_two_pages(scorecards):
    later = {}
    for card in scorecards.values():
        for selector in SUMMARY:
            pages = ends_on(card, selector)
            later |= {
                (card.name, text): page for text, page in pages.items() if not page or page > 2
            }
    assert not later, "\n".join(f"{key}: page {page}" for key, page in sorted(later.items()))


def test_every_summary_part_is_shown(scorecards):
    """The method 2 scorecards have every part the summary test looks for."""
    method_2 = [card for card in scorecards.values() if card.html.query(".stage-table")]
    assert method_2
    for card in method_2:
        assert all(card.html.query(selector) for selector in SUMMARY), card.name


def test_the_method_box_is_on_one_page(scorecards):
    split = {}
    for card in scorecards.values():
        box = words_of(card.html.query(".methodology"))
        first, last = page_of(card, box[:6]), page_of(card, box[-4:])
        if first is None or first != last:
            split[card.name] = (first, last)
    assert split == {}


def test_each_question_stays_with_its_level(scorecards):
    """An answer's heading is followed, on its page, by the level chosen and its score."""
    apart = {}
    for card in scorecards.values():
        for answer in card.html.query_all(".answer"):
            heading = words_of(answer.query("h4"))
            if page_of(card, heading + words_of(answer.query(".choice"))[:5]) is None:
                apart[card.name] = [*apart.get(card.name, []), " ".join(heading[:6])]
    assert apart == {}


def test_the_evidence_table_keeps_two_rows_with_its_head_and_three_on_its_last_page(scorecards):
    split = {}
    for card in scorecards.values():
        rows = [words_of(row)[:6] for row in card.html.query_all(".evidence-table tbody tr")]
        head = [
            word
            for selector in ("#appendix-title", ".evidence-table caption")
            for word in words_of(card.html.query(selector))
        ]
        first = {page_of(card, head)}
        first |= {page_of(card, row, last=True) for row in rows[:2]}
        last = {page_of(card, row, last=True) for row in rows[-3:]}
        if len(first) != 1 or len(last) != 1 or None in first | last:
            split[card.name] = (first, last)
    assert split == {}


def test_the_long_scorecard_runs_to_a_bounded_number_of_pages(scorecards):
    counts = {name: len(card.pages) for name, card in scorecards.items() if name.startswith("long")}
    assert len(counts) == len(LANGUAGES) and max(counts.values()) <= LONG_PAGES, counts


def test_page_1_reads_the_header_then_the_title_then_the_body(scorecards):
    for card in scorecards.values():
        header = [word.upper() for word in words_of(card.html.query(".kicker"))]
        title = words_of(card.html.query(".process-name"))
        body = words_of(card.html.query(".organization"))
        expected = joined(header + title + body)
        assert joined([word.text for word in card.pages[0].words]).startswith(expected), card.name
