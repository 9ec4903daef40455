"""Schemas for processes: what a client may send (``*InSchema``) and what it gets back."""

from typing import ClassVar

from flask import url_for
from marshmallow import Schema, fields, validate

from assessor.processes.models import LAYERS, SCOPES
from assessor.validation import PageArgsSchema, StrictSchema

MAX_NAME_LENGTH = 300
MAX_DESCRIPTION_LENGTH = 10_000
MAX_URL_LENGTH = 2000
MAX_SEARCH_LENGTH = 200


class StrippedString(fields.String):
    """A string without surrounding whitespace, so that a blank name counts as empty."""

    def _deserialize(self, value, attr, data, **kwargs) -> str:
        return super()._deserialize(value, attr, data, **kwargs).strip()


def _required_text(max_length: int) -> StrippedString:
    return StrippedString(
        required=True,
        validate=[
            validate.Length(min=1, error="must not be blank"),
            validate.Length(max=max_length, error="must be at most {max} characters"),
        ],
    )


def _one_of(choices: dict[str, str]) -> fields.String:
    return fields.String(
        required=True, validate=validate.OneOf(choices, error="must be one of: {choices}")
    )


def _date() -> fields.Date:
    return fields.Date(
        allow_none=True, error_messages={"invalid": "must be a date such as 2013-10-24"}
    )


class ProcessInSchema(StrictSchema):
    """A process as a client describes it; PATCH loads it with ``partial=True``."""

    name = _required_text(MAX_NAME_LENGTH)
    convening_organization = _required_text(MAX_NAME_LENGTH)
    description = StrippedString(
        validate=validate.Length(
            max=MAX_DESCRIPTION_LENGTH, error="must be at most {max} characters"
        )
    )
    public_url = fields.Url(
        allow_none=True,
        schemes={"http", "https"},
        validate=validate.Length(max=MAX_URL_LENGTH, error="must be at most {max} characters"),
        error_messages={"invalid": "must be an http or https URL"},
    )
    scope = _one_of(SCOPES)
    layer = _one_of(LAYERS)
    starts_on = _date()
    ends_on = _date()


class ProcessSearchArgsSchema(PageArgsSchema):
    """The query string of the process list: search text, filters and the page."""

    # Clients send query parameters, not fields; say so when one is not known.
    error_messages: ClassVar[dict[str, str]] = {"unknown": "Unknown parameter"}

    text = StrippedString(
        data_key="q",
        validate=validate.Length(max=MAX_SEARCH_LENGTH, error="must be at most {max} characters"),
    )
    scope = fields.String(validate=validate.OneOf(SCOPES, error="must be one of: {choices}"))
    layer = fields.String(validate=validate.OneOf(LAYERS, error="must be one of: {choices}"))
    organization = StrippedString(
        validate=validate.Length(max=MAX_NAME_LENGTH, error="must be at most {max} characters")
    )


class ProcessRecordSchema(Schema):
    """The stored fields of a process as plain data, as audit events keep them."""

    id = fields.Integer()
    name = fields.String()
    convening_organization = fields.String()
    description = fields.String()
    public_url = fields.String(allow_none=True)
    scope = fields.String()
    layer = fields.String()
    starts_on = fields.Date(allow_none=True)
    ends_on = fields.Date(allow_none=True)


class ProcessOutSchema(ProcessRecordSchema):
    """A process as the API shows it: with readable labels and its own address."""

    scope_label = fields.Function(lambda process: SCOPES[process.scope])
    layer_label = fields.Function(lambda process: LAYERS[process.layer])
    created_at = fields.DateTime()
    url = fields.Function(lambda process: url_for("api.processes.detail", process_id=process.id))


class ProcessPageOutSchema(Schema):
    """One page of the process list, as ``paginate`` counts and links it."""

    items = fields.List(fields.Nested(ProcessOutSchema))
    page = fields.Integer()
    per_page = fields.Integer()
    total = fields.Integer()
    pages = fields.Integer()
    links = fields.Dict(keys=fields.String(), values=fields.String())
