"""Rubric pages in a real browser: accessible, keyboard navigable, printable."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.accessibility import accessibility_findings
from tests.factories import rubric_document, stored_rubric


@pytest.fixture
def rubric(session):
    stored_rubric(session, rubric_document())
    session.commit()


@pytest.mark.parametrize(
    "path", ["/", "/rubrics", "/rubrics/sample-rubric/1.0.0", "/rubrics/x/1", "/methodology"]
)
def test_pages_have_no_accessibility_findings(page, rubric, path):
    page.goto(path)
    assert accessibility_findings(page) == []


def test_skip_link_is_the_first_stop_and_moves_focus_to_the_content(page, rubric):
    page.goto("/rubrics/sample-rubric/1.0.0")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "content"


def test_keyboard_alone_reaches_a_pillar_from_the_contents(page, rubric):
    page.goto("/rubrics/sample-rubric/1.0.0")
    focused = []
    for _ in range(30):
        page.keyboard.press("Tab")
        focused.append(page.evaluate("document.activeElement.textContent.trim()"))
        if focused[-1] == "Transparency":
            break
    assert focused[-1] == "Transparency", focused
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#pillar-transparency$"))
    expect(page.locator("#pillar-transparency-title")).to_be_visible()


def test_print_view_hides_navigation_and_keeps_every_descriptor(page, rubric):
    page.goto("/rubrics/sample-rubric/1.0.0")
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    assert page.locator(".levels li").count() == 4 * 5
    assert page.locator(".levels li").nth(19).is_visible()
