"""Every error handler: HTML pages for browsers, JSON ``{"errors": ...}`` for /api/."""

from flask import Flask, Response, current_app, render_template, request
from flask_wtf.csrf import CSRFError
from sqlalchemy.orm.exc import StaleDataError
from werkzeug.exceptions import HTTPException, InternalServerError, SecurityError

from assessor.db import db
from assessor.exceptions import Conflict, InvalidInput, NotAuthenticated, ServiceError
from assessor.languages.messages import N_, translated
from assessor.public_pages import served_publicly

# What a person is told; never the exception's own text, which can leak internals.
# English in the API's JSON, translated on pages.
MESSAGES = {
    400: N_("The request could not be understood."),
    401: N_("Please sign in first."),
    403: N_("You are not allowed to do that."),
    404: N_("There is nothing here. The address may be mistyped, or the page may have moved."),
    405: N_("That method is not allowed here."),
    409: N_("That conflicts with the current state."),
    413: N_("The request is too large."),
    415: N_("That content type is not supported here."),
    422: N_("Some of what was sent is not valid."),
    429: N_("Too many requests. Please wait a moment and try again."),
    500: N_("Something went wrong on our side. It has been logged; please try again later."),
}
EXPIRED_FORM = N_(
    "The form has expired or is missing its security token. Reload the page and try again."
)
CONCURRENT_CHANGE = N_("Someone else changed this at the same time. Reload it and try again.")


def wants_json() -> bool:
    return request.path.startswith("/api/")


def error_response(status: int, message: str | None = None) -> tuple[Response | str, int]:
    """The error in the form the client expects: JSON for the API, a page otherwise."""
    text = message or MESSAGES.get(status, MESSAGES[500])
    if wants_json():
        return {"errors": {"_": [text]}}, status
    return render_template("errors/error.html", status=status, message=translated(text)), status


def handle_http_exception(error: HTTPException):
    if error.code is None or error.code >= 500:
        return handle_unexpected_error(error)
    # Only a description the app wrote itself is shown; werkzeug's stock ones say little and
    # the rate limiter's name its internal limits.
    own_description = error.description != type(error).description and error.code != 429
    if error.code == 404 and not own_description and not wants_json():
        # The same for every anonymous reader of this address: kept like a public page.
        return served_publicly(lambda: error_response(404), found=False)
    body, status = error_response(error.code, error.description if own_description else None)
    # The exception's own headers hold for the response made here: a 405's Allow, a 429's
    # Retry-After, a 401's WWW-Authenticate.
    headers = [(name, value) for name, value in error.get_headers() if name != "Content-Type"]
    return body, status, headers


def handle_untrusted_host(error: SecurityError) -> Response:
    """A Host the site does not answer to (TRUSTED_HOSTS): no page, whose links would need
    the host, just the status."""
    return Response("400 Bad Request: unknown host\n", 400, mimetype="text/plain")


def handle_service_error(error: ServiceError):
    db.session.rollback()
    if not wants_json():
        if isinstance(error, InvalidInput):
            details = "; ".join(
                f"{path}: {' '.join(translated(message) for message in messages)}"
                for path, messages in error.fields.items()
            )
            return error_response(error.status, f"{translated(error.message)} {details}")
        return error_response(error.status, error.message)
    if isinstance(error, InvalidInput):
        return {"errors": error.fields}, error.status
    body = {"errors": {"_": [error.message]}}
    if isinstance(error, Conflict):
        body.update(error.details)
    if isinstance(error, NotAuthenticated):
        # A 401 names the scheme that would be accepted (RFC 9110, 15.5.2).
        return body, error.status, {"WWW-Authenticate": "Bearer"}
    return body, error.status


def handle_concurrent_change(error: StaleDataError):
    """Two writers raced on one row: the later one is told, and nothing is overwritten."""
    return handle_service_error(Conflict(CONCURRENT_CHANGE))


def handle_csrf_error(error: CSRFError):
    return error_response(400, EXPIRED_FORM)


def handle_unexpected_error(error: Exception):
    db.session.rollback()
    original = getattr(error, "original_exception", None) or error
    if not isinstance(original, InternalServerError):
        current_app.logger.error("unhandled error", exc_info=original)
    return error_response(500)


def register_error_handlers(app: Flask) -> None:
    app.register_error_handler(CSRFError, handle_csrf_error)
    app.register_error_handler(SecurityError, handle_untrusted_host)
    app.register_error_handler(ServiceError, handle_service_error)
    app.register_error_handler(StaleDataError, handle_concurrent_change)
    app.register_error_handler(HTTPException, handle_http_exception)
    app.register_error_handler(Exception, handle_unexpected_error)
