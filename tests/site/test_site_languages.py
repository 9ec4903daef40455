"""The site's own pages in French: the home page, the documents in English, error pages."""

from assessor.db import db
from tests.factories import stored_rubric

FRENCH = {"Accept-Language": "fr"}


def store_french_rubric(app) -> None:
    with app.app_context():
        rubric = stored_rubric(db.session)
        rubric.languages = ["en", "fr"]
        rubric.translations = {"fr": {"title": "Grille d'essai"}}
        db.session.commit()


def page(client, path: str) -> str:
    return client.get(path, headers=FRENCH).get_data(as_text=True)


def test_the_home_page_speaks_french_and_lists_the_rubric_in_french(app, client):
    store_french_rubric(app)
    body = page(client, "/")
    assert "<h1>Ce processus est-il vraiment multipartite\u00a0?</h1>" in body
    assert 'lang="fr" dir="ltr">Grille d&#39;essai</a>, version 1.0.0 (4 questions)' in body


def test_a_rubric_without_french_is_listed_in_its_own_language(app, client):
    with app.app_context():
        stored_rubric(db.session)
        db.session.commit()
    assert 'lang="en" dir="ltr">Sample rubric</a>, version 1.0.0' in page(client, "/")


def test_the_methodology_says_it_is_in_english_and_marks_it(client):
    body = page(client, "/methodology")
    assert "La méthodologie est rédigée en anglais." in body
    assert '<div class="document" lang="en" dir="ltr">' in body


def test_the_methodology_in_english_needs_no_such_note(client):
    body = client.get("/methodology").get_data(as_text=True)
    assert '<div class="document">' in body and "written in English" not in body


def test_a_missing_page_is_explained_in_french(client):
    response = client.get("/nowhere", headers=FRENCH)
    body = response.get_data(as_text=True)
    assert response.status_code == 404
    assert "<h1>Erreur 404</h1>" in body
    assert "Il n&#39;y a rien ici." in body
    assert "parcourir les grilles" in body


def test_an_expired_form_is_explained_in_french(client):
    response = client.post("/sign-in", data={"email": "a@example.org"}, headers=FRENCH)
    assert response.status_code == 400
    assert "Le formulaire a expiré" in response.get_data(as_text=True)


def test_the_api_still_answers_in_english(client):
    response = client.get("/api/v1/nowhere", headers=FRENCH)
    assert response.get_json() == {
        "errors": {
            "_": ["There is nothing here. The address may be mistyped, or the page may have moved."]
        }
    }
