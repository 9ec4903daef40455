"""The API fuzzed from its own OpenAPI document with every check schemathesis has: no server
error, every answer as documented, requests the document allows accepted and those it does not
allow refused.

Hypothesis runs many examples inside one test call, while the database is emptied only after
the call: the data is seeded once per test, and each example brings what it must not share
(a fresh token, since an example may revoke one; a reset rate limit, since it may sign in).
"""

from datetime import UTC, datetime

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from assessor import create_app
from assessor.assessments.service import start_assessment
from assessor.extensions import limiter
from assessor.participation.records import create_record
from assessor.processes.versions import current_version
from assessor.users.models import User
from assessor.users.tokens import create_token
from config import TestConfig
from tests.factories import stored_process, stored_rubric, stored_user

# Schemathesis makes one test per operation when this module is collected, before the suite's
# app exists; the document needs no database, and each call is sent to the suite's app.
# (Loading it from the app fixture, schemathesis.pytest.from_fixture, fails on pytest 9.2: it
# sets the node's _nodeid, which pytest no longer has.)
APP = create_app(TestConfig({"DATABASE_URL": "sqlite://"}))


def operations_with_rules_beyond_schema() -> list[str]:
    """Operations whose description states rules no schema can, refused with 422."""
    return sorted(
        endpoint.removeprefix("api.")
        for endpoint, view in APP.view_functions.items()
        if getattr(view, "operation", None) and view.operation.rules
    )


PARTICIPATION = {
    "stage": "agenda_setting",
    "source_url": "https://example.org/report",
    "source_title": "Report",
    "counts": {"gender": {"female": 3, "male": 2}},
}
# What a request the document allows may get: schemathesis's default, and 422 where allowed.
ACCEPTED = ["2xx", "3xx", "401", "403", "404", "409", "429", "5xx"]
CONFIG = {
    # The same examples on every run: schemathesis seeded (Hypothesis is derandomized below),
    # and nothing kept from one run to the next.
    "seed": 20260101,
    "cache": {"enabled": False},
    "generation": {
        # Tokens are sent by the tests themselves: real ones, or none.
        "with-security-parameters": False,
        "database": "none",
    },
    "operations": [
        {
            # A request that keeps the schema may still break a rule it cannot state (a date
            # order, a rubric that must be loaded): the documented 422, and only there.
            "include-operation-id": operations_with_rules_beyond_schema(),
            "checks": {"positive_data_acceptance": {"expected-statuses": [*ACCEPTED, "422"]}},
        }
    ],
}
FUZZING = settings(
    max_examples=20,
    derandomize=True,
    deadline=None,
    suppress_health_check=[
        # The data is seeded once per test on purpose; examples do not rely on it being fresh.
        HealthCheck.function_scoped_fixture,
        # Bodies of the larger schemas can be slow to generate on a busy machine.
        HealthCheck.too_slow,
    ],
)

schema = schemathesis.openapi.from_wsgi(
    "/api/v1/openapi.json", APP, config=schemathesis.Config.from_dict(CONFIG)
)


@pytest.fixture
def seeded(session) -> dict:
    """An assessor with a draft, a published assessment and a participation record: the
    objects paths may name."""
    rubric = stored_rubric(session)
    process = stored_process(session)
    assessor = stored_user(session, "assessor@example.org", ["assessor"])
    started = {"process_id": process.id, "rubric": rubric.label}
    draft = start_assessment(session, assessor, started)
    published = start_assessment(session, assessor, started)
    # Published as publishing would: against the current version of the process's record.
    published.process_version = current_version(session, process)
    published.status, published.published_at = "published", datetime.now(UTC)
    admin = stored_user(session, "admin@example.org", ["admin"], None)
    # A process the assessor described, so that participation records reach its editor.
    described = stored_process(session, name="Described by the assessor", created_by_id=assessor.id)
    record = create_record(session, assessor, described, PARTICIPATION)
    session.commit()
    return {
        "user_id": assessor.id,
        "admin_id": admin.id,
        "path": {
            "assessment_id": [draft.id, published.id],
            "process_id": [process.id, described.id],
            "record_id": [record.id],
            "question_key": [q.key for pillar in rubric.pillars for q in pillar.questions],
            "slug": [rubric.slug],
            "version": [rubric.version],
        },
    }


def aim_at_seeded(case, data, seeded: dict) -> None:
    """Half the examples name seeded objects in their path, so that they reach real ones."""
    if not case.path_parameters or not data.draw(st.booleans(), label="seeded path"):
        return
    for name, values in seeded["path"].items():
        if name in case.path_parameters:
            case.path_parameters[name] = data.draw(st.sampled_from(values), label=name)


def fresh_token(session, user_id: int) -> str:
    token = create_token(session, session.get(User, user_id), "schemathesis")[1]
    session.commit()
    return token


@schema.parametrize()
@schema.given(data=st.data())
@FUZZING
def test_api_answers_an_assessor_as_documented(case, data, app, session, seeded):
    aim_at_seeded(case, data, seeded)
    limiter.reset()
    headers = {"Authorization": f"Bearer {fresh_token(session, seeded['user_id'])}"}
    case.call_and_validate(app=app, headers=headers)


@schema.parametrize()
@schema.given(data=st.data())
@FUZZING
def test_api_answers_anonymous_callers_as_documented(case, data, app, session, seeded):
    aim_at_seeded(case, data, seeded)
    limiter.reset()
    case.call_and_validate(app=app)


# Narrowed by exclusion: include() would add to the operations CONFIG names, not narrow them.
@schema.exclude(operation_id_regex=r"^(?!audit_events\.)").parametrize()
@schema.given(data=st.data())
@FUZZING
def test_api_answers_an_admin_reading_the_audit_trail_as_documented(
    case, data, app, session, seeded
):
    """The assessor is refused the audit trail; an admin's calls reach its filters."""
    headers = {"Authorization": f"Bearer {fresh_token(session, seeded['admin_id'])}"}
    case.call_and_validate(app=app, headers=headers)
