"""What a view declares of its operation, once: the document is built from it, and the view
loads its body and query string with the schemas it names."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from flask import current_app, request
from marshmallow import Schema

View = TypeVar("View", bound=Callable[..., Any])
SchemaLike = type[Schema] | Schema


@dataclass(frozen=True)
class Operation:
    """A view's operation beyond its route; decorate the view with it.

    The view's docstring is the operation's summary (first line) and description. 400, 413,
    415 and 422 follow from a body, 422 from a query, 400 from any method that changes data,
    401 from the token check every call passes, 404 from an id in the path. ``refusals`` are
    the other statuses its service can answer with. ``rules`` are those the schemas cannot
    state, refused with 422: the description says them. ``upload`` is the media type of a file
    sent as the body in place of JSON, with the same refusals as a body.
    """

    tag: str
    returns: str
    response: SchemaLike | dict[str, Any] | None  # None: no body (204)
    status: int = 200
    body: SchemaLike | None = None
    query: SchemaLike | None = None
    auth: str = "optional"
    refusals: tuple[int, ...] = ()
    conflict: str | None = None
    location: str | None = None
    rules: tuple[str, ...] = ()
    # The media type of a file sent whole as the body, such as text/csv: read by the view
    # itself, its other inputs in the query string.
    upload: str | None = None

    def __call__(self, view: View) -> View:
        """Declare this operation as ``view``'s."""
        view.operation = self
        return view


def declared_operation() -> Operation:
    """The operation of the view serving this request."""
    return current_app.view_functions[request.endpoint].operation


def schema_instance(schema: SchemaLike) -> Schema:
    """The schema to load with: declared as a class, or as an instance with its options."""
    return schema() if isinstance(schema, type) else schema
