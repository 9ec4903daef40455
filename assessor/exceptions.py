"""What a service can refuse, independent of how the refusal reaches a person.

errors.py turns each into an HTML page or a JSON error with the right status.
"""

from typing import Any

from assessor.languages.messages import N_


class ServiceError(Exception):
    """A request the service refuses; ``message`` is safe to show to the user.

    Written with ``N_``, the message is English for the API and translated on pages.
    """

    status = 400

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotAuthenticated(ServiceError):
    status = 401


class NotAllowed(ServiceError):
    """The user is known and may see the object, but may not do this to it."""

    status = 403


class NotVisible(ServiceError):
    """Unknown, or not visible to this user: both look the same from outside."""

    status = 404

    def __init__(self, message: str = N_("There is nothing here.")) -> None:
        super().__init__(message)


class Conflict(ServiceError):
    """The current state forbids this (a stale version, a transition not allowed now).

    ``details`` are plain data added to the JSON body beside the message, such as the
    stored answer that a stale save would have overwritten.
    """

    status = 409

    def __init__(self, message: str, **details: Any) -> None:
        super().__init__(message)
        self.details = details


class InvalidInput(ServiceError):
    """Input that fails validation, with messages keyed by field path."""

    status = 422

    def __init__(self, fields: dict[str, list[str]]) -> None:
        super().__init__(N_("Some of what was sent is not valid."))
        self.fields = fields
