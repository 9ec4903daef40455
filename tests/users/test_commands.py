"""``flask users create``."""

import pytest
from sqlalchemy import select

from assessor.audit import AuditEvent
from assessor.users.models import User
from assessor.users.service import password_matches


def create(runner, *extra, input=None):
    return runner.invoke(args=["users", "create", *extra], input=input)


def test_create_stores_a_hashed_password_and_roles(runner, session):
    result = create(
        runner,
        "--email",
        "Ana@Example.org",
        "--password",
        "correct horse",
        "--role",
        "assessor",
        "--role",
        "reviewer",
        "--name",
        "Ana",
        "--group",
        "academia",
    )
    assert result.exit_code == 0, result.output
    user = session.scalars(select(User)).one()
    assert user.email == "ana@example.org"
    assert user.roles == {"assessor", "reviewer"}
    assert user.stakeholder_group == "academia"
    method = runner.app.config["PASSWORD_HASH_METHOD"]
    assert user.password_hash.startswith(method.split(":")[0] + ":")
    assert "correct horse" not in user.password_hash
    assert password_matches(user, "correct horse") and not password_matches(user, "wrong horse")


def test_create_prompts_for_a_missing_password(runner, session):
    result = create(
        runner,
        "--email",
        "b@example.org",
        "--role",
        "admin",
        input="a long secret\na long secret\n",
    )
    assert result.exit_code == 0, result.output
    assert password_matches(session.scalars(select(User)).one(), "a long secret")


def test_create_refuses_a_duplicate_email(runner, session):
    create(runner, "--email", "c@example.org", "--password", "0123456789", "--role", "admin")
    result = create(
        runner, "--email", "C@example.org", "--password", "0123456789", "--role", "admin"
    )
    assert result.exit_code == 1
    assert "a user with email c@example.org already exists" in result.output


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (
            ["--email", "d@example.org", "--password", "short", "--role", "admin"],
            "at least 10 characters",
        ),
        (
            ["--email", "not-an-email", "--password", "0123456789", "--role", "admin"],
            "is not an email address",
        ),
        (
            ["--email", "e@example.org", "--password", "0123456789", "--role", "king"],
            "'king' is not one of",
        ),
        (["--email", "f@example.org", "--password", "0123456789"], "Missing option '--role'"),
    ],
)
def test_create_explains_bad_input(runner, session, arguments, message):
    result = create(runner, *arguments)
    assert result.exit_code != 0
    assert message in result.output
    assert session.scalars(select(User)).all() == []


def test_create_is_recorded_in_the_audit_trail_without_the_password(runner, session):
    result = create(
        runner, "--email", "ana@example.org", "--password", "correct horse", "--role", "admin"
    )
    assert result.exit_code == 0, result.output
    event = session.scalars(select(AuditEvent)).one()
    user = session.scalars(select(User)).one()
    assert (event.action, event.subject_type, event.subject_id) == ("user.created", "user", user.id)
    assert event.actor_id is None  # made on the command line, by nobody signed in
    assert event.after["roles"] == ["admin"]
    assert "correct horse" not in str(event.after) and "password" not in str(event.after)


def test_a_refused_create_records_nothing(runner, session):
    create(runner, "--email", "not-an-email", "--password", "correct horse", "--role", "admin")
    assert session.scalars(select(AuditEvent)).all() == []
