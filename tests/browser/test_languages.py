"""Languages in a real browser: the switch by keyboard alone, the questionnaire in French."""

import re

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from assessor.assessments.models import Answer
from assessor.assessments.service import start_assessment
from assessor.db import db
from tests.assessments.test_questionnaire_languages import translate_into_french
from tests.browser.accessibility import accessibility_findings
from tests.browser.test_accounts import focused, sign_in_with_form, tab_to
from tests.factories import stored_process, stored_rubric, stored_user

QUESTION = "openness.open_participation"


@pytest.fixture
def french_draft(app) -> int:
    """A draft on a rubric partly in French, by an assessor whose profile is French."""
    with app.app_context():
        rubric = stored_rubric(db.session)
        translate_into_french(rubric)
        owner = stored_user(db.session, "owner@example.org", ["assessor"])
        owner.language = "fr"
        process = stored_process(db.session)
        data = {"process_id": process.id, "rubric": rubric.label, "perspective": "civil_society"}
        assessment = start_assessment(db.session, owner, data)
        db.session.commit()
        return assessment.id


def test_the_keyboard_alone_switches_the_pages_to_french(page, app):
    page.goto("/")
    tab_to(page, lambda p: focused(p, "id") == "language-choice")
    page.keyboard.type("Fr")  # the select's type-ahead picks Français
    assert focused(page, "value") == "fr"
    page.keyboard.press("Tab")
    assert focused(page, "textContent") == "Change"
    page.keyboard.press("Enter")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Ce processus est-il vraiment multipartite\u00a0?"
    )
    expect(page.get_by_role("button", name="Changer")).to_be_visible()
    page.goto("/rubrics")
    expect(page.locator("html")).to_have_attribute("lang", "fr")


def test_the_french_questionnaire_saves_by_itself_and_records_a_french_rationale(
    page, app, french_draft
):
    sign_in_with_form(page, "owner@example.org")
    page.goto(f"/assessments/{french_draft}/pillars/openness")
    section = page.locator(f'[data-question="{QUESTION}"]')
    section.locator(f'[id="q-{QUESTION}-ii"]').check()
    section.get_by_label("Justification", exact=True).fill("Aucun document public.")
    expect(section.locator("[data-status]")).to_have_text(re.compile(r"^Enregistré à \d"))
    with app.app_context():
        answer = db.session.scalars(select(Answer).where(Answer.question_key == QUESTION)).one()
        assert answer.rationale_language == "fr"


def test_the_script_says_what_is_missing_in_french(page, app, french_draft):
    sign_in_with_form(page, "owner@example.org")
    page.goto(f"/assessments/{french_draft}/pillars/openness")
    section = page.locator(f'[data-question="{QUESTION}"]')
    section.locator(f'[id="q-{QUESTION}-level-3"]').check()
    expect(section.locator('[data-message="rationale"]')).to_have_text(
        "Expliquez la réponse\u00a0: une justification est requise pour ce choix."
    )


def test_a_french_questionnaire_has_no_accessibility_findings(page, app, french_draft):
    sign_in_with_form(page, "owner@example.org")
    page.goto(f"/assessments/{french_draft}/pillars/openness")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    assert accessibility_findings(page) == []


def test_french_account_pages_have_no_accessibility_findings(page, app, french_draft):
    sign_in_with_form(page, "owner@example.org")
    for path in ("/profile", f"/assessments/{french_draft}", "/api"):
        page.goto(path)
        expect(page.locator("html")).to_have_attribute("lang", "fr")
        assert accessibility_findings(page) == [], path
