"""Schemas of the API's own bodies: refusals, and answers a view assembles from several."""

from flask import url_for
from marshmallow import Schema, fields

from assessor.assessments.schemas import AnswerOutSchema, AssessmentSummarySchema
from assessor.participation.schemas import ParticipationRecordSchema
from assessor.processes.schemas import (
    ProcessDetailOutSchema,
    ProcessLinkSchema,
    ProcessPageOutSchema,
)
from assessor.rubrics.schemas import RubricSummaryOutSchema
from assessor.scorecards.schemas import ConsolidationSchema


class AnyOf(fields.Raw):
    """A value that is one of several schemas' dumps; the document refers to each."""

    def __init__(self, *schemas: type[Schema], **kwargs) -> None:
        super().__init__(**kwargs)
        self.schemas = schemas


class ErrorSchema(Schema):
    """The body of every refusal."""

    errors = fields.Dict(
        keys=fields.String(),
        values=fields.List(fields.String()),
        required=True,
        metadata={"description": "Messages by field path; `_` is the request as a whole."},
    )


class ConflictSchema(ErrorSchema):
    """A refusal because of the current state, with what the client needs to resolve it."""

    current = AnyOf(
        AnswerOutSchema,
        ProcessDetailOutSchema,
        ParticipationRecordSchema,
        allow_none=True,
        metadata={
            "description": (
                "Saving an answer: the answer as stored now (null: none). Changing a process: "
                "the process as it is now. Changing, publishing or withdrawing a participation "
                "record: the record as it is now."
            )
        },
    )
    problems = fields.Dict(
        keys=fields.String(),
        values=fields.List(fields.String()),
        metadata={"description": "Submitting: what each question still lacks, by its key."},
    )
    revision_id = fields.Integer(
        metadata={"description": "Revising: the revision already open; continue with it."}
    )
    duplicates = fields.List(
        fields.Nested(ProcessLinkSchema),
        metadata={
            "description": (
                "Describing a process: those already described with its name and convening "
                "organization."
            )
        },
    )


class AnswerSavedSchema(AnswerOutSchema):
    """A saved answer, with what it still lacks before the assessment can be submitted."""

    problems = fields.Dict(
        keys=fields.String(),
        values=fields.List(fields.String()),
        metadata={"description": "Messages by field (rationale, evidence); empty when ready."},
    )


class AssessmentPageSchema(ProcessPageOutSchema):
    """One page of the assessment list, counted and linked as every list is."""

    items = fields.List(fields.Nested(AssessmentSummarySchema))


class RubricListItemSchema(RubricSummaryOutSchema):
    """A rubric version in the list, with the address of its full content."""

    url = fields.Function(
        lambda rubric: url_for("api.rubrics.detail", slug=rubric.slug, version=rubric.version)
    )


class RubricListSchema(Schema):
    """Every loaded rubric version."""

    items = fields.List(fields.Nested(RubricListItemSchema))


class ProcessConsolidationSchema(ConsolidationSchema):
    """The consolidation of a process's published assessments on one rubric version."""

    process_id = fields.Integer()
    rubric = fields.String()
    method_version = fields.String()


class ParticipationRecordListSchema(Schema):
    """Participation records of a process."""

    items = fields.List(fields.Nested(ParticipationRecordSchema))


class WithdrawnRecordSchema(Schema):
    """A withdrawn participation record; null where a draft never published was deleted."""

    record = fields.Nested(ParticipationRecordSchema, allow_none=True)
