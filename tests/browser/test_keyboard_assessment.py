"""A whole assessment by keyboard alone: skip links reach each question in a few key presses,
and answers are chosen, written, saved and submitted without a pointer."""

import re

import pytest
from playwright.sync_api import expect

from assessor.assessments.service import start_assessment
from tests.browser.site_pages import sign_in
from tests.browser.test_processes_pages import tab_to
from tests.factories import stored_process, stored_rubric, stored_user

FIRST_QUESTION = "openness.open_participation"
# Skip to content, skip to the pillars, skip to question 1.1; then into the question.
MOST_TABS_TO_A_QUESTION = 5


@pytest.fixture
def draft(session) -> int:
    rubric = stored_rubric(session)
    assessor = stored_user(session, "ana@example.org", ["assessor"])
    process = stored_process(session, name="National IGF consultation 2026")
    assessment = start_assessment(
        session, assessor, {"process_id": process.id, "rubric": rubric.label}
    )
    session.commit()
    return assessment.id


def focus_is_in_question(page, key: str) -> bool:
    return page.evaluate(
        "(key) => document.activeElement.closest('[data-question]')?.dataset.question === key",
        key,
    )


def tabs_to_question(page, key: str, limit: int = 40) -> int:
    """Tab presses from the top of the page until the focus is inside question ``key``,
    following a skip link to it on the way (Enter) when one gets the focus."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('href')") == f"#q-{key}":
            page.keyboard.press("Enter")
        if focus_is_in_question(page, key):
            return presses
    raise AssertionError(f"Tab never reached question {key}")


def answer_with_the_keyboard(page, key: str, rationale: str) -> None:
    """Level 1 chosen with the arrow keys, and a rationale typed, from within the question."""
    tab_to(page, f'[id="q-{key}-level-0"]')
    page.keyboard.press("ArrowDown")
    expect(page.locator(f'[id="q-{key}-level-1"]')).to_be_checked()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == f"q-{key}-rationale"
    page.keyboard.type(rationale)


def press_button(page, name: str, limit: int = 80) -> None:
    """Tab to the button called ``name`` and press Enter on it."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "[document.activeElement.tagName, document.activeElement.textContent.trim()]"
        )
        if focused == ["BUTTON", name]:
            page.keyboard.press("Enter")
            return
    raise AssertionError(f"Tab never reached the button {name}")


def test_the_first_question_is_a_few_tabs_from_the_top(page, draft):
    sign_in(page, "ana@example.org")
    page.goto(f"/assessments/{draft}/pillars/openness")
    assert tabs_to_question(page, FIRST_QUESTION) <= MOST_TABS_TO_A_QUESTION


def test_a_whole_assessment_by_keyboard_alone(page, draft):
    sign_in(page, "ana@example.org")
    page.goto(f"/assessments/{draft}/pillars/openness")
    for pillar, keys, button in (
        (
            "openness",
            ("open_participation", "remote_participation"),
            "Save and continue to Transparency",
        ),
        (
            "transparency",
            ("public_documents", "decision_rationale"),
            "Save and review the assessment",
        ),
    ):
        expect(page).to_have_url(re.compile(rf"/pillars/{pillar}$"))
        assert tabs_to_question(page, f"{pillar}.{keys[0]}") <= MOST_TABS_TO_A_QUESTION
        for name in keys:
            answer_with_the_keyboard(page, f"{pillar}.{name}", f"Minimal {name}, on record.")
        press_button(page, button)
    expect(page).to_have_url(re.compile(rf"/assessments/{draft}$"))
    press_button(page, "Submit for review")
    expect(page.locator(".status")).to_have_text("Submitted")
