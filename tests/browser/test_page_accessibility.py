"""Every main page against WCAG 2.1 A and AA with axe, including the states people meet
mid-task: a questionnaire showing what cannot be saved, a batch following its worker."""

import pytest
from playwright.sync_api import expect

from tests.browser.accessibility import accessibility_findings
from tests.browser.site_pages import PAGE_NAMES, open_site_page


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_a_main_page_meets_wcag_21_aa(page, session, live_server, name):
    open_site_page(page, session, live_server, name)
    assert accessibility_findings(page) == []


@pytest.mark.parametrize("width", [390, 1280])
def test_a_questionnaire_showing_what_was_not_saved_meets_wcag_21_aa(
    page, session, live_server, width
):
    page.set_viewport_size({"width": width, "height": 900})
    open_site_page(page, session, live_server, "questionnaire")
    page.fill('[id="q-openness.open_participation-evidence-0-url"]', "not an address")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator("#save-outcome")).to_be_visible()
    assert accessibility_findings(page) == []
