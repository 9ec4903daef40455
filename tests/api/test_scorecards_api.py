"""The API scorecard and the consolidation across published assessments."""

import pytest

from tests.api.assessment_helpers import COMPLETE_ANSWERS, EVIDENCE, fill, published, start
from tests.factories import stored_process, stored_rubric


@pytest.fixture
def process_id(session, callers) -> int:
    stored_rubric(session)
    process = stored_process(session)
    session.commit()
    return process.id


def test_scorecard_of_a_complete_assessment_is_computed_by_the_method(callers, process_id):
    assessment_id = published(callers, process_id)
    card = callers["anonymous"].get(f"/api/v1/assessments/{assessment_id}/scorecard").get_json()
    # Openness: level 3 (75) and one not applicable -> 75. Transparency (weight 2): level 2 (50,
    # weight 2) and insufficient information (0, weight 1) -> 100/3. Overall: (75 + 2 * 100/3) / 3.
    assert card["method_version"] == "2" and card["rubric"] == "sample-rubric@1.0.0"
    assert [p["score"] for p in card["pillars"]] == [75.0, 33.33]
    assert card["score"] == 47.22 and card["band"] == "Partial"
    assert (card["completeness"], card["evidence_coverage"]) == (1.0, 1.0)
    assert (card["insufficient_information"], card["not_applicable"], card["missing"]) == (1, 1, 0)


def test_scorecard_questions_carry_their_answers_and_scores(callers, process_id):
    assessment_id = published(callers, process_id)
    card = callers["anonymous"].get(f"/api/v1/assessments/{assessment_id}/scorecard").get_json()
    questions = {q["key"]: q for pillar in card["pillars"] for q in pillar["questions"]}
    assert questions["openness.open_participation"]["score"] == 75.0
    assert (
        questions["openness.open_participation"]["answer"]["evidence"][0]["url"]
        == EVIDENCE[0]["url"]
    )
    assert questions["openness.remote_participation"]["score"] is None
    assert questions["openness.remote_participation"]["status"] == "not_applicable"
    assert questions["transparency.decision_rationale"]["score"] == 0.0


def test_draft_scorecard_reports_missing_answers_and_partial_completeness(callers, process_id):
    draft = start(callers["owner"], process_id)["id"]
    fill(
        callers["owner"],
        draft,
        {"openness.open_participation": COMPLETE_ANSWERS["openness.open_participation"]},
    )
    card = callers["owner"].get(f"/api/v1/assessments/{draft}/scorecard").get_json()
    assert card["status"] == "draft" and card["missing"] == 3
    assert card["pillars"][1]["score"] is None and card["pillars"][1]["band"] is None
    assert card["score"] == 75.0 and card["completeness"] == 0.25


def test_a_draft_scorecard_is_invisible_to_the_public(callers, process_id):
    draft = start(callers["owner"], process_id)["id"]
    assert callers["anonymous"].get(f"/api/v1/assessments/{draft}/scorecard").status_code == 404


def test_consolidation_takes_medians_and_reports_disagreement(callers, process_id):
    low = {**COMPLETE_ANSWERS, "openness.open_participation": {"level": 0, "rationale": "Closed."}}
    first = published(callers, process_id)
    second = published(callers, process_id, answers=low, author="other_assessor")
    response = callers["anonymous"].get(
        f"/api/v1/processes/{process_id}/consolidated?rubric=sample-rubric@1.0.0"
    )
    assert response.status_code == 200
    body = response.get_json()
    assert body["assessments"] == [first, second]
    # open_participation: median of 75 and 0 = 37.5; the rest agree.
    openness = next(p for p in body["pillars"] if p["key"] == "openness")
    assert openness["score"] == 37.5
    assert [d["question_key"] for d in body["disagreements"]] == ["openness.open_participation"]
    assert {p["perspective"] for p in body["perspectives"]} == {"civil_society", "government"}
    assert next(s for s in body["spread"] if s["pillar_key"] == "openness")["spread"] == 75.0


def test_consolidation_uses_only_the_latest_published_revision(callers, process_id):
    original = published(callers, process_id)
    revision = callers["owner"].post(f"/api/v1/assessments/{original}/revise").get_json()["id"]
    callers["owner"].post(f"/api/v1/assessments/{revision}/submit")
    callers["reviewer"].post(f"/api/v1/assessments/{revision}/publish")
    body = (
        callers["anonymous"]
        .get(f"/api/v1/processes/{process_id}/consolidated?rubric=sample-rubric@1.0.0")
        .get_json()
    )
    assert body["assessments"] == [revision]


def test_consolidation_without_published_assessments_is_empty_not_an_error(callers, process_id):
    start(callers["owner"], process_id)
    body = (
        callers["anonymous"]
        .get(f"/api/v1/processes/{process_id}/consolidated?rubric=sample-rubric@1.0.0")
        .get_json()
    )
    assert body["assessments"] == [] and body["score"] is None


@pytest.mark.parametrize(
    ("query", "status"), [("", 422), ("?rubric=nope", 422), ("?rubric=sample-rubric@9.0.0", 422)]
)
def test_consolidation_needs_a_loaded_rubric_version(callers, process_id, query, status):
    response = callers["anonymous"].get(f"/api/v1/processes/{process_id}/consolidated{query}")
    assert response.status_code == status and "rubric" in response.get_json()["errors"]


def test_consolidation_of_an_unknown_process_is_404(callers, process_id):
    assert (
        callers["anonymous"]
        .get("/api/v1/processes/999/consolidated?rubric=sample-rubric@1.0.0")
        .status_code
        == 404
    )
