"""The process page by stakeholder perspective, and the history of revisions, in a browser."""

import pytest

from assessor.assessments.answers import save_answer
from assessor.assessments.workflow import publish, revise, submit
from tests.browser.accessibility import accessibility_findings
from tests.factories import published_assessment, shipped_rubric, stored_process, stored_user

CHANGED_KEY = "openness.open_participation"


def published_revision(session, assessor, reviewer, assessment):
    """A revision raising one answer to level 4 for new evidence, published."""
    revision = revise(session, assessor, assessment)
    stored = next(answer for answer in revision.answers if answer.question_key == CHANGED_KEY)
    data = {
        "level": 4,
        "not_applicable": False,
        "insufficient_information": False,
        "rationale": "The 2026 charter opens every meeting to all.",
        "change_reason": "new_evidence",
        "version": stored.row_version,
        "evidence": [{"url": "https://example.org/charter", "title": "Charter"}],
    }
    save_answer(session, assessor, revision, CHANGED_KEY, data)
    submit(session, assessor, revision)
    publish(session, reviewer, revision)
    return revision


@pytest.fixture
def process(session):
    """Three perspectives' published assessments of the shipped rubric, one of them revised."""
    rubric = shipped_rubric(session)
    made = stored_process(session)
    ana = stored_user(session, "ana@example.org", ["assessor"])
    ben = stored_user(session, "ben@example.org", ["assessor"], "government")
    rui = stored_user(session, "rui@example.org", ["reviewer"], "academia")
    first = published_assessment(session, rubric, made, ana, rui, level_of=lambda i: i % 4)
    published_assessment(session, rubric, made, ben, rui, level_of=lambda i: 3 - i % 4)
    published_assessment(
        session, rubric, made, ana, rui, level_of=lambda i: 2, perspective="technical_community"
    )
    published_revision(session, ana, rui, first)
    session.commit()
    return made


def test_process_page_with_perspectives_has_no_accessibility_findings(page, process):
    page.goto(f"/processes/{process.id}")
    assert page.locator(".perspectives table").count() == 1
    assert page.locator(".perspective-radar svg").count() == 1
    assert accessibility_findings(page) == []


def test_the_wide_perspective_table_can_be_reached_by_keyboard(page, process):
    page.set_viewport_size({"width": 420, "height": 800})
    page.goto(f"/processes/{process.id}")
    page.focus(".wide-table")
    for _ in range(5):
        page.keyboard.press("ArrowRight")
    # Polled from here: a string predicate inside the page would be evaluated there, which
    # the site's Content-Security-Policy (no eval) rightly refuses.
    table = page.locator(".wide-table")
    for _ in range(50):
        if table.evaluate("element => element.scrollLeft") > 0:
            break
        page.wait_for_timeout(100)
    assert table.evaluate("element => element.scrollLeft") > 0


def test_history_page_has_no_accessibility_findings(page, process):
    page.goto(f"/processes/{process.id}")
    page.click("text=History of revisions")
    page.wait_for_url(f"**/processes/{process.id}/history")
    assert page.locator("table.answer-changes tbody tr").count() == 1
    assert accessibility_findings(page) == []
