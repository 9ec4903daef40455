"""Importing a CSV file: one draft per stage, every problem of a bad file by line, nothing
added then, and files past the bound refused with a clear message."""

import io

from sqlalchemy import select
from werkzeug.datastructures import FileStorage, MultiDict
from werkzeug.test import encode_multipart

from assessor.participation.models import ParticipationRecord
from tests.participation_pages.helpers import SOURCE
from tests.processes.test_pages import csrf_token, sign_in, text_of

COUNTS_FILE = (
    b"stage,dimension,category,count\n"
    b"agenda_setting,gender,female,48\n"
    b"agenda_setting,gender,male,52\n"
    b"decision_making,stakeholder_group,government,9\n"
)
PARTICIPANT_LIST = (
    b"stage,stakeholder_group,gender\n"
    b"policy_formulation,civil_society,female\n"
    b"policy_formulation,government,\n"
)
BAD_FILE = (
    b"stage,dimension,category,count\n"
    b"agenda_setting,gender,female,many\n"
    b"closing,gender,male,3\n"
    b"agenda_setting,height,tall,1\n"
)


def import_path(process) -> str:
    return f"/processes/{process.id}/participation/import"


def multipart(fields: dict, data: bytes) -> tuple[bytes, str]:
    """A form with a file as bytes: the test client would spool a large one to a file it
    leaves open."""
    boundary, body = encode_multipart(
        MultiDict({**fields, "file": FileStorage(io.BytesIO(data), "counts.csv", "file")})
    )
    return body, f"multipart/form-data; boundary={boundary}"


def send_file(client, process, data: bytes, **fields):
    path = import_path(process)
    body, content_type = multipart(
        {**SOURCE, **fields, "csrf_token": csrf_token(client, path)}, data
    )
    return client.post(path, data=body, content_type=content_type)


def records(session) -> list[ParticipationRecord]:
    session.expire_all()
    return list(session.scalars(select(ParticipationRecord).order_by(ParticipationRecord.id)))


def test_a_counts_file_adds_a_draft_per_stage_citing_the_source(client, session, users, process):
    sign_in(client, users["assessor"])
    response = send_file(client, process, COUNTS_FILE)
    assert response.status_code == 302
    assert response.headers["Location"] == f"/processes/{process.id}/participation"
    added = records(session)
    assert [record.stage for record in added] == ["agenda_setting", "decision_making"]
    assert added[0].counts == {"gender": {"female": 48, "male": 52}}
    assert {record.source_title for record in added} == {SOURCE["source_title"]}
    assert all(record.published_number is None for record in added)
    page = text_of(client.get(response.headers["Location"]))
    assert "2 drafts added, one per stage." in page


def test_a_participant_list_is_counted(client, session, users, process):
    sign_in(client, users["assessor"])
    assert send_file(client, process, PARTICIPANT_LIST).status_code == 302
    (record,) = records(session)
    assert record.stage == "policy_formulation"
    assert record.counts == {
        "stakeholder_group": {"civil_society": 1, "government": 1},
        "gender": {"female": 1, "unknown": 1},
    }


def test_a_bad_file_lists_every_problem_by_line_and_adds_nothing(client, session, users, process):
    sign_in(client, users["assessor"])
    response = send_file(client, process, BAD_FILE, note="Typed note.")
    assert response.status_code == 422
    page = text_of(response)
    assert "has 3 problems, listed below; nothing was imported" in page
    assert "line 2, count: must be a whole number from 0 to 10000000" in page
    assert "line 3, stage: must be one of agenda_setting" in page
    assert "line 4, dimension: must be one of stakeholder_group" in page
    assert '<a href="#field-file">' in page
    assert f'name="source_title" value="{SOURCE["source_title"]}"' in page
    assert "Typed note.</textarea>" in page
    assert records(session) == []


def test_invalid_source_fields_are_named_beside_the_file_problems(client, session, users, process):
    sign_in(client, users["assessor"])
    response = send_file(client, process, BAD_FILE, source_url="not an address")
    assert response.status_code == 422
    page = text_of(response)
    assert '<a href="#field-source_url">' in page
    assert "line 2, count" in page
    assert 'name="source_url" value="not an address"' in page
    assert records(session) == []


def test_an_import_without_a_file_asks_for_one(client, session, users, process):
    sign_in(client, users["assessor"])
    path = import_path(process)
    response = client.post(path, data={**SOURCE, "csrf_token": csrf_token(client, path)})
    assert response.status_code == 422
    assert "CSV file: choose a CSV file" in text_of(response)


def test_a_file_past_2_mb_is_refused_with_a_clear_message(client, session, users, process):
    sign_in(client, users["assessor"])
    data = COUNTS_FILE + b"\n" * (2 * 1024 * 1024)
    response = send_file(client, process, data)
    assert response.status_code == 422
    assert "The file is larger than 2 MB, the most an import reads." in text_of(response)
    assert records(session) == []


def test_a_request_far_past_the_bound_is_refused_unread(client, session, users, process):
    sign_in(client, users["assessor"])
    response = send_file(client, process, b"x" * (3 * 1024 * 1024))
    assert response.status_code == 413
    assert "The file is larger than 2 MB, the most an import reads." in text_of(response)
    assert records(session) == []


def test_a_file_between_the_site_bound_and_2_mb_is_read(client, session, users, process):
    sign_in(client, users["assessor"])
    data = COUNTS_FILE + b"\n" * (1536 * 1024)
    assert send_file(client, process, data).status_code == 302
    assert len(records(session)) == 2


def test_an_import_without_its_security_token_is_refused(client, session, users, process):
    sign_in(client, users["assessor"])
    form = {**SOURCE, "file": (io.BytesIO(COUNTS_FILE), "counts.csv")}
    response = client.post(import_path(process), data=form, content_type="multipart/form-data")
    assert response.status_code == 400
    assert records(session) == []


def test_another_assessor_may_not_import(client, session, users, process):
    sign_in(client, users["other_assessor"])
    assert client.get(import_path(process)).status_code == 403


def test_the_import_error_summary_takes_the_focus_and_lists_the_file_first(client, users, process):
    sign_in(client, users["assessor"])
    response = send_file(client, process, BAD_FILE, source_title="")
    assert response.status_code == 422
    page = text_of(response)
    assert 'id="error-summary" autofocus>' in page
    summary = page[page.index('id="error-summary"') :]
    assert summary.index('<a href="#field-file">') < summary.index('<a href="#field-source_title">')
