"""Schemas for users and API tokens."""

from marshmallow import Schema, fields, validate

from assessor.stakeholders import stakeholder_label
from assessor.validation import StrictSchema


class TokenRequestSchema(StrictSchema):
    email = fields.String(required=True, validate=validate.Length(min=3, max=254))
    password = fields.String(required=True, validate=validate.Length(min=1, max=1000))
    name = fields.String(
        required=True,
        validate=validate.Length(min=1, max=100, error="must be 1 to {max} characters"),
    )


class TokenCreatedSchema(Schema):
    id = fields.Integer()
    name = fields.String()
    token = fields.String()
    created_at = fields.DateTime()


class UserSummarySchema(Schema):
    id = fields.Integer()
    display_name = fields.String()


class UserOutSchema(Schema):
    """A user as the profile and admin pages show them; never the password hash."""

    id = fields.Integer()
    email = fields.String()
    display_name = fields.String()
    stakeholder_group = fields.String(allow_none=True)
    stakeholder_label = fields.Function(lambda user: stakeholder_label(user.stakeholder_group))
    language = fields.String(allow_none=True)
    roles = fields.Function(lambda user: sorted(user.roles))
    active = fields.Boolean()
    created_at = fields.DateTime()


class TokenSummarySchema(Schema):
    """A live token as its owner sees it listed: never the token or its hash."""

    id = fields.Integer()
    name = fields.String()
    created_at = fields.DateTime()
    last_used_at = fields.DateTime(allow_none=True)
