"""Method 2 on the scorecard page and in its PDF: the range, the information coverage, evidence
needed apart from the gaps, and the stage matrix."""

import re

import pytest
from flask import render_template

from assessor.assessments.models import Assessment
from assessor.rubrics.loader import read_rubric
from assessor.rubrics.service import store_rubric
from assessor.scorecards.pdfs import charts_for, methodology_url, permalink_card
from config import PROJECT_DIR
from tests.assessments.pages import sign_in
from tests.factories import published_assessment, stored_process, stored_user
from tests.scorecards.staged import staged_assessment_id
from tests.tools import pdf_text

RUBRIC_1_1_0 = PROJECT_DIR / "rubrics" / "wsis10-multistakeholder-1.1.0.yaml"
RANGE_SENTENCE = "19.4, up to 75.0 if every unknown were met"


@pytest.fixture
def staged_id(session) -> int:
    return staged_assessment_id(session)


def scorecard(client, assessment_id: int) -> str:
    response = client.get(f"/assessments/{assessment_id}/scorecard")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def section(page: str, css_class: str) -> str:
    """The HTML of the page's first section of class ``css_class``."""
    start = page.index(f'<section class="{css_class}"')
    return page[start : page.index("</section>", start)]


def test_the_score_is_shown_with_its_range_and_information_coverage(client, staged_id):
    page = scorecard(client, staged_id)
    assert f'<p class="score-range">{RANGE_SENTENCE}</p>' in page
    assert "Information on <strong>44.4%</strong> of the weight" in page


def test_each_pillar_row_shows_the_high_end_and_the_information(client, staged_id):
    table = section(scorecard(client, staged_id), "summary")
    assert (
        '<th scope="row">Transparency</th><td>2</td><td>4.2</td><td>87.5</td><td>16.7%</td>'
    ) in table


def test_the_method_box_says_why_there_is_a_range(client, staged_id):
    page = scorecard(client, staged_id)
    start = page.index('<aside class="methodology"')
    assert "the high end counts every unknown as met" in page[start : page.index("</aside>", start)]


def test_unknowns_are_evidence_needed_and_not_gaps(client, staged_id):
    page = scorecard(client, staged_id)
    needed = section(page, "evidence-needed")
    assert "Is public documents realised?" in needed
    assert "What would settle it:</strong> Look for public records of public documents." in needed
    gaps = page[page.index('id="gaps-title"') : page.index('id="evidence-needed-title"')]
    assert "Level 1 · Minimal" in gaps and "Is decision rationale realised?" in gaps
    assert "public documents" not in gaps and "Insufficient information" not in gaps


def test_the_stage_matrix_is_a_table_marking_a_drop_in_words(client, staged_id):
    matrix = section(scorecard(client, staged_id), "stages")
    assert (
        '<caption id="stages-caption">Scores by stage of the process and pillar</caption>' in matrix
    )
    assert '<th scope="col">All pillars</th>' in matrix
    decision = re.search(r'<tr><th scope="row">Decision-making</th>.*?</tr>', matrix)[0]
    assert decision.count('class="stage-cell falls-below"') == 2
    assert decision.count("below an earlier stage") == 2
    drafting = re.search(r'<tr><th scope="row">Policy formulation</th>.*?</tr>', matrix)[0]
    assert '<td class="stage-cell no-question">no question</td>' in drafting
    assert '<td class="stage-cell">0.0 (up to 100.0)</td>' in drafting
    assert "falls-below" not in drafting
    assert '<p class="legend">' in matrix


def test_a_rubric_without_stage_tags_says_why_there_is_no_matrix(client, published_id):
    matrix = section(scorecard(client, published_id), "stages")
    assert "does not tag its questions with the stages of a process" in matrix
    assert "<table" not in matrix


def test_the_level_answers_name_the_evidence_threshold_as_the_questionnaire_does(client, staged_id):
    page = scorecard(client, staged_id)
    answer = page[page.index('id="q-openness.open_participation"') :]
    assert "Evidence (required from level 2)" in answer[: answer.index("</div>")]


def test_an_answer_below_its_threshold_says_it_needs_no_evidence(client, staged_id):
    page = scorecard(client, staged_id)
    answer = page[page.index('id="q-openness.remote_participation"') :]
    answer = answer[: answer.index("</div>")]
    assert "No evidence cited: none is required below level 2." in answer
    assert "Evidence (required from level" not in answer


def test_the_pdf_shows_the_range_evidence_needed_the_gap_and_the_matrix(
    client, staged_id, tmp_path
):
    response = client.get(f"/assessments/{staged_id}/scorecard.pdf")
    text = " ".join(pdf_text(response.data, tmp_path).split())
    assert RANGE_SENTENCE in text
    assert "Evidence needed" in text and "Look for public records of funding sources." in text
    assert "Is decision rationale realised? Level 1 · Minimal" in text
    assert "Scores by stage of the process and pillar" in text
    assert "▼ below an earlier stage" in text


def test_a_card_of_method_1_is_shown_without_a_range(app, session, staged_id):
    """A card whose result was kept under method 1: no high end, coverage or stage matrix."""
    with app.test_request_context():
        card = permalink_card(session, session.get(Assessment, staged_id))
        method_1 = {
            **{key: value for key, value in card.items() if key != "stages"},
            "method_version": "1",
            "high": None,
            "information_coverage": None,
            "pillars": [{**p, "high": None, "information_coverage": None} for p in card["pillars"]],
        }
        page = render_template(
            "scorecards/page_part.html",
            card=method_1,
            charts=charts_for(method_1),
            methodology_url=methodology_url(),
        )
    assert "How these scores are made (method version 1)" in page
    assert "if every unknown were met" not in page and "Information on" not in page
    assert 'class="stages"' not in page


def test_the_scorecard_and_the_questionnaire_word_the_evidence_threshold_alike(client, draft_id):
    sign_in(client, "owner@example.org")
    form = client.get(f"/assessments/{draft_id}/pillars/openness").get_data(as_text=True)
    card = scorecard(client, draft_id)
    threshold = "Evidence (required from level 2)"
    assert threshold in form and threshold in card


def test_the_range_and_evidence_needed_read_in_french(client, staged_id):
    page = client.get(f"/assessments/{staged_id}/scorecard?lang=fr").get_data(as_text=True)
    assert "19,4, jusqu'à 75,0 si toutes les inconnues s'avéraient favorables" in page
    assert "Preuves nécessaires" in page and "en dessous d'une étape antérieure" in page


def test_a_scorecard_on_the_shipped_rubric_1_1_0_shows_its_stage_matrix(client, session):
    rubric = store_rubric(session, read_rubric(RUBRIC_1_1_0)).rubric
    process = stored_process(session, name="WTPF-13")
    assessor = stored_user(session, "ana@example.org", ["assessor"])
    reviewer = stored_user(session, "rui@example.org", ["reviewer"], "academia")
    assessment = published_assessment(session, rubric, process, assessor, reviewer)
    session.commit()
    matrix = section(scorecard(client, assessment.id), "stages")
    rows = re.findall(r'<tr><th scope="row">([^<]+)</th>', matrix)
    assert rows == ["Agenda-setting", "Policy formulation", "Decision-making", "Whole process"]
    assert matrix.count('<th scope="col"') == len(rubric.pillars) + 2
