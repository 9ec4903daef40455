"""Form posts of the assessment pages, read by schemas like the API's input.

Browsers send every field as text and an empty field as "", so these schemas turn
empty strings into "not given" before the same rules as the API apply.
"""

from marshmallow import (
    EXCLUDE,
    Schema,
    ValidationError,
    fields,
    pre_load,
    validate,
    validates_schema,
)

from assessor.assessments.schemas import RUBRIC_LABEL
from assessor.stakeholders import STAKEHOLDER_GROUPS


class FormSchema(Schema):
    """Empty strings mean "not given"; the CSRF token and buttons are not data."""

    class Meta:
        unknown = EXCLUDE

    @pre_load
    def drop_empty(self, data: dict, **kwargs) -> dict:
        return {key: value for key, value in data.items() if value != ""}


class StartFormSchema(FormSchema):
    rubric = fields.String(
        required=True,
        validate=validate.Regexp(RUBRIC_LABEL, error="choose a rubric version"),
        error_messages={"required": "choose a rubric version"},
    )
    perspective = fields.String(
        required=True,
        validate=validate.OneOf(list(STAKEHOLDER_GROUPS), error="choose a stakeholder group"),
        error_messages={"required": "choose the stakeholder group you assess for"},
    )
    copy_from = fields.Integer(load_default=None)


class ReturnFormSchema(FormSchema):
    """An overall comment and ``comment-<question key>`` fields, gathered into ``questions``."""

    comment = fields.String(load_default="", validate=validate.Length(max=5000))
    questions = fields.Dict(
        keys=fields.String(), values=fields.String(validate=validate.Length(max=5000))
    )

    @pre_load
    def gather_question_comments(self, data: dict, **kwargs) -> dict:
        questions = {
            key.removeprefix("comment-"): value.strip()
            for key, value in data.items()
            if key.startswith("comment-") and value.strip()
        }
        return {"comment": data.get("comment", ""), "questions": questions}

    @validates_schema
    def some_comment(self, data: dict, **kwargs) -> None:
        if not data["comment"].strip() and not data["questions"]:
            raise ValidationError("say what needs changing, overall or on a question", "comment")


class WithdrawFormSchema(FormSchema):
    reason = fields.String(
        required=True,
        validate=validate.Length(
            min=1, max=2000, error="give a public reason of 1 to {max} characters"
        ),
        error_messages={"required": "give the public reason for withdrawing"},
    )


class ReplyFormSchema(FormSchema):
    body = fields.String(
        required=True,
        validate=validate.Length(min=1, max=10_000, error="write a reply of 1 to {max} characters"),
        error_messages={"required": "write the process's reply"},
    )
