"""The OpenAPI 3.1 document of /api/v1, built from the schemas the API itself loads and dumps.

Paths and their parameter types come from the app's routes, so the document cannot describe a
route that does not exist; each route's endpoint must have an entry in ``OPERATIONS``.
"""

import re
from typing import Any

from apispec import APISpec
from apispec.ext.marshmallow import MarshmallowPlugin
from apispec.ext.marshmallow.common import resolve_schema_cls
from flask import Flask
from marshmallow import Schema, fields
from werkzeug.routing import Rule

from assessor.api.openapi.operations import (
    BEARER_AUTH,
    OPERATIONS,
    OVERVIEW,
    PATH_PARAMETERS,
    REFUSALS,
    TAGS,
    TITLE,
    VERSION,
    Operation,
)
from assessor.api.openapi.schemas import ConflictSchema, ErrorSchema
from assessor.validation import MAX_ID

PREFIX = "/api/v1"

# Who may call an operation: anyone (a token only changes what is visible), or a token holder.
SECURITY = {
    "none": [{}],
    "optional": [{}, {"bearerAuth": []}],
    "required": [{"bearerAuth": []}],
}

CONVERTER_TYPES = {
    "int": {"type": "integer", "minimum": 0, "maximum": MAX_ID},
    "default": {"type": "string", "minLength": 1},
}

ROUTE_ARGUMENT = re.compile(r"<(?:(?P<converter>\w+)(?:\([^)]*\))?:)?(?P<name>\w+)>")


def _schema_name(schema: type[Schema] | Schema) -> str:
    """Component names without the Schema suffix; a partial schema is a separate component."""
    name = resolve_schema_cls(schema).__name__.removesuffix("Schema")
    return f"{name}Patch" if getattr(schema, "partial", False) else name


def openapi_path(rule: Rule) -> str:
    """The OpenAPI form of a route: ``<int:assessment_id>`` becomes ``{assessment_id}``."""
    return ROUTE_ARGUMENT.sub(lambda match: "{" + match["name"] + "}", rule.rule)


def _path_parameters(rule: Rule) -> list[dict[str, Any]]:
    return [
        {
            "name": match["name"],
            "in": "path",
            "required": True,
            "description": PATH_PARAMETERS.get(match["name"], ""),
            "schema": CONVERTER_TYPES[match["converter"] or "default"],
        }
        for match in ROUTE_ARGUMENT.finditer(rule.rule)
    ]


def _json(schema: Any) -> dict[str, Any]:
    return {"application/json": {"schema": schema}}


def _statuses(operation: Operation, method: str, rule: Rule) -> list[int]:
    """Every refusal the operation can answer with, in order."""
    statuses = {401, *operation.refusals}
    if operation.body is not None:
        statuses |= {400, 413, 415, 422}
    if method != "GET":
        statuses.add(400)
    if operation.query is not None:
        statuses.add(422)
    if rule.arguments:
        statuses.add(404)
    if operation.conflict:
        statuses.add(409)
    return sorted(statuses)


def _responses(operation: Operation, method: str, rule: Rule) -> dict[str, Any]:
    success: dict[str, Any] = {"description": operation.returns}
    if operation.response is not None:
        success["content"] = _json(operation.response)
    if operation.location:
        success["headers"] = {
            "Location": {
                "description": operation.location,
                "required": True,
                "schema": {"type": "string"},
            }
        }
    responses = {str(operation.status): success}
    for status in _statuses(operation, method, rule):
        if status == 409:
            responses["409"] = {"description": operation.conflict, "content": _json(ConflictSchema)}
        else:
            responses[str(status)] = REFUSALS[status][0]
    return responses


def _operation(endpoint: str, method: str, rule: Rule) -> dict[str, Any]:
    operation = OPERATIONS[endpoint]
    parameters = _path_parameters(rule) + list(operation.parameters)
    if operation.query is not None:
        parameters.append({"in": "query", "schema": operation.query})
    document: dict[str, Any] = {
        "operationId": endpoint,
        "tags": [operation.tag],
        "summary": operation.summary,
        "description": operation.description,
        "security": SECURITY[operation.auth],
        "responses": _responses(operation, method, rule),
    }
    if parameters:
        document["parameters"] = parameters
    if operation.body is not None:
        # An empty body counts as {}, so a body is needed only where a field is required.
        required = any(field.required for field in _fields(operation.body))
        document["requestBody"] = {"required": required, "content": _json(operation.body)}
    return document


def _fields(schema: type[Schema] | Schema) -> list[fields.Field]:
    instance = schema() if isinstance(schema, type) else schema
    return [] if instance.partial else list(instance.fields.values())


def _api_rules(app: Flask) -> list[Rule]:
    return sorted(
        (rule for rule in app.url_map.iter_rules() if rule.rule.startswith(f"{PREFIX}/")),
        key=lambda rule: rule.rule,
    )


def build_document(app: Flask) -> dict[str, Any]:
    """The OpenAPI document of every route under /api/v1, as plain data."""
    spec = APISpec(
        title=TITLE,
        version=VERSION,
        openapi_version="3.1.0",
        plugins=[MarshmallowPlugin(schema_name_resolver=_schema_name)],
        info={"description": OVERVIEW},
        tags=TAGS,
    )
    spec.components.security_scheme("bearerAuth", BEARER_AUTH)
    for status, (name, description) in REFUSALS.items():
        spec.components.response(
            name,
            {
                "description": description.format(limit=app.config["MAX_CONTENT_LENGTH"]),
                "content": _json(ConflictSchema if status == 409 else ErrorSchema),
            },
        )
    for rule in _api_rules(app):
        endpoint = rule.endpoint.removeprefix("api.")
        # A route without an entry is left out rather than failing the whole document; the
        # suite compares the document with the routes, so none stays undocumented.
        if endpoint not in OPERATIONS:
            continue
        methods = sorted(rule.methods - {"HEAD", "OPTIONS"})
        spec.path(
            path=openapi_path(rule),
            operations={method.lower(): _operation(endpoint, method, rule) for method in methods},
        )
    return spec.to_dict()


def openapi_document(app: Flask) -> dict[str, Any]:
    """The app's OpenAPI document, built on first use and kept: routes do not change."""
    if "openapi" not in app.extensions:
        app.extensions["openapi"] = build_document(app)
    return app.extensions["openapi"]
