"""Rubrics through the API: every loaded version listed, each one readable in full."""

from tests.factories import rubric_document, stored_rubric, tagged

RUBRICS = "/api/v1/rubrics"


def store_versions(session, *versions: str) -> None:
    for version in versions:
        stored_rubric(session, rubric_document(version=version))
    session.commit()


def test_rubric_list_is_empty_before_any_rubric_is_loaded(client):
    response = client.get(RUBRICS)
    assert response.status_code == 200
    assert response.get_json() == {"items": []}


def test_rubric_list_shows_every_version_newest_first(client, session):
    store_versions(session, "1.0.0", "1.10.0", "1.9.0")
    items = client.get(RUBRICS).get_json()["items"]
    assert [item["label"] for item in items] == [
        "sample-rubric@1.10.0",
        "sample-rubric@1.9.0",
        "sample-rubric@1.0.0",
    ]


def test_rubric_list_item_summarises_the_version(client, session):
    store_versions(session, "1.0.0")
    (item,) = client.get(RUBRICS).get_json()["items"]
    assert set(item) == {
        "slug",
        "version",
        "label",
        "title",
        "language",
        "languages",
        "summary",
        "content_hash",
        "loaded_at",
        "question_count",
        "url",
    }
    assert (item["title"], item["language"], item["question_count"]) == ("Sample rubric", "en", 4)
    assert len(item["content_hash"]) == 64


def test_rubric_list_item_links_to_the_full_rubric(client, session):
    store_versions(session, "1.0.0")
    (item,) = client.get(RUBRICS).get_json()["items"]
    assert item["url"] == f"{RUBRICS}/sample-rubric/1.0.0"
    assert client.get(item["url"]).get_json()["label"] == "sample-rubric@1.0.0"


def test_rubric_detail_has_sources_pillars_and_questions(client, session):
    store_versions(session, "1.0.0")
    body = client.get(f"{RUBRICS}/sample-rubric/1.0.0").get_json()
    assert [source["id"] for source in body["sources"]] == ["ws41"]
    assert [pillar["key"] for pillar in body["pillars"]] == ["openness", "transparency"]
    assert [question["key"] for question in body["pillars"][1]["questions"]] == [
        "transparency.public_documents",
        "transparency.decision_rationale",
    ]


def test_rubric_question_has_its_levels_and_citations(client, session):
    store_versions(session, "1.0.0")
    body = client.get(f"{RUBRICS}/sample-rubric/1.0.0").get_json()
    question = body["pillars"][0]["questions"][0]
    assert [level["name"] for level in question["levels"]] == [
        "Absent",
        "Minimal",
        "Partial",
        "Substantial",
        "Full",
    ]
    assert question["levels"][4]["descriptor"] == "open_participation is full."
    assert question["sources"] == [{"source": "ws41", "locator": "Agenda, recommendation 1"}]


def test_rubric_question_names_the_stages_it_concerns(client, session):
    stages = (["agenda_setting", "decision_making"], ["whole_process"], ["policy_formulation"])
    stored_rubric(session, tagged(rubric_document(), *stages, ["decision_making"]))
    store_versions(session, "1.1.0")
    tagged_version = client.get(f"{RUBRICS}/sample-rubric/1.0.0").get_json()
    questions = [q for pillar in tagged_version["pillars"] for q in pillar["questions"]]
    assert [q["stages"] for q in questions] == [*stages, ["decision_making"]]
    untagged = client.get(f"{RUBRICS}/sample-rubric/1.1.0").get_json()
    assert untagged["pillars"][0]["questions"][0]["stages"] == []


def test_rubric_detail_is_public(callers, session):
    store_versions(session, "1.0.0")
    assert callers["anonymous"].get(f"{RUBRICS}/sample-rubric/1.0.0").status_code == 200


def test_unknown_rubric_version_is_404_json(client, session):
    store_versions(session, "1.0.0")
    response = client.get(f"{RUBRICS}/sample-rubric/9.9.9")
    assert response.status_code == 404
    assert response.get_json() == {"errors": {"_": ["There is no rubric sample-rubric@9.9.9."]}}
