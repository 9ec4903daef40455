"""The questionnaire in French: its interface, the rubric's text where translated, its script.

Data is stored in short app contexts of its own (see tests/users/helpers.py), so that every
request chooses its language afresh, as in production.
"""

import json
import re

from assessor.assessments.service import start_assessment
from assessor.db import db
from tests.assessments.pages import csrf_token, sign_in
from tests.factories import stored_process, stored_rubric, stored_user

FRENCH = {"Accept-Language": "fr"}
PILLAR = "/assessments/{id}/pillars/openness"
QUESTION = "openness.open_participation"


def translate_into_french(rubric) -> None:
    """Part of the sample rubric in French, as a loaded translation would store it."""
    rubric.languages = ["en", "fr"]
    rubric.translations = {"fr": {"title": "Grille d'essai"}}
    openness = rubric.pillars[0]
    openness.translations = {"fr": {"title": "Ouverture", "summary": "Qui peut participer."}}
    question = openness.questions[0]
    question.translations = {
        "fr": {"prompt": "La participation est-elle ouverte ?", "guidance": "Cherchez les règles."}
    }
    question.levels[3].translations = {"fr": {"descriptor": "L'ouverture est substantielle."}}


def stored_assessment(app, *, french_rubric: bool, language: str | None = None) -> int:
    with app.app_context():
        rubric = stored_rubric(db.session)
        if french_rubric:
            translate_into_french(rubric)
        owner = stored_user(db.session, "owner@example.org", ["assessor"])
        owner.language = language
        process = stored_process(db.session)
        data = {"process_id": process.id, "rubric": rubric.label, "perspective": "civil_society"}
        assessment = start_assessment(db.session, owner, data)
        db.session.commit()
        return assessment.id


def pillar_page(client, assessment_id: int, **kwargs) -> str:
    response = client.get(PILLAR.format(id=assessment_id), **kwargs)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def script_texts(page: str) -> dict:
    found = re.search(
        r'<script type="application/json" id="questionnaire-texts">(.*?)</script>', page
    )
    return json.loads(found[1])


def test_a_user_whose_profile_is_french_answers_in_french(app, client):
    assessment_id = stored_assessment(app, french_rubric=True, language="fr")
    sign_in(client, "owner@example.org")
    page = pillar_page(client, assessment_id)
    assert '<html lang="fr" dir="ltr">' in page
    assert "<legend>Votre réponse</legend>" in page
    assert ">Justification</label>" in page
    assert '<span lang="fr" dir="ltr">Ouverture</span>' in page
    assert '<span lang="fr" dir="ltr">La participation est-elle ouverte ?</span>' in page
    assert "<strong>3 · Substantiel.</strong>" in page
    assert '<span lang="fr" dir="ltr">L&#39;ouverture est substantielle.</span>' in page
    assert "Enregistrer et passer à" in page


def test_a_browser_asking_for_french_gets_the_questionnaire_in_french(app, client):
    assessment_id = stored_assessment(app, french_rubric=True)
    sign_in(client, "owner@example.org")
    page = pillar_page(client, assessment_id, headers=FRENCH)
    assert "<legend>Votre réponse</legend>" in page
    assert '<span lang="fr" dir="ltr">Ouverture</span>' in page


def test_rubric_text_not_in_french_stays_english_and_is_marked_so(app, client):
    assessment_id = stored_assessment(app, french_rubric=False)
    sign_in(client, "owner@example.org")
    page = pillar_page(client, assessment_id, headers=FRENCH)
    assert "<legend>Votre réponse</legend>" in page
    assert '<span lang="en" dir="ltr">Openness</span>' in page
    assert (
        '<span lang="en" dir="ltr">openness.open_participation is substantial.</span>' not in page
    )
    assert '<span lang="en" dir="ltr">open_participation is substantial.</span>' in page


def test_the_script_gets_its_words_and_the_apis_messages_in_french(app, client):
    assessment_id = stored_assessment(app, french_rubric=True)
    sign_in(client, "owner@example.org")
    texts = script_texts(pillar_page(client, assessment_id, headers=FRENCH))
    assert texts["saving"] == "Enregistrement…"
    assert texts["saved"] == "Enregistré à {time}"
    assert texts["keep_mine"] == "Garder la mienne"
    assert texts["level"] == "niveau {level}"
    english = "Explain the answer: a rationale is required for this choice."
    assert texts["messages"][english].startswith("Expliquez la réponse")
    assert texts["messages"]["a title is required"] == "un titre est requis"


def save_pillar(client, assessment_id: int, fields: dict, **kwargs):
    path = PILLAR.format(id=assessment_id)
    prefix = f"q-{QUESTION}-"
    data = {prefix + name: value for name, value in fields.items()}
    return client.post(path, data={"csrf_token": csrf_token(client, path), **data}, **kwargs)


def test_what_an_unfinished_evidence_row_lacks_is_said_in_french(app, client):
    assessment_id = stored_assessment(app, french_rubric=True)
    sign_in(client, "owner@example.org")
    fields = {"choice": "3", "rationale": "Ouverte.", "evidence-0-url": "ftp://example.org"}
    response = save_pillar(client, assessment_id, fields, headers=FRENCH)
    page = response.get_data(as_text=True)
    assert "Enregistré, mais 1 réponse ne peut pas encore être soumise" in page
    assert "doit être une adresse http ou https" in page
    assert "Élément de preuve 1, titre\u00a0: un titre est requis" in page


def test_what_an_answer_lacks_is_said_in_french(app, client):
    assessment_id = stored_assessment(app, french_rubric=True)
    sign_in(client, "owner@example.org")
    save_pillar(client, assessment_id, {"choice": "3"}, headers=FRENCH)
    page = pillar_page(client, assessment_id, headers=FRENCH)
    assert "Expliquez la réponse\u00a0: une justification est requise pour ce choix." in page
    assert "Ajoutez au moins un élément de preuve" in page


def test_the_overview_and_history_are_in_french(app, client):
    assessment_id = stored_assessment(app, french_rubric=True, language="fr")
    sign_in(client, "owner@example.org")
    overview = client.get(f"/assessments/{assessment_id}").get_data(as_text=True)
    assert 'class="status status-draft">Brouillon</span>' in overview
    assert "Poursuivre le questionnaire" in overview
    assert "pour la perspective «\u00a0Société civile\u00a0»" in overview
    history = client.get(f"/assessments/{assessment_id}/history").get_data(as_text=True)
    assert "a commencé l&#39;évaluation" in history


def test_a_refusal_page_explains_itself_in_french(app, client):
    assessment_id = stored_assessment(app, french_rubric=False)
    with app.app_context():
        stored_user(db.session, "reviewer@example.org", ["reviewer"], "academia")
        db.session.commit()
    sign_in(client, "reviewer@example.org")
    response = client.get(f"/assessments/{assessment_id}/return", headers=FRENCH)
    page = response.get_data(as_text=True)
    assert response.status_code == 409
    assert "<h1>Erreur 409</h1>" in page
    assert "Seule une évaluation soumise peut être renvoyée" in page
    assert "«\u00a0brouillon\u00a0»" in page


def test_the_api_still_refuses_in_english(app, client):
    assessment_id = stored_assessment(app, french_rubric=False, language="fr")
    sign_in(client, "owner@example.org")
    token = csrf_token(client, PILLAR.format(id=assessment_id))
    response = client.put(
        f"/api/v1/assessments/{assessment_id}/answers/{QUESTION}",
        json={"level": 9},
        headers={"X-CSRFToken": token, **FRENCH},
    )
    assert response.status_code == 422
    assert response.get_json()["errors"]["level"] == ["must be a level from 0 to 4"]


def test_english_rubric_text_stays_left_to_right_on_a_right_to_left_page(app, client, monkeypatch):
    monkeypatch.setitem(app.config, "LANGUAGES", ("en", "fr", "ar"))
    assessment_id = stored_assessment(app, french_rubric=True)
    sign_in(client, "owner@example.org")
    page = pillar_page(client, assessment_id, headers={"Accept-Language": "ar"})
    assert '<html lang="ar" dir="rtl">' in page
    assert '<span lang="en" dir="ltr">Openness</span>' in page
