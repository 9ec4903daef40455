"""Process pages in a real browser: searched and filtered by keyboard alone, and accessible."""

import pytest

from assessor.assessments.workflow import withdraw
from tests.browser.accessibility import accessibility_findings
from tests.factories import TEST_PASSWORD, stored_process, stored_rubric, stored_user
from tests.processes.test_pages import draft_assessment, published_assessment


@pytest.fixture
def processes(session):
    """A few processes of different scopes, layers and organizations."""
    made = [
        stored_process(session, name="IGF 2013 Workshop #41", description="A roundtable in Bali."),
        stored_process(
            session,
            name="Bali national consultation",
            convening_organization="Kominfo",
            description="Held in Bali after the IGF.",
            scope="national",
            layer="on_the_internet",
        ),
        stored_process(session, name="NETmundial", convening_organization="CGI.br"),
    ]
    session.commit()
    return made


@pytest.fixture
def assessed_process(session, processes):
    """A process with a published, a withdrawn and a draft assessment."""
    process = processes[0]
    assessor = stored_user(session, "assessor@example.org", ["assessor"])
    reviewer = stored_user(session, "reviewer@example.org", ["reviewer"], "academia")
    admin = stored_user(session, "admin@example.org", ["admin"], None)
    stored_rubric(session)
    published_assessment(session, process, assessor, reviewer)
    withdrawn = published_assessment(session, process, assessor, reviewer)
    withdraw(session, admin, withdrawn, "The evidence was not public.")
    draft_assessment(session, process, assessor)
    session.commit()
    return process


def tab_to(page, selector: str, limit: int = 40) -> None:
    """Press Tab until the element matching ``selector`` has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def sign_in(page, email: str) -> None:
    page.goto("/sign-in")
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", TEST_PASSWORD)
    page.press("input[name=password]", "Enter")
    page.wait_for_load_state()


def test_search_and_filter_with_the_keyboard_alone(page, processes):
    page.goto("/processes")
    tab_to(page, "#filter-q")
    page.keyboard.type("bali")
    tab_to(page, "#filter-scope")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.value") == "national"
    tab_to(page, ".filters button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url("**/processes?q=bali*")
    assert "scope=national" in page.url
    assert page.locator("table.processes tbody tr").count() == 1
    tab_to(page, "table.processes a")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/processes/{processes[1].id}")
    assert page.locator("h1").text_content() == "Bali national consultation"


def test_clearing_the_filters_with_the_keyboard_shows_every_process(page, processes):
    page.goto("/processes?q=nothing+like+this")
    assert "No process matches this search." in page.locator("main").text_content()
    tab_to(page, ".empty a")
    page.keyboard.press("Enter")
    page.wait_for_url("**/processes")
    assert page.locator("table.processes tbody tr").count() == 3


def test_process_list_has_no_accessibility_findings(page, processes):
    page.goto("/processes?scope=global")
    assert accessibility_findings(page) == []


@pytest.mark.parametrize("path", ["/processes", "/processes?q=nothing&page=abc"])
def test_empty_process_list_has_no_accessibility_findings(page, app, path):
    page.goto(path)
    assert accessibility_findings(page) == []


def test_process_page_has_no_accessibility_findings(page, assessed_process):
    sign_in(page, "assessor@example.org")
    page.goto(f"/processes/{assessed_process.id}?saved=1")
    assert page.locator("table.assessments").count() == 2
    assert accessibility_findings(page) == []


def test_process_form_with_errors_has_no_accessibility_findings(page, assessed_process):
    sign_in(page, "assessor@example.org")
    page.goto("/processes/new")
    page.fill("#field-public_url", "not a web address")
    page.click("main button[type=submit]")
    page.wait_for_load_state()
    assert page.locator(".error-summary li").count() == 5
    assert accessibility_findings(page) == []
