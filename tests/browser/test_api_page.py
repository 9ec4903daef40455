"""The API page in a real browser: accessible, and reachable from every page's footer."""

import re

from playwright.sync_api import expect

from tests.browser.accessibility import accessibility_findings


def test_api_page_has_no_accessibility_findings(page):
    page.goto("/api")
    assert accessibility_findings(page) == []


def test_footer_link_leads_to_the_api_page(page):
    page.goto("/")
    page.locator(".site-footer").get_by_role("link", name="API").click()
    page.wait_for_url("**/api")
    assert page.get_by_role("heading", level=1).text_content() == "The assessor API"


def test_contents_link_moves_to_an_operation_group(page):
    page.goto("/api")
    page.get_by_role("navigation", name="Contents").get_by_role(
        "link", name="Answers", exact=True
    ).click()
    expect(page).to_have_url(re.compile(r"#tag-answers$"))
    expect(page.locator("#tag-answers")).to_be_visible()
