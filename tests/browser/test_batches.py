"""Batch downloads in a real browser: choose scorecards, follow the rendering, get one ZIP."""

import zipfile

import pytest
from playwright.sync_api import expect

from assessor.db import db
from assessor.scorecards.batch_jobs import queue_batch
from assessor.scorecards.models import BatchDownload
from tests.browser.accessibility import accessibility_findings
from tests.factories import published_assessment, stored_process, stored_rubric, stored_user


@pytest.fixture
def scorecards(session) -> list[int]:
    """Two published scorecards of one process."""
    rubric = stored_rubric(session)
    process = stored_process(session, name="IGF 2013 Workshop #41: Principles")
    assessor = stored_user(session, "ana@example.org", ["assessor"])
    reviewer = stored_user(session, "rui@example.org", ["reviewer"], "academia")
    ids = [published_assessment(session, rubric, process, assessor, reviewer).id for _ in "ab"]
    session.commit()
    return ids


def pdfs_in(download, tmp_path) -> list[bytes]:
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    with zipfile.ZipFile(path) as archive:
        return [archive.read(name) for name in archive.namelist()]


def test_tick_two_scorecards_on_the_process_page_and_download_them_as_one_zip(
    page, scorecards, tmp_path
):
    page.goto("/processes/1")
    for assessment_id in scorecards:
        page.get_by_label(f"Include the scorecard of assessment {assessment_id}").check()
    page.get_by_role("button", name="Download selected as ZIP").click()
    expect(page.locator("#batch-progress-text")).to_contain_text("2 of 2 scorecards rendered")
    expect(page.locator("#batch-progress")).to_have_attribute("value", "2")
    with page.expect_download() as waiting:
        page.get_by_role("link", name="Download the ZIP").click()
    download = waiting.value
    assert download.suggested_filename.startswith("scorecards-")
    assert download.suggested_filename.endswith("-2.zip")
    pdfs = pdfs_in(download, tmp_path)
    assert len(pdfs) == 2 and all(pdf.startswith(b"%PDF-") for pdf in pdfs)


def test_the_page_follows_a_worker_and_then_offers_the_zip(app, page, scorecards, live_server):
    with app.app_context():
        batch = BatchDownload(
            assessment_ids=scorecards, total=2, done=0, base_url=f"{live_server}/"
        )
        db.session.add(batch)
        db.session.commit()
        token = batch.id
    page.goto(f"/scorecards/batches/{token}")
    progress = page.locator("#batch-progress-text")
    expect(progress).to_contain_text("waiting for the worker", use_inner_text=True)
    download_link = page.get_by_role("link", name="Download the ZIP")
    expect(download_link).to_be_hidden()
    with app.app_context():
        queue_batch(token, scorecards, "en")
    expect(progress).to_contain_text("2 of 2 scorecards rendered", use_inner_text=True)
    expect(progress).not_to_contain_text("waiting", use_inner_text=True)
    expect(download_link).to_be_visible()


def test_select_all_on_the_list_page_works_without_scripts(browser, app, live_server, scorecards):
    context = browser.new_context(base_url=live_server, java_script_enabled=False)
    page = context.new_page()
    page.goto("/scorecards")
    page.get_by_role("button", name="Download all 2 on this page as ZIP").click()
    expect(page.locator("#batch-progress-text")).to_contain_text("2 of 2 scorecards rendered")
    context.close()


@pytest.mark.parametrize("path", ["/scorecards", "batch"])
def test_list_and_batch_pages_have_no_accessibility_findings(page, scorecards, path):
    if path == "batch":
        page.goto("/scorecards")
        page.get_by_label(f"Include the scorecard of assessment {scorecards[0]}").check()
        page.get_by_role("button", name="Download selected as ZIP").click()
        expect(page.locator("#batch-progress-text")).to_contain_text("1 of 1 scorecard rendered")
    else:
        page.goto(path)
    assert accessibility_findings(page) == []


def test_an_anonymous_reader_switches_to_french_and_downloads_a_zip_without_a_session(
    page, scorecards, tmp_path
):
    """The switch and the batch form post without a session, and none is ever started."""
    page.goto("/processes/1")
    page.select_option("#language-choice", "fr")
    page.get_by_role("button", name="Change").click()
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    for assessment_id in scorecards:
        page.get_by_label(f"Inclure la fiche d'évaluation de l'évaluation {assessment_id}").check()
    page.get_by_role("button", name="Télécharger la sélection en fichier ZIP").click()
    expect(page.locator("#batch-progress-text")).to_contain_text("2 fiches d'évaluation produites")
    with page.expect_download() as waiting:
        page.locator("a[download]").click()
    assert len(pdfs_in(waiting.value, tmp_path)) == 2
    assert {cookie["name"] for cookie in page.context.cookies()} == {"language"}
