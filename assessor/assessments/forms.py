"""Form posts of the assessment pages, read by schemas like the API's input.

Browsers send every field as text and an empty field as "", so these schemas turn
empty strings into "not given" before the same rules as the API apply. Only people read
their messages, so these are translated (lazily: into the language of the request).
"""

from flask_babel import lazy_gettext as _l
from marshmallow import ValidationError, fields, pre_load, validate, validates_schema

from assessor.assessments.schemas import MAX_REPLY, RUBRIC_LABEL
from assessor.stakeholders import STAKEHOLDER_GROUPS
from assessor.validation import FormSchema

TOO_LONG = _l("write at most {max} characters")


class StartFormSchema(FormSchema):
    rubric = fields.String(
        required=True,
        validate=validate.Regexp(RUBRIC_LABEL, error=_l("choose a rubric version")),
        error_messages={"required": _l("choose a rubric version")},
    )
    perspective = fields.String(
        required=True,
        validate=validate.OneOf(list(STAKEHOLDER_GROUPS), error=_l("choose a stakeholder group")),
        error_messages={"required": _l("choose the stakeholder group you assess for")},
    )
    copy_from = fields.Integer(load_default=None)


class ReturnFormSchema(FormSchema):
    """An overall comment and ``comment-<question key>`` fields, gathered into ``questions``."""

    comment = fields.String(load_default="", validate=validate.Length(max=5000, error=TOO_LONG))
    questions = fields.Dict(
        keys=fields.String(),
        values=fields.String(validate=validate.Length(max=5000, error=TOO_LONG)),
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
            raise ValidationError(
                _l("say what needs changing, overall or on a question"), "comment"
            )


class WithdrawFormSchema(FormSchema):
    reason = fields.String(
        required=True,
        validate=validate.Length(
            min=1, max=2000, error=_l("give a public reason of 1 to {max} characters")
        ),
        error_messages={"required": _l("give the public reason for withdrawing")},
    )
    # Withdrawing is public: the form asks for it to be confirmed with a checkbox.
    confirm = fields.String(
        required=True,
        validate=validate.Equal(
            "yes", error=_l("tick the box to confirm that the withdrawal is public")
        ),
        error_messages={"required": _l("tick the box to confirm that the withdrawal is public")},
    )


class ReplyFormSchema(FormSchema):
    body = fields.String(
        required=True,
        validate=validate.Length(
            min=1, max=MAX_REPLY, error=_l("write a reply of 1 to {max} characters")
        ),
        error_messages={"required": _l("write the process's reply")},
    )
