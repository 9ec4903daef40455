"""The participation list and form: states in words, who may use them, saving, publishing,
withdrawing and deleting, refusals that keep what was typed, and stale saves."""

from sqlalchemy import select

from assessor.participation.models import ParticipationRecord, ParticipationVersion
from assessor.participation.records import publish_record, update_record
from tests.factories import stored_process
from tests.participation_pages.helpers import RECORD_FORM, stored_record
from tests.processes.test_pages import csrf_token, post_form, sign_in, text_of


def list_path(process) -> str:
    return f"/processes/{process.id}/participation"


def records(session) -> list[ParticipationRecord]:
    session.expire_all()
    return list(session.scalars(select(ParticipationRecord).order_by(ParticipationRecord.id)))


def test_the_list_says_each_state_in_words(client, session, users, process):
    editor = users["assessor"]
    stored_record(session, editor, process, body="Never published")
    published = stored_record(session, editor, process, body="Published as it is")
    publish_record(session, editor, published, based_on=published.row_version)
    changed = stored_record(session, editor, process, stage="decision_making", body="Changed")
    publish_record(session, editor, changed, based_on=changed.row_version)
    update_record(session, editor, changed, {"note": "Later."}, based_on=changed.row_version)
    session.commit()
    sign_in(client, editor)
    page = text_of(client.get(list_path(process)))
    assert "Draft, never published" in page
    assert "Published (version 1)</td>" in page
    assert "Published (version 1), with changes not published" in page
    assert page.index("Agenda-setting") < page.index("Decision-making")
    assert "Gender: 7" in page
    assert 'href="https://example.org/report"' in page
    assert f'href="/processes/{process.id}"' in page


def test_a_withdrawn_record_says_so(client, session, users, process):
    record = stored_record(session, users["assessor"], process)
    publish_record(session, users["assessor"], record, based_on=record.row_version)
    session.commit()
    sign_in(client, users["assessor"])
    response = post_form(
        client,
        f"{list_path(process)}/{record.id}/withdraw",
        {"row_version": str(record.row_version), "confirm": "withdraw"},
    )
    assert response.status_code == 302
    page = text_of(client.get(list_path(process)))
    assert '<td class="record-state">Withdrawn</td>' in page
    assert "The counts are withdrawn." in page


def test_an_empty_list_says_how_to_begin(client, users, process):
    sign_in(client, users["assessor"])
    page = text_of(client.get(list_path(process)))
    assert "No participation is recorded for this process yet." in page
    assert f'href="/processes/{process.id}/participation/new"' in page
    assert f'href="/processes/{process.id}/participation/import"' in page
    assert 'href="/participation/template-counts.csv"' in page


def test_anonymous_visitors_are_sent_to_sign_in(client, process):
    for path in ("", "/new", "/import"):
        response = client.get(list_path(process) + path)
        assert response.status_code == 302
        assert response.headers["Location"].startswith("/sign-in?next=")


def test_another_assessor_is_refused_as_on_the_process_edit_page(client, users, process):
    sign_in(client, users["other_assessor"])
    for path in (list_path(process), f"/processes/{process.id}/edit"):
        response = client.get(path)
        assert response.status_code == 403
        assert "Only the assessor who described this process" in text_of(response)


def test_the_process_page_links_to_the_list_for_editors_only(client, users, process):
    link = f'href="{list_path(process)}"'
    assert link not in text_of(client.get(f"/processes/{process.id}"))
    sign_in(client, users["other_assessor"])
    assert link not in text_of(client.get(f"/processes/{process.id}"))
    sign_in(client, users["admin"])
    page = text_of(client.get(f"/processes/{process.id}"))
    assert f"{link}>Record participation</a>" in page


def test_counts_added_through_the_form_are_saved_as_a_draft(client, session, users, process):
    sign_in(client, users["assessor"])
    response = post_form(client, f"{list_path(process)}/new", RECORD_FORM)
    assert response.status_code == 302
    assert response.headers["Location"] == list_path(process)
    (record,) = records(session)
    assert record.counts == {"gender": {"female": 48, "male": 52, "unknown": 7}}
    assert (record.stage, record.body, record.accessed_on.isoformat()) == (
        "agenda_setting",
        "Opening plenary",
        "2026-11-01",
    )
    assert record.published_number is None
    assert "The counts are saved as a draft." in text_of(client.get(list_path(process)))


def test_the_edit_form_shows_the_record_and_saves_changes(client, session, users, process):
    record = stored_record(session, users["assessor"], process)
    sign_in(client, users["assessor"])
    path = f"{list_path(process)}/{record.id}/edit"
    page = text_of(client.get(path))
    assert f'name="row_version" value="{record.row_version}"' in page
    assert 'name="counts.gender.female" value="3"' in page
    assert "<legend>Gender</legend>" in page
    form = {**RECORD_FORM, "row_version": str(record.row_version)}
    assert post_form(client, path, form).status_code == 302
    (saved,) = records(session)
    assert saved.counts["gender"] == {"female": 48, "male": 52, "unknown": 7}


def test_publishing_adds_a_version(client, session, users, process):
    record = stored_record(session, users["assessor"], process)
    sign_in(client, users["assessor"])
    response = post_form(
        client,
        f"{list_path(process)}/{record.id}/publish",
        {"row_version": str(record.row_version), "confirm": "publish"},
    )
    assert response.status_code == 302
    session.expire_all()
    assert session.scalars(select(ParticipationVersion.number)).all() == [1]
    page = text_of(client.get(list_path(process)))
    assert "The counts are published." in page and "Published (version 1)" in page


def test_deleting_a_draft_removes_it(client, session, users, process):
    record = stored_record(session, users["assessor"], process)
    sign_in(client, users["assessor"])
    page = text_of(client.get(list_path(process)))
    assert "Delete draft" in page and "Withdraw<span" not in page
    response = post_form(
        client,
        f"{list_path(process)}/{record.id}/withdraw",
        {"row_version": str(record.row_version), "confirm": "delete"},
    )
    assert response.status_code == 302
    assert records(session) == []
    assert "The draft is deleted." in text_of(client.get(list_path(process)))


def test_publishing_from_an_outdated_list_is_refused(client, session, users, process):
    record = stored_record(session, users["assessor"], process)
    seen = record.row_version
    update_record(session, users["admin"], record, {"note": "Meanwhile."}, based_on=seen)
    session.commit()
    sign_in(client, users["assessor"])
    response = post_form(
        client,
        f"{list_path(process)}/{record.id}/publish",
        {"row_version": str(seen), "confirm": "publish"},
    )
    assert response.status_code == 409
    assert "Someone changed these participation counts" in text_of(response)
    assert records(session)[0].published_number is None


def test_invalid_input_keeps_every_typed_value_and_saves_nothing(client, session, users, process):
    sign_in(client, users["assessor"])
    typed = {
        **RECORD_FORM,
        "source_url": "ftp://example.org/report",
        "source_title": "  ",
        "counts.gender.female": "forty",
        "counts.youth.youth": "-3",
        "counts.attendance.remote": "10000001",
    }
    response = post_form(client, f"{list_path(process)}/new", typed)
    assert response.status_code == 422
    page = text_of(response)
    for link in (
        "#field-source_url",
        "#field-source_title",
        "#field-counts-gender-female",
        "#field-counts-youth-youth",
        "#field-counts-attendance-remote",
    ):
        assert f'<a href="{link}">' in page
    assert 'aria-describedby="field-counts-gender-female-error"' in page
    assert "must be a whole number from 0 to 10000000" in page
    for name in ("source_url", "body", "counts.gender.female", "counts.gender.male"):
        assert f'name="{name}" value="{typed[name]}"' in page
    assert 'name="counts.youth.youth" value="-3"' in page
    assert '<option value="agenda_setting" selected>' in page
    assert "Counted from the session form.</textarea>" in page
    assert records(session) == []


def test_a_missing_stage_is_named(client, users, process):
    sign_in(client, users["assessor"])
    response = post_form(client, f"{list_path(process)}/new", {**RECORD_FORM, "stage": ""})
    assert response.status_code == 422
    assert '<a href="#field-stage">Stage: choose a stage</a>' in text_of(response)


def test_a_stale_edit_without_the_loaded_values_shows_every_difference_as_a_clash(
    client, session, users, process
):
    record = stored_record(session, users["assessor"], process)
    seen = record.row_version
    counts = {"gender": {"female": 30, "male": 4}}
    update_record(session, users["admin"], record, {"counts": counts}, based_on=seen)
    session.commit()
    now = record.row_version
    sign_in(client, users["assessor"])
    path = f"{list_path(process)}/{record.id}/edit"
    mine = {**RECORD_FORM, "row_version": str(seen)}
    response = client.post(path, data={**mine, "csrf_token": csrf_token(client, path)})
    assert response.status_code == 409
    page = text_of(response)
    assert "Someone changed these counts since you opened them" in page
    assert "Gender: Female</a>: you typed 48; saved meanwhile: 30" in page
    assert 'name="counts.gender.female" value="48"' in page
    assert "Stored meanwhile: 30" in page
    assert f'name="row_version" value="{now}"' in page
    assert records(session)[0].counts == counts
    again = {**mine, "row_version": str(now)}
    assert (
        client.post(path, data={**again, "csrf_token": csrf_token(client, path)}).status_code == 302
    )
    assert records(session)[0].counts["gender"]["female"] == 48


def test_a_post_without_its_security_token_is_refused(client, session, users, process):
    record = stored_record(session, users["assessor"], process)
    sign_in(client, users["assessor"])
    base = list_path(process)
    for path, form in (
        (f"{base}/new", RECORD_FORM),
        (f"{base}/{record.id}/edit", {**RECORD_FORM, "row_version": str(record.row_version)}),
        (f"{base}/{record.id}/publish", {"row_version": "1", "confirm": "publish"}),
        (f"{base}/{record.id}/withdraw", {"row_version": "1", "confirm": "delete"}),
    ):
        assert client.post(path, data=form).status_code == 400
    assert records(session)[0].published_number is None
    assert len(records(session)) == 1


def test_a_record_of_another_process_is_not_found(client, session, users, process):
    other = stored_process(session, name="Another", created_by_id=users["assessor"].id)
    session.commit()
    record = stored_record(session, users["assessor"], other)
    sign_in(client, users["assessor"])
    assert client.get(f"{list_path(process)}/{record.id}/edit").status_code == 404


def test_the_list_and_the_form_speak_french(client, session, users, process):
    stored_record(session, users["assessor"], process)
    sign_in(client, users["assessor"])
    page = text_of(client.get(f"{list_path(process)}?lang=fr"))
    assert '<html lang="fr"' in page
    assert "Brouillon, jamais publié" in page and "Ajouter des effectifs" in page
    form = text_of(client.get(f"{list_path(process)}/new?lang=fr"))
    assert "<legend>Genre</legend>" in form
    assert "Enregistrer comme brouillon" in form


def test_a_count_with_thousands_separators_is_refused_saying_why(client, session, users, process):
    sign_in(client, users["assessor"])
    typed = {**RECORD_FORM, "counts.gender.female": "1,200", "counts.gender.male": "1 200"}
    response = post_form(client, f"{list_path(process)}/new", typed)
    assert response.status_code == 422
    page = text_of(response)
    message = "type a whole number in digits only, without separators, such as 1200"
    assert f"Gender: Female: {message}</a>" in page
    assert f"Gender: Male: {message}</a>" in page
    assert records(session) == []


def test_the_separators_message_speaks_french(client, users, process):
    sign_in(client, users["assessor"])
    path = f"{list_path(process)}/new?lang=fr"
    typed = {**RECORD_FORM, "counts.gender.female": "1.200"}
    page = text_of(post_form(client, path, typed))
    assert "sans séparateurs" in page and "1200" in page


def test_the_confirmation_page_speaks_french(client, session, users, process):
    record = stored_record(session, users["assessor"], process)
    sign_in(client, users["assessor"])
    page = text_of(client.get(f"{list_path(process)}/{record.id}/withdraw?lang=fr"))
    heading = "Supprimer le brouillon de Définition de l'ordre du jour\u00a0?"
    assert heading in page
    assert "Cette action est irréversible." in page


def test_the_error_summary_takes_the_focus_and_lists_problems_in_form_order(client, users, process):
    sign_in(client, users["assessor"])
    typed = {**RECORD_FORM, "stage": "", "source_title": "", "counts.gender.female": "x"}
    page = text_of(post_form(client, f"{list_path(process)}/new", typed))
    assert 'id="error-summary" autofocus>' in page
    summary = page[page.index('id="error-summary"') :]
    links = ["#field-stage", "#field-source_title", "#field-counts-gender-female"]
    places = [summary.index(f'<a href="{link}">') for link in links]
    assert places == sorted(places)
