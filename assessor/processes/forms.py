"""Form posts and query strings of the process pages, read by the API's process schemas.

The same rules as the API apply, after FormSchema turns a browser's empty fields into
"not given".
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from flask_babel import lazy_gettext as _l
from marshmallow import ValidationError, post_load
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from assessor.exceptions import InvalidInput
from assessor.languages.messages import N_
from assessor.processes.models import LAYERS, SCOPES, Process, ProcessVersion
from assessor.processes.schemas import (
    MAX_DESCRIPTION_LENGTH,
    MAX_NAME_LENGTH,
    MAX_SEARCH_LENGTH,
    ProcessInSchema,
    ProcessRecordSchema,
    ProcessSearchArgsSchema,
    StrippedString,
    at_most,
    date_field,
    one_of,
    required_text,
    url_field,
)
from assessor.validation import FormSchema, error_paths

FIELD_LABELS = {
    "name": _l("Name"),
    "convening_organization": _l("Convening organization"),
    "description": _l("Description"),
    "public_url": _l("Public web address"),
    "scope": _l("Scope"),
    "layer": _l("Layer"),
    "starts_on": _l("Start date"),
    "ends_on": _l("End date"),
}
QUERY_LABELS = {
    "q": _l("Search"),
    "organization": _l("Organization"),
    "scope": _l("Scope"),
    "layer": _l("Layer"),
    "page": _l("Page"),
}
# The API's messages (schemas.MESSAGES) as the pages say them. Those marshmallow fills in are
# translated as it does so; the others stay plain text, which form_page translates.
PAGE_MESSAGES = {
    "blank": N_("must not be blank"),
    "too_long": _l("must be at most {max} characters"),
    "one_of": _l("must be one of: {choices}"),
    "date": N_("must be a date such as 2013-10-24"),
    "url": N_("must be an http or https URL"),
}

# The form always shows every field, so one left empty clears what was stored.
CLEARED_VALUES = {"description": "", "public_url": None, "starts_on": None, "ends_on": None}
# A person leaves a field empty rather than "missing data"; say what to do instead.
REQUIRED_MESSAGES = {
    "name": N_("must not be blank"),
    "convening_organization": N_("must not be blank"),
    "scope": N_("choose a scope"),
    "layer": N_("choose a layer"),
}


class ProcessFormSchema(FormSchema, ProcessInSchema):
    """A posted process form: ProcessInSchema's rules, with FormSchema's empty fields and the
    page's messages."""

    name = required_text(MAX_NAME_LENGTH, PAGE_MESSAGES)
    convening_organization = required_text(MAX_NAME_LENGTH, PAGE_MESSAGES)
    description = StrippedString(validate=at_most(MAX_DESCRIPTION_LENGTH, PAGE_MESSAGES))
    public_url = url_field(PAGE_MESSAGES)
    scope = one_of(SCOPES, PAGE_MESSAGES, required=True)
    layer = one_of(LAYERS, PAGE_MESSAGES, required=True)
    starts_on = date_field(PAGE_MESSAGES)
    ends_on = date_field(PAGE_MESSAGES)

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        # Each schema holds its own copy of a field, but the copies share error_messages:
        # a new dict keeps the API's messages as they are.
        for name, message in REQUIRED_MESSAGES.items():
            field = self.fields[name]
            field.error_messages = {**field.error_messages, "required": message}

    @post_load
    def clear_omitted(self, data: dict[str, Any], **kwargs) -> dict[str, Any]:
        return {**CLEARED_VALUES, **data}


class ProcessListArgsSchema(FormSchema, ProcessSearchArgsSchema):
    """The list page's query string: blank filters and unknown parameters are ignored."""

    text = StrippedString(data_key="q", validate=at_most(MAX_SEARCH_LENGTH, PAGE_MESSAGES))
    scope = one_of(SCOPES, PAGE_MESSAGES)
    layer = one_of(LAYERS, PAGE_MESSAGES)
    organization = StrippedString(validate=at_most(MAX_NAME_LENGTH, PAGE_MESSAGES))


def load_process_form(form: Mapping[str, str]) -> dict[str, Any]:
    """The posted form as ProcessInSchema's values, or InvalidInput naming each field."""
    try:
        return ProcessFormSchema().load(form)
    except ValidationError as error:
        raise InvalidInput(error_paths(error.messages)) from None


def list_args_schema() -> ProcessListArgsSchema:
    """The list's query schema; the page size is fixed, so a page link shows the same rows."""
    return ProcessListArgsSchema(exclude=("per_page",))


def load_list_args(args: Mapping[str, str]) -> tuple[dict[str, Any], dict[str, list[str]]]:
    """The search, filters and page asked for; refused values are left out and named.

    A mistyped address still shows a list, with a notice of what was ignored.
    """
    schema = list_args_schema()
    try:
        return schema.load(args), {}
    except ValidationError as error:
        refused = error.messages
    usable = {key: value for key, value in args.items() if key not in refused}
    # Every field is checked on its own, so without the refused values the load succeeds.
    return schema.load(usable), error_paths(refused)


def list_link_args(filters: Mapping[str, Any]) -> dict[str, Any]:
    """Loaded filters back as query parameters, for page links that keep them."""
    return list_args_schema().dump(filters)


def convening_organizations(session: Session) -> list[str]:
    """Each convening organization once, as choices of the organization filter."""
    # GROUP BY rather than DISTINCT: PostgreSQL orders DISTINCT rows only by selected columns.
    statement = (
        select(Process.convening_organization)
        .group_by(Process.convening_organization)
        .order_by(func.lower(Process.convening_organization), Process.convening_organization)
    )
    return list(session.scalars(statement))


@dataclass
class Meanwhile:
    """An edit of a process's record merged with the changes made since the editor opened it.

    ``values`` is the form to show again: what the editor typed, and, in the fields they left
    as they found them, the record as it is now. ``taken`` names those fields that someone
    else changed meanwhile; ``clashing`` the fields both changed, each with the record's value.
    """

    values: dict[str, str]
    taken: dict[str, str] = field(default_factory=dict)
    clashing: dict[str, str] = field(default_factory=dict)


def _form_values(record: Process | ProcessVersion | Mapping[str, Any]) -> dict[str, str]:
    """The described fields as the form holds them: text, empty for nothing."""
    if not isinstance(record, Mapping):
        record = ProcessRecordSchema().dump(record)
    return {name: (record.get(name) or "").strip() for name in FIELD_LABELS}


def merged_with_meanwhile(
    typed: Mapping[str, str], opened: ProcessVersion | None, now: Process
) -> Meanwhile:
    """Merge what the editor typed, starting from the version ``opened``, with the record as
    it is ``now``, field by field, so that saving again overwrites no one's change unseen: a
    field only the editor changed keeps their value silently.

    Without the opened version (an unknown number), every field that differs clashes.
    """
    mine = _form_values(typed)
    current = _form_values(now)
    start = _form_values(opened) if opened is not None else None
    merged = dict(mine)
    meanwhile = Meanwhile(values=merged)
    for name in FIELD_LABELS:
        if mine[name] == current[name]:
            continue
        if start is None:
            meanwhile.clashing[name] = current[name]
        elif mine[name] == start[name]:
            merged[name] = current[name]
            meanwhile.taken[name] = current[name]
        elif current[name] != start[name]:
            meanwhile.clashing[name] = current[name]
    return meanwhile
