"""Fixtures of the participation page tests: the people who may or may not edit, a process."""

import pytest

from tests.factories import stored_process, stored_user


@pytest.fixture
def users(session):
    made = {
        "assessor": stored_user(session, "assessor@example.org", ["assessor"]),
        "other_assessor": stored_user(session, "other@example.org", ["assessor"], "government"),
        "admin": stored_user(session, "admin@example.org", ["admin"], None),
    }
    session.commit()
    return made


@pytest.fixture
def process(session, users):
    made = stored_process(session, created_by_id=users["assessor"].id)
    session.commit()
    return made
