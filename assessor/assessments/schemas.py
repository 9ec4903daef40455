"""Schemas for assessments and answers: input separate from output."""

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from assessor.assessments.models import CHANGE_REASONS, STATUSES
from assessor.stakeholders import STAKEHOLDER_GROUPS
from assessor.users.schemas import UserSummarySchema
from assessor.validation import PageArgsSchema, StrictSchema, row_id

RUBRIC_LABEL = r"^[a-z0-9]+(?:-[a-z0-9]+)*@\d+\.\d+\.\d+$"
MAX_RATIONALE = 10_000
MAX_EVIDENCE_ITEMS = 20
ONE_KIND_NEEDED = "Choose exactly one of: a level (0-4), not_applicable, insufficient_information."


def _one_of(choices, what: str) -> validate.OneOf:
    return validate.OneOf(choices, error=f"must be one of {', '.join(choices)}")


class EvidenceInSchema(StrictSchema):
    url = fields.Url(
        required=True,
        schemes={"http", "https"},
        validate=validate.Length(max=2000, error="must be at most {max} characters"),
        error_messages={"invalid": "must be an http or https address"},
    )
    title = fields.String(
        required=True,
        validate=validate.Length(min=1, max=500, error="must be 1 to {max} characters"),
    )
    accessed_on = fields.Date(allow_none=True, load_default=None)
    note = fields.String(load_default="", validate=validate.Length(max=2000))


class AnswerInSchema(StrictSchema):
    level = fields.Integer(
        allow_none=True,
        load_default=None,
        strict=True,
        validate=validate.Range(min=0, max=4, error="must be a level from 0 to 4"),
    )
    not_applicable = fields.Boolean(load_default=False)
    insufficient_information = fields.Boolean(load_default=False)
    rationale = fields.String(
        load_default="",
        validate=validate.Length(max=MAX_RATIONALE, error="must be at most {max} characters"),
    )
    evidence = fields.List(
        fields.Nested(EvidenceInSchema),
        load_default=list,
        validate=validate.Length(max=MAX_EVIDENCE_ITEMS, error="at most {max} evidence items"),
    )
    change_reason = fields.String(
        allow_none=True, load_default=None, validate=_one_of(CHANGE_REASONS, "reason")
    )
    version = fields.Integer(allow_none=True, load_default=None, strict=True)

    @validates_schema
    def exactly_one_kind(self, data: dict, **kwargs) -> None:
        chosen = [
            data.get("level") is not None,
            data.get("not_applicable"),
            data.get("insufficient_information"),
        ]
        if sum(bool(flag) for flag in chosen) != 1:
            raise ValidationError(ONE_KIND_NEEDED, field_name="_schema")


class AssessmentCreateSchema(StrictSchema):
    process_id = row_id(required=True, strict=True)
    rubric = fields.String(
        required=True,
        validate=validate.Regexp(
            RUBRIC_LABEL, error="must be <slug>@<version>, such as wsis10-multistakeholder@1.0.0"
        ),
    )
    perspective = fields.String(
        load_default=None, validate=_one_of(list(STAKEHOLDER_GROUPS), "group")
    )


class AssessmentListArgsSchema(PageArgsSchema, StrictSchema):
    process_id = row_id()
    status = fields.String(validate=_one_of(STATUSES, "status"))
    rubric = fields.String(validate=validate.Regexp(RUBRIC_LABEL, error="must be <slug>@<version>"))
    perspective = fields.String(validate=_one_of(list(STAKEHOLDER_GROUPS), "group"))
    assessor_id = row_id()


class ReturnSchema(StrictSchema):
    comment = fields.String(load_default="", validate=validate.Length(max=5000))
    questions = fields.Dict(
        keys=fields.String(),
        values=fields.String(validate=validate.Length(min=1, max=5000)),
        load_default=dict,
    )

    @validates_schema
    def some_comment(self, data: dict, **kwargs) -> None:
        if not data.get("comment", "").strip() and not data.get("questions"):
            raise ValidationError(
                "Say what needs changing: an overall comment or one per question.", "comment"
            )


class WithdrawSchema(StrictSchema):
    reason = fields.String(
        required=True,
        validate=validate.Length(
            min=1, max=2000, error="give a public reason of 1 to {max} characters"
        ),
    )


class EmptySchema(StrictSchema):
    """Transitions that take no input still refuse unexpected fields."""


class EvidenceOutSchema(Schema):
    url = fields.String()
    title = fields.String()
    accessed_on = fields.Date(allow_none=True)
    note = fields.String()


class AnswerOutSchema(Schema):
    question_key = fields.String()
    level = fields.Integer(allow_none=True)
    not_applicable = fields.Boolean()
    insufficient_information = fields.Boolean()
    rationale = fields.String()
    change_reason = fields.String(allow_none=True)
    evidence = fields.List(fields.Nested(EvidenceOutSchema))
    version = fields.Integer(attribute="row_version")
    updated_at = fields.DateTime()
    updated_by = fields.Nested(UserSummarySchema, allow_none=True)


class ReviewCommentOutSchema(Schema):
    id = fields.Integer()
    question_key = fields.String(allow_none=True)
    body = fields.String()
    author = fields.Nested(UserSummarySchema, allow_none=True)
    created_at = fields.DateTime()
    resolved_at = fields.DateTime(allow_none=True)


class AssessmentSummarySchema(Schema):
    id = fields.Integer()
    process = fields.Function(lambda a: {"id": a.process.id, "name": a.process.name})
    rubric = fields.String(attribute="rubric.label")
    perspective = fields.String()
    status = fields.String()
    version = fields.Integer(attribute="row_version")
    assessor = fields.Nested(UserSummarySchema)
    created_at = fields.DateTime()
    submitted_at = fields.DateTime(allow_none=True)
    published_at = fields.DateTime(allow_none=True)
    withdrawn_at = fields.DateTime(allow_none=True)
    withdrawal_reason = fields.String(allow_none=True)
    revises_id = fields.Integer(allow_none=True)


class ReplyInSchema(StrictSchema):
    body = fields.String(
        required=True,
        validate=validate.Length(min=1, max=10_000, error="must be 1 to {max} characters"),
    )


class ReplyOutSchema(Schema):
    id = fields.Integer()
    body = fields.String()
    author = fields.Nested(UserSummarySchema, allow_none=True)
    created_at = fields.DateTime()


class AssessmentOutSchema(AssessmentSummarySchema):
    answers = fields.List(fields.Nested(AnswerOutSchema))
    comments = fields.List(fields.Nested(ReviewCommentOutSchema))
    replies = fields.List(fields.Nested(ReplyOutSchema))
