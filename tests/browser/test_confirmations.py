"""Public acts in a real browser: publishing, withdrawing and describing a process again each
ask for confirmation without scripts' help, by keyboard alone, and are accessible."""

import pytest

from assessor.assessments.workflow import submit
from tests.browser.accessibility import accessibility_findings
from tests.browser.test_processes_pages import sign_in, tab_to
from tests.factories import (
    answered_assessment,
    published_assessment,
    stored_process,
    stored_rubric,
    stored_user,
)


@pytest.fixture
def work(session) -> dict[str, int]:
    owner = stored_user(session, "assessor@example.org", ["assessor"])
    reviewer = stored_user(session, "reviewer@example.org", ["reviewer"], "academia")
    stored_user(session, "admin@example.org", ["admin"], None)
    rubric = stored_rubric(session)
    process = stored_process(session, created_by_id=owner.id)
    submitted = answered_assessment(session, rubric, process, owner)
    submit(session, owner, submitted)
    published = published_assessment(session, rubric, process, owner, reviewer)
    session.commit()
    return {"process": process.id, "submitted": submitted.id, "published": published.id}


def test_publishing_is_confirmed_by_keyboard_and_says_where_it_is_public(page, work, live_server):
    number = work["submitted"]
    sign_in(page, "reviewer@example.org")
    page.goto(f"/assessments/{number}")
    tab_to(page, f'a[href="/assessments/{number}/publish"]')
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/assessments/{number}/publish")
    assert page.locator("h1").text_content() == f"Publish assessment {number}?"
    assert accessibility_findings(page) == []
    tab_to(page, "button[name=confirm]")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/assessments/{number}?done=published")
    notice = page.locator(".confirmation")
    assert f"Assessment {number} is published." in notice.text_content()
    scorecard = f"{live_server}/assessments/{number}/scorecard"
    assert notice.locator(f'a[href="{scorecard}"]').count() == 1
    assert accessibility_findings(page) == []


def test_withdrawing_needs_the_box_ticked_and_says_where_the_notice_is(page, work):
    number = work["published"]
    sign_in(page, "admin@example.org")
    page.goto(f"/assessments/{number}/withdraw")
    page.fill("#field-reason", "The evidence was not public.")
    page.click("main button[type=submit]")
    page.wait_for_load_state()
    assert page.locator("#field-confirm-error").count() == 1
    assert page.locator("#field-reason").input_value() == "The evidence was not public."
    assert accessibility_findings(page) == []
    tab_to(page, "#field-confirm")
    page.keyboard.press("Space")
    tab_to(page, "main button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/assessments/{number}?done=withdrawn")
    notice = page.locator(".confirmation")
    assert f"Assessment {number} is withdrawn." in notice.text_content()
    assert notice.locator(f'a[href="/assessments/{number}/scorecard"]').count() == 1


def test_describing_a_process_again_is_confirmed_with_what_was_typed_kept(page, work):
    sign_in(page, "assessor@example.org")
    page.goto("/processes/new")
    page.fill("#field-name", "igf 2013 WORKSHOP #41")
    page.fill("#field-convening_organization", "APC, Government of Brazil, ICC BASIS and ISOC")
    page.fill("#field-description", "Typed again.")
    page.select_option("#field-scope", "global")
    page.select_option("#field-layer", "of_the_internet")
    page.click("main button[type=submit]")
    page.wait_for_load_state()
    notice = page.locator("#duplicate-notice")
    assert notice.locator(f'a[href="/processes/{work["process"]}"]').count() == 1
    assert page.locator("#field-description").input_value() == "Typed again."
    assert accessibility_findings(page) == []
    tab_to(page, "button[name=confirm_duplicate]")
    page.keyboard.press("Enter")
    page.wait_for_url("**/processes/*?saved=1")
    assert page.locator("h1").text_content() == "igf 2013 WORKSHOP #41"
