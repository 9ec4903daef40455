"""Personal API tokens: created with email and password, shown once, revoked by the owner."""

from sqlalchemy import select

from assessor.users.models import ApiToken
from tests.factories import TEST_PASSWORD


def request_token(client, email="owner@example.org", password=TEST_PASSWORD, name="script"):
    return client.post("/api/v1/tokens", json={"email": email, "password": password, "name": name})


def test_token_is_created_and_shown_once(callers, client, session):
    response = request_token(client)
    assert response.status_code == 201
    body = response.get_json()
    assert body["token"].startswith("asr_") and body["name"] == "script"
    stored = session.get(ApiToken, body["id"])
    assert body["token"] not in stored.token_hash and len(stored.token_hash) == 64


def test_new_token_authenticates_the_user(callers, client):
    token = request_token(client).get_json()["token"]
    response = client.delete("/api/v1/tokens/999999", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 404  # authenticated, so the unknown token is the problem


def test_wrong_password_and_unknown_email_get_the_same_answer(callers, client):
    wrong = request_token(client, password="not the password")
    unknown = request_token(client, email="nobody@example.org")
    assert wrong.status_code == unknown.status_code == 401
    assert (
        wrong.get_json()
        == unknown.get_json()
        == {"errors": {"_": ["The email or password is wrong."]}}
    )


def test_token_request_fields_are_validated(callers, client):
    response = client.post("/api/v1/tokens", json={"email": "owner@example.org", "colour": "red"})
    assert response.status_code == 422
    assert response.get_json()["errors"] == {
        "password": ["Missing data for required field"],
        "name": ["Missing data for required field"],
        "colour": ["Unknown field"],
    }


def test_revoked_token_no_longer_authenticates(callers, client, session):
    created = request_token(client).get_json()
    auth = {"Authorization": f"Bearer {created['token']}"}
    assert client.delete(f"/api/v1/tokens/{created['id']}", headers=auth).status_code == 204
    assert client.delete(f"/api/v1/tokens/{created['id']}", headers=auth).status_code == 401
    assert session.scalars(select(ApiToken).where(ApiToken.id == created["id"])).one().revoked_at


def test_another_users_token_cannot_be_revoked(callers, client):
    created = request_token(client).get_json()
    response = callers["other_assessor"].delete(f"/api/v1/tokens/{created['id']}")
    assert response.status_code == 404


def test_bad_token_is_401(client, callers):
    response = client.delete("/api/v1/tokens/1", headers={"Authorization": "Bearer asr_nope"})
    assert response.status_code == 401
    assert response.get_json()["errors"]["_"] == ["The token is missing, unknown or revoked."]


def test_anonymous_revocation_is_401(client, callers):
    assert client.delete("/api/v1/tokens/1").status_code == 401


def test_a_401_names_the_bearer_scheme(client, callers):
    for headers in ({}, {"Authorization": "Bearer asr_nope"}):
        response = client.delete("/api/v1/tokens/1", headers=headers)
        assert response.status_code == 401
        assert response.headers["WWW-Authenticate"] == "Bearer"


def test_token_requests_are_rate_limited_per_account(callers, client, app):
    limit = int(app.config["SIGN_IN_RATE_LIMIT"].split()[0])
    for _ in range(limit):
        request_token(client, password="guess")
    response = request_token(client)
    assert response.status_code == 429
    assert response.get_json()["errors"]["_"][0].startswith("Too many requests")
    assert int(response.headers["Retry-After"]) > 0


def test_rate_limit_per_account_holds_across_addresses(callers, client, app):
    limit = int(app.config["SIGN_IN_RATE_LIMIT"].split()[0])
    for number in range(limit):
        client.post(
            "/api/v1/tokens",
            json={"email": "owner@example.org", "password": "guess", "name": "n"},
            environ_base={"REMOTE_ADDR": f"10.0.0.{number + 1}"},
        )
    response = client.post(
        "/api/v1/tokens",
        json={"email": "owner@example.org", "password": TEST_PASSWORD, "name": "n"},
        environ_base={"REMOTE_ADDR": "10.0.1.1"},
    )
    assert response.status_code == 429


def test_malformed_json_is_400(client, callers):
    response = client.post("/api/v1/tokens", data="{not json", content_type="application/json")
    assert response.status_code == 400
    assert response.get_json() == {
        "errors": {"_": ["The body is not valid JSON (line 1, column 2)."]}
    }


def test_non_json_body_is_415(client, callers):
    response = client.post(
        "/api/v1/tokens", data="email=a", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 415


def test_oversized_body_is_413(client, callers):
    response = client.post(
        "/api/v1/tokens", data="x" * (2 * 1024 * 1024), content_type="application/json"
    )
    assert response.status_code == 413
    assert "errors" in response.get_json()


def test_a_nul_character_anywhere_in_json_is_refused_by_field(client, callers):
    response = client.post(
        "/api/v1/tokens", json={"email": "a\x00@example.org", "password": "x", "name": "n"}
    )
    assert response.status_code == 422
    assert response.get_json() == {
        "errors": {"email": ["Text may not contain the NUL character (\\u0000)."]}
    }
