"""Processes through the API: a public, searchable list; described by assessors and admins."""

from datetime import date
from urllib.parse import parse_qs, urlsplit

import pytest
from sqlalchemy import func, select

from assessor.audit import AuditEvent
from assessor.processes.models import Process
from tests.factories import stored_process

PROCESSES = "/api/v1/processes"
OUTPUT_FIELDS = {
    "id",
    "name",
    "convening_organization",
    "description",
    "public_url",
    "scope",
    "scope_label",
    "layer",
    "layer_label",
    "starts_on",
    "ends_on",
    "created_at",
    "url",
}
# One process, read alone, also names the version of its record a change is based on.
DETAIL_FIELDS = OUTPUT_FIELDS | {"version"}


def new_process(**overrides) -> dict:
    """A valid POST body; ``overrides`` change or add fields."""
    body = {
        "name": "NETmundial",
        "convening_organization": "CGI.br and /1net",
        "description": "Global Multistakeholder Meeting on the Future of Internet Governance.",
        "public_url": "https://netmundial.br/",
        "scope": "global",
        "layer": "of_the_internet",
        "starts_on": "2014-04-23",
        "ends_on": "2014-04-24",
    }
    body.update(overrides)
    return body


def store(session, *names: str, **values) -> list[Process]:
    """Processes with these names, committed so that API requests see them."""
    processes = [stored_process(session, name=name, **values) for name in names]
    session.commit()
    return processes


def listed_names(response) -> list[str]:
    assert response.status_code == 200, response.get_json()
    return [item["name"] for item in response.get_json()["items"]]


def link_target(link: str) -> tuple[str, dict[str, list[str]]]:
    """A page link's path and query, which may list its parameters in any order."""
    parts = urlsplit(link)
    return parts.path, parse_qs(parts.query)


def process_count(session) -> int:
    return session.scalar(select(func.count()).select_from(Process))


# Listing and search


def test_first_page_counts_every_process_and_links_to_the_next(client, session):
    store(session, "Alpha", "Beta", "Gamma")
    body = client.get(f"{PROCESSES}?per_page=2").get_json()
    assert [item["name"] for item in body["items"]] == ["Alpha", "Beta"]
    assert (body["page"], body["per_page"], body["total"], body["pages"]) == (1, 2, 3, 2)
    assert link_target(body["links"]["next"]) == (PROCESSES, {"page": ["2"], "per_page": ["2"]})
    assert "prev" not in body["links"]


def test_last_page_links_back_and_not_further(client, session):
    store(session, "Alpha", "Beta", "Gamma")
    body = client.get(f"{PROCESSES}?page=2&per_page=2").get_json()
    assert [item["name"] for item in body["items"]] == ["Gamma"]
    assert link_target(body["links"]["prev"]) == (PROCESSES, {"page": ["1"], "per_page": ["2"]})
    assert "next" not in body["links"]


def test_page_beyond_the_last_is_empty(client, session):
    store(session, "Alpha", "Beta", "Gamma")
    body = client.get(f"{PROCESSES}?page=5&per_page=2").get_json()
    assert body["items"] == []
    assert (body["total"], body["pages"]) == (3, 2)


def test_page_links_keep_the_search(client, session):
    store(session, "Forum one", "Forum two", "Other")
    links = client.get(f"{PROCESSES}?q=forum&per_page=1").get_json()["links"]
    assert link_target(links["next"]) == (
        PROCESSES,
        {"q": ["forum"], "page": ["2"], "per_page": ["1"]},
    )


def test_list_items_have_every_output_field(client, session):
    (process,) = store(session, "IGF 2013")
    (item,) = client.get(PROCESSES).get_json()["items"]
    assert set(item) == OUTPUT_FIELDS
    assert item["url"] == f"{PROCESSES}/{process.id}"
    assert (item["scope_label"], item["layer_label"]) == ("Global", "Governance of the Internet")


def test_list_defaults_to_twenty_per_page(client, session):
    store(session, *(f"Process {number:02}" for number in range(21)))
    body = client.get(PROCESSES).get_json()
    assert (body["per_page"], len(body["items"]), body["pages"]) == (20, 20, 2)


@pytest.mark.parametrize(
    "field", ["name", "convening_organization", "description"], ids=lambda field: field
)
def test_search_looks_in_field_ignoring_case(client, session, field):
    store(session, "Unrelated")
    found = stored_process(session, **({"name": "Matching"} | {field: "The ICANN Board"}))
    session.commit()
    body = client.get(f"{PROCESSES}?q=icann%20BOARD").get_json()
    assert [item["id"] for item in body["items"]] == [found.id]


def test_search_treats_percent_literally(client, session):
    store(session, "100% remote participation", "Open forum")
    assert listed_names(client.get(f"{PROCESSES}?q=%25")) == ["100% remote participation"]


def test_search_treats_underscore_literally(client, session):
    store(session, "on_the_record", "on the record")
    assert listed_names(client.get(f"{PROCESSES}?q=on_the")) == ["on_the_record"]


def test_blank_search_lists_everything(client, session):
    store(session, "Alpha", "Beta")
    assert listed_names(client.get(f"{PROCESSES}?q=%20%20")) == ["Alpha", "Beta"]


def test_scope_filter_keeps_that_scope(client, session):
    store(session, "Global one")
    store(session, "Regional one", scope="regional")
    assert listed_names(client.get(f"{PROCESSES}?scope=regional")) == ["Regional one"]


def test_layer_filter_keeps_that_layer(client, session):
    store(session, "Of one")
    store(session, "On one", layer="on_the_internet")
    assert listed_names(client.get(f"{PROCESSES}?layer=on_the_internet")) == ["On one"]


def test_organization_filter_is_exact_but_ignores_case(client, session):
    store(session, "By ISOC", convening_organization="ISOC")
    store(session, "By ISOC Brazil", convening_organization="ISOC Brazil")
    assert listed_names(client.get(f"{PROCESSES}?organization=isoc")) == ["By ISOC"]


def test_filters_combine(client, session):
    store(session, "Regional forum", scope="regional")
    store(session, "Regional meeting", scope="regional")
    store(session, "Global forum")
    assert listed_names(client.get(f"{PROCESSES}?scope=regional&q=forum")) == ["Regional forum"]


def test_list_is_ordered_by_name_ignoring_case_then_by_id(client, session):
    first_beta, lower_alpha, second_beta = store(session, "Beta", "alpha", "Beta")
    body = client.get(PROCESSES).get_json()
    assert [item["id"] for item in body["items"]] == [lower_alpha.id, first_beta.id, second_beta.id]


@pytest.mark.parametrize("per_page", [0, 101])
def test_per_page_outside_1_to_100_is_refused(client, per_page):
    response = client.get(f"{PROCESSES}?per_page={per_page}")
    assert response.status_code == 422
    assert response.get_json() == {"errors": {"per_page": ["must be from 1 to 100"]}}


def test_unknown_query_parameter_is_refused(client):
    response = client.get(f"{PROCESSES}?colour=red")
    assert response.status_code == 422
    assert response.get_json() == {"errors": {"colour": ["Unknown parameter"]}}


def test_unknown_scope_filter_is_refused(client):
    response = client.get(f"{PROCESSES}?scope=planetary")
    assert response.status_code == 422
    assert response.get_json() == {
        "errors": {"scope": ["must be one of: global, regional, national"]}
    }


# Creating


def test_created_process_is_returned_with_its_location(callers):
    response = callers["owner"].post(PROCESSES, json=new_process())
    assert response.status_code == 201
    body = response.get_json()
    assert set(body) == DETAIL_FIELDS
    assert response.headers["Location"] == body["url"] == f"{PROCESSES}/{body['id']}"
    assert (body["name"], body["starts_on"], body["ends_on"]) == (
        "NETmundial",
        "2014-04-23",
        "2014-04-24",
    )


def test_created_process_records_its_creator(callers, session):
    body = callers["owner"].post(PROCESSES, json=new_process()).get_json()
    stored = session.get(Process, body["id"])
    assert stored.created_by_id == callers["owner"].user_id
    assert stored.starts_on == date(2014, 4, 23)


def test_creation_is_audited_with_the_stored_process(callers, session):
    body = callers["owner"].post(PROCESSES, json=new_process()).get_json()
    event = session.scalars(select(AuditEvent)).one()
    assert (event.action, event.subject_type, event.subject_id) == (
        "process.created",
        "process",
        body["id"],
    )
    assert event.actor_id == callers["owner"].user_id
    assert event.before is None
    assert event.after == {field: body[field] for field in event.after}
    assert set(event.after) == OUTPUT_FIELDS - {"scope_label", "layer_label", "created_at", "url"}


def test_only_required_fields_are_needed(callers):
    required = {
        key: new_process()[key] for key in ("name", "convening_organization", "scope", "layer")
    }
    body = callers["owner"].post(PROCESSES, json=required).get_json()
    assert (body["description"], body["public_url"], body["starts_on"], body["ends_on"]) == (
        "",
        None,
        None,
        None,
    )


def test_names_are_stored_without_surrounding_whitespace(callers):
    sent = new_process(name="  NETmundial \n", convening_organization=" CGI.br ")
    body = callers["owner"].post(PROCESSES, json=sent).get_json()
    assert (body["name"], body["convening_organization"]) == ("NETmundial", "CGI.br")


OMITTED = object()  # a field left out of the body

INVALID_PROCESSES = {
    "name missing": ({"name": OMITTED}, "name", "Missing data for required field"),
    "name blank": ({"name": "   "}, "name", "must not be blank"),
    "name too long": ({"name": "n" * 301}, "name", "must be at most 300 characters"),
    "name not a string": ({"name": 7}, "name", "Not a valid string"),
    "organization missing": (
        {"convening_organization": OMITTED},
        "convening_organization",
        "Missing data for required field",
    ),
    "organization blank": (
        {"convening_organization": ""},
        "convening_organization",
        "must not be blank",
    ),
    "organization too long": (
        {"convening_organization": "o" * 301},
        "convening_organization",
        "must be at most 300 characters",
    ),
    "description too long": (
        {"description": "d" * 10_001},
        "description",
        "must be at most 10000 characters",
    ),
    "url not http": (
        {"public_url": "ftp://example.org/"},
        "public_url",
        "must be an http or https URL",
    ),
    "url not a url": ({"public_url": "example"}, "public_url", "must be an http or https URL"),
    "url too long": (
        {"public_url": "https://example.org/" + "a" * 1981},
        "public_url",
        "must be at most 2000 characters",
    ),
    "scope missing": ({"scope": OMITTED}, "scope", "Missing data for required field"),
    "scope unknown": (
        {"scope": "planetary"},
        "scope",
        "must be one of: global, regional, national",
    ),
    "layer unknown": (
        {"layer": "beneath"},
        "layer",
        "must be one of: of_the_internet, on_the_internet",
    ),
    "start not a date": (
        {"starts_on": "23/04/2014"},
        "starts_on",
        "must be a date such as 2013-10-24",
    ),
    "end not a date": ({"ends_on": "2014-02-30"}, "ends_on", "must be a date such as 2013-10-24"),
    "end before start": (
        {"starts_on": "2014-04-23", "ends_on": "2014-04-22"},
        "ends_on",
        "must be on or after starts_on (2014-04-23)",
    ),
    "unknown field": ({"colour": "red"}, "colour", "Unknown field"),
}


@pytest.mark.parametrize(
    ("changes", "field", "message"), INVALID_PROCESSES.values(), ids=INVALID_PROCESSES.keys()
)
def test_invalid_process_is_refused_with_field_message(callers, session, changes, field, message):
    body = {key: value for key, value in new_process(**changes).items() if value is not OMITTED}
    response = callers["owner"].post(PROCESSES, json=body)
    assert response.status_code == 422
    assert response.get_json() == {"errors": {field: [message]}}
    assert process_count(session) == 0


def test_url_of_exactly_2000_characters_is_accepted(callers):
    url = "https://example.org/" + "a" * 1980
    response = callers["owner"].post(PROCESSES, json=new_process(public_url=url))
    assert response.status_code == 201
    assert response.get_json()["public_url"] == url


def test_process_may_start_and_end_on_one_day(callers):
    body = new_process(starts_on="2013-10-24", ends_on="2013-10-24")
    assert callers["owner"].post(PROCESSES, json=body).status_code == 201


def test_creation_without_a_body_lists_every_required_field(callers):
    response = callers["owner"].post(PROCESSES)
    assert response.status_code == 422
    assert set(response.get_json()["errors"]) == {
        "name",
        "convening_organization",
        "scope",
        "layer",
    }


CREATE_STATUS = {
    "anonymous": 401,
    "owner": 201,
    "other_assessor": 201,
    "reviewer": 403,
    "admin": 201,
}


@pytest.mark.parametrize(("role", "status"), CREATE_STATUS.items())
def test_who_may_create_a_process(callers, session, role, status):
    response = callers[role].post(PROCESSES, json=new_process())
    assert response.status_code == status
    assert process_count(session) == (1 if status == 201 else 0)


def test_refusal_comes_before_validation(callers):
    assert callers["reviewer"].post(PROCESSES, json={"colour": "red"}).status_code == 403
    assert callers["anonymous"].post(PROCESSES, json={"colour": "red"}).status_code == 401


# Reading one


def test_process_is_shown_to_anyone(client, session):
    (process,) = store(session, "IGF 2013")
    response = client.get(f"{PROCESSES}/{process.id}")
    assert response.status_code == 200
    body = response.get_json()
    assert set(body) == DETAIL_FIELDS
    assert (body["id"], body["name"], body["starts_on"]) == (process.id, "IGF 2013", "2013-10-24")


@pytest.mark.parametrize("method", ["get", "patch"])
def test_unknown_process_is_404_json(callers, method):
    response = getattr(callers["owner"], method)(f"{PROCESSES}/999999")
    assert response.status_code == 404
    assert response.get_json() == {"errors": {"_": ["There is no process 999999."]}}


# Updating


def test_patch_changes_only_the_fields_sent(callers, session):
    (process,) = store(session, "IGF 2013", created_by_id=callers["owner"].user_id)
    response = callers["owner"].patch(f"{PROCESSES}/{process.id}", json={"scope": "regional"})
    assert response.status_code == 200
    body = response.get_json()
    assert (body["scope"], body["scope_label"], body["name"]) == (
        "regional",
        "Regional",
        "IGF 2013",
    )
    session.expire_all()
    assert session.get(Process, process.id).scope == "regional"


def test_patch_is_audited_with_the_changed_fields_only(callers, session):
    (process,) = store(session, "IGF 2013", created_by_id=callers["owner"].user_id)
    callers["owner"].patch(
        f"{PROCESSES}/{process.id}", json={"name": "IGF 2013 Bali", "scope": "global"}
    )
    event = session.scalars(select(AuditEvent)).one()
    assert (event.action, event.subject_id, event.actor_id) == (
        "process.updated",
        process.id,
        callers["owner"].user_id,
    )
    assert (event.before, event.after) == ({"name": "IGF 2013"}, {"name": "IGF 2013 Bali"})


def test_patch_changing_nothing_records_no_event(callers, session):
    (process,) = store(session, "IGF 2013", created_by_id=callers["owner"].user_id)
    response = callers["owner"].patch(f"{PROCESSES}/{process.id}", json={"name": "IGF 2013"})
    assert response.status_code == 200
    assert session.scalars(select(AuditEvent)).all() == []


def test_patch_of_end_date_is_checked_against_the_stored_start(callers, session):
    (process,) = store(session, "IGF 2013", created_by_id=callers["owner"].user_id)
    response = callers["owner"].patch(f"{PROCESSES}/{process.id}", json={"ends_on": "2013-10-23"})
    assert response.status_code == 422
    assert response.get_json() == {
        "errors": {"ends_on": ["must be on or after starts_on (2013-10-24)"]}
    }


def test_patch_may_clear_the_dates(callers, session):
    (process,) = store(session, "IGF 2013", created_by_id=callers["owner"].user_id)
    response = callers["owner"].patch(
        f"{PROCESSES}/{process.id}", json={"starts_on": None, "ends_on": None}
    )
    assert (response.get_json()["starts_on"], response.get_json()["ends_on"]) == (None, None)


def test_patch_validates_fields_like_creation(callers, session):
    (process,) = store(session, "IGF 2013", created_by_id=callers["owner"].user_id)
    response = callers["owner"].patch(f"{PROCESSES}/{process.id}", json={"name": " "})
    assert response.status_code == 422
    assert response.get_json() == {"errors": {"name": ["must not be blank"]}}


def test_patch_refuses_unknown_fields(callers, session):
    (process,) = store(session, "IGF 2013", created_by_id=callers["owner"].user_id)
    response = callers["owner"].patch(f"{PROCESSES}/{process.id}", json={"created_by_id": 1})
    assert response.status_code == 422
    assert response.get_json() == {"errors": {"created_by_id": ["Unknown field"]}}


def test_patch_refuses_null_for_a_required_field(callers, session):
    (process,) = store(session, "IGF 2013", created_by_id=callers["owner"].user_id)
    response = callers["owner"].patch(f"{PROCESSES}/{process.id}", json={"scope": None})
    assert response.status_code == 422
    assert response.get_json() == {"errors": {"scope": ["Field may not be null"]}}


# The owner described the process; another assessor did not (see test_access_matrix for
# representatives and processes whose creator is gone).
UPDATE_STATUS = {
    "anonymous": 401,
    "owner": 200,
    "other_assessor": 403,
    "reviewer": 403,
    "admin": 200,
}


@pytest.mark.parametrize(("role", "status"), UPDATE_STATUS.items())
def test_who_may_update_a_process(callers, session, role, status):
    (process,) = store(session, "IGF 2013", created_by_id=callers["owner"].user_id)
    response = callers[role].patch(f"{PROCESSES}/{process.id}", json={"name": "Renamed"})
    assert response.status_code == status
    session.expire_all()
    assert session.get(Process, process.id).name == ("Renamed" if status == 200 else "IGF 2013")


def test_a_refused_patch_is_refused_before_its_body_is_read(callers, session):
    (process,) = store(session, "IGF 2013", created_by_id=callers["owner"].user_id)
    response = callers["other_assessor"].patch(f"{PROCESSES}/{process.id}", json={"name": " "})
    assert response.status_code == 403
    assert response.get_json() == {
        "errors": {
            "_": [
                "Only the assessor who described this process, its representatives and "
                "administrators may change it."
            ]
        }
    }
    assert session.scalars(select(AuditEvent)).all() == []


# Describing a process already described


def test_a_process_described_again_is_refused_naming_the_existing_one(callers, session):
    (existing,) = store(session, "NETmundial", convening_organization="CGI.br and /1net")
    body = new_process(name="  netMundial ", convening_organization="CGI.BR   and/1net")
    response = callers["owner"].post(PROCESSES, json=body)
    assert response.status_code == 409
    assert response.get_json() == {
        "errors": {
            "_": [
                "A process with this name and convening organization is already described; "
                "send confirm_duplicate: true to describe another."
            ]
        },
        "duplicates": [
            {
                "id": existing.id,
                "name": "NETmundial",
                "convening_organization": "CGI.br and /1net",
                "url": f"{PROCESSES}/{existing.id}",
            }
        ],
    }
    assert process_count(session) == 1


def test_a_confirmed_duplicate_is_described(callers, session):
    store(session, "NETmundial", convening_organization="CGI.br and /1net")
    response = callers["owner"].post(PROCESSES, json=new_process(confirm_duplicate=True))
    assert response.status_code == 201
    assert "confirm_duplicate" not in response.get_json()
    assert process_count(session) == 2


def test_a_confirmation_other_than_json_true_or_false_is_refused(callers, session):
    store(session, "NETmundial", convening_organization="CGI.br and /1net")
    response = callers["owner"].post(PROCESSES, json=new_process(confirm_duplicate=1))
    assert response.status_code == 422
    assert response.get_json() == {"errors": {"confirm_duplicate": ["Not a valid boolean"]}}
    assert process_count(session) == 1


@pytest.mark.parametrize(
    "changed", [{"name": "NETmundial+10"}, {"convening_organization": "CGI.br"}]
)
def test_the_same_name_or_organization_alone_is_no_duplicate(callers, session, changed):
    store(session, "NETmundial", convening_organization="CGI.br and /1net")
    assert callers["owner"].post(PROCESSES, json=new_process(**changed)).status_code == 201


def test_the_confirmation_must_be_true_or_false(callers, session):
    response = callers["owner"].post(PROCESSES, json=new_process(confirm_duplicate="please"))
    assert response.status_code == 422
    assert response.get_json() == {"errors": {"confirm_duplicate": ["Not a valid boolean"]}}


def test_a_change_sends_no_confirmation(callers, session):
    (process,) = store(session, "IGF 2013", created_by_id=callers["owner"].user_id)
    response = callers["owner"].patch(f"{PROCESSES}/{process.id}", json={"confirm_duplicate": True})
    assert response.get_json() == {"errors": {"confirm_duplicate": ["Unknown field"]}}


def test_a_process_is_read_with_the_version_of_its_record(callers):
    body = callers["owner"].post(PROCESSES, json=new_process()).get_json()
    assert body["version"] == 1
    path = f"{PROCESSES}/{body['id']}"
    changed = callers["owner"].patch(path, json={"scope": "regional", "version": 1}).get_json()
    assert changed["version"] == 2
    assert callers["anonymous"].get(path).get_json()["version"] == 2


def test_a_change_based_on_an_older_record_is_refused_with_the_record_as_it_is(callers, session):
    body = callers["owner"].post(PROCESSES, json=new_process()).get_json()
    path = f"{PROCESSES}/{body['id']}"
    assert callers["admin"].patch(path, json={"name": "Renamed meanwhile"}).status_code == 200
    response = callers["owner"].patch(path, json={"description": "Mine.", "version": 1})
    assert response.status_code == 409
    current = response.get_json()["current"]
    assert (current["name"], current["version"]) == ("Renamed meanwhile", 2)
    session.expire_all()
    assert session.get(Process, body["id"]).description != "Mine."
    again = callers["owner"].patch(path, json={"description": "Mine.", "version": 2})
    assert again.status_code == 200 and again.get_json()["version"] == 3


@pytest.mark.parametrize("version", [0, "1", 2**31])
def test_a_version_that_is_not_one_is_refused(callers, session, version):
    (process,) = store(session, "IGF 2013", created_by_id=callers["owner"].user_id)
    response = callers["owner"].patch(f"{PROCESSES}/{process.id}", json={"version": version})
    assert response.status_code == 422 and "version" in response.get_json()["errors"]
