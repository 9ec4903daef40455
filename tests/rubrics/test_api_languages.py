"""The rubric API with ``?lang=``: the text in that language where the rubric has it."""

import pytest

from tests.factories import rubric_document, stored_rubric

DETAIL = "/api/v1/rubrics/sample-rubric/1.0.0"


@pytest.fixture
def french_rubric(session):
    stored_rubric(session, rubric_document(translated_into=("fr",)))
    session.commit()


def test_lang_gives_the_text_in_that_language(client, french_rubric):
    body = client.get(f"{DETAIL}?lang=fr").get_json()
    assert (body["language"], body["languages"]) == ("fr", ["en", "fr"])
    assert (body["title"], body["summary"]) == ("Sample rubric [fr]", "A rubric for tests. [fr]")
    pillar = body["pillars"][0]
    assert (pillar["title"], pillar["summary"]) == ("Openness [fr]", "Who may take part. [fr]")
    question = pillar["questions"][0]
    assert question["prompt"] == "Is open participation realised? [fr]"
    assert question["guidance"] == "Look for public records of open participation. [fr]"
    assert question["levels"][2]["descriptor"] == "open_participation is partial. [fr]"


def test_keys_level_names_and_sources_are_the_same_in_every_language(client, french_rubric):
    english = client.get(DETAIL).get_json()
    french = client.get(f"{DETAIL}?lang=fr").get_json()
    question, question_fr = (
        english["pillars"][0]["questions"][0],
        french["pillars"][0]["questions"][0],
    )
    assert [level["name"] for level in question_fr["levels"]] == [
        "Absent",
        "Minimal",
        "Partial",
        "Substantial",
        "Full",
    ]
    assert question_fr["sources"] == question["sources"]
    assert french["sources"] == english["sources"]
    assert (question_fr["key"], question_fr["weight"]) == (question["key"], question["weight"])
    assert french["content_hash"] == english["content_hash"]


def test_without_lang_the_text_is_the_rubric_own_whatever_the_browser(client, french_rubric):
    body = client.get(DETAIL, headers={"Accept-Language": "fr"}).get_json()
    assert (body["language"], body["title"]) == ("en", "Sample rubric")
    assert body["languages"] == ["en", "fr"]


def test_a_language_the_rubric_lacks_gives_its_own(client, french_rubric):
    body = client.get(f"{DETAIL}?lang=de").get_json()
    assert (body["language"], body["title"]) == ("en", "Sample rubric")
    assert body["pillars"][1]["questions"][1]["prompt"] == "Is decision rationale realised?"


def test_the_list_gives_titles_in_the_language_asked_for(client, french_rubric):
    (item,) = client.get("/api/v1/rubrics?lang=fr").get_json()["items"]
    assert (item["language"], item["title"]) == ("fr", "Sample rubric [fr]")
    assert item["languages"] == ["en", "fr"]


@pytest.mark.parametrize("path", [DETAIL, "/api/v1/rubrics"])
def test_a_lang_that_is_not_a_language_tag_is_refused(client, french_rubric, path):
    response = client.get(f"{path}?lang=French")
    assert response.status_code == 422
    assert response.get_json() == {"errors": {"lang": ["must be a language tag such as en"]}}


def test_the_document_describes_lang(client):
    document = client.get("/api/v1/openapi.json").get_json()
    parameters = document["paths"]["/api/v1/rubrics/{slug}/{version}"]["get"]["parameters"]
    assert {"in": "query", "name": "lang"}.items() <= next(
        parameter for parameter in parameters if parameter["name"] == "lang"
    ).items()
