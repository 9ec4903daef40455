"""The language switch in every page's header: remembered in a cookie and the profile."""

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from flask import Blueprint, redirect, request
from flask_login import current_user

from assessor.db import db
from assessor.languages.cookie import remember_language
from assessor.languages.selection import supported
from assessor.security import safe_next

blueprint = Blueprint("languages", __name__)


def without_language_parameter(target: str) -> str:
    """``target`` without ``lang=``, which would otherwise outrank the choice just made."""
    parts = urlsplit(target)
    query = [(name, value) for name, value in parse_qsl(parts.query) if name != "lang"]
    return urlunsplit(parts._replace(query=urlencode(query)))


@blueprint.post("/language")
def choose():
    """Switch the interface language and go back to the page the switch was used on."""
    language = request.form.get("language", "")
    response = redirect(without_language_parameter(safe_next(request.form.get("next", "/"))))
    if not supported(language):
        return response
    remember_language(response, language)
    # Languages sit below users: the signed-in user is read from Flask-Login, not users.current.
    if current_user.is_authenticated and current_user.language != language:
        current_user.language = language
        db.session.commit()
    return response
