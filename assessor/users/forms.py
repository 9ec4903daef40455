"""Form posts of the account and user-admin pages, read by schemas like the API's input.

A browser sends every field as text, one value per name except for checkboxes, and leaves
out unticked checkboxes; ``read_form`` turns that into what the schemas load, and keeps
what was sent so that a page with errors can show it again. Only people read their
messages, so these are translated (lazily: into the language of the request).
"""

from dataclasses import dataclass, field
from typing import Any

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from marshmallow import Schema, ValidationError, fields, validate, validates_schema
from werkzeug.datastructures import MultiDict

from assessor.languages.selection import supported
from assessor.stakeholders import STAKEHOLDER_GROUPS
from assessor.users.models import ROLES
from assessor.users.service import MAX_DISPLAY_NAME_LENGTH, MIN_PASSWORD_LENGTH
from assessor.validation import error_pairs

MAX_PASSWORD_LENGTH = 1000


class Trimmed(fields.String):
    """Text without the spaces a person may type around it by accident."""

    def _deserialize(self, value, attr, data, **kwargs) -> str:
        return super()._deserialize(value, attr, data, **kwargs).strip()


class StakeholderGroup(fields.String):
    """A stakeholder group key; the select's empty option means "not stated" (None)."""

    def __init__(self, **kwargs) -> None:
        super().__init__(
            load_default=None,
            validate=validate.OneOf(
                [None, *STAKEHOLDER_GROUPS],
                error=_l("choose a group from the list, or not stated"),
            ),
            **kwargs,
        )

    def _deserialize(self, value, attr, data, **kwargs) -> str | None:
        return super()._deserialize(value, attr, data, **kwargs) or None


def display_name_field() -> Trimmed:
    """The name shown to others, as the profile and the admin forms ask for it."""
    return Trimmed(
        required=True,
        validate=validate.Length(
            min=1, max=MAX_DISPLAY_NAME_LENGTH, error=_l("enter a name of 1 to {max} characters")
        ),
        error_messages={"required": _l("enter a name")},
    )


def new_password_field(too_short, too_long, missing) -> fields.String:
    """A password being chosen: long enough to resist guessing, short enough to hash quickly.

    The messages name the password, whole sentences for translators.
    """
    return fields.String(
        required=True,
        validate=[
            validate.Length(min=MIN_PASSWORD_LENGTH, error=too_short),
            validate.Length(max=MAX_PASSWORD_LENGTH, error=too_long),
        ],
        error_messages={"required": missing},
    )


def roles_field() -> fields.List:
    """The ticked role boxes: at least one, so every account can do something."""
    return fields.List(
        fields.String(validate=validate.OneOf(ROLES, error=_l("choose roles from the list"))),
        validate=validate.Length(min=1, error=_l("choose at least one role")),
    )


class SignInForm(Schema):
    email = Trimmed(
        required=True,
        validate=validate.Length(min=1, max=254, error=_l("enter your email address")),
        error_messages={"required": _l("enter your email address")},
    )
    password = fields.String(
        required=True,
        validate=validate.Length(min=1, max=MAX_PASSWORD_LENGTH, error=_l("enter your password")),
        error_messages={"required": _l("enter your password")},
    )
    next = fields.String(load_default="/")
    remember = fields.Boolean(load_default=False)


class InterfaceLanguage(fields.String):
    """A language of the interface; the empty option means "same as my browser" (None).

    Left out of a post, the language stays as it is.
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(validate=self.offered, **kwargs)

    @staticmethod
    def offered(language: str | None) -> None:
        if language is not None and not supported(language):
            raise ValidationError(_("choose a language from the list"))

    def _deserialize(self, value, attr, data, **kwargs) -> str | None:
        return super()._deserialize(value, attr, data, **kwargs) or None


class ProfileForm(Schema):
    display_name = display_name_field()
    stakeholder_group = StakeholderGroup()
    language = InterfaceLanguage()


class PasswordForm(Schema):
    current_password = fields.String(
        required=True,
        validate=validate.Length(min=1, error=_l("enter your current password")),
        error_messages={"required": _l("enter your current password")},
    )
    new_password = new_password_field(
        too_short=_l("the new password must have at least {min} characters"),
        too_long=_l("the new password must have at most {max} characters"),
        missing=_l("enter the new password"),
    )
    new_password_again = fields.String(
        required=True, error_messages={"required": _l("enter the new password again")}
    )

    @validates_schema
    def new_passwords_match(self, data: dict, **kwargs) -> None:
        if data["new_password"] != data["new_password_again"]:
            raise ValidationError(_("the two new passwords differ"), "new_password_again")


class TokenForm(Schema):
    name = Trimmed(
        required=True,
        validate=validate.Length(min=1, max=100, error=_l("enter a name of 1 to {max} characters")),
        error_messages={"required": _l("enter a name for the token")},
    )


class NewUserForm(Schema):
    email = Trimmed(
        required=True,
        validate=[
            validate.Email(error=_l("enter an email address, such as name@example.org")),
            validate.Length(max=254, error=_l("an email address has at most {max} characters")),
        ],
        error_messages={"required": _l("enter an email address")},
    )
    display_name = display_name_field()
    stakeholder_group = StakeholderGroup()
    roles = roles_field()
    password = new_password_field(
        too_short=_l("the initial password must have at least {min} characters"),
        too_long=_l("the initial password must have at most {max} characters"),
        missing=_l("enter the initial password"),
    )


class UserEditForm(Schema):
    display_name = display_name_field()
    stakeholder_group = StakeholderGroup()
    roles = roles_field()


class UserSearchForm(Schema):
    q = Trimmed(load_default="", validate=validate.Length(max=254))
    page = fields.Integer(
        load_default=1, validate=validate.Range(min=1, error=_l("must be 1 or more"))
    )


@dataclass
class FormPost:
    """A form post: what was sent, the loaded data when valid, and messages keyed by field."""

    values: dict[str, Any]
    data: dict[str, Any] = field(default_factory=dict)
    errors: dict[str, list[str]] = field(default_factory=dict)


def sent_values(schema: Schema, form: MultiDict) -> dict[str, Any]:
    """The schema's fields as sent: every value of a list field (none when all unticked)."""
    return {
        name: form.getlist(name) if isinstance(declared, fields.List) else form[name]
        for name, declared in schema.fields.items()
        if name in form or isinstance(declared, fields.List)
    }


def read_form(schema: Schema, form: MultiDict) -> FormPost:
    """Load a form post with ``schema``; errors are keyed by field name, ``_`` for the form."""
    values = sent_values(schema, form)
    try:
        return FormPost(values, data=schema.load(values))
    except ValidationError as error:
        return FormPost(values, errors=messages_by_field(error.messages))


def messages_by_field(messages: Any) -> dict[str, list[str]]:
    """Messages grouped by the form field they concern (``roles[1]`` concerns ``roles``)."""
    grouped: dict[str, list[str]] = {}
    for path, message in error_pairs(messages):
        grouped.setdefault(path.split("[")[0] or "_", []).append(message)
    return grouped
