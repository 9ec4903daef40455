"""The scorecard PDF's tags, as PDF/UA-1 asks, read with poppler and in the PDF's own objects.

veraPDF, the reference PDF/UA validator, is a Java program that none of the registries the
project installs from (PyPI, npm, Debian) provides: these checks stand in for the parts of it
that concern what the app controls. docs/scorecards.md says what they cover and what not.
"""

import re

import pytest

from tests.tools import pdf_metadata, pdf_objects, pdf_structure

PROCESS = "Fourth World Telecommunication/ICT Policy Forum (WTPF-13)"


@pytest.fixture
def pdf(client, full_published_id) -> bytes:
    response = client.get(f"/assessments/{full_published_id}/scorecard.pdf")
    assert response.status_code == 200
    return response.data


def structure_texts(structure: str) -> list[str]:
    """The text of the tagged content in the structure tree's order."""
    return [line.strip()[1:-1] for line in structure.splitlines() if line.strip().startswith('"')]


def test_the_pdf_declares_pdf_ua_1(pdf, tmp_path):
    assert 'pdfuaid:part="1"' in pdf_metadata(pdf, tmp_path)


def test_the_content_is_marked_and_viewers_show_the_document_title(pdf):
    objects = pdf_objects(pdf)
    assert b"/Marked true" in objects and b"/DisplayDocTitle true" in objects


def test_the_structure_reads_the_header_then_the_title_then_the_body(pdf, tmp_path):
    text = " ".join(structure_texts(pdf_structure(pdf, tmp_path)))
    assert text.startswith(f"MULTISTAKEHOLDER SCORECARD {PROCESS} Convened by ")


def test_the_page_margins_stay_out_of_the_structure(client, full_published_id, pdf, tmp_path):
    """The running header, page numbers and permalink are drawn on every page, outside the
    tagged content: a screen reader meets the permalink once, in the header's facts."""
    structure = pdf_structure(pdf, tmp_path)
    permalink = f"http://localhost/assessments/{full_published_id}/scorecard"
    assert "Page 1 of" not in structure
    assert structure_texts(structure).count(permalink) == 1


def test_each_chart_is_a_figure_named_by_its_title(pdf):
    alternatives = re.findall(rb"/S /Figure[^\n]*?/Alt \(([^)]*)\)", pdf_objects(pdf))
    assert alternatives == [b"Pillar scores, radar", b"Pillar scores and bands"]


def test_the_charts_are_followed_by_a_table_of_their_figures(pdf, tmp_path):
    structure = pdf_structure(pdf, tmp_path)
    after_charts = structure[structure.rindex("Figure:") :]
    table = after_charts[after_charts.index("Table") :]
    assert structure_texts(table)[0] == "Scores per pillar"
    assert all(pillar in table for pillar in ("Openness", "Due process"))


def test_every_data_cell_names_its_headers(pdf):
    cells = re.findall(rb"/S /TD[^\n]*", pdf_objects(pdf))
    assert cells and all(b"/Headers [" in cell for cell in cells)
