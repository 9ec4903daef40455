"""Form posts of the participation pages, loaded by schemas with the rules of a record.

A count's input is named by its place, ``counts.<dimension>.<category>``, the name the service
gives a refused count, so that every problem lands beside its own input.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from flask_babel import lazy_gettext as _l
from marshmallow import ValidationError, fields, post_load, validate

from assessor.exceptions import InvalidInput
from assessor.languages.messages import N_
from assessor.participation.categories import DIMENSIONS, STAGES, UNKNOWN
from assessor.participation.csv_files import MAX_COUNT
from assessor.participation.labels import category_label, dimension_label
from assessor.participation.models import ParticipationRecord
from assessor.presentation.labels import STAGE_NAMES
from assessor.processes.forms import PAGE_MESSAGES
from assessor.processes.schemas import MAX_URL_LENGTH, StrippedString, at_most, date_field
from assessor.validation import FormSchema, error_paths

MAX_BODY_LENGTH = 300
MAX_TITLE_LENGTH = 500
MAX_NOTE_LENGTH = 10_000
# The largest CSV file an import reads: a participant list of 100,000 rows fits.
MAX_FILE_SIZE = 2 * 1024 * 1024

SOURCE_LABELS = {
    "body": _l("Meeting or body"),
    "source_url": _l("Source web address"),
    "source_title": _l("Source title"),
    "accessed_on": _l("Accessed on"),
    "note": _l("Note"),
}
FIELD_LABELS = {"stage": _l("Stage"), **SOURCE_LABELS, "file": _l("CSV file")}
STAGE_LABELS = {stage: STAGE_NAMES[stage] for stage in STAGES}
REQUIRED_MESSAGES = {
    "stage": N_("choose a stage"),
    "source_url": N_("give the web address of the source"),
    "source_title": N_("give the title of the source"),
}
COUNT_MESSAGE = _l("must be a whole number from 0 to %(max)s", max=MAX_COUNT)
SEPARATED_MESSAGE = _l("type a whole number in digits only, without separators, such as 1200")
# A number written with thousands separators: "1,200", "1.200", "1 200", "1'200", "1 200".
SEPARATED_NUMBER = re.compile(r"[0-9]{1,3}(?:[,.' \u00a0\u202f_][0-9]{3})+")
SOURCE_DEFAULTS = {"body": "", "accessed_on": None, "note": ""}
# Every count input, by the schema's attribute: its dimension and category, unknown last.
COUNT_FIELDS = {
    f"counts__{dimension.key}__{category}": (dimension.key, category)
    for dimension in DIMENSIONS.values()
    for category in (*dimension.categories, UNKNOWN)
}


def count_name(dimension: str, category: str) -> str:
    """The name of a count's input, as the service names its place."""
    return f"counts.{dimension}.{category}"


COUNT_NAMES = [count_name(*place) for place in COUNT_FIELDS.values()]
# The record form's fields in the order it shows them.
RECORD_FIELDS = ("stage", *SOURCE_LABELS, *COUNT_NAMES)
# The import form's fields in the order it shows them.
IMPORT_FIELDS = ("file", *SOURCE_LABELS)
SEEN_PREFIX = "seen."


def in_form_order(errors: Mapping[str, list[str]], order: tuple[str, ...]) -> dict[str, list[str]]:
    """``errors`` in the order the form shows its fields (any other place last), so that
    the error summary reads as the form does."""
    place = {name: index for index, name in enumerate(order)}
    return dict(sorted(errors.items(), key=lambda item: place.get(item[0], len(order))))


def field_labels() -> dict[str, str]:
    """Every field's label in the reader's language, counts as "Gender: Female"."""
    labels = {name: str(label) for name, label in FIELD_LABELS.items()}
    for dimension, category in COUNT_FIELDS.values():
        labels[count_name(dimension, category)] = f"{dimension_label(dimension)}: " + (
            category_label(dimension, category)
        )
    return labels


def count_groups() -> list[dict[str, Any]]:
    """The count inputs of the form, a group per dimension: its label and its categories'."""
    return [
        {
            "key": dimension.key,
            "label": dimension_label(dimension.key),
            "inputs": [
                (count_name(dimension.key, category), category_label(dimension.key, category))
                for category in (*dimension.categories, UNKNOWN)
            ],
        }
        for dimension in DIMENSIONS.values()
    ]


class SourceFormSchema(FormSchema):
    """Where counts come from, as an editor types it; empty optional fields are cleared."""

    body = StrippedString(validate=at_most(MAX_BODY_LENGTH, PAGE_MESSAGES))
    source_url = fields.Url(
        required=True,
        schemes={"http", "https"},
        validate=at_most(MAX_URL_LENGTH, PAGE_MESSAGES),
        error_messages={"invalid": PAGE_MESSAGES["url"]},
    )
    source_title = StrippedString(
        required=True,
        validate=[
            validate.Length(min=1, error=PAGE_MESSAGES["blank"]),
            at_most(MAX_TITLE_LENGTH, PAGE_MESSAGES),
        ],
    )
    accessed_on = date_field(PAGE_MESSAGES)
    note = StrippedString(validate=at_most(MAX_NOTE_LENGTH, PAGE_MESSAGES))

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        # A new dict per field: the copies of a field share their error_messages.
        for name, message in REQUIRED_MESSAGES.items():
            if name in self.fields:
                field = self.fields[name]
                field.error_messages = {**field.error_messages, "required": message}

    @post_load
    def clear_omitted(self, data: dict[str, Any], **kwargs) -> dict[str, Any]:
        return {**SOURCE_DEFAULTS, **data}


class _RecordFormBase(SourceFormSchema):
    stage = fields.String(
        required=True, validate=validate.OneOf(STAGES, error=PAGE_MESSAGES["one_of"])
    )

    @post_load
    def nest_counts(self, data: dict[str, Any], **kwargs) -> dict[str, Any]:
        """The count inputs as the service's counts; an empty input, or 0, counts nobody."""
        counts: dict[str, dict[str, int]] = {}
        for attribute, (dimension, category) in COUNT_FIELDS.items():
            if number := data.pop(attribute, 0):
                counts.setdefault(dimension, {})[category] = number
        return {**data, "counts": counts}


class CountField(fields.Integer):
    """A count typed as a whole number; one written with thousands separators ("1,200") is
    refused with a message saying so, since "1.200" may mean 1.2 or 1200."""

    def _deserialize(self, value: Any, attr, data, **kwargs) -> int | None:
        if isinstance(value, str) and SEPARATED_NUMBER.fullmatch(value.strip()):
            raise self.make_error("separated")
        return super()._deserialize(value, attr, data, **kwargs)


def _count_field(name: str) -> CountField:
    return CountField(
        data_key=name,
        validate=validate.Range(min=0, max=MAX_COUNT, error=COUNT_MESSAGE),
        error_messages={"invalid": COUNT_MESSAGE, "separated": SEPARATED_MESSAGE},
    )


RecordFormSchema = _RecordFormBase.from_dict(
    {attribute: _count_field(count_name(*place)) for attribute, place in COUNT_FIELDS.items()},
    name="RecordFormSchema",
)


def _loaded(schema: FormSchema, form: Mapping[str, str]) -> dict[str, Any]:
    try:
        return schema.load(form)
    except ValidationError as error:
        raise InvalidInput(error_paths(error.messages)) from None


def load_record_form(form: Mapping[str, str]) -> dict[str, Any]:
    """The posted record form as the service's values, or InvalidInput naming each input."""
    return _loaded(RecordFormSchema(), form)


def load_source_form(form: Mapping[str, str]) -> dict[str, Any]:
    """The source fields of an import, or InvalidInput naming each field."""
    return _loaded(SourceFormSchema(), form)


def record_form_values(record: ParticipationRecord) -> dict[str, str]:
    """A stored record as its form holds it: text, counts by their inputs' names."""
    values = {
        "stage": record.stage,
        "body": record.body,
        "source_url": record.source_url,
        "source_title": record.source_title,
        "accessed_on": record.accessed_on.isoformat() if record.accessed_on else "",
        "note": record.note,
    }
    for dimension, by_category in record.counts.items():
        for category, number in by_category.items():
            values[count_name(dimension, category)] = str(number)
    return values


def _as_compared(name: str, value: str | None) -> str:
    value = (value or "").strip()
    if name in COUNT_NAMES and not value:
        return "0"
    return value


def every_field(values: Mapping[str, str]) -> dict[str, str]:
    """``values`` with every field of the record form, empty where none is given (as the
    values an edit form carries as loaded)."""
    return {name: values.get(name) or "" for name in RECORD_FIELDS}


def seen_values(form: dict[str, str]) -> dict[str, str] | None:
    """Take out of ``form`` the values the editor loaded (``seen.<field>``, carried by the
    edit form); None for a form without them all."""
    seen = {
        name.removeprefix(SEEN_PREFIX): form.pop(name)
        for name in list(form)
        if name.startswith(SEEN_PREFIX)
    }
    return seen if all(name in seen for name in RECORD_FIELDS) else None


@dataclass
class MergedEdit:
    """An edit of a record merged with what someone else saved since the editor loaded it.

    ``values`` is the form to show again: what the editor typed, and, in the fields they left
    as they found them, the stored value. ``taken`` names those fields that someone else
    changed; ``clashing`` the fields both changed differently, each with the stored value.
    """

    values: dict[str, str]
    taken: dict[str, str] = field(default_factory=dict)
    clashing: dict[str, str] = field(default_factory=dict)


def merged_with_stored(
    typed: Mapping[str, str], seen: Mapping[str, str] | None, stored: Mapping[str, str]
) -> MergedEdit:
    """Merge what the editor typed over the values they loaded (``seen``) with the record as
    stored now, field by field, so that saving again undoes no one's change unseen. An empty
    count and 0 are the same; without ``seen``, every field that differs clashes."""
    merged = MergedEdit(values=dict(typed))
    for name in RECORD_FIELDS:
        mine, now = _as_compared(name, typed.get(name)), _as_compared(name, stored.get(name))
        if mine == now:
            continue
        start = _as_compared(name, seen.get(name)) if seen is not None else None
        if mine == start:
            merged.values[name] = stored.get(name, "")
            merged.taken[name] = now
        elif start is None or now != start:
            merged.clashing[name] = now
    return merged
