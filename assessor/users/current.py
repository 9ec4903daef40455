"""The signed-in user of a request, in the one form the services take."""

from flask_login import current_user

from assessor.users.models import User


def signed_in_user() -> User | None:
    """The browser's signed-in user, or None for an anonymous visitor.

    The model itself rather than Flask-Login's proxy of it, so that services can store it,
    compare it and relate rows to it.
    """
    return current_user._get_current_object() if current_user.is_authenticated else None
