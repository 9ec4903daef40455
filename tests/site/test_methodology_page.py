"""/methodology shows the documented method, with its version."""

from assessor.scoring import METHOD_VERSION
from assessor.site.methodology import METHODOLOGY_DOCUMENT


def test_methodology_page_shows_the_method_version(client):
    page = client.get("/methodology").get_data(as_text=True)
    assert f"method version <strong>{METHOD_VERSION}</strong>" in page


def test_methodology_page_renders_the_document_headings_and_tables(client):
    page = client.get("/methodology").get_data(as_text=True)
    headings = [
        line.lstrip("# ").strip()
        for line in METHODOLOGY_DOCUMENT.read_text().splitlines()
        if line.startswith("## ")
    ]
    assert headings
    for heading in headings:
        assert heading.replace("&", "&amp;") in page
    assert "<table>" in page


def test_methodology_is_linked_from_every_page(client):
    assert 'href="/methodology"' in client.get("/rubrics").get_data(as_text=True)
