"""Every endpoint against every kind of caller, with the status each must get."""

import pytest

from assessor.processes.models import ProcessRepresentative
from assessor.users.tokens import create_token
from tests.api.assessment_helpers import COMPLETE_ANSWERS, fill, published, start
from tests.callers import Caller
from tests.factories import stored_process, stored_rubric, stored_user

# creator: the assessor who described the process and owns its assessments; representative:
# an account without roles that an admin let speak for both processes.
ROLES = ("anonymous", "creator", "other_assessor", "representative", "reviewer", "admin")
PROCESS = {
    "name": "A consultation",
    "convening_organization": "A ministry",
    "scope": "national",
    "layer": "on_the_internet",
}
KEY = "openness.open_participation"
EVERYONE = (200,) * len(ROLES)

# (method, path template, body, expected status per role in ROLES order)
MATRIX = [
    ("GET", "/api/v1/rubrics", None, EVERYONE),
    ("GET", "/api/v1/rubrics/sample-rubric/1.0.0", None, EVERYONE),
    ("GET", "/api/v1/processes", None, EVERYONE),
    ("POST", "/api/v1/processes", PROCESS, (401, 201, 201, 403, 403, 201)),
    ("GET", "/api/v1/processes/{process}", None, EVERYONE),
    (
        "PATCH",
        "/api/v1/processes/{process}",
        {"description": "Changed."},
        (401, 200, 403, 200, 403, 200),
    ),
    (
        "PATCH",
        "/api/v1/processes/{orphan}",
        {"description": "Changed."},
        (401, 403, 403, 200, 403, 200),
    ),
    (
        "GET",
        "/api/v1/processes/{process}/consolidated?rubric=sample-rubric@1.0.0",
        None,
        EVERYONE,
    ),
    ("GET", "/api/v1/processes/{process}/participation", None, EVERYONE),
    (
        "GET",
        "/api/v1/processes/{process}/participation/records",
        None,
        (401, 200, 403, 200, 403, 200),
    ),
    (
        "POST",
        "/api/v1/processes/{process}/participation/records",
        {
            "stage": "agenda_setting",
            "source_url": "https://example.org/report",
            "source_title": "Report",
        },
        (401, 201, 403, 201, 403, 201),
    ),
    ("GET", "/api/v1/assessments", None, EVERYONE),
    (
        "POST",
        "/api/v1/assessments",
        {"process_id": "{process}", "rubric": "sample-rubric@1.0.0"},
        (401, 201, 201, 403, 403, 403),
    ),
    ("GET", "/api/v1/assessments/{draft}", None, (404, 200, 404, 404, 200, 200)),
    ("GET", "/api/v1/assessments/{published}", None, EVERYONE),
    (
        "PUT",
        f"/api/v1/assessments/{{draft}}/answers/{KEY}",
        {"level": 1, "version": 1},
        (401, 200, 404, 404, 403, 403),
    ),
    (
        "DELETE",
        f"/api/v1/assessments/{{draft}}/answers/{KEY}?version=1",
        None,
        (401, 204, 404, 404, 403, 403),
    ),
    ("POST", "/api/v1/assessments/{draft}/submit", None, (401, 200, 404, 404, 403, 403)),
    (
        "POST",
        "/api/v1/assessments/{submitted}/return",
        {"comment": "Why?"},
        (401, 403, 404, 404, 200, 200),
    ),
    (
        "POST",
        "/api/v1/assessments/{submitted}/publish",
        None,
        (401, 403, 404, 404, 200, 200),
    ),
    (
        "POST",
        "/api/v1/assessments/{published}/revise",
        None,
        (401, 201, 403, 403, 403, 403),
    ),
    (
        "POST",
        "/api/v1/assessments/{published}/withdraw",
        {"reason": "Conflict of interest."},
        (401, 403, 403, 403, 403, 200),
    ),
    (
        "POST",
        "/api/v1/assessments/{published}/replies",
        {"body": "Our view."},
        (401, 403, 403, 201, 403, 403),
    ),
    ("GET", "/api/v1/assessments/{draft}/scorecard", None, (404, 200, 404, 404, 200, 200)),
    ("GET", "/api/v1/assessments/{published}/scorecard", None, EVERYONE),
    ("GET", "/api/v1/audit-events", None, (401, 403, 403, 403, 403, 200)),
]


@pytest.fixture
def by_role(session, callers) -> dict[str, Caller]:
    """The shared callers under this matrix's names, with a representative added."""
    representative = stored_user(session, "speaker@example.org", [])
    token = create_token(session, representative, "tests")[1]
    session.commit()
    return {
        **callers,
        "creator": callers["owner"],
        "representative": Caller(callers["anonymous"].client, token, representative.id),
    }


@pytest.fixture
def objects(session, callers, by_role) -> dict[str, int]:
    stored_rubric(session)
    process = stored_process(session, created_by_id=callers["owner"].user_id)
    orphan = stored_process(session, name="A process whose creator is gone")
    for described in (process, orphan):
        session.add(
            ProcessRepresentative(
                process_id=described.id, user_id=by_role["representative"].user_id
            )
        )
    session.commit()
    draft = start(callers["owner"], process.id)["id"]
    fill(callers["owner"], draft)
    submitted = start(callers["owner"], process.id)["id"]
    fill(callers["owner"], submitted, COMPLETE_ANSWERS)
    callers["owner"].post(f"/api/v1/assessments/{submitted}/submit")
    return {
        "process": process.id,
        "orphan": orphan.id,
        "draft": draft,
        "submitted": submitted,
        "published": published(callers, process.id),
    }


def _fill_in(value, objects):
    if isinstance(value, str):
        formatted = value.format(**objects)
        return int(formatted) if value.startswith("{") and formatted.isdigit() else formatted
    if isinstance(value, dict):
        return {key: _fill_in(item, objects) for key, item in value.items()}
    return value


CASES = [
    pytest.param(method, path, body, role, statuses[index], id=f"{method} {path} as {role}")
    for method, path, body, statuses in MATRIX
    for index, role in enumerate(ROLES)
]


@pytest.mark.parametrize(("method", "path", "body", "role", "expected"), CASES)
def test_endpoint_answers_each_role_as_it_should(
    by_role, objects, method, path, body, role, expected
):
    caller = by_role[role]
    url, payload = path.format(**objects), _fill_in(body, objects)
    send = {
        "GET": caller.get,
        "DELETE": caller.delete,
        "POST": caller.post,
        "PUT": caller.put,
        "PATCH": caller.patch,
    }[method]
    response = send(url) if method in {"GET", "DELETE"} else send(url, json=payload)
    assert response.status_code == expected, response.get_json()
