"""User administration: who may use it, creating users, editing roles, deactivating."""

import pytest
from sqlalchemy import select

from assessor.audit import AuditEvent
from assessor.db import db
from assessor.users.models import User
from tests.users.helpers import add_user, page_text, post_form, sign_in, user_facts

NEW_USER = {
    "email": "Nadia@Example.org",
    "display_name": "Nadia",
    "stakeholder_group": "technical_community",
    "roles": ["assessor", "reviewer"],
    "password": "a long initial password",
}


@pytest.fixture
def people(app) -> dict[str, int]:
    """User ids by role: an admin, an assessor and a reviewer."""
    return {
        "admin": add_user(app, "admin@example.org", ["admin"], None),
        "assessor": add_user(app, "assessor@example.org", ["assessor"]),
        "reviewer": add_user(app, "reviewer@example.org", ["reviewer"], "government"),
    }


@pytest.fixture
def admin(client, people):
    """``client``, signed in as the admin."""
    sign_in(client, "admin@example.org")
    return client


def audit_events(app, action: str) -> list[AuditEvent]:
    with app.app_context():
        return list(db.session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def user_id_by_email(app, email: str) -> int | None:
    with app.app_context():
        return db.session.scalar(select(User.id).where(User.email == email))


ROUTES = [
    ("get", "/admin/users", 200),
    ("get", "/admin/users?q=assessor&page=1", 200),
    ("get", "/admin/users/new", 200),
    ("post", "/admin/users/new", 422),
    ("get", "/admin/users/{subject}", 200),
    ("post", "/admin/users/{subject}", 422),
    ("post", "/admin/users/{subject}/deactivate", 302),
    ("post", "/admin/users/{subject}/reactivate", 302),
]


@pytest.mark.parametrize("role", ["anonymous", "assessor", "reviewer", "admin"])
@pytest.mark.parametrize(("method", "route", "admin_status"), ROUTES)
def test_access_matrix(client, people, role, method, route, admin_status):
    if role != "anonymous":
        sign_in(client, f"{role}@example.org")
    path = route.format(subject=people["reviewer"])
    response = client.get(path) if method == "get" else post_form(client, path)
    if role == "anonymous" and method == "get":
        assert response.status_code == 302
        assert response.headers["Location"].startswith("/sign-in?next=%2Fadmin%2Fusers")
    elif role == "anonymous":
        # A form sent without sign-in is kept on the sign-in page, to be sent again after.
        assert response.status_code == 401
        assert f'<input type="hidden" name="next" value="{path}">' in page_text(response)
    elif role == "admin":
        assert response.status_code == admin_status
    else:
        assert response.status_code == 403
        assert "Only administrators may manage users." in page_text(response)


def test_users_link_is_in_the_navigation_for_admins_only(client, admin):
    assert 'href="/admin/users"' in page_text(client.get("/profile"))


def test_list_shows_every_user_with_roles_and_status(admin):
    response = admin.get("/admin/users")
    body = page_text(response)
    assert "<title>Users · assessor</title>" in body
    assert "3 users" in body
    for email in ("admin@example.org", "assessor@example.org", "reviewer@example.org"):
        assert f"<td>{email}</td>" in body
    assert "<td>Government</td>" in body and "<td>active</td>" in body


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("REVIEWER@", ["reviewer"]),
        ("Assess", ["assessor"]),
        ("example", ["admin", "assessor", "reviewer"]),
    ],
)
def test_search_matches_email_or_name(admin, query, found):
    body = page_text(admin.get("/admin/users", query_string={"q": query}))
    for role in ("admin", "assessor", "reviewer"):
        assert (f"<td>{role}@example.org</td>" in body) == (role in found)


def test_search_takes_wildcards_literally(admin):
    body = page_text(admin.get("/admin/users", query_string={"q": "%"}))
    assert "0 users" in body and "No user matches" in body


def test_list_shows_fifty_users_a_page(app, admin):
    for number in range(50):
        add_user(app, f"person{number:02d}@example.org", ["assessor"])
    first = page_text(admin.get("/admin/users"))
    assert first.count('<td><a href="/admin/users/') == 50
    assert "53 users, page 1 of 2" in first
    assert 'href="/admin/users?page=2" rel="next"' in first
    second = page_text(admin.get("/admin/users?page=2"))
    assert second.count('<td><a href="/admin/users/') == 3
    assert 'rel="prev"' in second and 'rel="next"' not in second


def test_page_number_must_be_a_positive_number(admin):
    assert admin.get("/admin/users?page=0").status_code == 422
    assert admin.get("/admin/users?page=two").status_code == 422


def test_admin_creates_a_user_with_several_roles(app, admin, people):
    response = post_form(admin, "/admin/users/new", NEW_USER)
    assert response.status_code == 302
    assert response.headers["Location"] == "/admin/users?q=nadia@example.org"
    assert "Nadia (nadia@example.org) is added and can sign in." in page_text(
        admin.get(response.headers["Location"])
    )
    facts = user_facts(app, user_id_by_email(app, "nadia@example.org"))
    assert facts["roles"] == {"assessor", "reviewer"}
    assert facts["stakeholder_group"] == "technical_community"
    assert sign_in(app.test_client(), "nadia@example.org", NEW_USER["password"]).status_code == 302


def test_user_creation_is_audited_without_the_password(app, admin, people):
    post_form(admin, "/admin/users/new", NEW_USER)
    [event] = audit_events(app, "user.created")
    assert event.actor_id == people["admin"]
    assert event.subject_id == user_id_by_email(app, "nadia@example.org")
    assert event.after["roles"] == ["assessor", "reviewer"]
    recorded = str(event.after)
    assert "password" not in recorded and NEW_USER["password"] not in recorded


def test_duplicate_email_is_named_beside_the_field_and_the_form_is_kept(admin, people):
    response = post_form(admin, "/admin/users/new", {**NEW_USER, "email": "Assessor@example.org"})
    body = page_text(response)
    assert response.status_code == 422
    assert '<p class="field-error" id="field-email-error">' in body
    assert "a user with email assessor@example.org already exists" in body
    assert 'value="Nadia"' in body
    assert 'value="reviewer" checked' in body and 'value="assessor" checked' in body
    assert '<option value="technical_community" selected>' in body
    assert NEW_USER["password"] not in body


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"roles": []}, "roles", "choose at least one role"),
        ({"roles": ["assessor", "king"]}, "roles", "choose roles from the list"),
        ({"email": "not-an-email"}, "email", "enter an email address"),
        ({"password": "short"}, "password", "at least 10 characters"),
        ({"display_name": ""}, "display_name", "enter a name"),
    ],
)
def test_new_user_errors_sit_beside_their_field(app, admin, change, field, message):
    response = post_form(admin, "/admin/users/new", {**NEW_USER, **change})
    body = page_text(response)
    assert response.status_code == 422
    assert f'id="field-{field}-error"' in body and message in body
    assert f'<a href="#field-{field}">' in body
    assert user_id_by_email(app, "nadia@example.org") is None


def test_edit_page_shows_the_user(admin, people):
    body = page_text(admin.get(f"/admin/users/{people['reviewer']}"))
    assert "<title>Edit user Reviewer · assessor</title>" in body
    assert 'value="reviewer" checked' in body and 'value="admin" checked' not in body
    assert "Deactivate Reviewer" in body


def test_unknown_user_is_404(admin):
    assert admin.get("/admin/users/999999").status_code == 404


def test_admin_changes_roles_name_and_group(app, admin, people):
    data = {"display_name": "Rita", "stakeholder_group": "", "roles": ["assessor", "admin"]}
    response = post_form(admin, f"/admin/users/{people['reviewer']}", data)
    assert response.status_code == 302
    facts = user_facts(app, people["reviewer"])
    assert facts["roles"] == {"assessor", "admin"}
    assert (facts["display_name"], facts["stakeholder_group"]) == ("Rita", None)
    [event] = audit_events(app, "user.roles_changed")
    assert (event.actor_id, event.subject_id) == (people["admin"], people["reviewer"])
    assert event.before == {"roles": ["reviewer"]}
    assert event.after == {"roles": ["admin", "assessor"]}


def test_a_change_of_name_and_group_is_recorded_apart_from_the_roles(app, admin, people):
    data = {"display_name": "Rita Lopes", "stakeholder_group": "academia", "roles": ["reviewer"]}
    post_form(admin, f"/admin/users/{people['reviewer']}", data)
    [event] = audit_events(app, "user.updated")
    assert (event.actor_id, event.subject_id) == (people["admin"], people["reviewer"])
    assert event.before == {"display_name": "Reviewer", "stakeholder_group": "government"}
    assert event.after == {"display_name": "Rita Lopes", "stakeholder_group": "academia"}
    assert audit_events(app, "user.roles_changed") == []


def test_unchanged_roles_record_no_role_change(app, admin, people):
    data = {"display_name": "Rita", "stakeholder_group": "government", "roles": ["reviewer"]}
    post_form(admin, f"/admin/users/{people['reviewer']}", data)
    assert audit_events(app, "user.roles_changed") == []


def test_admin_cannot_remove_their_own_admin_role(app, admin, people):
    data = {"display_name": "Admin", "stakeholder_group": "", "roles": ["assessor"]}
    response = post_form(admin, f"/admin/users/{people['admin']}", data)
    body = page_text(response)
    assert response.status_code == 422
    assert 'id="field-roles-error"' in body and "you cannot remove your own admin role" in body
    assert user_facts(app, people["admin"])["roles"] == {"admin"}


def test_admin_cannot_deactivate_themselves(app, admin, people):
    response = post_form(admin, f"/admin/users/{people['admin']}/deactivate")
    assert response.status_code == 403
    assert "You cannot deactivate your own account" in page_text(response)
    assert user_facts(app, people["admin"])["active"] is True
    assert "Deactivate Admin" not in page_text(admin.get(f"/admin/users/{people['admin']}"))


def test_deactivated_user_can_no_longer_sign_in(app, admin, people):
    response = post_form(admin, f"/admin/users/{people['assessor']}/deactivate")
    assert response.status_code == 302
    assert user_facts(app, people["assessor"])["active"] is False
    refused = sign_in(app.test_client(), "assessor@example.org")
    assert "The email or password is wrong." in page_text(refused)


def test_deactivation_signs_out_an_open_session_on_its_next_request(app, admin, people):
    member = app.test_client()
    sign_in(member, "assessor@example.org")
    assert member.get("/profile").status_code == 200
    post_form(admin, f"/admin/users/{people['assessor']}/deactivate")
    assert member.get("/profile").status_code == 302


def test_reactivated_user_can_sign_in_again_and_both_changes_are_audited(app, admin, people):
    post_form(admin, f"/admin/users/{people['assessor']}/deactivate")
    post_form(admin, f"/admin/users/{people['assessor']}/reactivate")
    assert sign_in(app.test_client(), "assessor@example.org").status_code == 302
    [deactivated] = audit_events(app, "user.deactivated")
    [reactivated] = audit_events(app, "user.reactivated")
    assert (deactivated.before, deactivated.after) == ({"active": True}, {"active": False})
    assert reactivated.after == {"active": True} and reactivated.actor_id == people["admin"]


def test_admin_posts_need_the_csrf_token(app, admin, people):
    response = admin.post(f"/admin/users/{people['assessor']}/deactivate")
    assert response.status_code == 400
    assert user_facts(app, people["assessor"])["active"] is True
