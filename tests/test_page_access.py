"""Every page that changes a record against every kind of visitor, with the status each gets."""

import pytest

from assessor.assessments.workflow import submit
from assessor.participation.records import create_record
from assessor.processes.models import ProcessRepresentative
from tests.factories import (
    answered_assessment,
    published_assessment,
    stored_process,
    stored_rubric,
    stored_user,
)
from tests.processes.test_pages import csrf_token, sign_in, text_of
from tests.users.helpers import FROM_THE_SITE

# creator: the assessor who described the process and owns its assessments; representative:
# an account without roles that an admin let speak for both processes.
ROLES = ("anonymous", "creator", "other_assessor", "representative", "reviewer", "admin")
EMAILS = {
    "creator": ("creator@example.org", ["assessor"]),
    "other_assessor": ("other@example.org", ["assessor"]),
    "representative": ("speaker@example.org", []),
    "reviewer": ("reviewer@example.org", ["reviewer"]),
    "admin": ("admin@example.org", ["admin"]),
}
PROCESS_FORM = {
    "name": "A national consultation",
    "convening_organization": "A ministry",
    "description": "Held online.",
    "scope": "national",
    "layer": "on_the_internet",
}
PARTICIPATION_FORM = {
    "stage": "agenda_setting",
    "source_url": "https://example.org/report",
    "source_title": "Session report",
    "counts.gender.female": "12",
    "row_version": "1",
}
SIGN_IN = 302  # anonymous visitors are sent to sign in
EDITORS = (SIGN_IN, 200, 403, 200, 403, 200)
EDITORS_POST = (SIGN_IN, 302, 403, 302, 403, 302)
PARTICIPATION = "/processes/{process}/participation"

# (method, path template, form, expected status per role in ROLES order)
MATRIX = [
    ("GET", "/processes/new", None, (SIGN_IN, 200, 200, 403, 403, 200)),
    ("POST", "/processes/new", PROCESS_FORM, (SIGN_IN, 302, 302, 403, 403, 302)),
    ("GET", "/processes/{process}/edit", None, (SIGN_IN, 200, 403, 200, 403, 200)),
    ("POST", "/processes/{process}/edit", PROCESS_FORM, (SIGN_IN, 302, 403, 302, 403, 302)),
    ("GET", "/processes/{orphan}/edit", None, (SIGN_IN, 403, 403, 200, 403, 200)),
    ("POST", "/processes/{orphan}/edit", PROCESS_FORM, (SIGN_IN, 403, 403, 302, 403, 302)),
    ("GET", "/processes/{process}/representatives", None, (SIGN_IN, 403, 403, 403, 403, 200)),
    (
        "POST",
        "/processes/{process}/representatives",
        {"email": "other@example.org"},
        (SIGN_IN, 403, 403, 403, 403, 302),
    ),
    (
        "POST",
        "/processes/{process}/representatives/{representative}/revoke",
        {},
        (SIGN_IN, 403, 403, 403, 403, 302),
    ),
    ("GET", PARTICIPATION, None, EDITORS),
    ("GET", "/processes/{orphan}/participation", None, (SIGN_IN, 403, 403, 200, 403, 200)),
    ("GET", f"{PARTICIPATION}/new", None, EDITORS),
    ("POST", f"{PARTICIPATION}/new", PARTICIPATION_FORM, EDITORS_POST),
    ("GET", f"{PARTICIPATION}/{{record}}/edit", None, EDITORS),
    ("POST", f"{PARTICIPATION}/{{record}}/edit", PARTICIPATION_FORM, EDITORS_POST),
    ("GET", f"{PARTICIPATION}/{{record}}/publish", None, EDITORS),
    (
        "POST",
        f"{PARTICIPATION}/{{record}}/publish",
        {"row_version": "1", "confirm": "publish"},
        EDITORS_POST,
    ),
    ("GET", f"{PARTICIPATION}/{{record}}/withdraw", None, EDITORS),
    (
        "POST",
        f"{PARTICIPATION}/{{record}}/withdraw",
        {"row_version": "1", "confirm": "delete"},
        EDITORS_POST,
    ),
    ("GET", f"{PARTICIPATION}/import", None, EDITORS),
    ("GET", "/participation/template-counts.csv", None, (200,) * 6),
    ("GET", "/participation/template-participants.csv", None, (200,) * 6),
    ("GET", "/admin/audit", None, (SIGN_IN, 403, 403, 403, 403, 200)),
    ("GET", "/admin/audit?action=process.updated&page=2", None, (SIGN_IN, 403, 403, 403, 403, 200)),
    ("GET", "/assessments/{submitted}/publish", None, (SIGN_IN, 403, 404, 404, 200, 200)),
    (
        "POST",
        "/assessments/{submitted}/publish",
        {"confirm": "publish"},
        (SIGN_IN, 403, 404, 404, 302, 302),
    ),
    ("GET", "/assessments/{published}/withdraw", None, (SIGN_IN, 403, 403, 403, 403, 200)),
]


@pytest.fixture
def people(session) -> dict:
    made = {role: stored_user(session, email, roles) for role, (email, roles) in EMAILS.items()}
    session.commit()
    return made


@pytest.fixture
def objects(session, people) -> dict[str, int]:
    rubric = stored_rubric(session)
    process = stored_process(session, created_by_id=people["creator"].id)
    orphan = stored_process(session, name="A process whose creator is gone")
    for described in (process, orphan):
        session.add(
            ProcessRepresentative(process_id=described.id, user_id=people["representative"].id)
        )
    submitted = answered_assessment(session, rubric, process, people["creator"])
    submit(session, people["creator"], submitted)
    published = published_assessment(
        session, rubric, process, people["creator"], people["reviewer"]
    )
    record = create_record(
        session,
        people["creator"],
        process,
        {
            "stage": "agenda_setting",
            "source_url": "https://example.org/",
            "source_title": "Report",
            "counts": {"gender": {"female": 3, "male": 4}},
        },
    )
    session.commit()
    return {
        "process": process.id,
        "record": record.id,
        "orphan": orphan.id,
        "submitted": submitted.id,
        "published": published.id,
        "representative": people["representative"].id,
    }


CASES = [
    pytest.param(method, path, form, role, statuses[index], id=f"{method} {path} as {role}")
    for method, path, form, statuses in MATRIX
    for index, role in enumerate(ROLES)
]


@pytest.mark.parametrize(("method", "path", "form", "role", "expected"), CASES)
def test_page_answers_each_role_as_it_should(
    client, people, objects, method, path, form, role, expected
):
    if role != "anonymous":
        sign_in(client, people[role])
    url = path.format(**objects)
    if method == "GET":
        response = client.get(url)
    else:
        token = csrf_token(client, "/sign-in")
        fields = {**form, **({"csrf_token": token} if token else {})}
        response = client.post(url, data=fields, headers=FROM_THE_SITE)
    if expected == SIGN_IN and role == "anonymous" and method == "POST":
        # A form sent without sign-in is kept on the sign-in page, to be sent again after.
        assert response.status_code == 401
        assert f'<input type="hidden" name="next" value="{url}">' in response.get_data(as_text=True)
        return
    assert response.status_code == expected
    if expected == SIGN_IN and role == "anonymous":
        assert response.headers["Location"].startswith("/sign-in?next=")


EDIT_LINK = [
    ("process", (False, True, False, True, False, True)),
    ("orphan", (False, False, False, True, False, True)),
]


@pytest.mark.parametrize(
    ("which", "role", "offered"),
    [
        pytest.param(which, role, shown[index], id=f"{which} as {role}")
        for which, shown in EDIT_LINK
        for index, role in enumerate(ROLES)
    ],
)
def test_the_edit_link_is_offered_only_to_those_who_may_edit(
    client, people, objects, which, role, offered
):
    if role != "anonymous":
        sign_in(client, people[role])
    process_id = objects[which]
    page = text_of(client.get(f"/processes/{process_id}"))
    assert (f'href="/processes/{process_id}/edit"' in page) is offered
