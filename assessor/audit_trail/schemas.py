"""What a client may ask of the audit trail (filters and a page) and what it gets back."""

from collections.abc import Mapping
from typing import Any, ClassVar

from flask import url_for
from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from assessor.audit import ACTIONS, SUBJECT_TYPES, AuditEvent
from assessor.validation import MAX_ID, PageArgsSchema

MAX_EMAIL_LENGTH = 254
# What the API says; the page says the same in the reader's language (see forms.py).
MESSAGES = {
    "actor": "must be an email address, or an account number from 1 to {max}",
    "one_of": "must be one of: {choices}",
    "date": "must be a date such as 2026-12-07",
    "number": "must be an id from {min} to {max}",
    "period": "must be on or after from ({date})",
    "kind_needed": "is needed with subject_id",
}
# Where each record has an address in the API; accounts have none.
API_ADDRESSES = {"process": "api.processes.detail", "assessment": "api.assessments.show"}
API_ARGUMENTS = {"process": "process_id", "assessment": "assessment_id"}


class ActorField(fields.String):
    """Who acted: an account's number (digits) or its email address."""

    def __init__(self, messages: Mapping[str, Any], **kwargs) -> None:
        super().__init__(**kwargs)
        self.message = messages["actor"]

    def _deserialize(self, value, attr, data, **kwargs) -> int | str:
        text = super()._deserialize(value, attr, data, **kwargs).strip()
        refused = ValidationError(str(self.message).format(max=MAX_ID))
        if text.isascii() and text.isdigit():
            if not 1 <= int(text) <= MAX_ID:
                raise refused
            return int(text)
        if not text or len(text) > MAX_EMAIL_LENGTH:
            raise refused
        return text


def one_of(choices, message) -> fields.String:
    return fields.String(validate=validate.OneOf(choices, error=message))


def day(data_key: str, message) -> fields.Date:
    return fields.Date(data_key=data_key, error_messages={"invalid": message})


def record_number(message) -> fields.Integer:
    return fields.Integer(validate=validate.Range(min=1, max=MAX_ID, error=message))


class AuditEventArgsSchema(PageArgsSchema):
    """The query string of the audit trail: who, what, when (whole days), which record."""

    # Clients send query parameters, not fields; say so when one is not known.
    error_messages: ClassVar[dict[str, str]] = {"unknown": "Unknown parameter"}
    messages: ClassVar[Mapping[str, Any]] = MESSAGES
    # Where a number given without its kind of record is reported.
    record_error_key: ClassVar[str] = "subject_type"

    actor = ActorField(MESSAGES, metadata={"pattern": r"\S"})
    action = one_of(ACTIONS, MESSAGES["one_of"])
    since = day("from", MESSAGES["date"])
    until = day("to", MESSAGES["date"])
    subject_type = one_of(SUBJECT_TYPES, MESSAGES["one_of"])
    subject_id = record_number(MESSAGES["number"])

    @validates_schema
    def check_period_and_record(self, data: dict[str, Any], **kwargs) -> None:
        errors = {}
        since, until = data.get("since"), data.get("until")
        if since and until and until < since:
            errors["to"] = [str(self.messages["period"]).format(date=since.isoformat())]
        if data.get("subject_id") and not data.get("subject_type"):
            errors[self.record_error_key] = [str(self.messages["kind_needed"])]
        if errors:
            raise ValidationError(errors)


class ActorSchema(Schema):
    id = fields.Integer()
    email = fields.String()
    display_name = fields.String()


def _subject_url(event: AuditEvent) -> str | None:
    endpoint = API_ADDRESSES.get(event.subject_type)
    if endpoint is None:
        return None
    return url_for(endpoint, **{API_ARGUMENTS[event.subject_type]: event.subject_id})


class AuditEventOutSchema(Schema):
    """One recorded change: who made it, when, to which record, and the fields before and
    after as they were stored."""

    id = fields.Integer()
    occurred_at = fields.DateTime()
    action = fields.String(metadata={"enum": list(ACTIONS)})
    actor = fields.Nested(
        ActorSchema,
        allow_none=True,
        metadata={"description": "Null: done on the command line, or by an account since removed."},
    )
    subject_type = fields.String(metadata={"enum": list(SUBJECT_TYPES)})
    subject_id = fields.Integer()
    subject_url = fields.Function(
        _subject_url,
        allow_none=True,
        metadata={"description": "The record's address in the API; null for accounts."},
    )
    before = fields.Raw(allow_none=True, metadata={"description": "The changed fields before."})
    after = fields.Raw(allow_none=True, metadata={"description": "The changed fields after."})


class AuditEventPageOutSchema(Schema):
    """One page of the audit trail, as ``paginate`` counts and links it."""

    items = fields.List(fields.Nested(AuditEventOutSchema))
    page = fields.Integer()
    per_page = fields.Integer()
    total = fields.Integer()
    pages = fields.Integer()
    links = fields.Dict(keys=fields.String(), values=fields.String())
