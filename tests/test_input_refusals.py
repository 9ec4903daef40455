"""Input no request can use is refused with a clear 400 or 422, never answered with a 500.

Lone surrogates (``"\\ud800"`` in JSON) are not characters: no database stores them, so they
are refused by field like NUL. JSON nested past a bound, with a name twice in one object or
with numbers no double holds is refused as a whole before any view reads it.
"""

import io

import pytest

from assessor import create_app
from assessor.processes.models import Process
from config import TestConfig
from tests.api.assessment_helpers import start
from tests.assessments.pages import csrf_token, sign_in
from tests.databases import REDIS_URL, require_redis
from tests.factories import stored_process, stored_rubric
from tests.users.helpers import FROM_THE_SITE

SURROGATE = "\ud800"
SURROGATE_REFUSED = (
    "Text may not contain a lone surrogate (\\ud800 to \\udfff): it is not a character."
)
KEY = "openness.open_participation"
EVIDENCE = {"url": "https://example.org/minutes", "title": "Minutes", "accessed_on": "2026-11-01"}
NEW_PROCESS = {
    "name": "NETmundial",
    "convening_organization": "CGI.br and /1net",
    "description": "Global Multistakeholder Meeting on the Future of Internet Governance.",
    "scope": "global",
    "layer": "of_the_internet",
}
DEEP = "[" * 50_000


@pytest.fixture
def draft(session, callers) -> dict:
    """A process and the owner's draft of it, with the paths the tests send to."""
    stored_rubric(session)
    process = stored_process(session)
    session.commit()
    assessment_id = start(callers["owner"], process.id)["id"]
    return {
        "process": f"/api/v1/processes/{process.id}",
        "answer": f"/api/v1/assessments/{assessment_id}/answers/{KEY}",
    }


# Each: who sends, the method, the path's name in ``draft`` (or a path), the body, the field.
SURROGATE_CASES = [
    ("owner", "post", "/api/v1/processes", {**NEW_PROCESS, "name": f"IGF {SURROGATE}"}, "name"),
    (
        "owner",
        "post",
        "/api/v1/processes",
        {**NEW_PROCESS, "description": SURROGATE},
        "description",
    ),
    ("admin", "patch", "process", {"name": f"{SURROGATE} renamed"}, "name"),
    ("admin", "patch", "process", {"description": f"A{SURROGATE}"}, "description"),
    ("owner", "put", "answer", {"level": 1, "rationale": f"Open{SURROGATE}"}, "rationale"),
    (
        "owner",
        "put",
        "answer",
        {"level": 1, "evidence": [{**EVIDENCE, "title": SURROGATE}]},
        "evidence[0].title",
    ),
    (
        "anonymous",
        "post",
        "/api/v1/tokens",
        {"email": f"owner{SURROGATE}@example.org", "password": "x", "name": "n"},
        "email",
    ),
    (
        "anonymous",
        "post",
        "/api/v1/tokens",
        {"email": "owner@example.org", "password": "correct horse battery", "name": SURROGATE},
        "name",
    ),
]


@pytest.mark.parametrize(("role", "method", "path", "body", "field"), SURROGATE_CASES)
def test_a_lone_surrogate_is_refused_by_field(callers, draft, role, method, path, body, field):
    response = getattr(callers[role], method)(draft.get(path, path), json=body)
    assert response.status_code == 422, response.get_data(as_text=True)
    assert response.get_json() == {"errors": {field: [SURROGATE_REFUSED]}}


def test_a_lone_surrogate_is_refused_in_a_name_which_the_error_shows_escaped(callers):
    response = callers["owner"].post("/api/v1/processes", json={**NEW_PROCESS, SURROGATE: "x"})
    assert response.status_code == 422
    assert response.get_json() == {"errors": {"\\ud800": [SURROGATE_REFUSED]}}


def test_a_surrogate_sent_as_utf8_bytes_is_refused_too(callers):
    """Python's JSON reader keeps the bytes ED A0 80 as the surrogate they would encode."""
    body = b'{"email": "a\xed\xa0\x80@example.org", "password": "x", "name": "n"}'
    response = callers["anonymous"].post(
        "/api/v1/tokens", data=body, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 422
    assert response.get_json() == {"errors": {"email": [SURROGATE_REFUSED]}}


def test_a_surrogate_pair_is_one_character_and_is_kept(session, callers):
    response = callers["owner"].post("/api/v1/processes", json={**NEW_PROCESS, "name": "IGF 😀"})
    assert response.status_code == 201, response.get_json()
    assert session.get(Process, response.get_json()["id"]).name == "IGF 😀"


def test_a_lone_surrogate_on_a_page_is_refused_on_a_page(client, callers):
    sign_in(client, "owner@example.org")
    response = client.post(
        "/processes/new",
        data=f'{{"name": "{SURROGATE}"}}'.encode("utf-8", "surrogatepass"),
        headers={"Content-Type": "application/json", "X-CSRFToken": csrf_token(client, "/")},
    )
    assert response.status_code == 422
    assert "name: Text may not contain a lone surrogate" in response.get_data(as_text=True)


def test_a_lone_surrogate_is_refused_before_the_rate_limiter_stores_its_key():
    """The sign-in limits count per account, keyed by the e-mail sent: Redis cannot store a
    surrogate, so the text is refused before the limiter reads it."""
    require_redis(REDIS_URL)
    application = create_app(
        TestConfig({"DATABASE_URL": "sqlite://", "RATELIMIT_STORAGE_URI": REDIS_URL})
    )
    response = application.test_client().post(
        "/api/v1/tokens",
        json={"email": f"a{SURROGATE}@example.org", "password": "x", "name": "n"},
    )
    assert response.status_code == 422
    assert response.get_json() == {"errors": {"email": [SURROGATE_REFUSED]}}


# What werkzeug makes of bytes that would be a surrogate in UTF-8: never a surrogate.


def test_a_form_keeps_undecodable_percent_escapes_as_typed(client, callers, session):
    sign_in(client, "owner@example.org")
    token = csrf_token(client, "/processes/new")
    fields = "&".join(f"{name}={value}" for name, value in NEW_PROCESS.items() if name != "name")
    response = client.post(
        "/processes/new",
        data=f"csrf_token={token}&name=IGF%ED%A0%80&{fields}",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    assert session.query(Process).one().name == "IGF%ED%A0%80"


def test_a_query_string_keeps_undecodable_percent_escapes_as_typed(client, session):
    stored_process(session, name="IGF%ED%A0%80 forum")
    session.commit()
    response = client.get("/api/v1/processes?q=IGF%ED%A0%80")
    assert response.status_code == 200
    assert [item["name"] for item in response.get_json()["items"]] == ["IGF%ED%A0%80 forum"]


def test_a_path_decodes_undecodable_bytes_as_replacement_characters(client, session):
    response = client.get("/", environ_overrides={"PATH_INFO": "/rubrics/a\xed\xa0\x80/1.0"})
    assert response.status_code == 404


def test_a_multipart_form_decodes_undecodable_bytes_as_replacement_characters(client, callers):
    sign_in(client, "owner@example.org")
    token = csrf_token(client, "/profile")
    body = (
        b'--b\r\nContent-Disposition: form-data; name="csrf_token"\r\n\r\n'
        + token.encode()
        + b'\r\n--b\r\nContent-Disposition: form-data; name="display_name"\r\n\r\n'
        + b"Ana \xed\xa0\x80\r\n--b--\r\n"
    )
    response = client.post("/profile", data=body, content_type="multipart/form-data; boundary=b")
    assert response.status_code < 500
    assert "Ana \ufffd\ufffd\ufffd" in client.get("/profile").get_data(as_text=True)


# JSON no view reads


def test_deep_nesting_is_refused_on_every_kind_of_endpoint(client, callers, draft):
    for caller, path in [
        (callers["anonymous"], "/api/v1/tokens"),
        (callers["owner"], "/api/v1/processes"),
        (callers["owner"], draft["answer"]),
    ]:
        method = caller.put if path == draft["answer"] else caller.post
        response = method(path, data=DEEP, headers={"Content-Type": "application/json"})
        assert response.status_code == 400, (path, response.get_data(as_text=True))
        assert response.get_json() == {
            "errors": {"_": ["JSON may be nested at most 32 levels deep."]}
        }


def test_deep_nesting_sent_to_a_page_is_refused_on_a_page(client):
    response = client.post(
        "/sign-in", data=DEEP, headers={"Content-Type": "application/json", **FROM_THE_SITE}
    )
    assert response.status_code == 400
    assert "JSON may be nested at most 32 levels deep." in response.get_data(as_text=True)


def nested(depth: int) -> str:
    """An answer whose evidence is a list nested so that the whole body is ``depth`` deep."""
    return '{"level": 1, "evidence": ' + "[" * (depth - 1) + "]" * (depth - 1) + "}"


def test_nesting_small_enough_to_parse_but_deeper_than_the_bound_is_refused(callers, draft):
    response = callers["owner"].put(
        draft["answer"], data=nested(500), headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 400
    assert response.get_json()["errors"]["_"] == ["JSON may be nested at most 32 levels deep."]


def test_nesting_up_to_the_bound_reaches_the_schema(callers, draft):
    response = callers["owner"].put(
        draft["answer"], data=nested(32), headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 422
    assert "evidence[0]" in response.get_json()["errors"]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("1" + "0" * 100_000, "A number may have at most 4300 digits."),
        ("-" + "9" * 4301, "A number may have at most 4300 digits."),
        ("1e999999", "A number is beyond the range of a double (about 1.8e308)."),
        ("-1e999999", "A number is beyond the range of a double (about 1.8e308)."),
        ("NaN", "NaN is not a JSON number."),
        ("Infinity", "Infinity is not a JSON number."),
    ],
)
def test_numbers_no_double_holds_are_refused(callers, draft, value, message):
    response = callers["owner"].put(
        draft["answer"], data=f'{{"level": {value}}}', headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 400
    assert response.get_json() == {"errors": {"_": [message]}}


def test_a_number_of_many_digits_within_the_bound_reaches_the_schema(callers, draft):
    response = callers["owner"].put(
        draft["answer"],
        data='{"level": 1' + "0" * 4299 + "}",
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code == 422
    assert list(response.get_json()["errors"]) == ["level"]


def test_a_name_twice_in_one_object_is_refused(callers, draft):
    response = callers["owner"].put(
        draft["answer"],
        data='{"level": 1, "evidence": [{"title": "a", "title": "b"}], "level": 2}',
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code == 400
    assert response.get_json() == {
        "errors": {"_": ['The name "title" appears more than once in one object.']}
    }


def test_a_duplicate_name_holding_a_surrogate_is_shown_escaped(callers):
    response = callers["anonymous"].post(
        "/api/v1/tokens",
        data='{"\\ud800": 1, "\\ud800": 2}',
        headers={"Content-Type": "application/json"},
    )
    assert response.status_code == 400
    assert response.get_json() == {
        "errors": {"_": ['The name "\\ud800" appears more than once in one object.']}
    }


def test_invalid_json_says_where(callers):
    response = callers["anonymous"].post(
        "/api/v1/tokens", data='{"email": }', headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 400
    assert response.get_json() == {
        "errors": {"_": ["The body is not valid JSON (line 1, column 11)."]}
    }


def test_a_body_that_is_not_utf8_is_not_json(callers):
    response = callers["anonymous"].post(
        "/api/v1/tokens", data=b'{"email": "\xff"}', headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 400
    assert response.get_json() == {"errors": {"_": ["The body is not valid JSON."]}}


# Participation pages: a form field and an imported file


def test_a_nul_in_a_participation_form_is_refused_by_field(client, callers, session):
    process = stored_process(session, created_by_id=callers["owner"].user_id)
    session.commit()
    sign_in(client, "owner@example.org")
    path = f"/processes/{process.id}/participation/new"
    form = {
        "stage": "agenda_setting",
        "source_url": "https://example.org/",
        "source_title": "Report\x00",
        "csrf_token": csrf_token(client, path),
    }
    response = client.post(path, data=form)
    assert response.status_code == 422
    assert "source_title: Text may not contain the NUL character" in response.get_data(as_text=True)


def test_a_nul_in_an_imported_file_is_refused_by_line(client, callers, session):
    process = stored_process(session, created_by_id=callers["owner"].user_id)
    session.commit()
    sign_in(client, "owner@example.org")
    path = f"/processes/{process.id}/participation/import"
    form = {
        "source_url": "https://example.org/",
        "source_title": "Report",
        "csrf_token": csrf_token(client, path),
        "file": (io.BytesIO(b"stage,gender\nagenda_setting,fe\x00male\n"), "counts.csv"),
    }
    response = client.post(path, data=form, content_type="multipart/form-data")
    assert response.status_code == 422
    assert "line 2: Text may not contain the NUL character" in response.get_data(as_text=True)
