"""The rubric as the scoring engine sees it, read from a stored version."""

from assessor.assessments.results import rubric_shape
from tests.factories import rubric_document, stored_rubric, tagged

STAGES = (["agenda_setting"], ["policy_formulation", "decision_making"], ["whole_process"])


def test_the_engine_sees_each_question_s_stages_threshold_and_weight(session):
    rubric = stored_rubric(session, tagged(rubric_document(), *STAGES, ["decision_making"]))
    shape = rubric_shape(rubric)
    questions = [q for pillar in shape.pillars for q in pillar.questions]
    assert [q.stages for q in questions] == [tuple(s) for s in (*STAGES, ["decision_making"])]
    assert [q.evidence_threshold for q in questions] == [
        q.evidence_threshold for pillar in rubric.pillars for q in pillar.questions
    ]


def test_a_version_without_stage_tags_gives_the_engine_none(session):
    shape = rubric_shape(stored_rubric(session))
    assert {q.stages for pillar in shape.pillars for q in pillar.questions} == {()}
