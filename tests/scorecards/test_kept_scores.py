"""A published assessment keeps its result; lists read it, and what is not kept is scored."""

import pytest
from sqlalchemy import delete, select, update

from assessor import scoring
from assessor.assessments.models import Assessment, KeptScore
from assessor.assessments.results import score_of

# A score that no assessment of these tests has, shown as "61.4" on the list.
PLANTED = {"score": 61.35, "band": "Partial"}


def kept(session, assessment_id: int) -> list[KeptScore]:
    return list(session.scalars(select(KeptScore).where(KeptScore.assessment_id == assessment_id)))


def plant(session, assessment_id: int, method_version: str) -> None:
    """Replace the kept result's overall score by PLANTED, under ``method_version``."""
    (row,) = kept(session, assessment_id)
    session.execute(
        update(KeptScore)
        .where(KeptScore.assessment_id == assessment_id)
        .values(result={**row.result, **PLANTED}, method_version=method_version)
    )
    session.commit()


def test_publishing_keeps_the_result_scored_from_the_answers(session, full_published_id):
    (row,) = kept(session, full_published_id)
    assert row.method_version == scoring.METHOD_VERSION
    assert scoring.from_plain(row.result) == score_of(session.get(Assessment, full_published_id))


def test_a_draft_keeps_no_result(session, draft_id):
    assert kept(session, draft_id) == []


@pytest.mark.parametrize("path", ["/scorecards", "/processes/{process}"])
def test_lists_show_the_kept_result(client, session, full_published_id, path):
    process = session.get(Assessment, full_published_id).process_id
    plant(session, full_published_id, scoring.METHOD_VERSION)
    page = client.get(path.format(process=process)).get_data(as_text=True)
    assert "61.4" in page


@pytest.mark.parametrize("path", ["/scorecards", "/processes/{process}"])
def test_a_result_kept_by_another_method_is_scored_again(client, session, full_published_id, path):
    assessment = session.get(Assessment, full_published_id)
    expected = scoring.display_score(score_of(assessment).score)
    plant(session, full_published_id, "0")
    page = client.get(path.format(process=assessment.process_id)).get_data(as_text=True)
    assert "61.4" not in page
    assert expected in page


def test_keep_scores_keeps_what_is_missing_once(runner, session, full_published_id):
    session.execute(delete(KeptScore))
    session.commit()
    first = runner.invoke(args=["scorecards", "keep-scores"])
    assert first.exit_code == 0, first.output
    assert "kept the scores of 1 published assessment\n" in first.output
    (row,) = kept(session, full_published_id)
    assert scoring.from_plain(row.result) == score_of(session.get(Assessment, full_published_id))
    again = runner.invoke(args=["scorecards", "keep-scores"])
    assert "kept the scores of 0 published assessments" in again.output


def test_a_withdrawn_scorecard_keeps_its_result(callers, session, published_id):
    before = kept(session, published_id)[0].result
    response = callers["admin"].post(
        f"/api/v1/assessments/{published_id}/withdraw", json={"reason": "Assessed the wrong year."}
    )
    assert response.status_code == 200, response.get_json()
    session.expire_all()
    assert session.get(Assessment, published_id).status == "withdrawn"
    assert [row.result for row in kept(session, published_id)] == [before]


def test_keep_scores_adds_method_2_beside_a_method_1_result_which_stays(
    runner, session, full_published_id
):
    plant(session, full_published_id, "1")
    (method_1,) = kept(session, full_published_id)
    method_1_result = method_1.result
    outcome = runner.invoke(args=["scorecards", "keep-scores"])
    assert outcome.exit_code == 0, outcome.output
    session.expire_all()
    rows = {row.method_version: row.result for row in kept(session, full_published_id)}
    assert rows["1"] == method_1_result
    second = scoring.from_plain(rows["2"])
    assert second == score_of(session.get(Assessment, full_published_id))
    assert (second.high, second.information_coverage) != (None, None)
