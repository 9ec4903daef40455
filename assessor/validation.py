"""Shared validation: strict schemas, and errors named by flat field paths.

Rubric files, the API and forms all name a problem's place the same way, for example
``pillars[2].questions[0].levels``.
"""

import re
from collections.abc import Iterator
from typing import Any

from flask import abort, request
from marshmallow import EXCLUDE, RAISE, Schema, fields, pre_load, validate

from assessor.exceptions import InvalidInput
from assessor.languages.messages import N_

MAX_PER_PAGE = 100
DEFAULT_PER_PAGE = 20
# The largest value of an INTEGER column in PostgreSQL: a larger id or page names nothing, and
# sent to the database it would fail there instead of being refused here.
MAX_ID = 2**31 - 1


def row_id(**kwargs) -> fields.Integer:
    """An id field that refuses numbers no id column can hold."""
    return fields.Integer(
        validate=validate.Range(min=1, max=MAX_ID, error="must be an id from {min} to {max}"),
        **kwargs,
    )


def refuse_ids_out_of_range() -> None:
    """A route's ``<int:...>`` always names a row: past ``MAX_ID`` it names none (404)."""
    values = (request.view_args or {}).values()
    if any(isinstance(value, int) and value > MAX_ID for value in values):
        abort(404)


NUL_REFUSED = N_("Text may not contain the NUL character (\\u0000).")
SURROGATE_REFUSED = N_(
    "Text may not contain a lone surrogate (\\ud800 to \\udfff): it is not a character."
)
# What no stored text may hold: PostgreSQL refuses NUL in text, and a lone surrogate (which
# JSON can escape, and Python's JSON reader keeps) has no UTF-8 form for any database.
FORBIDDEN = {NUL_REFUSED: re.compile("\x00"), SURROGATE_REFUSED: re.compile("[\ud800-\udfff]")}


def shown_text(text: str) -> str:
    """``text`` with the characters no text may hold written as escapes, so an error can show it."""
    for pattern in FORBIDDEN.values():
        text = pattern.sub(lambda found: f"\\u{ord(found[0]):04x}", text)
    return text


def _json_texts(value: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """(path, text) of every string in a decoded JSON value, names of objects included."""
    if isinstance(value, str):
        yield path or "_", value
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _json_texts(item, f"{path}[{index}]")
    elif isinstance(value, dict):
        for name, item in value.items():
            child = f"{path}.{shown_text(name)}" if path else shown_text(name)
            yield child, name
            yield from _json_texts(item, child)


def _sent_texts() -> Iterator[tuple[str, str]]:
    """(field, text) of everything a request sends: query, path, form and JSON body."""
    if request.environ.get("QUERY_STRING"):
        for name, value in request.args.items(multi=True):
            yield shown_text(name), name + value
    for name, value in (request.view_args or {}).items():
        yield name, str(value)
    if request.content_length or "HTTP_TRANSFER_ENCODING" in request.environ:
        yield from _sent_body_texts()


def _sent_body_texts() -> Iterator[tuple[str, str]]:
    """(field, text) of a body's form fields or JSON; a request without a body has none."""
    if not request.path.startswith("/api/"):
        # The API reads JSON only (a form there is refused as 415), so its body stays unread.
        for name, value in request.form.items(multi=True):
            yield shown_text(name), name + value
    if request.is_json and request.get_data(cache=True):
        # Read strictly (json_bodies.py): a body no view could read is refused here, as 400.
        yield from _json_texts(request.get_json())


def refuse_forbidden_characters() -> None:
    """No stored text may hold NUL or a lone surrogate: refused by field before any view runs."""
    refused: dict[str, list[str]] = {}
    for path, text in _sent_texts():
        for message, pattern in FORBIDDEN.items():
            if pattern.search(text) and message not in refused.get(path, []):
                refused.setdefault(path, []).append(message)
    if refused:
        raise InvalidInput(refused)


class JsonBoolean(fields.Boolean):
    """JSON's true or false only: a client sending 1, "yes" or "on" has made a mistake."""

    def _deserialize(self, value, attr, data, **kwargs) -> bool:
        if not isinstance(value, bool):
            raise self.make_error("invalid")
        return value


class WholeNumber(fields.Integer):
    """A JSON integer: 3, or 3.0, which JSON Schema counts as one too; never true, 3.5 or "3"."""

    def __init__(self, **kwargs) -> None:
        super().__init__(strict=True, **kwargs)

    def _deserialize(self, value, attr, data, **kwargs) -> int:
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.make_error("invalid")
        return super()._deserialize(value, attr, data, **kwargs)


class StrictSchema(Schema):
    """Unknown fields are refused with a message, never dropped."""

    class Meta:
        unknown = RAISE


class FormSchema(Schema):
    """Empty strings mean "not given"; the CSRF token and buttons are not data."""

    class Meta:
        unknown = EXCLUDE

    @pre_load
    def drop_empty(self, data: dict, **kwargs) -> dict:
        return {key: value for key, value in data.items() if value != ""}


class PageArgsSchema(Schema):
    """``?page`` and ``?per_page`` of every list, bounded so no page is unbounded."""

    page = fields.Integer(
        load_default=1,
        validate=[
            validate.Range(min=1, error="must be 1 or more"),
            validate.Range(max=MAX_ID, error="must be at most {max}"),
        ],
    )
    per_page = fields.Integer(
        load_default=DEFAULT_PER_PAGE,
        validate=validate.Range(min=1, max=MAX_PER_PAGE, error="must be from 1 to {max}"),
    )


def error_pairs(errors: Any, path: str = "") -> list[tuple[str, str]]:
    """(path, message) pairs in the order marshmallow reported them."""
    if isinstance(errors, list | tuple):
        return [(path, str(message).rstrip(".")) for message in errors]
    if not isinstance(errors, dict):
        # One message: text, or a lazily translated message of a page's form.
        return [(path, str(errors).rstrip("."))]
    pairs = []
    for key, value in errors.items():
        if isinstance(key, int):
            child = f"{path}[{key}]"
        elif key == "_schema":
            child = path
        else:
            child = f"{path}.{key}" if path else str(key)
        pairs.extend(error_pairs(value, child))
    return pairs


def error_paths(errors: Any) -> dict[str, list[str]]:
    """Messages grouped by field path; a problem with the whole input sits under ``_``."""
    grouped: dict[str, list[str]] = {}
    for path, message in error_pairs(errors):
        grouped.setdefault(path or "_", []).append(message)
    return grouped
