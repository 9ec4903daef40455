"""The language switch in every page's header: remembered in a cookie and the profile."""

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from flask import Blueprint, redirect, request

from assessor.db import db
from assessor.languages.cookie import remember_language
from assessor.languages.selection import supported
from assessor.security import safe_next
from assessor.users.current import signed_in_user

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
    user = signed_in_user()
    if user is not None and user.language != language:
        user.language = language
        db.session.commit()
    return response
