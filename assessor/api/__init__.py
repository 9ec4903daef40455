"""The JSON API under /api/v1: the same services as the pages, for scripts and other tools."""

from flask import Blueprint, Flask

from assessor.api import (
    assessments,
    audit_events,
    comparisons,
    docs,
    participation,
    processes,
    rubrics,
    tokens,
)
from assessor.api.auth import identify_caller
from assessor.extensions import csrf

RESOURCES = (
    tokens.blueprint,
    assessments.blueprint,
    rubrics.blueprint,
    processes.blueprint,
    participation.blueprint,
    comparisons.blueprint,
    audit_events.blueprint,
    docs.blueprint,
)

blueprint = Blueprint("api", __name__, url_prefix="/api/v1")
blueprint.before_request(identify_caller)
for resource in RESOURCES:
    blueprint.register_blueprint(resource)


def register_api(app: Flask) -> None:
    # Token callers send no cookies, so CSRF cannot apply to them; session callers are checked
    # in identify_caller instead. Flask-WTF checks the innermost blueprint, so each is exempt.
    for resource in (blueprint, *RESOURCES):
        csrf.exempt(resource)
    app.register_blueprint(blueprint)
    app.register_blueprint(docs.guide)
