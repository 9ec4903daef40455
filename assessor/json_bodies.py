"""JSON request bodies read strictly: one no view could use safely is refused (400) as a whole.

The rules are those of I-JSON (RFC 7493): no name twice in one object (which of the two a
reader keeps is anyone's guess) and only numbers a double holds (NaN and Infinity are not
JSON; JSON cannot write them back). Nesting is bounded, so that no reader of a body, the
parser included, runs out of stack. Lone surrogates, which I-JSON forbids too, are refused
by field with the other characters no text may hold (``validation.py``).
"""

import json
import math
from typing import Any

from flask import Request
from flask.json.provider import DefaultJSONProvider
from werkzeug.exceptions import BadRequest

from assessor.languages.messages import N_
from assessor.validation import shown_text

# Bodies the site reads are 4 levels deep at most; the bound leaves room and no more.
MAX_DEPTH = 32
# Python's own bound on reading a whole number from text (sys.get_int_max_str_digits).
MAX_DIGITS = 4300
TOO_DEEP = N_("JSON may be nested at most %(depth)s levels deep.", depth=MAX_DEPTH)
TOO_MANY_DIGITS = N_("A number may have at most %(digits)s digits.", digits=MAX_DIGITS)
TOO_LARGE = N_("A number is beyond the range of a double (about 1.8e308).")
NOT_JSON = N_("The body is not valid JSON.")


class UnreadableBody(ValueError):
    """JSON the site does not read; the message says why, in the client's own terms."""


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for name, value in pairs:
        if name in found:
            raise UnreadableBody(
                N_(
                    'The name "%(name)s" appears more than once in one object.',
                    name=shown_text(name),
                )
            )
        found[name] = value
    return found


def _integer(text: str) -> int:
    if len(text.lstrip("-")) > MAX_DIGITS:
        raise UnreadableBody(TOO_MANY_DIGITS)
    return int(text)


def _fraction(text: str) -> float:
    number = float(text)
    if math.isinf(number):
        raise UnreadableBody(TOO_LARGE)
    return number


def _constant(name: str) -> None:
    raise UnreadableBody(N_("%(name)s is not a JSON number.", name=name))


def _deeper_than(value: Any, bound: int) -> bool:
    """Whether lists and objects nest past ``bound`` levels (walked without recursion)."""
    pending = [(value, 1)]
    while pending:
        item, depth = pending.pop()
        if depth > bound:
            return True
        children = item.values() if isinstance(item, dict) else item
        pending.extend((child, depth + 1) for child in children if isinstance(child, list | dict))
    return False


def read_json(data: str | bytes, **options: Any) -> Any:
    """``data`` as JSON; ``UnreadableBody`` says what is refused."""
    strict = {
        "object_pairs_hook": _object,
        "parse_int": _integer,
        "parse_float": _fraction,
        "parse_constant": _constant,
    }
    try:
        value = json.loads(data, **{**strict, **options})
    except RecursionError:
        # Nested deeper than the parser's own stack allows: far past the bound.
        raise UnreadableBody(TOO_DEEP) from None
    if isinstance(value, list | dict) and _deeper_than(value, MAX_DEPTH):
        raise UnreadableBody(TOO_DEEP)
    return value


class StrictJSONProvider(DefaultJSONProvider):
    """Flask's JSON, read strictly: request bodies are read with it (and so is the session)."""

    def loads(self, s: str | bytes, **kwargs: Any) -> Any:
        return read_json(s, **kwargs)


class StrictJSONRequest(Request):
    """Flask's request, telling the client why its JSON body is refused."""

    def on_json_loading_failed(self, e: ValueError | None) -> Any:
        if e is None:  # not sent as JSON at all: Flask's 415
            return super().on_json_loading_failed(e)
        if isinstance(e, UnreadableBody):
            raise BadRequest(e.args[0]) from e
        if isinstance(e, json.JSONDecodeError):
            raise BadRequest(
                N_(
                    "The body is not valid JSON (line %(line)s, column %(column)s).",
                    line=e.lineno,
                    column=e.colno,
                )
            ) from e
        raise BadRequest(NOT_JSON) from e
