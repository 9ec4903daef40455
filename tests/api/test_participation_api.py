"""Participation through the API: the published profile for anyone; records, publication,
withdrawal and CSV imports for the process's editors."""

import pytest
from sqlalchemy import func, select

from assessor.participation.models import ParticipationRecord
from tests.factories import stored_process

RECORD = {
    "stage": "agenda_setting",
    "body": "Open consultation",
    "source_url": "https://example.org/report",
    "source_title": "Chair's report",
    "accessed_on": "2026-11-02",
    "note": "Counted from the list of speakers.",
    "counts": {
        "gender": {"female": 30, "male": 20, "unknown": 5},
        "stakeholder_group": {"government": 10, "civil_society": 10},
        "country_category": {"developing": 6, "least_developed": 2, "developed": 12},
    },
}
RECORD_FIELDS = {
    "record_id",
    "stage",
    "body",
    "source",
    "note",
    "counts",
    "row_version",
    "published_number",
    "has_draft_changes",
    "withdrawn",
    "updated_at",
}
COUNTS_CSV = (
    b"stage,dimension,category,count\n"
    b"agenda_setting,gender,female,48\n"
    b"agenda_setting,gender,male,52\n"
    b"decision_making,stakeholder_group,government,9\n"
)
PARTICIPANTS_CSV = (
    b"stage,stakeholder_group,gender,regional_group\n"
    b"agenda_setting,civil_society,female,african\n"
    b"agenda_setting,government,,western_european_others\n"
    b"policy_formulation,government,male,african\n"
)
SOURCE = "source_url=https://example.org/list&source_title=Attendance+list"


@pytest.fixture
def process(session, callers):
    described = stored_process(session, created_by_id=callers["owner"].user_id)
    session.commit()
    return described


def records_of(process) -> str:
    return f"/api/v1/processes/{process.id}/participation/records"


def created(callers, process, **overrides) -> dict:
    response = callers["owner"].post(records_of(process), json={**RECORD, **overrides})
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def record_count(session) -> int:
    return session.scalar(select(func.count()).select_from(ParticipationRecord))


def published_record(callers, process, **overrides) -> dict:
    record = created(callers, process, **overrides)
    url = f"{records_of(process)}/{record['record_id']}/publish"
    response = callers["owner"].post(url, json={"row_version": record["row_version"]})
    assert response.status_code == 200, response.get_json()
    return response.get_json()


# Creating


def test_a_new_record_is_a_draft_with_its_source_and_counts(callers, process):
    body = created(callers, process)
    assert set(body) == RECORD_FIELDS
    assert body["source"] == {
        "url": "https://example.org/report",
        "title": "Chair's report",
        "accessed_on": "2026-11-02",
    }
    assert body["counts"]["gender"] == {"female": 30, "male": 20, "unknown": 5}
    assert (body["published_number"], body["has_draft_changes"], body["withdrawn"]) == (
        None,
        True,
        False,
    )


@pytest.mark.parametrize(
    ("role", "status"),
    [("anonymous", 401), ("other_assessor", 403), ("reviewer", 403), ("owner", 201)],
)
def test_only_the_processs_editors_record_counts(callers, session, process, role, status):
    response = callers[role].post(records_of(process), json=RECORD)
    assert response.status_code == status
    assert record_count(session) == (1 if status == 201 else 0)


def test_refusal_comes_before_validation(callers, process):
    assert callers["reviewer"].post(records_of(process), json={"colour": 1}).status_code == 403


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"stage": "lobbying"}, "stage", "must be one of"),
        ({"source_url": "ftp://example.org/x"}, "source_url", "must be an http or https URL"),
        ({"source_title": "  "}, "source_title", "must not be blank"),
        (
            {"counts": {"gender": {"female": -1}}},
            "counts.gender.female",
            "must be from 0 to 10000000",
        ),
        ({"counts": {"gender": {"robot": 1}}}, "counts.gender.robot", "Unknown field"),
        ({"counts": {"age": {"old": 1}}}, "counts.age", "Unknown field"),
        ({"counts": {"gender": {"male": 1.5}}}, "counts.gender.male", "must be a whole number"),
    ],
)
def test_invalid_records_are_refused_by_field(callers, session, process, changes, field, message):
    response = callers["owner"].post(records_of(process), json={**RECORD, **changes})
    assert response.status_code == 422
    errors = response.get_json()["errors"]
    assert message in " ".join(errors[field]), errors
    assert record_count(session) == 0


def test_a_count_is_refused_in_the_words_of_the_service(callers, process):
    """The schema and records.checked_counts name a wrong count alike: by its place."""
    counts = {"gender": {"female": True}}
    response = callers["owner"].post(records_of(process), json={**RECORD, "counts": counts})
    assert response.status_code == 422
    assert response.get_json() == {"errors": {"counts.gender.female": ["must be a whole number"]}}


def test_a_count_written_with_a_decimal_point_is_a_whole_number(callers, process):
    """JSON Schema counts 3.0 as an integer, as the document says it; so does the API."""
    body = created(callers, process, counts={"gender": {"male": 3.0}})
    assert body["counts"] == {"gender": {"male": 3}}


# Listing


def test_editors_list_every_record_drafts_and_withdrawn_ones(callers, process):
    draft = created(callers, process)
    published = published_record(callers, process, stage="decision_making")
    withdrawn = created(callers, process, stage="policy_formulation")
    callers["owner"].post(
        f"{records_of(process)}/{published['record_id']}/withdraw",
        json={"row_version": published["row_version"]},
    )
    body = callers["owner"].get(records_of(process)).get_json()
    assert [item["record_id"] for item in body["items"]] == [
        draft["record_id"],
        withdrawn["record_id"],
        published["record_id"],
    ]
    assert body["items"][2]["withdrawn"] is True


@pytest.mark.parametrize(
    ("role", "status"),
    [("anonymous", 401), ("other_assessor", 403), ("reviewer", 403), ("admin", 200)],
)
def test_only_editors_list_the_records(callers, process, role, status):
    created(callers, process)
    assert callers[role].get(records_of(process)).status_code == status


# Changing


def test_a_change_replaces_the_fields_sent(callers, process):
    record = created(callers, process)
    url = f"{records_of(process)}/{record['record_id']}"
    changes = {"row_version": record["row_version"], "counts": {"youth": {"youth": 4}}}
    response = callers["owner"].patch(url, json=changes)
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    assert body["counts"] == {"youth": {"youth": 4}}
    assert body["stage"] == "agenda_setting" and body["row_version"] > record["row_version"]


def test_a_change_needs_the_row_version(callers, process):
    record = created(callers, process)
    response = callers["owner"].patch(
        f"{records_of(process)}/{record['record_id']}", json={"note": "x"}
    )
    assert response.status_code == 422
    assert "row_version" in response.get_json()["errors"]


def test_a_stale_change_is_refused_with_the_stored_record(callers, process):
    record = created(callers, process)
    url = f"{records_of(process)}/{record['record_id']}"
    first = callers["owner"].patch(url, json={"row_version": record["row_version"], "note": "A"})
    stale = callers["owner"].patch(url, json={"row_version": record["row_version"], "note": "B"})
    assert stale.status_code == 409
    body = stale.get_json()
    assert body["current"] == first.get_json()
    assert body["current"]["note"] == "A"


def test_a_record_of_another_process_is_not_found(callers, session, process):
    record = created(callers, process)
    other = stored_process(session, name="Another", created_by_id=callers["owner"].user_id)
    session.commit()
    url = f"{records_of(other)}/{record['record_id']}"
    assert callers["owner"].patch(url, json={"row_version": 1}).status_code == 404


def test_others_may_not_change_a_record(callers, process):
    record = created(callers, process)
    url = f"{records_of(process)}/{record['record_id']}"
    response = callers["other_assessor"].patch(url, json={"row_version": 1, "note": "x"})
    assert response.status_code == 403


# Publishing and withdrawing


def test_published_counts_are_shown_to_anyone_with_their_profile(client, callers, process):
    published_record(callers, process)
    created(callers, process, stage="decision_making")  # a draft: not shown
    response = client.get(f"/api/v1/processes/{process.id}/participation")
    assert response.status_code == 200
    body = response.get_json()
    (version,) = body["versions"]
    assert (version["version"], version["stage"], version["source"]["title"]) == (
        1,
        "agenda_setting",
        "Chair's report",
    )
    (stage,) = body["profile"]["stages"]
    gender = stage["dimensions"]["gender"]
    assert (gender["total"], gender["known"], gender["unknown_share"]) == (55, 50, 0.0909)
    assert gender["shares"] == {"female": 0.6, "male": 0.4, "another_or_undisclosed": 0.0}
    assert stage["gender_parity"] == 1.5
    assert (stage["developing_share"], stage["least_developed_share"]) == (0.4, 0.1)
    # ln 2 / ln 6, to four decimals.
    assert stage["stakeholder_balance"] == 0.3869
    assert stage["regional_balance"] is None
    funnel = body["profile"]["funnels"]["stakeholder_group"]
    government = next(row for row in funnel if row["category"] == "government")
    assert government["by_stage"]["agenda_setting"] == 0.5
    assert government["change"] is None


def test_a_process_without_counts_has_an_empty_profile(client, process):
    body = client.get(f"/api/v1/processes/{process.id}/participation").get_json()
    assert body == {"versions": [], "profile": {"stages": [], "funnels": {}}}


def test_publishing_twice_without_a_change_is_a_conflict(callers, process):
    record = published_record(callers, process)
    url = f"{records_of(process)}/{record['record_id']}/publish"
    response = callers["owner"].post(url, json={"row_version": record["row_version"]})
    assert response.status_code == 409
    assert "current" not in response.get_json()


def test_a_stale_publication_is_refused_with_the_stored_record(callers, process):
    record = created(callers, process)
    url = f"{records_of(process)}/{record['record_id']}"
    callers["owner"].patch(url, json={"row_version": record["row_version"], "note": "Later"})
    response = callers["owner"].post(f"{url}/publish", json={"row_version": record["row_version"]})
    assert response.status_code == 409
    assert response.get_json()["current"]["note"] == "Later"


def test_a_withdrawn_record_leaves_the_published_profile(client, callers, process):
    record = published_record(callers, process)
    url = f"{records_of(process)}/{record['record_id']}/withdraw"
    response = callers["owner"].post(url, json={"row_version": record["row_version"]})
    assert response.status_code == 200
    assert response.get_json()["record"]["withdrawn"] is True
    body = client.get(f"/api/v1/processes/{process.id}/participation").get_json()
    assert body["versions"] == []


def test_withdrawing_a_draft_never_published_deletes_it(callers, session, process):
    record = created(callers, process)
    url = f"{records_of(process)}/{record['record_id']}/withdraw"
    response = callers["owner"].post(url, json={"row_version": record["row_version"]})
    assert response.get_json() == {"record": None}
    assert record_count(session) == 0


@pytest.mark.parametrize("action", ["publish", "withdraw"])
def test_publishing_and_withdrawing_need_a_row_version(callers, process, action):
    record = created(callers, process)
    response = callers["owner"].post(f"{records_of(process)}/{record['record_id']}/{action}")
    assert response.status_code == 422
    assert response.get_json()["errors"] == {"row_version": ["Missing data for required field"]}


@pytest.mark.parametrize("action", ["publish", "withdraw"])
def test_others_may_not_publish_or_withdraw(callers, process, action):
    record = created(callers, process)
    url = f"{records_of(process)}/{record['record_id']}/{action}"
    assert callers["reviewer"].post(url, json={"row_version": 1}).status_code == 403
    assert callers["anonymous"].post(url, json={"row_version": 1}).status_code == 401


# Importing


def import_url(process, query: str = SOURCE) -> str:
    return f"/api/v1/processes/{process.id}/participation/imports?{query}"


def send_csv(caller, url: str, data: bytes, content_type: str = "text/csv"):
    return caller.post(url, data=data, headers={"Content-Type": content_type})


def test_a_counts_file_makes_a_draft_per_stage(callers, process):
    response = send_csv(callers["owner"], import_url(process), COUNTS_CSV)
    assert response.status_code == 201, response.get_json()
    items = response.get_json()["items"]
    assert [item["stage"] for item in items] == ["agenda_setting", "decision_making"]
    assert items[0]["counts"] == {"gender": {"female": 48, "male": 52}}
    assert items[1]["source"]["title"] == "Attendance list"
    assert all(item["published_number"] is None for item in items)


def test_a_participant_list_is_counted(callers, process):
    response = send_csv(callers["owner"], import_url(process), PARTICIPANTS_CSV)
    assert response.status_code == 201, response.get_json()
    first, second = response.get_json()["items"]
    assert first["counts"] == {
        "stakeholder_group": {"civil_society": 1, "government": 1},
        "gender": {"female": 1, "unknown": 1},
        "regional_group": {"african": 1, "western_european_others": 1},
    }
    assert second["stage"] == "policy_formulation"


def test_a_bad_file_is_refused_by_line_and_column_and_records_nothing(callers, session, process):
    data = COUNTS_CSV + b"policy_formulation,gender,female,lots\nvoting,gender,male,1\n"
    response = send_csv(callers["owner"], import_url(process), data)
    assert response.status_code == 422
    errors = response.get_json()["errors"]
    assert errors["line 5, count"] == ["must be a whole number from 0 to 10000000"]
    assert "line 6, stage" in errors
    assert record_count(session) == 0


def test_an_import_needs_its_source(callers, session, process):
    response = send_csv(callers["owner"], import_url(process, "source_title=List"), COUNTS_CSV)
    assert response.status_code == 422
    assert list(response.get_json()["errors"]) == ["source_url"]
    assert record_count(session) == 0


def test_an_import_is_sent_as_csv(callers, process):
    response = send_csv(callers["owner"], import_url(process), COUNTS_CSV, "text/plain")
    assert response.status_code == 415


def test_an_import_larger_than_the_site_reads_is_refused(app, callers, process):
    data = COUNTS_CSV + b"#" * app.config["MAX_CONTENT_LENGTH"]
    assert send_csv(callers["owner"], import_url(process), data).status_code == 413


@pytest.mark.parametrize(("role", "status"), [("anonymous", 401), ("other_assessor", 403)])
def test_only_editors_import(callers, session, process, role, status):
    assert send_csv(callers[role], import_url(process), COUNTS_CSV).status_code == status
    assert record_count(session) == 0
