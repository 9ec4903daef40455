"""Messages that services write in English and pages show in the reader's language.

The API answers programs, in English; a page shows the same refusal to a person, translated.
A service marks such a message with ``N_``: it stays an ordinary English string for the API
and for logs, and it remembers its template and values, so that ``translated`` can look the
template up in the catalogue when a page shows it. ``N_`` is one of the names the catalogue
extraction looks for.
"""

from collections.abc import Iterable, Mapping

from flask_babel import gettext


class Message(str):
    """English text that remembers the template and values it was made from."""

    template: str
    params: dict

    def __new__(cls, template: str, **params) -> "Message":
        message = super().__new__(cls, template % params if params else template)
        message.template = template
        message.params = params
        return message


def N_(template: str, **params) -> Message:
    """``template`` (with ``%(name)s`` values) in English, marked for translation where shown.

    A value that is itself a ``Message`` (a status, a role) is translated along with it.
    """
    return Message(template, **params)


def translated(message: object) -> str:
    """``message`` in the reader's language when the catalogue has it, else as it is."""
    if not isinstance(message, str):
        return str(message)  # already translated, such as a lazy label
    if isinstance(message, Message):
        params = {
            name: translated(value) if isinstance(value, Message) else value
            for name, value in message.params.items()
        }
        return gettext(message.template, **params)
    # The empty msgid is the catalogue's header, never a message.
    return gettext(message) if message else message


def translated_fields(fields: Mapping[str, Iterable[str]]) -> dict[str, list[str]]:
    """Messages keyed by field path, each translated (for the field errors of a page)."""
    return {
        path: [translated(message) for message in messages] for path, messages in fields.items()
    }
