"""GET /api/v1/audit-events: the audit trail for admins, newest first, filtered and paged."""

from datetime import UTC, datetime

import pytest

from assessor.users.models import User
from tests.api.test_processes import link_target
from tests.factories import stored_event, stored_process

EVENTS = "/api/v1/audit-events"


def at(day: int, hour: int = 12) -> datetime:
    return datetime(2026, 12, day, hour, tzinfo=UTC)


@pytest.fixture
def trail(session, callers) -> dict:
    """Events by two people about a process and an account, on 1, 2 and 3 December."""
    owner = session.get(User, callers["owner"].user_id)
    admin = session.get(User, callers["admin"].user_id)
    process = stored_process(session, created_by_id=owner.id)
    made = {
        "created": stored_event(
            session, "process.created", process, at=at(1), actor=owner, after={"name": "IGF"}
        ),
        "renamed": stored_event(
            session,
            "process.updated",
            process,
            at=at(2),
            actor=owner,
            before={"name": "IGF"},
            after={"name": "IGF 2013"},
        ),
        "roles": stored_event(
            session,
            "user.roles_changed",
            owner,
            at=at(3),
            actor=admin,
            before={"roles": ["assessor"]},
            after={"roles": ["admin", "assessor"]},
        ),
    }
    session.commit()
    return {
        "process": process,
        "owner": owner,
        "admin": admin,
        **{k: v.id for k, v in made.items()},
    }


def listed(response) -> list[int]:
    assert response.status_code == 200, response.get_json()
    return [item["id"] for item in response.get_json()["items"]]


def test_events_are_listed_newest_first_with_who_what_and_which_record(callers, trail):
    body = callers["admin"].get(EVENTS).get_json()
    assert [item["id"] for item in body["items"]] == [
        trail["roles"],
        trail["renamed"],
        trail["created"],
    ]
    renamed = body["items"][1]
    assert renamed == {
        "id": trail["renamed"],
        "occurred_at": "2026-12-02T12:00:00+00:00",
        "action": "process.updated",
        "actor": {
            "id": trail["owner"].id,
            "email": "owner@example.org",
            "display_name": "Owner",
        },
        "subject_type": "process",
        "subject_id": trail["process"].id,
        "subject_url": f"/api/v1/processes/{trail['process'].id}",
        "before": {"name": "IGF"},
        "after": {"name": "IGF 2013"},
    }
    assert body["items"][0]["subject_url"] is None  # accounts have no API address
    assert (body["total"], body["page"], body["pages"]) == (3, 1, 1)


def test_an_event_without_an_account_says_so(callers, session, trail):
    stored_event(session, "user.created", trail["admin"], at=at(4), after={"roles": ["admin"]})
    session.commit()
    (newest, *_) = callers["admin"].get(EVENTS).get_json()["items"]
    assert newest["actor"] is None


@pytest.mark.parametrize("who", ["owner@example.org", "  OWNER@Example.org ", "{owner}"])
def test_filter_by_who_takes_an_email_or_an_account_number(callers, trail, who):
    actor = who.format(owner=trail["owner"].id)
    found = listed(callers["admin"].get(EVENTS, query_string={"actor": actor}))
    assert found == [trail["renamed"], trail["created"]]


def test_filter_by_an_unknown_email_finds_nothing(callers, trail):
    assert listed(callers["admin"].get(f"{EVENTS}?actor=nobody@example.org")) == []


def test_filter_by_what(callers, trail):
    assert listed(callers["admin"].get(f"{EVENTS}?action=process.updated")) == [trail["renamed"]]


def test_an_unknown_action_is_refused_with_the_actions_recorded(callers, trail):
    response = callers["admin"].get(f"{EVENTS}?action=process.deleted")
    assert response.status_code == 422
    (message,) = response.get_json()["errors"]["action"]
    assert message.startswith("must be one of: process.created, process.updated,")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("from=2026-12-02", ["roles", "renamed"]),
        ("to=2026-12-02", ["renamed", "created"]),
        ("from=2026-12-02&to=2026-12-02", ["renamed"]),
        ("from=2026-12-04", []),
        ("from=0001-01-01&to=9999-12-31", ["roles", "renamed", "created"]),
    ],
)
def test_filter_by_when_takes_whole_days_in_utc(callers, trail, query, expected):
    found = listed(callers["admin"].get(f"{EVENTS}?{query}"))
    assert found == [trail[name] for name in expected]


def test_a_period_ending_before_it_starts_is_refused(callers, trail):
    response = callers["admin"].get(f"{EVENTS}?from=2026-12-03&to=2026-12-01")
    assert response.status_code == 422
    assert response.get_json() == {"errors": {"to": ["must be on or after from (2026-12-03)"]}}


def test_filter_by_record(callers, trail):
    process = trail["process"].id
    query = f"subject_type=process&subject_id={process}"
    assert listed(callers["admin"].get(f"{EVENTS}?{query}")) == [trail["renamed"], trail["created"]]
    assert listed(callers["admin"].get(f"{EVENTS}?subject_type=user")) == [trail["roles"]]


def test_a_record_number_needs_its_kind(callers, trail):
    response = callers["admin"].get(f"{EVENTS}?subject_id=1")
    assert response.status_code == 422
    assert response.get_json() == {"errors": {"subject_type": ["is needed with subject_id"]}}


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("from=yesterday", "from"),
        ("subject_type=rubric", "subject_type"),
        ("subject_id=0&subject_type=process", "subject_id"),
        ("per_page=101", "per_page"),
        ("colour=red", "colour"),
    ],
)
def test_bad_parameters_are_named(callers, trail, query, field):
    response = callers["admin"].get(f"{EVENTS}?{query}")
    assert response.status_code == 422
    assert list(response.get_json()["errors"]) == [field]


def test_pages_link_to_each_other_keeping_the_filters(callers, trail):
    body = callers["admin"].get(f"{EVENTS}?actor=owner@example.org&per_page=1").get_json()
    assert (body["total"], body["pages"]) == (2, 2)
    assert link_target(body["links"]["next"]) == (
        EVENTS,
        {"actor": ["owner@example.org"], "page": ["2"], "per_page": ["1"]},
    )
    second = callers["admin"].get(body["links"]["next"]).get_json()
    assert [item["id"] for item in second["items"]] == [trail["created"]]
