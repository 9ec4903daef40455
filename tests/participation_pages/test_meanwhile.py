"""A save refused because someone saved the record meanwhile: the form comes back merged, so
that saving again keeps the other person's changes in every field the editor left alone."""

from sqlalchemy import select

from assessor.participation.models import ParticipationRecord
from tests.participation_pages.helpers import form_fields, stored_record
from tests.processes.test_pages import sign_in, text_of

GOVERNMENT = "counts.stakeholder_group.government"
CIVIL_SOCIETY = "counts.stakeholder_group.civil_society"


def stored_counts(session) -> dict:
    session.expire_all()
    return session.scalars(select(ParticipationRecord)).one().counts["stakeholder_group"]


def edit_path(process, record) -> str:
    return f"/processes/{process.id}/participation/{record.id}/edit"


def opened_form(client, path: str) -> dict[str, str]:
    """The edit form as a browser tab loads it, hidden fields and CSRF token included."""
    return form_fields(text_of(client.get(path)))


def stored_government_and_civil_society(session, users, process):
    counts = {"stakeholder_group": {"government": 41, "civil_society": 33}}
    return stored_record(session, users["assessor"], process, counts=counts)


def test_a_save_after_a_conflict_keeps_the_change_made_meanwhile(client, session, users, process):
    record = stored_government_and_civil_society(session, users, process)
    sign_in(client, users["assessor"])
    path = edit_path(process, record)
    tab_a, tab_b = opened_form(client, path), opened_form(client, path)
    assert client.post(path, data={**tab_a, GOVERNMENT: "44"}).status_code == 302

    response = client.post(path, data={**tab_b, CIVIL_SOCIETY: "31"})
    assert response.status_code == 409
    page = text_of(response)
    assert "you typed 41" not in page
    assert "Stakeholder group: Government</a>: 44" in page
    assert stored_counts(session) == {"government": 44, "civil_society": 33}
    shown = form_fields(page)
    assert (shown[GOVERNMENT], shown[CIVIL_SOCIETY]) == ("44", "31")

    assert client.post(path, data=shown).status_code == 302
    assert stored_counts(session) == {"government": 44, "civil_society": 31}


def test_fields_both_changed_differently_are_listed_as_conflicts(client, session, users, process):
    record = stored_government_and_civil_society(session, users, process)
    sign_in(client, users["assessor"])
    path = edit_path(process, record)
    tab_a, tab_b = opened_form(client, path), opened_form(client, path)
    assert client.post(path, data={**tab_a, GOVERNMENT: "44"}).status_code == 302

    response = client.post(path, data={**tab_b, GOVERNMENT: "45", CIVIL_SOCIETY: "31"})
    assert response.status_code == 409
    page = text_of(response)
    assert "Stakeholder group: Government</a>: you typed 45; saved meanwhile: 44" in page
    assert "Stored meanwhile: 44" in page
    assert "Civil society</a>" not in page
    shown = form_fields(page)
    assert (shown[GOVERNMENT], shown[CIVIL_SOCIETY]) == ("45", "31")
    assert stored_counts(session) == {"government": 44, "civil_society": 33}
    assert shown["row_version"] == str(record.row_version)
    assert shown["row_version"] != tab_b["row_version"]


def test_a_refused_save_keeps_the_values_loaded_for_the_next_one(client, session, users, process):
    record = stored_government_and_civil_society(session, users, process)
    sign_in(client, users["assessor"])
    path = edit_path(process, record)
    tab_a, tab_b = opened_form(client, path), opened_form(client, path)
    refused = client.post(path, data={**tab_b, CIVIL_SOCIETY: "many"})
    assert refused.status_code == 422
    tab_b = form_fields(text_of(refused))
    assert tab_b[f"seen.{GOVERNMENT}"] == "41"
    assert client.post(path, data={**tab_a, GOVERNMENT: "44"}).status_code == 302

    response = client.post(path, data={**tab_b, CIVIL_SOCIETY: "31"})
    assert response.status_code == 409
    assert form_fields(text_of(response))[GOVERNMENT] == "44"
