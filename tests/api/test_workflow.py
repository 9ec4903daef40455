"""Workflow transitions through the API: submit, return, publish, revise, withdraw."""

import pytest

from assessor.assessments.rules import REASON_OF_CHANGE_NEEDED, UNANSWERED
from assessor.users.models import RoleGrant, User
from tests.api.assessment_helpers import COMPLETE_ANSWERS, EVIDENCE, answer, fill, published, start
from tests.factories import stored_process, stored_rubric


@pytest.fixture
def process_id(session, callers) -> int:
    stored_rubric(session)
    process = stored_process(session)
    session.commit()
    return process.id


@pytest.fixture
def submitted(callers, process_id) -> int:
    assessment_id = start(callers["owner"], process_id)["id"]
    fill(callers["owner"], assessment_id)
    assert callers["owner"].post(f"/api/v1/assessments/{assessment_id}/submit").status_code == 200
    return assessment_id


KEY = "openness.open_participation"


def post(caller, assessment_id, action, body=None):
    return caller.post(f"/api/v1/assessments/{assessment_id}/{action}", json=body)


def test_an_incomplete_draft_cannot_be_submitted_and_the_answer_says_what_is_missing(
    callers, process_id
):
    assessment_id = start(callers["owner"], process_id)["id"]
    answer(callers["owner"], assessment_id, "openness.open_participation", {"level": 4})
    response = post(callers["owner"], assessment_id, "submit")
    assert response.status_code == 409
    problems = response.get_json()["problems"]
    assert set(problems) == set(COMPLETE_ANSWERS)
    assert problems["transparency.public_documents"] == [UNANSWERED]
    assert len(problems["openness.open_participation"]) == 2


def test_an_unfinished_evidence_row_blocks_submission_and_is_named(callers, process_id):
    assessment_id = start(callers["owner"], process_id)["id"]
    untitled = {"url": "https://example.org/agenda"}
    with_untitled = {"level": 3, "rationale": "Open.", "evidence": [*EVIDENCE, untitled]}
    fill(callers["owner"], assessment_id, {**COMPLETE_ANSWERS, KEY: with_untitled})
    response = post(callers["owner"], assessment_id, "submit")
    assert response.status_code == 409
    assert response.get_json()["problems"] == {KEY: ["Evidence item 2, title: a title is required"]}


def test_a_complete_draft_is_submitted(callers, submitted):
    body = callers["owner"].get(f"/api/v1/assessments/{submitted}").get_json()
    assert body["status"] == "submitted" and body["submitted_at"]


def test_a_submitted_assessment_can_no_longer_be_edited(callers, submitted):
    response = answer(
        callers["owner"], submitted, "openness.open_participation", {"level": 0, "version": 1}
    )
    assert response.status_code == 409
    assert "Only a draft can be edited" in response.get_json()["errors"]["_"][0]


def test_a_reviewer_returns_with_comments_that_the_assessor_sees(callers, submitted):
    response = post(
        callers["reviewer"],
        submitted,
        "return",
        {
            "comment": "Check the dates.",
            "questions": {"transparency.public_documents": "Which drafts?"},
        },
    )
    assert response.status_code == 200 and response.get_json()["status"] == "draft"
    comments = callers["owner"].get(f"/api/v1/assessments/{submitted}").get_json()["comments"]
    assert {(c["question_key"], c["body"]) for c in comments} == {
        (None, "Check the dates."),
        ("transparency.public_documents", "Which drafts?"),
    }


def test_resubmitting_resolves_the_review_comments(callers, submitted):
    post(callers["reviewer"], submitted, "return", {"comment": "Check the dates."})
    assert post(callers["owner"], submitted, "submit").status_code == 200
    comments = callers["reviewer"].get(f"/api/v1/assessments/{submitted}").get_json()["comments"]
    assert comments[0]["resolved_at"] is not None


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "comment"),
        ({"comment": "  "}, "comment"),
        ({"questions": {"nope.nothing": "x"}}, "questions.nope.nothing"),
    ],
)
def test_returning_needs_a_comment_on_a_real_question(callers, submitted, body, field):
    response = post(callers["reviewer"], submitted, "return", body)
    assert response.status_code == 422
    assert field in response.get_json()["errors"]


def test_a_reviewer_publishes(callers, submitted):
    response = post(callers["reviewer"], submitted, "publish")
    assert response.status_code == 200
    assert response.get_json()["status"] == "published" and response.get_json()["published_at"]


def test_an_assessor_who_is_also_a_reviewer_cannot_publish_their_own(callers, process_id, session):
    owner = session.get(User, callers["owner"].user_id)
    owner.role_grants.append(RoleGrant(role="reviewer"))
    session.commit()
    assessment_id = start(callers["owner"], process_id)["id"]
    fill(callers["owner"], assessment_id)
    post(callers["owner"], assessment_id, "submit")
    response = post(callers["owner"], assessment_id, "publish")
    assert response.status_code == 403
    assert "Separation of duties" in response.get_json()["errors"]["_"][0]


@pytest.mark.parametrize(
    ("action", "body"),
    [("publish", None), ("return", {"comment": "x"}), ("withdraw", {"reason": "x"})],
)
def test_a_transition_from_the_wrong_state_is_409_and_says_why(callers, process_id, action, body):
    draft = start(callers["owner"], process_id)["id"]
    response = post(callers["admin"], draft, action, body)
    assert response.status_code == 409
    assert "this one is draft" in response.get_json()["errors"]["_"][0]


def test_published_answers_never_change(callers, process_id):
    assessment_id = published(callers, process_id)
    response = answer(
        callers["owner"], assessment_id, "openness.open_participation", {"level": 0, "version": 1}
    )
    assert response.status_code == 409


def test_revising_makes_a_linked_draft_with_the_answers_copied(callers, process_id):
    original = published(callers, process_id)
    response = post(callers["owner"], original, "revise")
    assert response.status_code == 201
    revision = response.get_json()
    assert revision["revises_id"] == original and revision["status"] == "draft"
    assert {a["question_key"]: a["level"] for a in revision["answers"]}[
        "openness.open_participation"
    ] == 3
    assert (
        callers["anonymous"].get(f"/api/v1/assessments/{original}").get_json()["status"]
        == "published"
    )


def test_a_second_revision_of_the_same_assessment_is_409(callers, process_id):
    original = published(callers, process_id)
    first = post(callers["owner"], original, "revise").get_json()["id"]
    response = post(callers["owner"], original, "revise")
    assert response.status_code == 409 and response.get_json()["revision_id"] == first


def test_a_changed_answer_in_a_revision_needs_a_reason_of_change(callers, process_id):
    original = published(callers, process_id)
    revision = post(callers["owner"], original, "revise").get_json()
    key = "transparency.public_documents"
    version = next(a["version"] for a in revision["answers"] if a["question_key"] == key)
    answer(
        callers["owner"],
        revision["id"],
        key,
        {"level": 3, "rationale": "More drafts now.", "evidence": EVIDENCE, "version": version},
    )
    response = post(callers["owner"], revision["id"], "submit")
    assert response.status_code == 409
    assert response.get_json()["problems"] == {key: [REASON_OF_CHANGE_NEEDED]}
    answer(
        callers["owner"],
        revision["id"],
        key,
        {
            "level": 3,
            "rationale": "More drafts now.",
            "evidence": EVIDENCE,
            "change_reason": "improvement",
            "version": version + 1,
        },
    )
    assert post(callers["owner"], revision["id"], "submit").status_code == 200


def test_an_admin_withdraws_with_a_public_reason_and_it_stays_readable(callers, process_id):
    assessment_id = published(callers, process_id)
    response = post(
        callers["admin"], assessment_id, "withdraw", {"reason": "Assessor conflict of interest."}
    )
    assert response.status_code == 200
    body = callers["anonymous"].get(f"/api/v1/assessments/{assessment_id}").get_json()
    assert (
        body["status"] == "withdrawn"
        and body["withdrawal_reason"] == "Assessor conflict of interest."
    )


def test_withdrawing_needs_a_reason(callers, process_id):
    assessment_id = published(callers, process_id)
    response = post(callers["admin"], assessment_id, "withdraw", {})
    assert response.status_code == 422 and "reason" in response.get_json()["errors"]


@pytest.mark.parametrize(
    ("action", "role", "body", "status"),
    [
        ("submit", "anonymous", None, 401),
        ("submit", "other_assessor", None, 404),
        ("submit", "reviewer", None, 403),
        ("submit", "admin", None, 403),
        ("return", "owner", {"comment": "x"}, 403),
        ("return", "other_assessor", {"comment": "x"}, 404),
        ("publish", "owner", None, 403),
        ("publish", "anonymous", None, 401),
        ("withdraw", "reviewer", {"reason": "x"}, 403),
        ("withdraw", "owner", {"reason": "x"}, 403),
        ("revise", "reviewer", None, 403),
        ("revise", "other_assessor", None, 403),
    ],
)
def test_transitions_refuse_callers_who_may_not_make_them(
    callers, process_id, action, role, body, status
):
    draft = start(callers["owner"], process_id)["id"]
    fill(callers["owner"], draft)
    if action in {"return", "publish"}:
        post(callers["owner"], draft, "submit")
    if action in {"withdraw", "revise"}:
        draft = published(callers, process_id)
    assert post(callers[role], draft, action, body).status_code == status


def test_transitions_refuse_unexpected_fields(callers, process_id):
    draft = start(callers["owner"], process_id)["id"]
    response = post(callers["owner"], draft, "submit", {"force": True})
    assert response.status_code == 422 and response.get_json()["errors"] == {
        "force": ["Unknown field"]
    }
