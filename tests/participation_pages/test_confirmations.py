"""Publishing, withdrawing and deleting counts are each confirmed on a page saying what they
do; a post without that confirmation shows the page again and changes nothing."""

import pytest
from sqlalchemy import select

from assessor.participation.models import ParticipationRecord
from assessor.participation.records import publish_record, update_record
from tests.participation_pages.helpers import form_fields, stored_record
from tests.processes.test_pages import post_form, sign_in, text_of


def record_path(process, record) -> str:
    return f"/processes/{process.id}/participation/{record.id}"


def stored_state(session) -> list[tuple]:
    session.expire_all()
    return [
        (record.published_number, record.withdrawn)
        for record in session.scalars(select(ParticipationRecord))
    ]


@pytest.fixture
def published(session, users, process):
    record = stored_record(session, users["assessor"], process)
    publish_record(session, users["assessor"], record, based_on=record.row_version)
    session.commit()
    return record


def test_the_list_leads_to_the_confirmation_pages(client, session, users, process, published):
    draft = stored_record(session, users["assessor"], process, body="A draft")
    sign_in(client, users["assessor"])
    page = text_of(client.get(f"/processes/{process.id}/participation"))
    assert f'<a href="{record_path(process, draft)}/publish">Publish' in page
    assert f'<a href="{record_path(process, draft)}/withdraw">Delete draft' in page
    assert f'<a href="{record_path(process, published)}/withdraw">Withdraw' in page
    assert "<button" not in page.split("<main", 1)[1]


def test_publishing_says_the_counts_become_public_and_are_kept(client, session, users, process):
    record = stored_record(session, users["assessor"], process)
    sign_in(client, users["assessor"])
    response = client.get(f"{record_path(process, record)}/publish")
    assert response.status_code == 200
    page = text_of(response)
    assert "Publish the counts of Agenda-setting?" in page
    assert "will be public on the page of" in page
    assert "Every assessment of this process published from then on keeps them" in page
    assert 'name="confirm" value="publish"' in page
    assert stored_state(session) == [(None, False)]
    form = form_fields(page)
    assert client.post(f"{record_path(process, record)}/publish", data=form).status_code == 200
    assert stored_state(session) == [(None, False)]


def test_a_confirmed_publication_publishes(client, session, users, process):
    record = stored_record(session, users["assessor"], process)
    sign_in(client, users["assessor"])
    path = f"{record_path(process, record)}/publish"
    form = form_fields(text_of(client.get(path)))
    assert client.post(path, data={**form, "confirm": "publish"}).status_code == 302
    assert stored_state(session) == [(1, False)]


def test_withdrawing_says_published_scorecards_keep_the_counts(
    client, session, users, process, published
):
    sign_in(client, users["assessor"])
    path = f"{record_path(process, published)}/withdraw"
    page = text_of(client.get(path))
    assert "Withdraw the counts of Agenda-setting?" in page
    assert "will no longer be shown on the page of" in page
    assert "Scorecards already published with them keep them" in page
    assert post_form(client, path, {"row_version": str(published.row_version)}).status_code == 200
    assert stored_state(session) == [(1, False)]
    form = {"row_version": str(published.row_version), "confirm": "withdraw"}
    assert post_form(client, path, form).status_code == 302
    assert stored_state(session) == [(2, True)]


def test_deleting_a_draft_says_it_cannot_be_undone(client, session, users, process):
    record = stored_record(session, users["assessor"], process)
    sign_in(client, users["assessor"])
    path = f"{record_path(process, record)}/withdraw"
    page = text_of(client.get(path))
    assert "Delete the draft of Agenda-setting?" in page
    assert "This cannot be undone." in page
    assert 'name="confirm" value="delete"' in page
    form = {"row_version": str(record.row_version), "confirm": "withdraw"}
    assert post_form(client, path, form).status_code == 200
    assert stored_state(session) == [(None, False)]


def test_a_confirmation_of_a_record_changed_meanwhile_is_refused(client, session, users, process):
    record = stored_record(session, users["assessor"], process)
    sign_in(client, users["assessor"])
    path = f"{record_path(process, record)}/withdraw"
    form = form_fields(text_of(client.get(path)))
    update_record(
        session, users["admin"], record, {"note": "Meanwhile."}, based_on=record.row_version
    )
    session.commit()
    response = client.post(path, data={**form, "confirm": "delete"})
    assert response.status_code == 409
    assert "Someone changed these participation counts" in text_of(response)
    assert stored_state(session) == [(None, False)]
