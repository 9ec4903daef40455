"""The language a rationale is written in: given, or the request's; kept while the text is.

Data is stored in short app contexts of its own, so that every request chooses its language
afresh, as in production (see tests/users/helpers.py).
"""

import re

import pytest
from sqlalchemy import select

from assessor.assessments.models import Answer, Assessment
from assessor.assessments.service import start_assessment
from assessor.db import db
from assessor.users.models import User
from assessor.users.tokens import create_token
from tests.assessments.pages import csrf_token, sign_in
from tests.factories import stored_process, stored_rubric, stored_user

QUESTION = "openness.open_participation"
EVIDENCE = [{"url": "https://example.org/rules", "title": "Rules"}]


@pytest.fixture
def draft(app) -> dict:
    """An assessor's draft, and a token to call the API as that assessor."""
    with app.app_context():
        rubric = stored_rubric(db.session)
        owner = stored_user(db.session, "owner@example.org", ["assessor"])
        process = stored_process(db.session)
        data = {"process_id": process.id, "rubric": rubric.label, "perspective": "civil_society"}
        assessment = start_assessment(db.session, owner, data)
        token = create_token(db.session, owner, "tests")[1]
        db.session.commit()
        return {"id": assessment.id, "owner": owner.id, "process": process.id, "token": token}


def put_answer(client, draft, body: dict, headers: dict | None = None):
    path = f"/api/v1/assessments/{draft['id']}/answers/{QUESTION}"
    auth = {"Authorization": f"Bearer {draft['token']}"}
    return client.put(path, json=body, headers={**auth, **(headers or {})})


def answer_body(rationale: str, version: int | None = None, **fields) -> dict:
    return {"level": 3, "rationale": rationale, "evidence": EVIDENCE, "version": version, **fields}


def stored_rationale_language(app, assessment_id: int) -> str | None:
    with app.app_context():
        answer = db.session.scalars(
            select(Answer).where(Answer.assessment_id == assessment_id)
        ).one()
        return answer.rationale_language


def test_the_api_records_the_language_given_and_returns_it(app, client, draft):
    response = put_answer(client, draft, answer_body("Aberto a todos.", rationale_language="pt-BR"))
    assert response.status_code == 200
    assert response.get_json()["rationale_language"] == "pt-BR"
    assert stored_rationale_language(app, draft["id"]) == "pt-BR"
    shown = client.get(
        f"/api/v1/assessments/{draft['id']}",
        headers={"Authorization": f"Bearer {draft['token']}"},
    )
    assert shown.get_json()["answers"][0]["rationale_language"] == "pt-BR"


@pytest.mark.parametrize("tag", ["not a tag", "xx", "fr_FR", "", "e" * 17])
def test_the_api_refuses_what_is_not_a_language_tag(client, draft, tag):
    response = put_answer(client, draft, answer_body("Open.", rationale_language=tag))
    assert response.status_code == 422
    assert response.get_json()["errors"] == {
        "rationale_language": ["must be a language tag, such as en, fr or pt-BR"]
    }


def test_left_out_it_is_the_language_the_browser_asks_for(client, draft):
    response = put_answer(client, draft, answer_body("Ouvert à tous."), {"Accept-Language": "fr"})
    assert response.get_json()["rationale_language"] == "fr"


def test_left_out_it_is_the_token_holders_profile_language(app, client, draft):
    with app.app_context():
        db.session.get(User, draft["owner"]).language = "fr"
        db.session.commit()
    response = put_answer(client, draft, answer_body("Ouvert à tous."), {"Accept-Language": "en"})
    assert response.get_json()["rationale_language"] == "fr"


def test_left_out_with_no_preference_it_is_english(client, draft):
    assert put_answer(client, draft, answer_body("Open.")).get_json()["rationale_language"] == "en"


def test_an_empty_rationale_has_no_language(client, draft):
    body = {"insufficient_information": True, "rationale": "  ", "rationale_language": "fr"}
    assert put_answer(client, draft, body).get_json()["rationale_language"] is None


def test_the_language_stays_while_the_rationale_does_and_follows_a_new_one(client, draft):
    first = put_answer(client, draft, answer_body("Ouvert."), {"Accept-Language": "fr"})
    version = first.get_json()["version"]
    same_text = put_answer(client, draft, answer_body("Ouvert.", version, level=4))
    assert same_text.get_json()["rationale_language"] == "fr"
    new_text = put_answer(client, draft, answer_body("Open to all.", version + 1))
    assert new_text.get_json()["rationale_language"] == "en"


def test_a_rationale_typed_on_a_french_page_is_recorded_as_french(app, client, draft):
    sign_in(client, "owner@example.org")
    path = f"/assessments/{draft['id']}/pillars/openness?lang=fr"
    prefix = f"q-{QUESTION}-"
    response = client.post(
        path,
        data={
            "csrf_token": csrf_token(client, path),
            prefix + "choice": "ii",
            prefix + "rationale": "Aucun document public.",
        },
    )
    assert response.status_code == 200
    assert stored_rationale_language(app, draft["id"]) == "fr"
    page = client.get(path).get_data(as_text=True)
    textarea = re.search(r'<textarea id="q-openness\.open_participation-rationale"[^>]*>', page)
    assert 'lang="fr"' in textarea[0]


def test_a_copied_answer_keeps_its_rationales_language(app, client, draft):
    put_answer(client, draft, answer_body("Ouvert.", rationale_language="fr"))
    with app.app_context():
        owner = db.session.get(User, draft["owner"])
        rubric_label = db.session.get(Assessment, draft["id"]).rubric.label
        data = {
            "process_id": draft["process"],
            "rubric": rubric_label,
            "perspective": "civil_society",
            "copy_from": draft["id"],
        }
        copy = start_assessment(db.session, owner, data)
        db.session.commit()
        assert copy.answers[0].rationale_language == "fr"
