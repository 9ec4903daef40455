"""Recording participation in a real browser: counts typed into the form, a bad CSV file's
problems by line, a good file imported, a draft published after its confirmation; the error
summary takes the focus; every page accessible."""

import pytest
from playwright.sync_api import expect

from tests.browser.accessibility import accessibility_findings
from tests.browser.test_processes_pages import sign_in
from tests.factories import stored_process, stored_user

BAD_FILE = (
    b"stage,dimension,category,count\nagenda_setting,gender,female,many\nclosing,gender,male,3\n"
)
GOOD_FILE = b"stage,stakeholder_group,gender\ndecision_making,government,female\n"


@pytest.fixture
def process_id(session) -> int:
    editor = stored_user(session, "assessor@example.org", ["assessor"])
    process = stored_process(session, name="IGF 2013 Workshop #41", created_by_id=editor.id)
    session.commit()
    return process.id


def fill_source(page) -> None:
    page.fill("#field-source_url", "https://example.org/report")
    page.fill("#field-source_title", "Session report")


def test_an_editor_records_imports_and_publishes_counts(page, process_id, tmp_path):
    sign_in(page, "assessor@example.org")
    page.goto(f"/processes/{process_id}")
    page.click("text=Record participation")
    page.wait_for_url(f"**/processes/{process_id}/participation")
    assert accessibility_findings(page) == []

    page.click("text=Add counts")
    page.select_option("#field-stage", "agenda_setting")
    fill_source(page)
    page.fill("#field-counts-gender-female", "many")
    page.click("main button[type=submit]")
    assert page.locator("#error-summary a[href='#field-counts-gender-female']").count() == 1
    expect(page.locator("#error-summary")).to_be_focused()
    assert page.locator("#field-source_title").input_value() == "Session report"
    assert accessibility_findings(page) == []
    page.fill("#field-counts-gender-female", "48")
    page.fill("#field-counts-gender-male", "52")
    page.click("main button[type=submit]")
    page.wait_for_url(f"**/processes/{process_id}/participation")
    assert "Draft, never published" in page.locator("main").text_content()

    page.click("text=Import a CSV file")
    bad, good = tmp_path / "bad.csv", tmp_path / "good.csv"
    bad.write_bytes(BAD_FILE)
    good.write_bytes(GOOD_FILE)
    page.set_input_files("#field-file", str(bad))
    fill_source(page)
    page.click("main button[type=submit]")
    problems = page.locator("#file-problems").text_content()
    expect(page.locator("#error-summary")).to_be_focused()
    assert "line 2, count" in problems and "line 3, stage" in problems
    assert page.locator("#field-source_title").input_value() == "Session report"
    assert accessibility_findings(page) == []
    page.set_input_files("#field-file", str(good))
    page.click("main button[type=submit]")
    page.wait_for_url(f"**/processes/{process_id}/participation")
    assert "1 draft added, one per stage." in page.locator("main").text_content()

    page.locator("#stage-decision_making + .table-scroll a", has_text="Publish").click()
    page.wait_for_url(f"**/processes/{process_id}/participation/*/publish")
    assert "will be public on the page of" in page.locator("main").text_content()
    assert accessibility_findings(page) == []
    page.click("main button[name=confirm]")
    page.wait_for_url(f"**/processes/{process_id}/participation")
    assert "Published (version 1)" in page.locator("main").text_content()
    assert accessibility_findings(page) == []
