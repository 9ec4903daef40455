"""Shared validation: strict schemas, and errors named by flat field paths.

Rubric files, the API and forms all name a problem's place the same way, for example
``pillars[2].questions[0].levels``.
"""

from typing import Any

from flask import abort, request
from marshmallow import RAISE, Schema, fields, validate

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


NUL = "\x00"
NUL_REFUSED = N_("Text may not contain the NUL character (\\u0000).")


def _nul_paths(value: Any, path: str = "") -> list[str]:
    """Where in a decoded JSON value a string holds NUL (keys count too)."""
    if isinstance(value, str):
        return [path or "_"] if NUL in value else []
    if isinstance(value, list):
        return [p for index, item in enumerate(value) for p in _nul_paths(item, f"{path}[{index}]")]
    if isinstance(value, dict):
        found = []
        for key, item in value.items():
            child = f"{path}.{key}" if path else str(key)
            found += [child] if NUL in str(key) else _nul_paths(item, child)
        return found
    return []


def refuse_nul_characters() -> None:
    """No stored text may hold NUL: PostgreSQL refuses it, so it is refused here, by field."""
    found = [name for name, value in request.args.items(multi=True) if NUL in name + value]
    if not request.path.startswith("/api/"):
        # The API reads JSON only (a form there is refused as 415), so its body stays unread.
        found += [name for name, value in request.form.items(multi=True) if NUL in name + value]
    found += [name for name, value in (request.view_args or {}).items() if NUL in str(value)]
    if request.is_json:
        found += _nul_paths(request.get_json(silent=True))
    if found:
        raise InvalidInput({path: [NUL_REFUSED] for path in found})


class StrictSchema(Schema):
    """Unknown fields are refused with a message, never dropped."""

    class Meta:
        unknown = RAISE


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
