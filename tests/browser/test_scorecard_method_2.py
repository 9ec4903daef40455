"""Method 2 on the scorecard in a real browser: range, evidence needed, gaps and the stage
matrix, read as a person and a screen reader would."""

import pytest
from playwright.sync_api import expect

from tests.browser.accessibility import accessibility_findings
from tests.scorecards.staged import staged_assessment_id


@pytest.fixture
def scorecard(page, session):
    page.goto(f"/assessments/{staged_assessment_id(session)}/scorecard")
    return page


def test_the_range_and_the_information_coverage_are_shown(scorecard):
    expect(scorecard.locator(".score-range")).to_have_text(
        "19.4, up to 75.0 if every unknown were met"
    )
    expect(scorecard.locator(".indicators")).to_contain_text("Information on 44.4% of the weight")


def test_unknowns_are_evidence_needed_and_the_level_1_answer_a_gap(scorecard):
    needed = scorecard.get_by_role("region", name="Evidence needed")
    expect(needed.get_by_role("listitem")).to_have_count(4)
    expect(needed).to_contain_text("Look for public records of membership lists.")
    gaps = scorecard.get_by_role("region", name="Gaps", exact=True)
    expect(gaps).to_contain_text("Is decision rationale realised? Level 1 · Minimal")
    expect(gaps).not_to_contain_text("public documents")


def test_the_stage_matrix_marks_the_closed_decision_in_words(scorecard):
    matrix = scorecard.get_by_role("table", name="Scores by stage of the process and pillar")
    decision = matrix.get_by_role("row", name="Decision-making")
    expect(decision.get_by_role("cell").first).to_have_text("0.0 ▼ below an earlier stage")
    agenda = matrix.get_by_role("row", name="Agenda-setting")
    expect(agenda.get_by_role("cell").nth(1)).to_have_text("no question")
    # Shaded as well as marked: the background of a flagged cell differs from a plain one's.
    flagged, plain = (
        cell.evaluate("element => getComputedStyle(element).backgroundColor")
        for cell in (decision.get_by_role("cell").first, agenda.get_by_role("cell").first)
    )
    assert flagged != plain


def test_the_scorecard_has_no_accessibility_findings(scorecard):
    assert accessibility_findings(scorecard) == []
