"""Account pages in a real browser: usable by keyboard alone, and accessible."""

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.accessibility import accessibility_findings
from tests.factories import TEST_PASSWORD
from tests.users.helpers import add_user


@pytest.fixture
def people(app) -> dict[str, int]:
    return {
        "admin": add_user(app, "admin@example.org", ["admin"], None),
        "assessor": add_user(app, "ana@example.org", ["assessor"]),
    }


def at_home(url: str) -> bool:
    return urlsplit(url).path == "/"


def focused(page, expression: str) -> str:
    return page.evaluate(f"document.activeElement.{expression}")


def tab_to(page, matches, limit: int = 40) -> None:
    """Press Tab until ``matches(page)`` holds for the focused element."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if matches(page):
            return
    pytest.fail("the element was never reached with the Tab key")


def sign_in_with_form(page, email: str) -> None:
    page.goto("/sign-in")
    page.fill("#field-email", email)
    page.fill("#field-password", TEST_PASSWORD)
    page.click("form.form button[type=submit]")
    page.wait_for_url(at_home)


def test_keyboard_alone_signs_in_opens_the_profile_and_creates_a_token(page, people):
    page.goto("/")
    tab_to(page, lambda p: focused(p, "textContent") == "Sign in")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*/sign-in\?next=/$"))
    tab_to(page, lambda p: focused(p, "id") == "field-email")
    page.keyboard.type("ana@example.org")
    page.keyboard.press("Tab")
    assert focused(page, "id") == "field-password"
    page.keyboard.type(TEST_PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(at_home)

    tab_to(page, lambda p: focused(p, "textContent") == "Profile")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*/profile$"))
    assert page.locator("h1").inner_text() == "Your profile"
    assert page.get_by_text("ana@example.org").is_visible()

    tab_to(page, lambda p: focused(p, "id") == "field-name")
    page.keyboard.type("browser script")
    page.keyboard.press("Enter")
    page.wait_for_selector("#new-token")
    assert page.locator("#new-token").inner_text().startswith("asr_")
    assert page.get_by_text("it will not be shown again").is_visible()
    assert page.get_by_role("cell", name="browser script", exact=True).is_visible()


def test_error_summary_links_move_focus_to_the_field(page, people):
    page.goto("/sign-in")
    page.click("form.form button[type=submit]")
    tab_to(page, lambda p: focused(p, "textContent") == "Email: enter your email address")
    page.keyboard.press("Enter")
    # Following the link moves focus once the browser has handled the key: wait for it.
    expect(page.locator("#field-email")).to_be_focused()


def test_sign_in_page_has_no_accessibility_findings(page, people):
    page.goto("/sign-in")
    assert accessibility_findings(page) == []


def test_sign_in_page_with_errors_has_no_accessibility_findings(page, people):
    page.goto("/sign-in")
    page.fill("#field-email", "ana@example.org")
    page.click("form.form button[type=submit]")
    page.wait_for_selector(".error-summary")
    assert accessibility_findings(page) == []


@pytest.mark.parametrize(
    "path", ["/profile", "/admin/users", "/admin/users/new", "/admin/users/{assessor}"]
)
def test_account_pages_have_no_accessibility_findings(page, people, path):
    sign_in_with_form(page, "admin@example.org")
    page.goto(path.format(assessor=people["assessor"]))
    assert accessibility_findings(page) == []


def test_profile_with_errors_and_a_new_token_has_no_accessibility_findings(page, people):
    sign_in_with_form(page, "ana@example.org")
    page.goto("/profile")
    page.fill("#field-display_name", "")
    page.click("text=Save details")
    page.wait_for_selector(".error-summary")
    assert accessibility_findings(page) == []
    page.fill("#field-name", "ci")
    page.click("text=Create token")
    page.wait_for_selector("#new-token")
    assert accessibility_findings(page) == []
