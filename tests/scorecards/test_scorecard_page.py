"""The scorecard page: what it shows, to whom."""

import pytest

from assessor.assessments.models import Assessment, ProcessReply
from assessor.scorecards import views
from tests.api.assessment_helpers import COMPLETE_ANSWERS, published


def test_published_scorecard_shows_header_summary_and_every_pillar(client, published_id):
    page = client.get(f"/assessments/{published_id}/scorecard").get_data(as_text=True)
    for text in [
        "IGF 2013 Workshop #41: Principles",
        "Sample rubric, version 1.0.0",
        "version 1",
        "Owner, for the Civil society perspective",
        "Openness",
        "Transparency",
        "47.2",
        "Partial",
        "100.0%",
        "Strengths",
        "Gaps",
    ]:
        assert text in page, text
    assert "DRAFT" not in page


def test_scorecard_shows_the_chosen_descriptor_rationale_and_evidence_links(client, published_id):
    page = client.get(f"/assessments/{published_id}/scorecard").get_data(as_text=True)
    assert "open_participation is substantial." in page
    assert "Open registration." in page
    assert '<a href="https://example.org/minutes">Minutes</a>, accessed 1 November 2026' in page


def test_charts_come_with_a_table_equivalent(client, full_published_id):
    page = client.get(f"/assessments/{full_published_id}/scorecard").get_data(as_text=True)
    assert page.count('role="img"') == 2  # the radar and the bars
    assert '<caption id="pillar-scores-caption">Scores per pillar</caption>' in page


def test_a_rubric_of_two_pillars_gets_bars_but_no_radar(client, published_id):
    page = client.get(f"/assessments/{published_id}/scorecard").get_data(as_text=True)
    assert page.count('role="img"') == 1


def test_a_draft_scorecard_is_marked_draft_and_hidden_from_the_public(client, callers, draft_id):
    assert client.get(f"/assessments/{draft_id}/scorecard").status_code == 404
    # The API caller's token does not sign the page in; the owner reads it through the API.
    body = callers["owner"].get(f"/api/v1/assessments/{draft_id}/scorecard").get_json()
    assert body["status"] == "draft"


@pytest.mark.parametrize("path", ["/assessments/999/scorecard", "/assessments/999/scorecard.pdf"])
def test_unknown_scorecards_are_404(client, callers, path):
    assert client.get(path).status_code == 404


LOW = {
    **COMPLETE_ANSWERS,
    "openness.open_participation": {"level": 0, "rationale": "Closed doors."},
}


@pytest.fixture
def disputed_id(callers, process_id) -> int:
    """Two published assessments of one process whose levels for 1.1 are three apart."""
    first = published(callers, process_id)
    published(callers, process_id, answers=LOW, author="other_assessor")
    return first


def test_with_several_published_assessments_the_consolidated_view_is_shown(client, disputed_id):
    page = client.get(f"/assessments/{disputed_id}/scorecard").get_data(as_text=True)
    assert "All published assessments of this process" in page
    assert "2 published assessments on this rubric version" in page
    assert "Where assessors disagree" in page
    assert (
        '<th scope="row">Government</th>' in page and '<th scope="row">Civil society</th>' in page
    )
    assert "Spread (highest \u2212 lowest)" in page


def test_a_disagreement_counts_the_levels_in_all_and_per_perspective(client, disputed_id):
    page = client.get(f"/assessments/{disputed_id}/scorecard").get_data(as_text=True)
    assert "2 ratings of 1.1, from level 0 to level 3" in page
    # Columns: levels 0 to 4, insufficient information, not applicable, not answered.
    assert (
        '<th scope="row">All perspectives</th>'
        + "".join(f"<td>{n}</td>" for n in (1, 0, 0, 1, 0, 0, 0, 0))
        in page
    )
    assert (
        '<th scope="row">Government</th>'
        + "".join(f"<td>{n}</td>" for n in (1, 0, 0, 0, 0, 0, 0, 0))
        in page
    )


def test_a_disagreement_quotes_its_extremes_and_links_every_rating(client, disputed_id):
    page = client.get(f"/assessments/{disputed_id}/scorecard").get_data(as_text=True)
    assert "Lowest, level 0: 1 rating, such as" in page and "<q>Closed doors.</q>" in page
    assert "Highest, level 3: 1 rating, such as" in page and "<q>Open registration.</q>" in page
    link = (
        f"http://localhost/assessments/{disputed_id}/scorecard/ratings/openness.open_participation"
    )
    assert f'<a href="{link}">' in page


def test_the_ratings_page_lists_every_rating_with_its_rationale(client, disputed_id):
    path = f"/assessments/{disputed_id}/scorecard/ratings/openness.open_participation"
    page = client.get(path).get_data(as_text=True)
    assert "2 published assessments of this process rate this question" in page
    assert "Closed doors." in page and "Open registration." in page
    assert "Level 0" in page and "Level 3" in page


def test_the_ratings_page_is_paginated(client, disputed_id, monkeypatch):
    monkeypatch.setattr(views, "RATINGS_PER_PAGE", 1)
    path = f"/assessments/{disputed_id}/scorecard/ratings/openness.open_participation"
    first = client.get(path).get_data(as_text=True)
    second = client.get(path, query_string={"page": 2}).get_data(as_text=True)
    assert "Page 1 of 2" in first and "Open registration." in first
    assert "Closed doors." not in first
    assert "Page 2 of 2" in second and "Closed doors." in second


@pytest.mark.parametrize("query", [{"page": 0}, {"page": "x"}])
def test_the_ratings_page_refuses_a_page_that_is_not_a_number_from_1(client, disputed_id, query):
    path = f"/assessments/{disputed_id}/scorecard/ratings/openness.open_participation"
    assert client.get(path, query_string=query).status_code == 422


def test_the_ratings_of_a_question_outside_the_rubric_are_404(client, disputed_id):
    assert client.get(f"/assessments/{disputed_id}/scorecard/ratings/nope").status_code == 404


def test_without_a_consolidated_view_there_is_no_ratings_page(client, published_id):
    path = f"/assessments/{published_id}/scorecard/ratings/openness.open_participation"
    assert client.get(path).status_code == 404


def test_a_single_published_assessment_has_no_consolidated_view(client, published_id):
    page = client.get(f"/assessments/{published_id}/scorecard").get_data(as_text=True)
    assert "All published assessments of this process" not in page


def test_the_process_reply_is_shown_marked_as_its_own_text(client, callers, published_id, session):
    assessment = session.get(Assessment, published_id)
    session.add(ProcessReply(assessment=assessment, body="We disagree on 1.1."))
    session.commit()
    page = client.get(f"/assessments/{published_id}/scorecard").get_data(as_text=True)
    assert "Reply from the process" in page and "We disagree on 1.1." in page
