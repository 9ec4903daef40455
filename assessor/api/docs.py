"""The API's documentation: the OpenAPI document for tools, and a page for people."""

from flask import Blueprint, current_app, render_template

from assessor.api.openapi import Operation, openapi_document
from assessor.api.openapi.page import operations_by_tag, refusals
from assessor.public_pages import public_page
from assessor.validation import DEFAULT_PER_PAGE, MAX_PER_PAGE

# /api/v1/openapi.json, registered under the API blueprint like every other resource.
blueprint = Blueprint("docs", __name__)
# /api, outside /api/v1: a page for browsers, with the site's HTML errors.
guide = Blueprint("api_guide", __name__)


@blueprint.get("/openapi.json")
@Operation(
    tag="documentation",
    returns="The OpenAPI document.",
    response={"type": "object"},
)
def openapi():
    """This document.

    The OpenAPI 3.1 description of every operation, as JSON.
    """
    return openapi_document(current_app)


@guide.get("/api")
@public_page
def index():
    document = openapi_document(current_app)
    return render_template(
        "api/index.html",
        groups=operations_by_tag(document),
        refusals=refusals(document),
        default_per_page=DEFAULT_PER_PAGE,
        max_per_page=MAX_PER_PAGE,
        sign_in_limit=current_app.config["SIGN_IN_RATE_LIMIT"],
    )
