"""Assessments through the API: starting, reading, listing, and who sees what."""

import pytest
from sqlalchemy import select

from assessor.audit import AuditEvent
from assessor.stakeholders import STAKEHOLDER_GROUPS
from assessor.users.tokens import create_token
from tests.api.assessment_helpers import published, start
from tests.callers import Caller
from tests.factories import stored_process, stored_rubric, stored_user


@pytest.fixture
def process_id(session, callers) -> int:
    stored_rubric(session)
    process = stored_process(session)
    session.commit()
    return process.id


def test_starting_an_assessment_makes_a_draft_for_the_callers_group(callers, process_id):
    body = start(callers["owner"], process_id)
    assert body["status"] == "draft" and body["perspective"] == "civil_society"
    assert (
        body["rubric"] == "sample-rubric@1.0.0" and body["answers"] == [] and body["version"] == 1
    )


def test_starting_answers_with_its_location(callers, process_id):
    response = callers["owner"].post(
        "/api/v1/assessments", json={"process_id": process_id, "rubric": "sample-rubric@1.0.0"}
    )
    assert response.headers["Location"] == f"/api/v1/assessments/{response.get_json()['id']}"


def test_an_explicit_perspective_wins_over_the_users_group(callers, process_id):
    assert (
        start(callers["owner"], process_id, perspective="government")["perspective"] == "government"
    )


def test_starting_is_recorded_in_the_audit_trail(callers, process_id, session):
    body = start(callers["owner"], process_id)
    event = session.scalars(
        select(AuditEvent).where(AuditEvent.action == "assessment.started")
    ).one()
    assert (event.subject_id, event.actor_id) == (body["id"], callers["owner"].user_id)


@pytest.mark.parametrize(
    ("payload", "errors"),
    [
        (
            {"process_id": 999999, "rubric": "sample-rubric@1.0.0"},
            {"process_id": ["no process has id 999999"]},
        ),
        (
            {"rubric": "sample-rubric@9.9.9"},
            {"rubric": ["no rubric sample-rubric@9.9.9 is loaded"]},
        ),
        (
            {"rubric": "sample-rubric"},
            {"rubric": ["must be <slug>@<version>, such as wsis10-multistakeholder@1.0.0"]},
        ),
        (
            {"perspective": "aliens"},
            {"perspective": [f"must be one of {', '.join(STAKEHOLDER_GROUPS)}"]},
        ),
        ({"colour": "red"}, {"colour": ["Unknown field"]}),
    ],
)
def test_starting_with_bad_input_is_422_with_field_messages(callers, process_id, payload, errors):
    body = {"process_id": process_id, "rubric": "sample-rubric@1.0.0", **payload}
    response = callers["owner"].post("/api/v1/assessments", json=body)
    assert response.status_code == 422
    assert response.get_json() == {"errors": errors}


def test_a_user_without_a_group_must_name_a_perspective(callers, process_id, session):
    user = stored_user(session, "nogroup@example.org", ["assessor"], None)
    token = create_token(session, user, "t")[1]
    session.commit()
    response = Caller(callers["owner"].client, token).post(
        "/api/v1/assessments", json={"process_id": process_id, "rubric": "sample-rubric@1.0.0"}
    )
    assert response.status_code == 422
    assert response.get_json()["errors"] == {
        "perspective": ["say which stakeholder group you assess for"]
    }


@pytest.mark.parametrize(
    ("role", "status"), [("anonymous", 401), ("reviewer", 403), ("admin", 403)]
)
def test_only_assessors_start_assessments(callers, process_id, role, status):
    response = callers[role].post(
        "/api/v1/assessments", json={"process_id": process_id, "rubric": "sample-rubric@1.0.0"}
    )
    assert response.status_code == status


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 404),
        ("owner", 200),
        ("other_assessor", 404),
        ("reviewer", 200),
        ("admin", 200),
    ],
)
def test_a_draft_is_seen_by_its_assessor_reviewers_and_admins_only(
    callers, process_id, role, status
):
    draft = start(callers["owner"], process_id)
    assert callers[role].get(f"/api/v1/assessments/{draft['id']}").status_code == status


def test_a_published_assessment_is_public_without_review_comments(callers, process_id):
    assessment_id = published(callers, process_id)
    body = callers["anonymous"].get(f"/api/v1/assessments/{assessment_id}").get_json()
    assert body["status"] == "published" and "comments" not in body
    assert len(body["answers"]) == 4


def test_unknown_assessment_is_404_json(callers):
    response = callers["admin"].get("/api/v1/assessments/424242")
    assert response.status_code == 404 and "errors" in response.get_json()


def test_list_shows_only_what_the_caller_may_see(callers, process_id):
    mine = start(callers["owner"], process_id)["id"]
    theirs = start(callers["other_assessor"], process_id)["id"]
    public = published(callers, process_id)

    def ids(role):
        return {item["id"] for item in callers[role].get("/api/v1/assessments").get_json()["items"]}

    assert ids("anonymous") == {public}
    assert ids("owner") == {mine, public}
    assert ids("reviewer") == {mine, theirs, public}


def test_list_filters_by_status_perspective_process_rubric_and_assessor(callers, process_id):
    draft = start(callers["owner"], process_id)["id"]
    public = published(callers, process_id)
    other = start(callers["other_assessor"], process_id)["id"]

    def ids(query):
        response = callers["admin"].get(f"/api/v1/assessments?{query}")
        assert response.status_code == 200, response.get_json()
        return [item["id"] for item in response.get_json()["items"]]

    assert ids("status=published") == [public]
    assert ids("perspective=government") == [other]
    assert set(ids(f"process_id={process_id}&rubric=sample-rubric@1.0.0")) == {draft, public, other}
    assert ids("rubric=sample-rubric@2.0.0") == []
    assert set(ids(f"assessor_id={callers['owner'].user_id}")) == {draft, public}


def test_list_is_paginated_newest_first_with_links(callers, process_id):
    ids = [start(callers["owner"], process_id)["id"] for _ in range(3)]
    page = callers["owner"].get("/api/v1/assessments?per_page=2").get_json()
    assert [item["id"] for item in page["items"]] == ids[::-1][:2]
    assert (page["total"], page["pages"]) == (3, 2)
    assert page["links"]["next"].endswith("page=2&per_page=2") or "page=2" in page["links"]["next"]
    second = callers["owner"].get(page["links"]["next"]).get_json()
    assert [item["id"] for item in second["items"]] == [ids[0]]


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("per_page=101", "per_page"),
        ("page=0", "page"),
        ("status=lost", "status"),
        ("sort=id", "sort"),
    ],
)
def test_list_refuses_bad_parameters_with_422(callers, query, field):
    response = callers["owner"].get(f"/api/v1/assessments?{query}")
    assert response.status_code == 422
    assert field in response.get_json()["errors"]
