"""Who may change a process, decided by the service that every page and the API call."""

import pytest

from assessor.exceptions import NotAllowed
from assessor.processes.models import Process
from assessor.processes.representatives import grant_representative, revoke_representative
from assessor.processes.service import update_process
from assessor.users.service import admin_update_user
from tests.factories import stored_process, stored_user


@pytest.fixture
def people(session) -> dict:
    return {
        "creator": stored_user(session, "creator@example.org", ["assessor"]),
        "admin": stored_user(session, "admin@example.org", ["admin"], None),
    }


def test_a_creator_who_lost_the_assessor_role_may_no_longer_change_the_process(session, people):
    process = stored_process(session, created_by_id=people["creator"].id)
    admin_update_user(
        session,
        people["admin"],
        people["creator"],
        display_name="Creator",
        stakeholder_group=None,
        roles=["reviewer"],
    )
    with pytest.raises(NotAllowed):
        update_process(session, people["creator"], process, {"name": "Renamed"})
    assert session.get(Process, process.id).name == "IGF 2013 Workshop #41"


def test_a_representative_needs_no_role_to_correct_the_description(session, people):
    process = stored_process(session)
    speaker = stored_user(session, "speaker@example.org", [])
    grant_representative(session, people["admin"], process, "speaker@example.org")
    update_process(session, speaker, process, {"description": "As we describe ourselves."})
    assert process.description == "As we describe ourselves."


def test_a_removed_representative_may_no_longer_change_the_process(session, people):
    process = stored_process(session)
    speaker = stored_user(session, "speaker@example.org", [])
    grant_representative(session, people["admin"], process, "speaker@example.org")
    revoke_representative(session, people["admin"], process, speaker.id)
    with pytest.raises(NotAllowed):
        update_process(session, speaker, process, {"name": "Ours"})
