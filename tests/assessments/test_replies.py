"""Right of reply: an admin grants it per process; representatives answer published assessments."""

import pytest
from sqlalchemy import select

from assessor.audit import AuditEvent
from assessor.users.service import find_user_by_email
from tests.api.assessment_helpers import published, start
from tests.assessments.pages import csrf_token, sign_in
from tests.factories import stored_process, stored_rubric, stored_user


@pytest.fixture
def process_id(session, callers) -> int:
    stored_rubric(session)
    stored_user(session, "speaker@example.org", [], None)
    process = stored_process(session)
    session.commit()
    return process.id


def grant(client, process_id, email="speaker@example.org"):
    sign_in(client, "admin@example.org")
    path = f"/processes/{process_id}/representatives"
    return client.post(path, data={"csrf_token": csrf_token(client, path), "email": email})


def test_an_admin_grants_the_right_of_reply(client, callers, process_id, session):
    assert grant(client, process_id).status_code == 302
    page = client.get(f"/processes/{process_id}/representatives").get_data(as_text=True)
    assert "speaker@example.org" in page
    assert session.scalars(select(AuditEvent.action)).all()[-1] == "process.representative_granted"


def test_granting_to_an_unknown_email_says_so(client, callers, process_id):
    response = grant(client, process_id, email="nobody@example.org")
    assert response.status_code == 422
    assert "no active account has the email nobody@example.org" in response.get_data(as_text=True)


@pytest.mark.parametrize("email", ["owner@example.org", "reviewer@example.org"])
def test_only_admins_manage_representatives(client, callers, process_id, email):
    sign_in(client, email)
    assert client.get(f"/processes/{process_id}/representatives").status_code == 403


def test_a_representative_replies_and_everyone_sees_it_marked_as_the_process_reply(
    client, callers, process_id
):
    assessment_id = published(callers, process_id)
    grant(client, process_id)
    sign_in(client, "speaker@example.org")
    path = f"/assessments/{assessment_id}"
    response = client.post(
        f"{path}/replies",
        data={"csrf_token": csrf_token(client, path), "body": "We publish minutes since 2026."},
    )
    assert response.status_code == 302
    with client.session_transaction() as s:
        s.clear()
    page = client.get(path).get_data(as_text=True)
    assert "Reply from the process" in page and "We publish minutes since 2026." in page
    body = callers["anonymous"].get(f"/api/v1/assessments/{assessment_id}").get_json()
    assert body["replies"][0]["body"] == "We publish minutes since 2026."


def test_an_empty_reply_is_refused_next_to_the_field(client, callers, process_id):
    assessment_id = published(callers, process_id)
    grant(client, process_id)
    sign_in(client, "speaker@example.org")
    path = f"/assessments/{assessment_id}"
    response = client.post(
        f"{path}/replies", data={"csrf_token": csrf_token(client, path), "body": ""}
    )
    assert response.status_code == 422
    assert "write the process&#39;s reply" in response.get_data(as_text=True)


def test_users_who_do_not_represent_the_process_cannot_reply(callers, process_id):
    assessment_id = published(callers, process_id)
    response = callers["other_assessor"].post(
        f"/api/v1/assessments/{assessment_id}/replies", json={"body": "No."}
    )
    assert response.status_code == 403


def test_only_published_assessments_take_replies(client, callers, process_id):
    draft = start(callers["owner"], process_id)["id"]
    grant(client, process_id, email="owner@example.org")
    response = callers["owner"].post(
        f"/api/v1/assessments/{draft}/replies", json={"body": "Early."}
    )
    assert response.status_code == 409


def test_revoking_ends_the_right_of_reply(client, callers, process_id, session):
    assessment_id = published(callers, process_id)
    grant(client, process_id)
    user_id = find_user_by_email(session, "speaker@example.org").id
    path = f"/processes/{process_id}/representatives"
    client.post(f"{path}/{user_id}/revoke", data={"csrf_token": csrf_token(client, path)})
    sign_in(client, "speaker@example.org")
    page = client.get(f"/assessments/{assessment_id}").get_data(as_text=True)
    assert "Publish the reply" not in page
