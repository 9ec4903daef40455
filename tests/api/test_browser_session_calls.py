"""The browser's own API calls use the session cookie and must carry the CSRF token."""

import pytest

from tests.api.assessment_helpers import start
from tests.assessments.pages import csrf_token, sign_in
from tests.factories import stored_process, stored_rubric

KEY = "openness.open_participation"


@pytest.fixture
def signed_in(client, callers) -> str:
    """The test client signed in as the owner through the form; returns its CSRF token."""
    sign_in(client, "owner@example.org")
    return csrf_token(client, "/profile")


@pytest.fixture
def draft(session, callers) -> int:
    stored_rubric(session)
    process = stored_process(session)
    session.commit()
    return start(callers["owner"], process.id)["id"]


def test_session_reads_need_no_csrf_token(client, signed_in, draft):
    assert client.get(f"/api/v1/assessments/{draft}").status_code == 200


def test_session_write_without_csrf_token_is_refused(client, signed_in, draft):
    response = client.put(f"/api/v1/assessments/{draft}/answers/{KEY}", json={"level": 1})
    assert response.status_code == 400
    assert "security token" in response.get_json()["errors"]["_"][0]


def test_session_write_with_the_csrf_header_is_accepted(client, signed_in, draft):
    response = client.put(
        f"/api/v1/assessments/{draft}/answers/{KEY}",
        json={"level": 1},
        headers={"X-CSRFToken": signed_in},
    )
    assert response.status_code == 200


def test_a_token_call_ignores_the_session_cookie(client, signed_in, draft, callers):
    """With a bearer header, the caller is the token's user, whoever the cookie names."""
    headers = {"Authorization": f"Bearer {callers['other_assessor'].token}"}
    assert client.get(f"/api/v1/assessments/{draft}", headers=headers).status_code == 404
