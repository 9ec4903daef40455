"""The stage matrix: each pillar at each stage, and a later phase falling below an earlier one."""

from hypothesis import given
from hypothesis import strategies as st

from assessor.scoring import (
    PHASES,
    STAGES,
    PillarShape,
    QuestionShape,
    RubricShape,
    ScoreRange,
    score_assessment,
)
from tests.scoring.builders import INSUFFICIENT, NOT_APPLICABLE, level
from tests.scoring.test_scoring_properties import PROPERTY, answers_to, rubrics

RUBRIC = RubricShape(
    (
        PillarShape(
            "openness",
            2.0,
            (
                QuestionShape("agenda", 1.0, stages=("agenda_setting",)),
                QuestionShape("drafting", 1.0, stages=("policy_formulation",)),
                QuestionShape("deciding", 1.0, stages=("decision_making",)),
            ),
        ),
        PillarShape(
            "due_process",
            1.0,
            (
                QuestionShape("rules", 1.0, stages=("whole_process",)),
                QuestionShape("record", 1.0, stages=("policy_formulation", "decision_making")),
            ),
        ),
    )
)


def matrix(answers):
    """{stage: (row, {pillar key: cell})} of the scored answers."""
    rows = score_assessment(RUBRIC, answers).stages
    return {row.stage: (row, {cell.pillar_key: cell for cell in row.cells}) for row in rows}


def test_every_stage_has_a_row_in_process_order_and_every_pillar_a_cell():
    rows = score_assessment(RUBRIC, {}).stages
    assert [row.stage for row in rows] == list(STAGES)
    assert all(
        [cell.pillar_key for cell in row.cells] == ["openness", "due_process"] for row in rows
    )


def test_a_rubric_without_stage_tags_has_no_matrix():
    untagged = RubricShape(
        tuple(
            PillarShape(
                pillar.key,
                pillar.weight,
                tuple(QuestionShape(q.key, q.weight) for q in pillar.questions),
            )
            for pillar in RUBRIC.pillars
        )
    )
    assert score_assessment(untagged, {"agenda": level(4)}).stages == ()


def test_a_cell_scores_the_questions_tagged_with_its_stage_and_pillar():
    found = matrix({"drafting": level(2), "record": level(4), "rules": level(1)})
    row, cells = found["policy_formulation"]
    assert cells["openness"].score_range == ScoreRange(50.0, 50.0, 100.0)
    assert cells["due_process"].score_range == ScoreRange(100.0, 100.0, 100.0)
    assert (cells["openness"].questions, cells["due_process"].questions, row.questions) == (1, 1, 2)
    # The row averages its cells with the pillar weights: (2 x 50 + 1 x 100) / 3.
    assert row.score_range.low == (2 * 50.0 + 100.0) / 3


def test_a_question_tagged_with_two_stages_counts_in_both():
    found = matrix({"record": level(3)})
    assert found["policy_formulation"][1]["due_process"].score_range.low == 75.0
    assert found["decision_making"][1]["due_process"].score_range.low == 75.0


def test_a_cell_with_no_question_is_empty_not_zero():
    _, cells = matrix({"rules": level(4)})["agenda_setting"]
    assert cells["due_process"].questions == 0
    assert cells["due_process"].score_range == ScoreRange(None, None, None)


def test_open_at_agenda_setting_and_closed_at_decision_making_is_flagged():
    found = matrix({"agenda": level(4), "drafting": level(4), "deciding": level(0)})
    deciding_row, deciding = found["decision_making"]
    assert deciding["openness"].falls_below_earlier
    assert deciding_row.falls_below_earlier
    assert not found["policy_formulation"][1]["openness"].falls_below_earlier
    assert not found["agenda_setting"][1]["openness"].falls_below_earlier


def test_a_drop_of_one_level_is_flagged_and_of_less_is_not():
    found = matrix(
        {"agenda": level(3), "drafting": level(3), "deciding": level(2), "record": level(4)}
    )
    row, cells = found["decision_making"]
    assert cells["openness"].falls_below_earlier
    # The row: (2 x 50 + 1 x 100) / 3 = 66.7, less than a level below agenda-setting's 75 and
    # policy formulation's (2 x 75 + 1 x 100) / 3 = 83.3.
    assert not row.falls_below_earlier
    # Due process has no question at agenda-setting: nothing earlier to fall below.
    assert not cells["due_process"].falls_below_earlier


def test_an_unknown_at_the_later_stage_is_not_called_a_drop():
    """Its high end counts the unknown as met: we lack evidence, the stage need not fall short."""
    found = matrix({"agenda": level(4), "deciding": INSUFFICIENT})
    cell = found["decision_making"][1]["openness"]
    assert cell.score_range == ScoreRange(0.0, 100.0, 0.0)
    assert not cell.falls_below_earlier


def test_the_whole_process_row_is_never_compared_with_the_phases():
    found = matrix({"agenda": level(4), "rules": level(0)})
    assert not found["whole_process"][0].falls_below_earlier


def test_not_applicable_answers_leave_the_cell_unscored():
    _, cells = matrix({"deciding": NOT_APPLICABLE})["decision_making"]
    assert cells["openness"].questions == 1
    assert cells["openness"].score_range == ScoreRange(None, None, None)


@PROPERTY
@given(st.data())
def test_a_phase_is_flagged_exactly_when_its_high_end_is_a_level_below_an_earlier_low_end(data):
    rubric = data.draw(rubrics())
    rows = score_assessment(rubric, data.draw(answers_to(rubric))).stages
    phases = [row for row in rows if row.stage in PHASES]
    for later, row in enumerate(phases):
        for position, cell in enumerate(row.cells):
            earlier = [phases[i].cells[position].score_range for i in range(later)]
            expected = cell.score_range.high is not None and any(
                r.low is not None and r.low - cell.score_range.high >= 25.0 for r in earlier
            )
            assert cell.falls_below_earlier == expected
            if cell.score_range.low is not None:
                assert cell.score_range.low <= cell.score_range.high
