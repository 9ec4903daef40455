"""Reading API requests: JSON bodies and query strings through schemas, and pagination."""

from typing import Any

from flask import request, url_for
from marshmallow import Schema, ValidationError
from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session
from werkzeug.exceptions import UnsupportedMediaType

from assessor.api.openapi.declaration import declared_operation, schema_instance
from assessor.exceptions import InvalidInput
from assessor.validation import error_paths


def json_body() -> dict[str, Any]:
    """The request's JSON body loaded by the body schema its operation declares; an empty body
    counts as ``{}``.

    A body that is not JSON the site reads was refused before the view (json_bodies.py).
    """
    if not request.get_data(cache=True):
        raw: Any = {}
    elif request.mimetype != "application/json":
        raise UnsupportedMediaType("Send JSON with Content-Type: application/json.")
    else:
        raw = request.get_json()
    return _loaded(declared_operation().body, raw)


def query_args() -> dict[str, Any]:
    """The query string loaded by the query schema its operation declares."""
    return _loaded(declared_operation().query, request.args.to_dict())


def _loaded(schema: type[Schema] | Schema, raw: Any) -> dict[str, Any]:
    try:
        return schema_instance(schema).load(raw)
    except ValidationError as error:
        raise InvalidInput(error_paths(error.messages)) from None


def _page_link(page: int, per_page: int) -> str:
    arguments = {**request.view_args, **request.args.to_dict(), "page": page, "per_page": per_page}
    return url_for(request.endpoint, _external=False, **arguments)


def paginate(session: Session, statement: Select, page: int, per_page: int) -> dict[str, Any]:
    """One page of ``statement``'s rows with the total and links to neighbouring pages.

    The statement must have a total order (ending with a unique column) so pages are stable.
    """
    total = session.scalar(select(func.count()).select_from(statement.order_by(None).subquery()))
    items = list(session.scalars(statement.limit(per_page).offset((page - 1) * per_page)))
    last = max(1, -(-total // per_page))
    links = {
        "self": _page_link(page, per_page),
        "first": _page_link(1, per_page),
        "last": _page_link(last, per_page),
    }
    if page > 1:
        links["prev"] = _page_link(min(page - 1, last), per_page)
    if page < last:
        links["next"] = _page_link(page + 1, per_page)
    return {
        "items": items,
        "page": page,
        "per_page": per_page,
        "total": total,
        "pages": last,
        "links": links,
    }
