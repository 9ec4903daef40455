"""The questionnaire never loses what an assessor typed, and never claims a save it did not make."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.accessibility import accessibility_findings
from tests.browser.test_questionnaire_story import (
    create_process_and_start,
    question,
    sign_in,
)
from tests.factories import TEST_PASSWORD, stored_rubric, stored_user

KEY = "openness.open_participation"
OTHER = "openness.remote_participation"
SAVED = re.compile(r"^Saved \d+:\d+( [AP]M)?$")
SAVED_NOT_READY = re.compile(r"^Saved \d.*cannot be submitted yet")


@pytest.fixture
def people(session):
    stored_rubric(session)
    stored_user(session, "owner@example.org", ["assessor"])
    session.commit()


def rationale(page, key: str = KEY):
    return question(page, key).get_by_label("Rationale", exact=True)


def evidence_url(page, key: str = KEY):
    return question(page, key).get_by_label(re.compile("^Address")).first


def evidence_title(page, key: str = KEY):
    return question(page, key).get_by_label(re.compile("^Title")).first


def status(page, key: str = KEY):
    return question(page, key).locator("[data-status]")


def level_3_with_an_untitled_evidence_row(page) -> None:
    """The scenario of the report: a level, a rationale, a pasted address, no title."""
    question(page, KEY).locator(f'[id="q-{KEY}-level-3"]').check()
    rationale(page).fill("Registration is open to anyone who asks.")
    evidence_url(page).fill("https://example.org/register")


def test_an_untitled_evidence_row_keeps_the_level_rationale_and_address(page, people):
    sign_in(page, "owner@example.org")
    create_process_and_start(page)
    level_3_with_an_untitled_evidence_row(page)
    expect(status(page)).to_have_text(SAVED_NOT_READY, timeout=10_000)
    expect(evidence_title(page)).to_have_attribute("aria-invalid", "true")
    expect(question(page, KEY).locator('[data-row-message="title"]').first).to_have_text(
        re.compile("title is required")
    )
    page.goto(page.url.replace("/openness", "/transparency"))
    page.go_back()
    page.reload()
    expect(rationale(page)).to_have_value("Registration is open to anyone who asks.")
    expect(evidence_url(page)).to_have_value("https://example.org/register")
    expect(question(page, KEY).locator('[data-row-message="title"]').first).to_have_text(
        re.compile("title is required")
    )


def test_save_and_continue_warns_before_leaving_answers_that_cannot_be_submitted(page, people):
    sign_in(page, "owner@example.org")
    create_process_and_start(page)
    level_3_with_an_untitled_evidence_row(page)
    page.get_by_role("button", name=re.compile("^Save and continue")).click()
    warning = page.locator("#save-outcome")
    expect(warning).to_contain_text("cannot be submitted yet")
    expect(warning).to_be_focused()
    assert accessibility_findings(page) == []
    expect(page).to_have_url(re.compile("/pillars/openness$"))
    expect(page.get_by_text("Saved.", exact=True)).to_have_count(0)
    expect(rationale(page)).to_have_value("Registration is open to anyone who asks.")
    page.get_by_role("button", name=re.compile("^Continue to Transparency anyway")).click()
    expect(page).to_have_url(re.compile("/pillars/transparency$"))
    page.get_by_role("link", name="Openness").first.click()
    expect(rationale(page)).to_have_value("Registration is open to anyone who asks.")
    expect(evidence_url(page)).to_have_value("https://example.org/register")


def test_the_warning_and_the_field_it_names_are_never_under_the_sticky_bar(page, people):
    page.set_viewport_size({"width": 1000, "height": 600})
    sign_in(page, "owner@example.org")
    create_process_and_start(page)
    level_3_with_an_untitled_evidence_row(page)
    page.get_by_role("button", name=re.compile("^Save and continue")).click()
    warning = page.locator("#save-outcome")
    expect(warning).to_be_in_viewport()
    warning.get_by_role("link", name=re.compile("title is required")).click()
    field = evidence_title(page)
    expect(field).to_be_focused()
    bar_top = page.locator(".sticky-actions").bounding_box()["y"]
    box = field.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= bar_top


def test_a_question_counts_as_answered_only_when_it_could_be_submitted(page, people):
    sign_in(page, "owner@example.org")
    create_process_and_start(page)
    question(page, KEY).locator(f'[id="q-{KEY}-level-3"]').check()
    expect(status(page)).to_have_text(SAVED_NOT_READY, timeout=10_000)
    expect(page.locator('[data-pillar-progress="openness"]')).to_have_text("0 / 2")
    page.reload()
    expect(page.locator('[data-pillar-progress="openness"]')).to_have_text("0 / 2")
    rationale(page).fill("Open to anyone.")
    evidence_url(page).fill("https://example.org/register")
    evidence_title(page).fill("Registration")
    expect(status(page)).to_have_text(SAVED, timeout=10_000)
    expect(page.locator('[data-pillar-progress="openness"]')).to_have_text("1 / 2")


def test_an_address_without_a_scheme_gets_https_and_says_so(page, people):
    sign_in(page, "owner@example.org")
    create_process_and_start(page)
    question(page, KEY).locator(f'[id="q-{KEY}-level-3"]').check()
    rationale(page).fill("Open to anyone.")
    evidence_url(page).fill("example.org/register")
    evidence_title(page).fill("Registration")
    evidence_title(page).press("Tab")
    expect(evidence_url(page)).to_have_value("https://example.org/register")
    expect(question(page, KEY).locator('[data-row-message="url"]').first).to_contain_text(
        "https://"
    )
    expect(status(page)).to_have_text(SAVED, timeout=10_000)
    page.reload()
    expect(evidence_url(page)).to_have_value("https://example.org/register")


def test_the_evidence_fields_say_which_are_required(page, people):
    sign_in(page, "owner@example.org")
    create_process_and_start(page)
    expect(question(page, KEY).locator(f'label[for="q-{KEY}-evidence-0-title"]')).to_contain_text(
        "required"
    )
    expect(question(page, KEY).locator(f'label[for="q-{KEY}-evidence-0-url"]')).to_contain_text(
        "required"
    )


def test_text_typed_before_choosing_survives_a_reload(page, people):
    sign_in(page, "owner@example.org")
    create_process_and_start(page)
    rationale(page).fill("Still reading the charter.")
    expect(status(page)).to_contain_text("choose", timeout=10_000)
    page.reload()
    expect(rationale(page)).to_have_value("Still reading the charter.")
    expect(status(page)).to_contain_text("this browser")
    question(page, KEY).locator(f'[id="q-{KEY}-ii"]').check()
    expect(status(page)).to_have_text(SAVED, timeout=10_000)
    page.evaluate("localStorage.clear()")
    page.reload()
    expect(rationale(page)).to_have_value("Still reading the charter.")


def test_text_typed_after_the_session_ended_is_kept_until_signed_in_again(page, people):
    sign_in(page, "owner@example.org")
    create_process_and_start(page)
    page.context.clear_cookies()
    question(page, KEY).locator(f'[id="q-{KEY}-ii"]').check()
    rationale(page).fill("Typed after the session ended.")
    expect(status(page)).to_contain_text("session has ended", timeout=10_000)
    other_tab = page.context.new_page()
    sign_in(other_tab, "owner@example.org")
    other_tab.close()
    page.reload()
    expect(rationale(page)).to_have_value("Typed after the session ended.")
    expect(status(page)).to_have_text(SAVED, timeout=10_000)
    page.evaluate("localStorage.clear()")
    page.reload()
    expect(rationale(page)).to_have_value("Typed after the session ended.")


def test_without_scripts_answers_sent_after_the_session_ended_are_saved_after_signing_in(
    browser, live_server, people
):
    context = browser.new_context(base_url=live_server, java_script_enabled=False)
    page = context.new_page()
    sign_in(page, "owner@example.org")
    create_process_and_start(page)
    question(page, KEY).locator(f'[id="q-{KEY}-level-3"]').check()
    rationale(page).fill("Registration is open to anyone who asks.")
    evidence_url(page).fill("https://example.org/register")
    evidence_title(page).fill("Registration page")
    elsewhere = context.new_page()
    elsewhere.goto("/profile")
    elsewhere.get_by_role("button", name="Sign out").click()
    page.get_by_role("button", name=re.compile("^Save and continue")).click()
    expect(page.get_by_role("alert")).to_contain_text("Your session has ended")
    page.get_by_label("Email").fill("owner@example.org")
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("button", name="Send it again").click()
    page.goto(page.url.split("/pillars/")[0] + "/pillars/openness")
    expect(rationale(page)).to_have_value("Registration is open to anyone who asks.")
    expect(evidence_title(page)).to_have_value("Registration page")
    expect(question(page, KEY).locator(f'[id="q-{KEY}-level-3"]')).to_be_checked()
    context.close()
