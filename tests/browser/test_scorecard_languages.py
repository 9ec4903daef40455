"""Scorecards in French and in a right-to-left language, in a real browser."""

import zipfile

import pytest
from playwright.sync_api import expect

from tests.browser.accessibility import accessibility_findings
from tests.factories import published_assessment, stored_process, stored_rubric, stored_user
from tests.scorecards.translations import ARABIC, FRENCH, translate_rubric
from tests.tools import pdf_language, pdf_text


def scorecards(session, language: str, texts: dict[str, str]) -> list[int]:
    """Two published scorecards of one process, their rubric complete in ``language``."""
    rubric = stored_rubric(session)
    process = stored_process(session, name="IGF 2013 Workshop #41: Principles")
    assessor = stored_user(session, "ana@example.org", ["assessor"])
    reviewer = stored_user(session, "rui@example.org", ["reviewer"], "academia")
    ids = [published_assessment(session, rubric, process, assessor, reviewer).id for _ in "ab"]
    translate_rubric(rubric, language, texts)
    session.commit()
    return ids


@pytest.fixture
def french(session) -> list[int]:
    return scorecards(session, "fr", FRENCH)


@pytest.fixture
def arabic(app, session, monkeypatch) -> list[int]:
    monkeypatch.setitem(app.config, "LANGUAGES", (*app.config["LANGUAGES"], "ar"))
    return scorecards(session, "ar", ARABIC)


def test_a_french_scorecard_and_its_pdf(page, french, tmp_path):
    page.goto(f"/assessments/{french[0]}/scorecard?lang=fr")
    expect(page.get_by_role("heading", name="Synthèse")).to_be_visible()
    expect(page.locator(".pillar-table tbody th").first).to_have_text("Ouverture")
    with page.expect_download() as waiting:
        page.get_by_role("link", name="Télécharger le PDF").click()
    path = tmp_path / waiting.value.suggested_filename
    waiting.value.save_as(path)
    body = path.read_bytes()
    assert pdf_language(body) == "fr" and "Ouverture" in pdf_text(body, tmp_path)
    assert accessibility_findings(page) == []


def test_a_french_batch_follows_its_progress_in_french(page, french, tmp_path):
    page.goto("/processes/1?lang=fr")
    for assessment_id in french:
        page.get_by_label(f"Inclure la fiche d'évaluation de l'évaluation {assessment_id}").check()
    page.get_by_role("button", name="Télécharger la sélection en fichier ZIP").click()
    expect(page.locator("#batch-progress-text")).to_contain_text(
        "2 fiches d'évaluation produites sur 2"
    )
    with page.expect_download() as waiting:
        page.get_by_role("link", name="Télécharger le fichier ZIP").click()
    path = tmp_path / waiting.value.suggested_filename
    waiting.value.save_as(path)
    with zipfile.ZipFile(path) as archive:
        pdfs = [archive.read(name) for name in archive.namelist()]
    assert [pdf_language(pdf) for pdf in pdfs] == ["fr", "fr"]


def test_a_right_to_left_scorecard_is_laid_out_from_the_right(page, arabic, tmp_path):
    page.set_viewport_size({"width": 1100, "height": 900})
    page.goto(f"/assessments/{arabic[0]}/scorecard?lang=ar")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    headers = page.locator(".pillar-table thead th")
    first, last = headers.first.bounding_box(), headers.last.bounding_box()
    # The first column (the pillar) is on the right, as a reader of Arabic starts there.
    assert first["x"] > last["x"]
    heading = page.locator(".pillar-table tbody th").first
    expect(heading).to_have_text("الانفتاح")
    table = page.locator(".pillar-table").bounding_box()
    assert heading.bounding_box()["x"] + heading.bounding_box()["width"] > table["x"] + (
        table["width"] * 0.8
    )
    # Nothing (such as a skip link parked off screen) widens the page beyond the window.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert accessibility_findings(page) == []
