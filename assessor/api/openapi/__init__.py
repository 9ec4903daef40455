"""The OpenAPI 3.1 document of /api/v1, built from the app's routes and what their views declare.

apispec's Flask plugin turns each route into its path, and its marshmallow plugin turns the
schemas each view declares (see declaration.py), validators included, into JSON Schema: the
document says what the views do, as they do it.
"""

import inspect
import re
from typing import Any

from apispec import APISpec
from apispec.ext.marshmallow.common import resolve_schema_cls
from apispec_webframeworks.flask import FlaskPlugin
from flask import Flask
from marshmallow import Schema, ValidationError
from werkzeug.routing import Rule

from assessor.api.openapi.declaration import Operation, schema_instance
from assessor.api.openapi.json_schema import FORBIDDEN_CHARACTERS, Plugin
from assessor.api.openapi.shared import (
    BEARER_AUTH,
    OVERVIEW,
    PATH_PARAMETERS,
    REFUSALS,
    TAGS,
    TITLE,
    VERSION,
)
from assessor.api.schemas import ConflictSchema, ErrorSchema
from assessor.validation import MAX_ID

__all__ = ["PREFIX", "Operation", "build_document", "openapi_document"]

PREFIX = "/api/v1"

# Who may call an operation: anyone (a token only changes what is visible), or a token holder.
SECURITY = {
    "none": [{}],
    "optional": [{}, {"bearerAuth": []}],
    "required": [{"bearerAuth": []}],
}

CONVERTER_TYPES = {
    "int": {"type": "integer", "minimum": 0, "maximum": MAX_ID},
    "default": {"type": "string", "minLength": 1, "not": FORBIDDEN_CHARACTERS},
}

ROUTE_ARGUMENT = re.compile(r"<(?:(?P<converter>\w+)(?:\([^)]*\))?:)?(?P<name>\w+)>")
RULES_BEYOND_SCHEMA = "Also refused with 422, as the schema cannot say it:"


def _schema_name(schema: type[Schema] | Schema) -> str:
    """Component names without the Schema suffix; a partial schema is a separate component."""
    name = resolve_schema_cls(schema).__name__.removesuffix("Schema")
    return f"{name}Patch" if getattr(schema, "partial", False) else name


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
    if operation.body is not None or operation.upload is not None:
        statuses |= {400, 413, 415, 422}
    if method != "GET":
        statuses.add(400)
    if operation.query is not None or operation.rules:
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


def _description(view: Any) -> tuple[str, str]:
    """The summary and description of a view's docstring, with the rules it states besides."""
    summary, *paragraphs = inspect.cleandoc(view.__doc__ or "").split("\n\n")
    if view.operation.rules:
        paragraphs.append(" ".join((RULES_BEYOND_SCHEMA, *view.operation.rules)))
    description = "\n\n".join(" ".join(paragraph.split("\n")) for paragraph in paragraphs)
    return summary.rstrip("."), description


def _operation(view: Any, method: str, rule: Rule) -> dict[str, Any]:
    operation: Operation = view.operation
    summary, description = _description(view)
    document: dict[str, Any] = {
        "operationId": rule.endpoint.removeprefix("api."),
        "tags": [operation.tag],
        "summary": summary,
        "description": description,
        "security": SECURITY[operation.auth],
        "responses": _responses(operation, method, rule),
    }
    parameters = _path_parameters(rule)
    if operation.query is not None:
        parameters.append({"in": "query", "schema": operation.query})
    if parameters:
        document["parameters"] = parameters
    if operation.body is not None:
        document["requestBody"] = {
            "required": _refuses_empty_body(operation.body),
            "content": _json(operation.body),
        }
    if operation.upload is not None:
        document["requestBody"] = {
            "required": True,
            "content": {operation.upload: {"schema": {"type": "string"}}},
        }
    return document


def _refuses_empty_body(schema: type[Schema] | Schema) -> bool:
    """Whether a body must be sent: an empty one counts as {}, which the schema may refuse."""
    try:
        schema_instance(schema).load({})
    except ValidationError:
        return True
    return False


def _api_rules(app: Flask) -> list[Rule]:
    return sorted(
        (rule for rule in app.url_map.iter_rules() if rule.rule.startswith(f"{PREFIX}/")),
        key=lambda rule: rule.rule,
    )


def _spec(app: Flask) -> APISpec:
    """The document before its paths: what it says once for every operation."""
    spec = APISpec(
        title=TITLE,
        version=VERSION,
        openapi_version="3.1.0",
        plugins=[FlaskPlugin(), Plugin(schema_name_resolver=_schema_name)],
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
    return spec


def build_document(app: Flask) -> dict[str, Any]:
    """The OpenAPI document of every declared route under /api/v1, as plain data."""
    spec = _spec(app)
    for rule in _api_rules(app):
        view = app.view_functions[rule.endpoint]
        # A route without a declaration is left out rather than failing the whole document;
        # the suite compares the document with the routes, so none stays undocumented.
        if not hasattr(view, "operation"):
            continue
        methods = sorted(rule.methods - {"HEAD", "OPTIONS"})
        spec.path(
            view=view,
            app=app,
            operations={method.lower(): _operation(view, method, rule) for method in methods},
        )
    return spec.to_dict()


def openapi_document(app: Flask) -> dict[str, Any]:
    """The app's OpenAPI document, built on first use and kept: routes do not change."""
    if "openapi" not in app.extensions:
        app.extensions["openapi"] = build_document(app)
    return app.extensions["openapi"]
