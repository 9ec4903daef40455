"""The audit page's query string, read by the API's schema with the page's own words.

A refused filter is left out and named, so that a mistyped address still shows the trail.
"""

from collections.abc import Mapping
from typing import Any, ClassVar

from flask_babel import lazy_gettext as _l
from marshmallow import ValidationError

from assessor.audit import ACTIONS, SUBJECT_TYPES
from assessor.audit_trail.schemas import (
    ActorField,
    AuditEventArgsSchema,
    day,
    one_of,
    record_number,
)
from assessor.validation import FormSchema, error_paths

QUERY_LABELS = {
    "actor": _l("Who"),
    "action": _l("What"),
    "from": _l("From"),
    "to": _l("To"),
    "subject_type": _l("Kind of record"),
    "subject_id": _l("Record number"),
    "page": _l("Page"),
}
PAGE_MESSAGES = {
    "actor": _l("must be an email address, or an account number from 1 to {max}"),
    "action": _l("choose an action from the list"),
    "date": _l("must be a date such as 2026-12-07"),
    "kind": _l("choose a kind of record from the list"),
    "number": _l("must be a number from {min} to {max}"),
    "period": _l("must be on or after the From date ({date})"),
    "kind_needed": _l("choose the kind of record this is the number of"),
}


class AuditListArgsSchema(FormSchema, AuditEventArgsSchema):
    """The page's filters: blank ones and unknown parameters are ignored."""

    messages: ClassVar[Mapping[str, Any]] = PAGE_MESSAGES
    record_error_key: ClassVar[str] = "subject_id"

    actor = ActorField(PAGE_MESSAGES)
    action = one_of(ACTIONS, PAGE_MESSAGES["action"])
    since = day("from", PAGE_MESSAGES["date"])
    until = day("to", PAGE_MESSAGES["date"])
    subject_type = one_of(SUBJECT_TYPES, PAGE_MESSAGES["kind"])
    subject_id = record_number(PAGE_MESSAGES["number"])


def list_args_schema() -> AuditListArgsSchema:
    """The page size is fixed, so a page link shows the same rows."""
    return AuditListArgsSchema(exclude=("per_page",))


def load_list_args(args: Mapping[str, str]) -> tuple[dict[str, Any], dict[str, list[str]]]:
    """The filters and page asked for; refused values are left out and named.

    Checks across fields run once each field passes, so the values left may be refused in
    turn; each refusal names a parameter that was given, so fewer are left each time.
    """
    try:
        return list_args_schema().load(args), {}
    except ValidationError as error:
        refused = error_paths(error.messages)
    filters, also_refused = load_list_args(
        {key: value for key, value in args.items() if key not in refused}
    )
    return filters, refused | also_refused


def list_link_args(filters: Mapping[str, Any]) -> dict[str, Any]:
    """Loaded filters back as query parameters, for page links that keep them."""
    return list_args_schema().dump(filters)
