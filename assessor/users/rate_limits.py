"""Rate-limit keys shared by every way of signing in: the sign-in form and the token API."""

from flask import request

from assessor.users.service import normalise_email


def _sent_fields() -> object:
    """The JSON body or the form fields, leaving the body readable for the view."""
    if request.is_json:
        return request.get_json(silent=True)
    # Parsing a form consumes the body unless it was cached first; the API reads it raw.
    request.get_data(cache=True)
    return request.form


def sign_in_account_key() -> str:
    """Key of the account a sign-in names, so one account is not guessed at from many addresses."""
    sent = _sent_fields()
    email = sent.get("email") if isinstance(sent, dict) else None
    return f"account:{normalise_email(email)}" if isinstance(email, str) else "account:none"
