"""The OpenAPI document: valid, complete, and describing exactly the routes the app has."""

import re

import pytest
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate

from assessor.api.openapi import PREFIX, openapi_document

IGNORED_METHODS = {"HEAD", "OPTIONS"}
PATH_PARAMETER = re.compile(r"{(\w+)}")
PROCESS = {
    "name": "IGF 2013",
    "convening_organization": "IGF",
    "scope": "global",
    "layer": "of_the_internet",
}


@pytest.fixture
def document(client) -> dict:
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    return response.get_json()


def _operations(document: dict):
    for path, item in document["paths"].items():
        for method, operation in item.items():
            yield path, method, operation


def test_document_is_valid_openapi_3(document):
    validate(document)
    assert document["openapi"].startswith("3.")


def _sample_url(path: str, operation: dict) -> str:
    """The path with each parameter given a value of its documented type."""
    types = {p["name"]: p["schema"]["type"] for p in operation.get("parameters", ())}
    return PATH_PARAMETER.sub(lambda found: "1" if types[found[1]] == "integer" else "x", path)


def test_every_api_route_is_documented(app, document):
    routes = {
        (rule.endpoint.removeprefix("api."), method.lower())
        for rule in app.url_map.iter_rules()
        if rule.rule.startswith(f"{PREFIX}/")
        for method in rule.methods - IGNORED_METHODS
    }
    documented = {
        (operation["operationId"], method) for _, method, operation in _operations(document)
    }
    assert routes <= documented


def test_every_documented_operation_has_its_route(app, document):
    """Each path, filled in as a client would, reaches the view of its operation."""
    urls = app.url_map.bind("localhost")
    for path, method, operation in _operations(document):
        endpoint, _ = urls.match(_sample_url(path, operation), method=method.upper())
        assert endpoint == f"api.{operation['operationId']}", (method, path)


def test_operation_ids_are_the_endpoints_of_their_routes(app, document):
    endpoints = {
        rule.endpoint.removeprefix("api.")
        for rule in app.url_map.iter_rules()
        if rule.rule.startswith(f"{PREFIX}/")
    }
    assert {operation["operationId"] for *_, operation in _operations(document)} == endpoints


def test_path_parameters_are_typed_from_the_route_converters(document):
    parameters = document["paths"]["/api/v1/assessments/{assessment_id}/answers/{question_key}"][
        "put"
    ]["parameters"]
    types = {parameter["name"]: parameter["schema"]["type"] for parameter in parameters}
    assert types == {"assessment_id": "integer", "question_key": "string"}


def test_query_parameters_come_from_the_list_arguments_schema(document):
    parameters = document["paths"]["/api/v1/processes"]["get"]["parameters"]
    assert {parameter["name"] for parameter in parameters} == {
        "page",
        "per_page",
        "q",
        "scope",
        "layer",
        "organization",
    }


def test_every_operation_documents_401_and_a_success(document):
    for path, method, operation in _operations(document):
        statuses = set(operation["responses"])
        assert "401" in statuses, (method, path)
        assert statuses & {"200", "201", "204"}, (method, path)


def test_operations_with_a_body_document_its_refusals(document):
    for path, method, operation in _operations(document):
        if "requestBody" in operation:
            assert {"400", "413", "415", "422"} <= set(operation["responses"]), (method, path)


READ_WITH_A_TOKEN = {
    "/api/v1/audit-events",
    "/api/v1/processes/{process_id}/participation/records",
}


def test_operations_changing_data_need_a_token_except_creating_one(document):
    """Reading is open to all, but for the audit trail, which only admins read, and the
    participation records of a process, drafts among them, which only its editors read."""
    for path, method, operation in _operations(document):
        if method == "get" and path not in READ_WITH_A_TOKEN:
            assert {} in operation["security"], path
        elif (method, path) != ("post", "/api/v1/tokens"):
            assert operation["security"] == [{"bearerAuth": []}], (method, path)


def test_bearer_scheme_is_http_bearer(document):
    scheme = document["components"]["securitySchemes"]["bearerAuth"]
    assert (scheme["type"], scheme["scheme"]) == ("http", "bearer")


def test_answer_conflict_carries_the_stored_answer(document):
    put = document["paths"]["/api/v1/assessments/{assessment_id}/answers/{question_key}"]["put"]
    schema = put["responses"]["409"]["content"]["application/json"]["schema"]
    assert schema == {"$ref": "#/components/schemas/Conflict"}
    assert "current" in document["components"]["schemas"]["Conflict"]["properties"]


PARTICIPATION = {
    "stage": "agenda_setting",
    "source_url": "https://example.org/report",
    "source_title": "Report",
    "counts": {"gender": {"female": 3, "unknown": 1}},
}
BODIES = [
    ("AnswerIn", {"level": 2}, True),
    ("AnswerIn", {"not_applicable": True, "level": None}, True),
    ("AnswerIn", {"level": 2, "insufficient_information": True}, False),
    ("AnswerIn", {}, False),
    ("Return", {"questions": {"openness.participation": "Cite the minutes."}}, True),
    ("Return", {"comment": " \n "}, False),
    ("ProcessCreate", {**PROCESS, "public_url": "HTTPS://example.org/forum"}, True),
    ("ProcessCreate", {**PROCESS, "public_url": "ftp://example.org/forum"}, False),
    ("ProcessCreate", {**PROCESS, "name": "   "}, False),
    ("ProcessCreate", {**PROCESS, "description": "a\u0000b"}, False),
    ("ParticipationRecordIn", PARTICIPATION, True),
    ("ParticipationRecordIn", {**PARTICIPATION, "counts": {"gender": {"robot": 1}}}, False),
    ("ParticipationRecordIn", {**PARTICIPATION, "counts": {"age": {"old": 1}}}, False),
    ("ParticipationRecordIn", {**PARTICIPATION, "counts": {"youth": {"youth": -1}}}, False),
    ("ParticipationRecordIn", {**PARTICIPATION, "stage": "lobbying"}, False),
]


@pytest.mark.parametrize(("component", "body", "valid"), BODIES)
def test_body_schemas_state_the_rules_the_api_enforces(document, component, body, valid):
    """Validators, and rules across fields, as JSON Schema: what the API refuses, it says."""
    schema = {"$ref": f"#/components/schemas/{component}", "components": document["components"]}
    assert Draft202012Validator(schema).is_valid(body) is valid


def test_rules_no_schema_can_state_are_in_the_description(document):
    operation = document["paths"]["/api/v1/processes/{process_id}/consolidated"]["get"]
    assert "must name a loaded rubric version" in operation["description"]
    assert "422" in operation["responses"]


def test_a_body_that_must_say_something_is_required(document):
    """An empty body counts as {}: required where {} is refused, such as a return's comment."""
    operations = document["paths"]
    assert operations["/api/v1/assessments/{assessment_id}/return"]["post"]["requestBody"][
        "required"
    ]
    assert not operations["/api/v1/assessments/{assessment_id}/submit"]["post"]["requestBody"][
        "required"
    ]


def test_created_objects_document_their_location(document):
    for path in ("/api/v1/assessments", "/api/v1/processes"):
        assert "Location" in document["paths"][path]["post"]["responses"]["201"]["headers"]


def test_deleting_documents_204_without_a_body(document):
    response = document["paths"]["/api/v1/tokens/{token_id}"]["delete"]["responses"]["204"]
    assert "content" not in response


def test_document_is_built_once_per_app(app):
    assert openapi_document(app) is openapi_document(app)


def test_api_page_lists_every_operation(client, document):
    page = client.get("/api").get_data(as_text=True)
    for path, method, _ in _operations(document):
        assert f"{method.upper()} {path}" in page


def test_site_footer_links_to_the_api_page(client):
    assert 'href="/api"' in client.get("/").get_data(as_text=True)


def test_a_csv_import_documents_its_file_and_its_refusals(document):
    path = "/api/v1/processes/{process_id}/participation/imports"
    operation = document["paths"][path]["post"]
    assert operation["requestBody"] == {
        "required": True,
        "content": {"text/csv": {"schema": {"type": "string"}}},
    }
    assert {"400", "413", "415", "422"} <= set(operation["responses"])
    assert "line 5, count" in operation["description"]


def test_a_participation_conflict_carries_the_stored_record(document):
    path = "/api/v1/processes/{process_id}/participation/records/{record_id}"
    conflict = document["paths"][path]["patch"]["responses"]["409"]
    assert "`current`" in conflict["description"]
    current = document["components"]["schemas"]["Conflict"]["properties"]["current"]
    assert {"$ref": "#/components/schemas/ParticipationRecord"} in current["anyOf"]


def test_an_object_of_counts_alike_is_one_row_naming_its_keys(client):
    page = client.get("/api").get_data(as_text=True)
    create = page[page.index('id="participation-create"') :]
    create = create[: create.index("<h3", 10)]
    assert "counts.gender.female" not in create
    assert "optional keys female, male, another_or_undisclosed, unknown; each integer" in create
