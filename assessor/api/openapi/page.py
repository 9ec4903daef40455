"""The OpenAPI document as plain data for the API page: operations by tag, fields by path."""

import json
import re
from typing import Any

from markupsafe import Markup, escape

from assessor.api.openapi.shared import REFUSALS

METHODS = ("get", "post", "put", "patch", "delete")
CODE_SPAN = re.compile(r"`([^`]+)`")
AUTH_NOTES = {
    "required": "Token needed",
    "optional": "Token optional: it shows what your role may see",
    "none": "No token needed",
}


def prose(text: str) -> Markup:
    """The document's text as HTML: escaped, with its `code spans` marked as code."""
    return Markup(CODE_SPAN.sub(r"<code>\1</code>", str(escape(text))))


def _component(document: dict[str, Any], reference: str) -> dict[str, Any]:
    """The definition of the schema a ``$ref`` points to."""
    return document["components"]["schemas"][reference.rsplit("/", 1)[-1]]


def type_name(document: dict[str, Any], schema: dict[str, Any]) -> str:
    """A JSON schema said in words, such as ``array of objects`` or ``integer or null``."""
    if "$ref" in schema:
        return "object"
    if "anyOf" in schema:
        return " or ".join(type_name(document, option) for option in schema["anyOf"])
    kinds = schema.get("type", [])
    kinds = [kinds] if isinstance(kinds, str) else kinds
    words = []
    for kind in kinds:
        if kind == "array":
            items = type_name(document, schema.get("items", {}))
            words.append(f"array of {items}s" if items.isalpha() else f"array of {items}")
        elif kind == "object" and isinstance(schema.get("additionalProperties"), dict):
            words.append(f"object of {type_name(document, schema['additionalProperties'])}")
        elif "format" in schema and kind == "string":
            words.append(f"string ({schema['format']})")
        else:
            words.append(kind)
    return " or ".join(words) or "any"


def _bounds(low: Any, high: Any, unit: str = "") -> str:
    plural = f"{unit}s" if unit else ""
    if low is not None and high is not None:
        return f"{low} to {high}{plural}"
    if low is not None:
        return f"at least {low}{unit if low == 1 else plural}"
    return f"at most {high}{plural}"


def constraints(schema: dict[str, Any]) -> str:
    """The limits a value must keep, in words."""
    said = []
    if "enum" in schema:
        said.append("one of " + ", ".join(str(v) for v in schema["enum"] if v is not None))
    if schema.get("minLength") or "maxLength" in schema:
        said.append(_bounds(schema.get("minLength"), schema.get("maxLength"), " character"))
    if "minimum" in schema or "maximum" in schema:
        said.append(_bounds(schema.get("minimum"), schema.get("maximum")))
    if "maxItems" in schema:
        said.append(f"at most {schema['maxItems']} items")
    if "pattern" in schema:
        said.append(f"matching {schema['pattern']}")
    if "default" in schema:
        said.append(f"default {json.dumps(schema['default'])}")
    return "; ".join(said)


def _object_of(document: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any] | None:
    """The object definition a property holds, directly or as the items of an array."""
    if schema.get("type") == "array":
        schema = schema.get("items", {})
    if "$ref" in schema:
        return _component(document, schema["$ref"])
    return None


def _alike_values(document: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any] | None:
    """The one definition that every field of an object shares, where all are optional plain
    values alike (counts by category, say): the page then names the keys in one row."""
    values = list(schema.get("properties", {}).values())
    if len(values) < 2 or schema.get("required"):
        return None
    first = values[0]
    if any(value != first for value in values) or _object_of(document, first) is not None:
        return None
    return first


def body_fields(document: dict[str, Any], schema: dict[str, Any], path: str = "") -> list[dict]:
    """Every field of a request body, nested ones named by path as errors name them; an object
    of optional values alike is one row naming its keys."""
    if "$ref" in schema:
        schema = _component(document, schema["$ref"])
    required = set(schema.get("required", []))
    rows = []
    for name, definition in schema.get("properties", {}).items():
        field_path = f"{path}.{name}" if path else name
        nested = _object_of(document, definition)
        alike = None if nested is None else _alike_values(document, nested)
        row = {
            "path": field_path,
            "type": type_name(document, definition),
            "required": name in required,
            "constraints": constraints(definition),
            "description": prose(definition.get("description", "")),
        }
        if alike is not None:
            keys = ", ".join(nested["properties"])
            each = "; ".join(filter(None, (type_name(document, alike), constraints(alike))))
            row["constraints"] = f"optional keys {keys}; each {each}"
        rows.append(row)
        if nested is not None and alike is None:
            suffix = "[]" if definition.get("type") == "array" else ""
            rows.extend(body_fields(document, nested, field_path + suffix))
    return rows


def _parameters(document: dict[str, Any], operation: dict[str, Any]) -> list[dict]:
    return [
        {
            "name": parameter["name"],
            "location": parameter["in"],
            "type": type_name(document, parameter.get("schema", {})),
            "required": parameter.get("required", False),
            "constraints": constraints(parameter.get("schema", {})),
            "description": prose(parameter.get("description", "")),
        }
        for parameter in operation.get("parameters", [])
    ]


def _auth(operation: dict[str, Any]) -> str:
    requirements = operation.get("security", [])
    if {} not in requirements:
        return AUTH_NOTES["required"]
    return AUTH_NOTES["optional" if len(requirements) > 1 else "none"]


def _operation(document: dict, method: str, path: str, operation: dict) -> dict[str, Any]:
    body = operation.get("requestBody", {}).get("content", {}).get("application/json", {})
    return {
        "id": operation["operationId"].replace(".", "-"),
        "method": method.upper(),
        "path": path,
        "summary": operation["summary"],
        "description": prose(operation["description"]),
        "auth": _auth(operation),
        "parameters": _parameters(document, operation),
        "fields": body_fields(document, body["schema"]) if body else [],
        "body_required": operation.get("requestBody", {}).get("required", False),
        "responses": [
            {"status": status, "description": prose(_response_description(document, response))}
            for status, response in operation["responses"].items()
        ],
    }


def _response_description(document: dict[str, Any], response: dict[str, Any]) -> str:
    if "$ref" in response:
        name = response["$ref"].rsplit("/", 1)[-1]
        return document["components"]["responses"][name]["description"]
    return response["description"]


def operations_by_tag(document: dict[str, Any]) -> list[dict[str, Any]]:
    """The document's operations grouped under its tags, in the tags' order."""
    groups = {
        tag["name"]: {
            "name": tag["name"],
            "description": prose(tag.get("description", "")),
            "id": f"tag-{tag['name']}",
            "operations": [],
        }
        for tag in document.get("tags", [])
    }
    for path, item in document["paths"].items():
        for method in METHODS:
            if method in item:
                operation = item[method]
                groups[operation["tags"][0]]["operations"].append(
                    _operation(document, method, path, operation)
                )
    return [group for group in groups.values() if group["operations"]]


def refusals(document: dict[str, Any]) -> list[dict[str, Any]]:
    """Each refusal status with what it means, from the document's shared responses."""
    responses = document["components"]["responses"]
    return [
        {"status": status, "description": prose(responses[name]["description"])}
        for status, (name, _) in REFUSALS.items()
    ]
