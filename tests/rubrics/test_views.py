"""The rubric pages: the list of rubrics and one version in full."""

import pytest

from tests.factories import rubric_document, stored_rubric, tagged


@pytest.fixture
def two_versions(session):
    stored_rubric(session)
    stored_rubric(session, rubric_document(version="1.10.0", title="Sample rubric, revised"))
    stored_rubric(session, rubric_document(version="1.9.0"))
    session.commit()


def test_list_shows_every_version_newest_first(client, two_versions):
    page = client.get("/rubrics").get_data(as_text=True)
    assert page.index(">1.10.0<") < page.index(">1.9.0<") < page.index(">1.0.0<")
    assert 'href="/rubrics/sample-rubric/1.0.0"' in page


def test_list_without_rubrics_says_how_to_load_them(client):
    page = client.get("/rubrics").get_data(as_text=True)
    assert "No rubric is loaded yet" in page


def test_detail_shows_pillars_questions_guidance_weights(client, two_versions):
    page = client.get("/rubrics/sample-rubric/1.0.0").get_data(as_text=True)
    for text in [
        "Openness",
        "Transparency",
        "Is public documents realised?",
        "Look for public records of decision rationale.",
        "weight 2",
        "evidence required from level 2",
        "may be answered “not applicable”",
    ]:
        assert text in page


def test_detail_names_the_stages_each_question_concerns(client, session):
    stages = (["agenda_setting"], ["policy_formulation", "decision_making"], ["whole_process"])
    stored_rubric(session, tagged(rubric_document(), *stages, ["decision_making"]))
    session.commit()
    page = client.get("/rubrics/sample-rubric/1.0.0").get_data(as_text=True)
    assert "stages: Agenda-setting<" in page
    assert "stages: Policy formulation, Decision-making<" in page
    assert "stages: Whole process<" in page
    french = client.get("/rubrics/sample-rubric/1.0.0?lang=fr").get_data(as_text=True)
    assert "Formulation des politiques, Prise de décision" in french


def test_detail_of_a_version_without_stage_tags_names_no_stage(client, two_versions):
    page = client.get("/rubrics/sample-rubric/1.0.0").get_data(as_text=True)
    assert "stages:" not in page


def test_detail_shows_the_five_level_descriptors_of_each_question(client, two_versions):
    page = client.get("/rubrics/sample-rubric/1.0.0").get_data(as_text=True)
    for number, name in enumerate(["Absent", "Minimal", "Partial", "Substantial", "Full"]):
        assert f"{number} · {name}.</strong> decision_rationale is {name.lower()}." in page


def test_detail_shows_the_sources_with_title_issuer_and_date(client, two_versions):
    page = client.get("/rubrics/sample-rubric/1.0.0").get_data(as_text=True)
    assert (
        "Internet Governance Forum, “Developing and effectively using Multistakeholder "
        "Principles”, 24 October 2013."
    ) in page
    assert '<a href="#source-ws41">[1]</a> Agenda, recommendation 1' in page


def test_detail_page_is_in_the_interface_language(client, two_versions):
    page = client.get("/rubrics/sample-rubric/1.0.0").get_data(as_text=True)
    assert '<html lang="en" dir="ltr">' in page
    assert '<p class="lead">A rubric for tests.</p>' in page


@pytest.mark.parametrize(
    "path",
    [
        "/rubrics/no-such-rubric/1.0.0",
        "/rubrics/sample-rubric/9.9.9",
        "/rubrics/sample-rubric/not-a-version",
    ],
)
def test_unknown_rubric_or_version_is_a_clean_404(client, two_versions, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "There is nothing here" in response.get_data(as_text=True)


def test_rubric_text_is_escaped(client, session):
    document = rubric_document(title="<script>alert(1)</script>")
    document["pillars"][0]["questions"][0]["prompt"] = '<img src="file:///etc/passwd">'
    stored_rubric(session, document)
    session.commit()
    page = client.get("/rubrics/sample-rubric/1.0.0").get_data(as_text=True)
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert '<img src="file' not in page


def test_home_page_says_what_the_service_is_and_links_rubrics(client, two_versions):
    page = client.get("/").get_data(as_text=True)
    assert "WSIS+10" in page
    assert 'href="/rubrics/sample-rubric/1.10.0"' in page
