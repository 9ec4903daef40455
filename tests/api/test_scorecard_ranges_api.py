"""Method 2 in the API: the range and information coverage of the scorecard and of the
consolidation, and the scorecard's stage matrix."""

import pytest

from assessor.assessments.models import Assessment
from assessor.scorecards.document import scorecard_document
from assessor.scorecards.schemas import ScorecardSchema
from tests.api.assessment_helpers import COMPLETE_ANSWERS, published
from tests.factories import stored_process, stored_rubric
from tests.scorecards.staged import staged_assessment_id

# The sample rubric answered as COMPLETE_ANSWERS: Transparency holds an unknown of weight 1
# beside a level 2 (50) of weight 2, so its range is 100/3 to 200/3; Openness has none.
SAMPLE_RANGE = {"low": 47.22, "high": 69.44}


@pytest.fixture
def process_id(session, callers) -> int:
    stored_rubric(session)
    process = stored_process(session)
    session.commit()
    return process.id


def scorecard(callers, assessment_id: int) -> dict:
    response = callers["anonymous"].get(f"/api/v1/assessments/{assessment_id}/scorecard")
    assert response.status_code == 200
    return response.get_json()


def test_the_scorecard_gives_the_range_and_information_coverage_overall(callers, process_id):
    card = scorecard(callers, published(callers, process_id))
    assert card["score"] == SAMPLE_RANGE["low"] and card["score_range"] == SAMPLE_RANGE
    assert card["information_coverage"] == 77.78
    assert "high" not in card


def test_each_pillar_gives_its_range_and_information_coverage(callers, process_id):
    openness, transparency = scorecard(callers, published(callers, process_id))["pillars"]
    assert (openness["score_range"], openness["information_coverage"]) == (
        {"low": 75.0, "high": 75.0},
        100.0,
    )
    assert (transparency["score_range"], transparency["information_coverage"]) == (
        {"low": 33.33, "high": 66.67},
        66.67,
    )


def test_without_stage_tags_there_is_no_stage_matrix(callers, process_id):
    assert scorecard(callers, published(callers, process_id))["stages"] == []


def test_the_stage_matrix_gives_each_cell_and_flags_a_drop(callers, session):
    stages = scorecard(callers, staged_assessment_id(session))["stages"]
    agenda, _, decision, _ = stages
    assert agenda["cells"][1] == {
        "pillar_key": "transparency",
        "questions": 0,
        "score": None,
        "score_range": None,
        "information_coverage": None,
        "falls_below_earlier": False,
    }
    assert decision["cells"][0] == {
        "pillar_key": "openness",
        "questions": 1,
        "score": 0.0,
        "score_range": {"low": 0.0, "high": 0.0},
        "information_coverage": 100.0,
        "falls_below_earlier": True,
    }
    assert decision["falls_below_earlier"] and decision["questions"] == 1
    assert "pillar_key" not in decision


def test_the_consolidation_gives_ranges_overall_per_pillar_and_per_perspective(callers, process_id):
    closed = {**COMPLETE_ANSWERS, "openness.open_participation": {"level": 0, "rationale": "No."}}
    published(callers, process_id)
    published(callers, process_id, answers=closed, author="other_assessor")
    body = (
        callers["anonymous"]
        .get(f"/api/v1/processes/{process_id}/consolidated?rubric=sample-rubric@1.0.0")
        .get_json()
    )
    # Openness: median 37.5 (75 and 0). decision_rationale: both unknown, 0 to 100.
    assert body["score_range"] == {"low": 34.72, "high": 56.94}
    assert body["information_coverage"] == 77.78
    transparency = body["pillars"][1]
    assert transparency["score_range"] == {"low": 33.33, "high": 66.67}
    civil_society = next(v for v in body["perspectives"] if v["perspective"] == "civil_society")
    assert civil_society["score_range"] == SAMPLE_RANGE
    assert civil_society["pillars"][1]["information_coverage"] == 66.67


def test_an_empty_consolidation_has_no_range(callers, process_id):
    body = (
        callers["anonymous"]
        .get(f"/api/v1/processes/{process_id}/consolidated?rubric=sample-rubric@1.0.0")
        .get_json()
    )
    assert (body["score_range"], body["information_coverage"]) == (None, None)


def test_a_scorecard_of_method_1_has_a_score_but_no_range(callers, process_id, session):
    """A result of method 1, which has neither a high end nor a stage matrix."""
    assessment = session.get(Assessment, published(callers, process_id))
    document = scorecard_document(session, assessment, "en", consolidated=False)
    method_2_only = ("high", "information_coverage", "stages")
    method_1 = {
        **{key: value for key, value in document.items() if key not in method_2_only},
        "method_version": "1",
        "pillars": [
            {key: value for key, value in pillar.items() if key not in method_2_only}
            for pillar in document["pillars"]
        ],
    }
    dumped = ScorecardSchema().dump(method_1)
    assert dumped["score"] == SAMPLE_RANGE["low"]
    assert (dumped["score_range"], dumped["information_coverage"], dumped["stages"]) == (
        None,
        None,
        [],
    )
    assert dumped["pillars"][1]["score_range"] is None


def test_the_openapi_document_describes_the_range_and_the_matrix(client):
    schemas = client.get("/api/v1/openapi.json").get_json()["components"]["schemas"]
    for name in ("Scorecard", "ScorecardPillar", "ConsolidatedPillar", "Perspective"):
        properties = schemas[name]["properties"]
        assert properties["score_range"]["type"] == ["object", "null"], name
        assert "insufficient information" in properties["information_coverage"]["description"]
    stage = schemas["ScorecardStage"]["properties"]
    assert stage["stage"]["enum"] == [
        "agenda_setting",
        "policy_formulation",
        "decision_making",
        "whole_process",
    ]
    assert "falls_below_earlier" in stage and "cells" in stage
    assert "ProcessConsolidation" in schemas
    assert "score_range" in schemas["ProcessConsolidation"]["properties"]
