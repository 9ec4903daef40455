"""The cookie that remembers the interface language of a browser, signed in or not."""

from flask import Response, current_app

LANGUAGE_COOKIE = "language"
LANGUAGE_COOKIE_MAX_AGE = 365 * 24 * 3600


def remember_language(response: Response, language: str) -> Response:
    response.set_cookie(
        LANGUAGE_COOKIE,
        language,
        max_age=LANGUAGE_COOKIE_MAX_AGE,
        secure=current_app.config.get("SESSION_COOKIE_SECURE", False),
        httponly=True,
        samesite="Lax",
    )
    return response


def forget_language(response: Response) -> Response:
    """Back to the browser's own languages (Accept-Language)."""
    response.delete_cookie(
        LANGUAGE_COOKIE,
        secure=current_app.config.get("SESSION_COOKIE_SECURE", False),
        httponly=True,
        samesite="Lax",
    )
    return response
