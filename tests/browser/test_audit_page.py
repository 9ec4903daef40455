"""The audit page in a real browser: filtered by keyboard alone, the filters kept in the
address, and accessible with events and without."""

from datetime import UTC, datetime

import pytest

from tests.browser.accessibility import accessibility_findings
from tests.browser.test_processes_pages import sign_in, tab_to
from tests.factories import stored_event, stored_process, stored_user


@pytest.fixture
def trail(session) -> dict:
    admin = stored_user(session, "admin@example.org", ["admin"], None)
    ana = stored_user(session, "ana@example.org", ["assessor"])
    process = stored_process(session, created_by_id=ana.id)
    for day in range(1, 26):
        stored_event(
            session,
            "process.updated",
            process,
            at=datetime(2026, 11, day, 9, tzinfo=UTC),
            actor=ana,
            before={"description": f"Version {day - 1}."},
            after={"description": f"Version {day}."},
        )
    stored_event(
        session,
        "user.roles_changed",
        ana,
        at=datetime(2026, 11, 30, 9, tzinfo=UTC),
        actor=admin,
        before={"roles": []},
        after={"roles": ["assessor"]},
    )
    session.commit()
    return {"process": process.id}


def test_filtering_by_keyboard_keeps_the_filters_in_the_address(page, trail):
    sign_in(page, "admin@example.org")
    page.goto("/")
    tab_to(page, 'a[href="/admin/audit"]')
    page.keyboard.press("Enter")
    page.wait_for_url("**/admin/audit")
    assert page.locator("table.audit-events tbody tr").count() == 20
    tab_to(page, "#filter-actor")
    page.keyboard.type("ana@example.org")
    tab_to(page, "#filter-action")
    page.keyboard.type("Process edited")  # a select picks the option typed
    tab_to(page, "#filter-from")
    page.keyboard.type("11202026")  # month, day, year: Chromium's date field in English
    tab_to(page, ".filters button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url("**/admin/audit?actor=*")
    assert "action=process.updated" in page.url and "from=2026-11-20" in page.url
    assert page.locator("#results-title").text_content() == "6 events found"
    assert page.locator("#filter-actor").input_value() == "ana@example.org"
    assert accessibility_findings(page) == []


def test_the_pages_of_the_trail_are_reached_by_keyboard(page, trail):
    sign_in(page, "admin@example.org")
    page.goto("/admin/audit?subject_type=process")
    tab_to(page, ".pagination a[rel=next]", limit=80)
    page.keyboard.press("Enter")
    page.wait_for_url("**/admin/audit?page=2&subject_type=process")
    assert page.locator("table.audit-events tbody tr").count() == 5


def test_the_empty_trail_is_accessible(page, session):
    stored_user(session, "admin@example.org", ["admin"], None)
    session.commit()
    sign_in(page, "admin@example.org")
    page.goto("/admin/audit?action=user.deactivated")
    assert "No event matches these filters." in page.locator("main").text_content()
    assert accessibility_findings(page) == []
