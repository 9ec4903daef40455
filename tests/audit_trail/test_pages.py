"""The audit page: every recorded change, newest first, filtered, paged and readable."""

import re
from datetime import UTC, datetime

import pytest
from sqlalchemy import delete

from assessor.audit import AuditEvent
from tests.factories import (
    answered_assessment,
    stored_event,
    stored_process,
    stored_rubric,
    stored_user,
)
from tests.processes.test_pages import sign_in, text_of

AUDIT = "/admin/audit"


def at(day: int, hour: int = 12) -> datetime:
    return datetime(2026, 12, day, hour, tzinfo=UTC)


@pytest.fixture
def people(session) -> dict:
    made = {
        "admin": stored_user(session, "admin@example.org", ["admin"], None),
        "ana": stored_user(session, "ana@example.org", ["assessor"]),
    }
    session.commit()
    return made


@pytest.fixture
def admin(client, people):
    sign_in(client, people["admin"])
    return client


@pytest.fixture
def trail(session, people) -> dict:
    """A process described and renamed by Ana, her roles changed by the admin, an answer."""
    ana, admin = people["ana"], people["admin"]
    process = stored_process(session, name="IGF 2013", created_by_id=ana.id)
    rubric = stored_rubric(session)
    assessment = answered_assessment(session, rubric, process, ana)
    session.execute(delete(AuditEvent))  # the events of answering it; these stand for them
    events = {
        "created": stored_event(
            session,
            "process.created",
            process,
            at=at(1),
            actor=ana,
            after={"id": process.id, "name": "IGF", "scope": "global"},
        ),
        "renamed": stored_event(
            session,
            "process.updated",
            process,
            at=at(2),
            actor=ana,
            before={"name": "IGF", "scope": "global"},
            after={"name": "IGF 2013", "scope": "regional"},
        ),
        "roles": stored_event(
            session,
            "user.roles_changed",
            ana,
            at=at(3),
            actor=admin,
            before={"roles": ["assessor"]},
            after={"roles": ["admin", "assessor"]},
        ),
        "granted": stored_event(
            session,
            "process.representative_granted",
            process,
            at=at(4),
            actor=admin,
            after={"user_id": ana.id},
        ),
        "answered": stored_event(
            session,
            "answer.saved",
            assessment,
            at=at(5),
            actor=ana,
            before={"level": 1, "rationale": "Some.", "evidence": [], "version": 1},
            after={
                "question_key": "openness.open_participation",
                "level": 3,
                "rationale": "Some.",
                "evidence": ["https://example.org/a", "https://example.org/b"],
                "version": 2,
            },
        ),
    }
    session.commit()
    return {"process": process, "assessment": assessment, **{k: v.id for k, v in events.items()}}


def rows(page: str) -> list[str]:
    """The events listed, each row's text with its spacing tidied."""
    found = re.findall(r'<tr id="event-(\d+)"', page)
    return [int(number) for number in found]


def test_events_are_listed_newest_first(admin, trail):
    page = text_of(admin.get(AUDIT))
    assert rows(page) == [
        trail[name] for name in ("answered", "granted", "roles", "renamed", "created")
    ]
    assert "5 events" in page


def test_each_event_says_who_what_and_when(admin, trail):
    page = text_of(admin.get(AUDIT))
    assert '<time datetime="2026-12-02T12:00:00+00:00">' in page
    assert "Process edited" in page and "Roles changed" in page
    assert "Ana (ana@example.org)" in page


def test_changed_fields_are_shown_before_and_after_in_words(admin, trail):
    page = text_of(admin.get(f"{AUDIT}?action=process.updated"))
    assert "Name</span>: IGF → IGF 2013" in page
    assert "Scope</span>: Global → Regional" in page


def test_unchanged_fields_and_row_versions_are_left_out(admin, trail):
    page = text_of(admin.get(f"{AUDIT}?action=answer.saved"))
    assert "Level</span>: 1 → 3" in page
    assert "Evidence</span>: 0 items → 2 items" in page
    assert "Question</span>: openness.open_participation" in page
    assert "Rationale</span>" not in page and "Version" not in page


def test_roles_and_accounts_are_named(admin, trail):
    page = text_of(admin.get(AUDIT))
    assert "Roles</span>: Assessor → Admin, Assessor" in page
    assert "Account</span>: Ana (ana@example.org)" in page


def test_records_link_to_their_pages(admin, trail):
    page = text_of(admin.get(AUDIT))
    process, assessment = trail["process"], trail["assessment"]
    assert f'<a href="/processes/{process.id}">IGF 2013</a>' in page
    assert f'<a href="/assessments/{assessment.id}">Assessment {assessment.id}</a>' in page
    assert 'href="/admin/users/' in page


def test_an_event_by_nobody_signed_in_says_so(admin, session, people):
    stored_event(session, "user.created", people["ana"], at=at(1), after={"roles": ["assessor"]})
    session.commit()
    assert "No account (command line)" in text_of(admin.get(AUDIT))


def test_filters_are_kept_in_the_form_and_in_the_page_links(admin, session, trail, people):
    for day in range(6, 28):
        stored_event(
            session, "user.roles_changed", people["ana"], at=at(day), actor=people["admin"]
        )
    session.commit()
    query = "actor=admin%40example.org&action=user.roles_changed&from=2026-12-01"
    page = text_of(admin.get(f"{AUDIT}?{query}"))
    assert "23 events found" in page
    assert 'id="filter-actor" name="actor" value="admin@example.org"' in page
    assert '<option value="user.roles_changed" selected>' in page
    assert 'id="filter-from" name="from" value="2026-12-01"' in page
    assert (
        'href="/admin/audit?page=2&amp;actor=admin@example.org&amp;action=user.roles_changed'
        '&amp;from=2026-12-01" rel="next"'
    ) in page


@pytest.mark.parametrize(
    ("query", "shown"),
    [
        ("actor=ana@example.org", ["answered", "renamed", "created"]),
        ("action=user.roles_changed", ["roles"]),
        ("from=2026-12-02&to=2026-12-03", ["roles", "renamed"]),
        ("subject_type=user", ["roles"]),
    ],
)
def test_each_filter_narrows_the_list(admin, trail, query, shown):
    assert rows(text_of(admin.get(f"{AUDIT}?{query}"))) == [trail[name] for name in shown]


def test_filter_by_record_number(admin, trail):
    process = trail["process"].id
    page = text_of(admin.get(f"{AUDIT}?subject_type=process&subject_id={process}"))
    assert rows(page) == [trail["granted"], trail["renamed"], trail["created"]]


def test_nothing_recorded_yet_says_so(admin):
    page = text_of(admin.get(AUDIT))
    assert "Nothing has been recorded yet." in page
    assert "<table" not in page


def test_no_match_says_so_and_offers_to_clear_the_filters(admin, trail):
    page = text_of(admin.get(f"{AUDIT}?action=user.deactivated"))
    assert "No event matches these filters." in page
    assert '<a href="/admin/audit">Clear the filters</a>' in page


def test_bad_filter_values_are_ignored_with_a_notice(admin, trail):
    response = admin.get(f"{AUDIT}?from=yesterday&action=process.updated&subject_id=3")
    page = text_of(response)
    assert response.status_code == 200
    assert "Part of the filter was ignored" in page
    assert "From: must be a date such as 2026-12-07" in page
    assert "Record number: choose the kind of record this is the number of" in page
    assert rows(page) == [trail["renamed"]]


def test_the_admin_menu_links_the_audit_page_after_the_users(admin):
    page = text_of(admin.get("/"))
    users = page.index('href="/admin/users"')
    assert page.index('href="/admin/audit"') > users


def test_the_audit_page_is_in_french(admin, trail):
    page = text_of(admin.get(f"{AUDIT}?lang=fr&action=process.updated"))
    assert "Journal d'audit" in page
    assert "Processus modifié" in page
