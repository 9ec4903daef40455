"""Schemas for processes: what a client may send (``*InSchema``) and what it gets back."""

from collections.abc import Mapping
from typing import ClassVar

from flask import url_for
from marshmallow import Schema, fields, validate

from assessor.processes.models import LAYERS, SCOPES
from assessor.validation import JsonBoolean, PageArgsSchema, StrictSchema, row_id

MAX_NAME_LENGTH = 300
MAX_DESCRIPTION_LENGTH = 10_000
MAX_URL_LENGTH = 2000
MAX_SEARCH_LENGTH = 200
# What the API says; the pages' forms say the same in the reader's language (see forms.py).
MESSAGES = {
    "blank": "must not be blank",
    "too_long": "must be at most {max} characters",
    "one_of": "must be one of: {choices}",
    "date": "must be a date such as 2013-10-24",
    "url": "must be an http or https URL",
}


class StrippedString(fields.String):
    """A string without surrounding whitespace, so that a blank name counts as empty."""

    def _deserialize(self, value, attr, data, **kwargs) -> str:
        return super()._deserialize(value, attr, data, **kwargs).strip()


def at_most(max_length: int, messages: Mapping[str, str]) -> validate.Length:
    return validate.Length(max=max_length, error=messages["too_long"])


def required_text(max_length: int, messages: Mapping[str, str]) -> StrippedString:
    return StrippedString(
        required=True,
        validate=[
            validate.Length(min=1, error=messages["blank"]),
            at_most(max_length, messages),
        ],
        # Not blank: the length is counted once the text is stripped.
        metadata={"pattern": r"\S"},
    )


def one_of(choices: Mapping[str, str], messages: Mapping[str, str], **options) -> fields.String:
    return fields.String(validate=validate.OneOf(choices, error=messages["one_of"]), **options)


def date_field(messages: Mapping[str, str]) -> fields.Date:
    return fields.Date(allow_none=True, error_messages={"invalid": messages["date"]})


def url_field(messages: Mapping[str, str]) -> fields.Url:
    return fields.Url(
        allow_none=True,
        schemes={"http", "https"},
        validate=at_most(MAX_URL_LENGTH, messages),
        error_messages={"invalid": messages["url"]},
    )


class ProcessInSchema(StrictSchema):
    """A process as a client describes it; PATCH loads it with ``partial=True``."""

    name = required_text(MAX_NAME_LENGTH, MESSAGES)
    convening_organization = required_text(MAX_NAME_LENGTH, MESSAGES)
    description = StrippedString(validate=at_most(MAX_DESCRIPTION_LENGTH, MESSAGES))
    public_url = url_field(MESSAGES)
    scope = one_of(SCOPES, MESSAGES, required=True)
    layer = one_of(LAYERS, MESSAGES, required=True)
    starts_on = date_field(MESSAGES)
    ends_on = date_field(MESSAGES)


class ProcessCreateSchema(ProcessInSchema):
    """A new process; one already described under its name and organization needs
    ``confirm_duplicate``."""

    confirm_duplicate = JsonBoolean(
        load_default=False,
        metadata={
            "description": (
                "true describes the process even though one with the same name and convening "
                "organization (ignoring letter case and spaces) is already described."
            )
        },
    )


class ProcessUpdateSchema(ProcessInSchema):
    """A change of a process; ``version`` names the version of its record it is based on."""

    version = row_id(
        strict=True,
        metadata={
            "description": (
                "The version of the process's record the change is based on (the `version` "
                "read with it). Given, a change made since is refused with 409 and the record "
                "as it is now, rather than overwritten."
            )
        },
    )


class ProcessSearchArgsSchema(PageArgsSchema):
    """The query string of the process list: search text, filters and the page."""

    # Clients send query parameters, not fields; say so when one is not known.
    error_messages: ClassVar[dict[str, str]] = {"unknown": "Unknown parameter"}

    text = StrippedString(data_key="q", validate=at_most(MAX_SEARCH_LENGTH, MESSAGES))
    scope = one_of(SCOPES, MESSAGES)
    layer = one_of(LAYERS, MESSAGES)
    organization = StrippedString(validate=at_most(MAX_NAME_LENGTH, MESSAGES))


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


class ProcessDetailOutSchema(ProcessOutSchema):
    """One process, with the version of its record that a change is based on."""

    version = fields.Integer(
        attribute="record_version",
        allow_none=True,
        metadata={"description": "The newest version of the process's record."},
    )


class ProcessLinkSchema(Schema):
    """A process named in a refusal, with its address."""

    id = fields.Integer()
    name = fields.String()
    convening_organization = fields.String()
    url = fields.Function(lambda process: url_for("api.processes.detail", process_id=process.id))


class ProcessPageOutSchema(Schema):
    """One page of the process list, as ``paginate`` counts and links it."""

    items = fields.List(fields.Nested(ProcessOutSchema))
    page = fields.Integer()
    per_page = fields.Integer()
    total = fields.Integer()
    pages = fields.Integer()
    links = fields.Dict(keys=fields.String(), values=fields.String())
