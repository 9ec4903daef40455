"""Granting and removing representatives from the admin's page: each change in the audit trail."""

import pytest
from sqlalchemy import select

from assessor.audit import AuditEvent
from tests.factories import stored_process, stored_user
from tests.processes.test_pages import csrf_token, post_form, sign_in


@pytest.fixture
def people(session) -> dict:
    made = {
        "admin": stored_user(session, "admin@example.org", ["admin"], None),
        "speaker": stored_user(session, "speaker@example.org", []),
        "process": stored_process(session),
    }
    session.commit()
    return made


def events(session) -> list[tuple]:
    session.expire_all()
    statement = select(
        AuditEvent.action,
        AuditEvent.actor_id,
        AuditEvent.subject_id,
        AuditEvent.before,
        AuditEvent.after,
    ).order_by(AuditEvent.id)
    return session.execute(statement).all()


def test_a_grant_and_its_removal_are_each_recorded_once(client, session, people):
    admin, speaker, process = people["admin"], people["speaker"], people["process"]
    sign_in(client, admin)
    path = f"/processes/{process.id}/representatives"
    for _ in range(2):  # granting again changes nothing, and records nothing
        assert post_form(client, path, {"email": "Speaker@example.org"}).status_code == 302
    token = csrf_token(client, path)
    revoked = client.post(f"{path}/{speaker.id}/revoke", data={"csrf_token": token})
    assert revoked.status_code == 302
    assert events(session) == [
        ("process.representative_granted", admin.id, process.id, None, {"user_id": speaker.id}),
        ("process.representative_revoked", admin.id, process.id, {"user_id": speaker.id}, None),
    ]
