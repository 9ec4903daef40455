"""Method 2 in the scorecard document: ranges, information coverage, strengths and gaps from
answers at a level, evidence needed, and the stage x pillar matrix."""

import pytest

from assessor.assessments.models import Assessment
from assessor.scorecards.document import scorecard_document
from tests.scorecards.staged import UNKNOWN_TRANSPARENCY, staged_assessment_id


@pytest.fixture
def document(session) -> dict:
    assessment = session.get(Assessment, staged_assessment_id(session))
    return scorecard_document(session, assessment, "en")


def test_the_overall_result_carries_its_range_and_information_coverage(document):
    assert document["score"] == pytest.approx(175 / 9)
    assert document["high"] == pytest.approx(75)
    assert document["information_coverage"] == pytest.approx(400 / 9)


def test_each_pillar_carries_its_range_and_information_coverage(document):
    openness, transparency = document["pillars"]
    assert (openness["score"], openness["high"], openness["information_coverage"]) == (50, 50, 100)
    assert transparency["score"] == pytest.approx(25 / 6)
    assert transparency["high"] == pytest.approx(87.5)
    assert transparency["information_coverage"] == pytest.approx(100 / 6)


def test_a_level_1_answer_is_a_gap_beside_many_unknowns(document):
    assert [q["key"] for q in document["gaps"]] == [
        "openness.remote_participation",
        "transparency.decision_rationale",
    ]


def test_strengths_hold_only_questions_met_substantially_or_fully(document):
    assert [q["key"] for q in document["strengths"]] == ["openness.open_participation"]


def test_unknowns_are_listed_apart_with_the_guidance_that_would_settle_them(document):
    needed = document["evidence_needed"]
    assert [q["key"] for q in needed] == [
        "transparency.public_documents",
        *(f"transparency.{name}" for name in UNKNOWN_TRANSPARENCY),
    ]
    assert needed[0]["guidance"] == "Look for public records of public documents."
    assert needed[0]["number"] == "2.1"


def test_evidence_coverage_leaves_out_an_answer_below_its_threshold(document):
    # open_participation (level 4) cites evidence; decision_rationale (level 1, threshold 2)
    # needs none and is not uncovered.
    assert document["evidence_coverage"] == 1.0


def _stage(document: dict, stage: str) -> dict:
    return next(row for row in document["stages"] if row["stage"] == stage)


def test_the_matrix_has_a_row_per_stage_in_process_order(document):
    assert [row["stage"] for row in document["stages"]] == [
        "agenda_setting",
        "policy_formulation",
        "decision_making",
        "whole_process",
    ]
    assert [row["questions"] for row in document["stages"]] == [1, 4, 1, 1]


def test_a_cell_without_a_question_has_no_figure(document):
    transparency = _stage(document, "agenda_setting")["cells"][1]
    assert transparency == {
        "pillar_key": "transparency",
        "questions": 0,
        "score": None,
        "high": None,
        "information_coverage": None,
        "falls_below_earlier": False,
    }


def test_a_stage_closed_after_an_open_one_falls_below_it(document):
    decision = _stage(document, "decision_making")
    openness = decision["cells"][0]
    assert (openness["score"], openness["high"], openness["falls_below_earlier"]) == (0, 0, True)
    assert decision["falls_below_earlier"]


def test_unknowns_at_a_later_stage_do_not_fall_below(document):
    drafting = _stage(document, "policy_formulation")
    assert (drafting["score"], drafting["high"]) == (0, 100)
    assert not drafting["falls_below_earlier"]
    assert not drafting["cells"][1]["falls_below_earlier"]
