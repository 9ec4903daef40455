"""The whole assessment story in headless Chromium, as people would live it."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.accessibility import accessibility_findings
from tests.factories import TEST_PASSWORD, stored_rubric, stored_user

SAVED = re.compile(r"^Saved \d")


@pytest.fixture
def people(session):
    stored_rubric(session)
    stored_user(session, "owner@example.org", ["assessor"])
    stored_user(session, "reviewer@example.org", ["reviewer"], "academia")
    session.commit()


def sign_in(page, email: str) -> None:
    page.goto("/sign-in")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()


def sign_out(page) -> None:
    page.get_by_role("button", name="Sign out").click()


def create_process_and_start(page) -> str:
    page.goto("/processes/new")
    page.get_by_label("Name", exact=True).fill("National IGF consultation 2026")
    page.get_by_label(re.compile("^Convening organization")).fill("Ministry of Digital Affairs")
    page.get_by_label("Scope").select_option("national")
    page.get_by_label("Layer").select_option("on_the_internet")
    page.get_by_role("button", name=re.compile("Save|Describe|Create")).click()
    page.get_by_role("link", name="Start an assessment").click()
    page.get_by_role("button", name="Start the assessment").click()
    expect(page).to_have_url(re.compile(r"/assessments/\d+/pillars/openness$"))
    # The questionnaire's script listens for typing once the page has loaded: under load, a
    # test typing before that would lose its first keys to nothing.
    page.wait_for_load_state("load")
    return page.url.split("/")[4]


def question(page, key: str):
    return page.locator(f'[data-question="{key}"]')


def choose(page, key: str, choice_id: str) -> None:
    question(page, key).locator(f'[id="q-{key}-{choice_id}"]').check()


def wait_saved(page, key: str) -> None:
    expect(question(page, key).locator("[data-status]")).to_have_text(SAVED, timeout=10_000)


def fill_openness(page) -> None:
    key = "openness.open_participation"
    choose(page, key, "level-3")
    question(page, key).get_by_label("Rationale", exact=True).fill(
        "Registration is open to anyone."
    )
    question(page, key).get_by_label(re.compile("^Address")).first.fill(
        "https://example.org/register"
    )
    question(page, key).get_by_label(re.compile("^Title")).first.fill("Registration page")
    wait_saved(page, key)
    key = "openness.remote_participation"
    choose(page, key, "na")
    question(page, key).get_by_label("Rationale", exact=True).fill(
        "The consultation was held online only."
    )
    wait_saved(page, key)


def fill_transparency(page) -> None:
    key = "transparency.public_documents"
    choose(page, key, "level-4")
    question(page, key).get_by_label("Rationale", exact=True).fill("Every draft is online.")
    question(page, key).get_by_label(re.compile("^Address")).first.fill(
        "https://example.org/drafts"
    )
    question(page, key).get_by_label(re.compile("^Title")).first.fill("Drafts")
    wait_saved(page, key)
    key = "transparency.decision_rationale"
    choose(page, key, "ii")
    question(page, key).get_by_label("Rationale", exact=True).fill(
        "No record of how decisions were taken."
    )
    wait_saved(page, key)


def test_assess_review_return_fix_publish_and_read_as_the_public(page, people):
    sign_in(page, "owner@example.org")
    assessment_id = create_process_and_start(page)
    fill_openness(page)
    page.reload()  # mid-way: everything typed is there
    expect(
        question(page, "openness.open_participation").locator(
            '[id="q-openness.open_participation-level-3"]'
        )
    ).to_be_checked()
    expect(
        question(page, "openness.remote_participation").get_by_label("Rationale", exact=True)
    ).to_have_value("The consultation was held online only.")
    expect(page.locator('[data-pillar-progress="openness"]')).to_have_text("1 / 1")
    page.get_by_role("link", name="Transparency").first.click()
    fill_transparency(page)
    page.get_by_role("button", name="Save and review the assessment").click()
    page.get_by_role("button", name="Submit for review").click()
    expect(page.locator(".status")).to_have_text("Submitted")
    sign_out(page)

    sign_in(page, "reviewer@example.org")
    page.goto(f"/assessments/{assessment_id}")
    page.get_by_role("link", name="Return to the assessor with comments").click()
    page.get_by_label(re.compile(r"^2\.1 ")).fill("Which drafts? Add the archive.")
    page.get_by_role("button", name="Return to the assessor").click()
    expect(page.locator(".status")).to_have_text("Draft")
    sign_out(page)

    sign_in(page, "owner@example.org")
    page.goto(f"/assessments/{assessment_id}/pillars/transparency")
    expect(page.get_by_text("Which drafts? Add the archive.")).to_be_visible()
    key = "transparency.public_documents"
    question(page, key).get_by_label(re.compile("^Address")).last.fill(
        "https://example.org/archive"
    )
    question(page, key).get_by_label(re.compile("^Title")).last.fill("Archive")
    wait_saved(page, key)
    page.goto(f"/assessments/{assessment_id}")
    page.get_by_role("button", name="Submit for review").click()
    expect(page.locator(".status")).to_have_text("Submitted")
    sign_out(page)

    sign_in(page, "reviewer@example.org")
    page.goto(f"/assessments/{assessment_id}")
    page.get_by_role("link", name="Publish…").click()
    page.get_by_role("button", name=f"Publish assessment {assessment_id}").click()
    expect(page.locator(".status")).to_have_text("Published")
    sign_out(page)

    response = page.goto(f"/assessments/{assessment_id}")
    assert response.status == 200
    expect(page.locator(".status")).to_have_text("Published")


def test_the_public_cannot_see_a_draft(page, people):
    sign_in(page, "owner@example.org")
    assessment_id = create_process_and_start(page)
    sign_out(page)
    assert page.goto(f"/assessments/{assessment_id}").status == 404
    assert page.goto(f"/assessments/{assessment_id}/pillars/openness").status == 404


def test_two_browsers_editing_one_answer_see_the_conflict(browser, live_server, people, page):
    sign_in(page, "owner@example.org")
    create_process_and_start(page)
    url = page.url
    other_context = browser.new_context(base_url=live_server)
    other = other_context.new_page()
    sign_in(other, "owner@example.org")
    other.goto(url)
    key = "openness.open_participation"
    choose(page, key, "level-1")
    wait_saved(page, key)
    choose(other, key, "level-2")  # other still holds the page without that save
    expect(question(other, key).locator(".conflict")).to_contain_text("Theirs: level 1")
    question(other, key).get_by_role("button", name="Keep mine").click()
    wait_saved(other, key)
    page.reload()
    expect(question(page, key).locator(f'[id="q-{key}-level-2"]')).to_be_checked()
    other_context.close()


def test_one_pillar_completed_with_the_keyboard_alone(page, people):
    sign_in(page, "owner@example.org")
    create_process_and_start(page)
    key = "openness.open_participation"
    question(page, key).locator(f'[id="q-{key}-level-0"]').focus()
    page.keyboard.press("ArrowDown")  # radio groups move with arrow keys
    page.keyboard.press("ArrowDown")
    expect(question(page, key).locator(f'[id="q-{key}-level-2"]')).to_be_checked()
    page.keyboard.press("Tab")
    page.keyboard.type("Open to anyone who registers.")
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == f"q-{key}-evidence-0-url":
            break
    page.keyboard.type("https://example.org/register")
    page.keyboard.press("Tab")
    page.keyboard.type("Registration")
    wait_saved(page, key)
    key = "openness.remote_participation"
    question(page, key).locator(f'[id="q-{key}-level-0"]').focus()
    page.keyboard.press("ArrowUp")  # wraps round to the last choice, insufficient information
    page.keyboard.press("ArrowUp")  # and up to not applicable
    expect(question(page, key).locator(f'[id="q-{key}-na"]')).to_be_checked()
    page.keyboard.press("Tab")
    page.keyboard.type("Online only.")
    wait_saved(page, key)
    expect(page.locator('[data-pillar-progress="openness"]')).to_have_text("1 / 1")


def test_questionnaire_and_history_pages_have_no_accessibility_findings(page, people):
    sign_in(page, "owner@example.org")
    assessment_id = create_process_and_start(page)
    fill_openness(page)
    assert accessibility_findings(page) == []
    page.goto(f"/assessments/{assessment_id}/history")
    assert accessibility_findings(page) == []
    page.goto(f"/assessments/{assessment_id}")
    assert accessibility_findings(page) == []
