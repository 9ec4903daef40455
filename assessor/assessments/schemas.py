"""Schemas for assessments and answers: input separate from output."""

import re
from datetime import date
from typing import ClassVar

from marshmallow import (
    EXCLUDE,
    Schema,
    ValidationError,
    fields,
    post_load,
    validate,
    validates_schema,
)

from assessor.assessments.models import CHANGE_REASONS, AssessmentStatus
from assessor.languages.messages import N_
from assessor.languages.tags import LANGUAGE_TAG, MAX_LANGUAGE_TAG, known_language
from assessor.stakeholders import STAKEHOLDER_GROUPS
from assessor.users.schemas import UserSummarySchema
from assessor.validation import JsonBoolean, PageArgsSchema, StrictSchema, row_id

RUBRIC_LABEL = r"^[a-z0-9]+(?:-[a-z0-9]+)*@\d+\.\d+\.\d+$"
MAX_RATIONALE = 10_000
MAX_REPLY = 10_000
MAX_EVIDENCE_ITEMS = 20
MAX_URL = 2000
MAX_TITLE = 500
MAX_NOTE = 2000
MAX_DATE_TEXT = 40
WEB_ADDRESS = validate.URL(schemes={"http", "https"})
EVIDENCE_ROW_FIELDS = ("url", "title", "accessed_on", "note")
# An address typed without its scheme: a host with a dot, then perhaps a path ("example.org/a").
WEB_SCHEME = re.compile(r"^https?://", re.IGNORECASE)
BARE_ADDRESS = re.compile(r"^[^\s/?#@:]+\.[^\s/?#@:]+(?:[/?#]\S*)?$")

# What the answer schema can say: English in the API, translated by the questionnaire page.
# Written without a final full stop, which field messages do not carry.
ONE_KIND_NEEDED = N_(
    "Choose exactly one of: a level (0-4), not_applicable, insufficient_information"
)
LEVEL_RANGE = N_("must be a level from 0 to 4")
RATIONALE_TOO_LONG = N_("must be at most %(max)s characters", max=MAX_RATIONALE)
TOO_MANY_EVIDENCE_ITEMS = N_("at most %(max)s evidence items", max=MAX_EVIDENCE_ITEMS)
NOT_AN_ADDRESS = N_("must be an http or https address")
URL_TOO_LONG = N_("must be at most %(max)s characters", max=MAX_URL)
TITLE_TOO_LONG = N_("must be at most %(max)s characters", max=MAX_TITLE)
ADDRESS_NEEDED = N_("an address is required, such as https://example.org/report")
TITLE_NEEDED = N_("a title is required")
NOTE_TOO_LONG = N_("must be at most %(max)s characters", max=MAX_NOTE)
NOT_A_DATE = N_("must be a date, such as 2026-11-23")
NOT_A_LANGUAGE_TAG = N_("must be a language tag, such as en, fr or pt-BR")
VERSION_NEEDED = "give the stored answer's version: ?version=N"
ANSWER_SCHEMA_MESSAGES = (
    ONE_KIND_NEEDED,
    LEVEL_RANGE,
    RATIONALE_TOO_LONG,
    TOO_MANY_EVIDENCE_ITEMS,
    NOT_AN_ADDRESS,
    URL_TOO_LONG,
    TITLE_TOO_LONG,
    ADDRESS_NEEDED,
    TITLE_NEEDED,
    NOTE_TOO_LONG,
    NOT_A_DATE,
    NOT_A_LANGUAGE_TAG,
)


def _language_tag(tag: str) -> None:
    """One message however the tag is wrong: its shape, its length or an unknown language."""
    well_formed = len(tag) <= MAX_LANGUAGE_TAG and re.match(LANGUAGE_TAG, tag)
    if not well_formed or not known_language(tag):
        raise ValidationError(NOT_A_LANGUAGE_TAG)


def _one_of(choices, what: str) -> validate.OneOf:
    return validate.OneOf(choices, error=f"must be one of {', '.join(choices)}")


class EvidenceRowSchema(StrictSchema):
    """An evidence row as typed: text within its lengths, finished or not."""

    url = fields.String(load_default="", validate=validate.Length(max=MAX_URL, error=URL_TOO_LONG))
    title = fields.String(
        load_default="", validate=validate.Length(max=MAX_TITLE, error=TITLE_TOO_LONG)
    )
    accessed_on = fields.String(
        allow_none=True,
        load_default="",
        validate=validate.Length(max=MAX_DATE_TEXT, error=NOT_A_DATE),
        metadata={"description": "A date such as 2026-11-23; empty or null when not given."},
    )
    note = fields.String(
        load_default="", validate=validate.Length(max=MAX_NOTE, error=NOTE_TOO_LONG)
    )

    @post_load
    def tidied(self, row: dict, **kwargs) -> dict:
        """Trimmed, with ``https://`` before an address typed without its scheme."""
        row = {name: (value or "").strip() for name, value in row.items()}
        row["url"] = with_scheme(row["url"])
        return row


def with_scheme(url: str) -> str:
    """``url`` with ``https://`` in front when typed as a bare host and path, and its scheme
    in lower case (stored addresses start with http:// or https://, as the database checks)."""
    if BARE_ADDRESS.match(url):
        return f"https://{url}"
    scheme = WEB_SCHEME.match(url)
    return scheme[0].lower() + url[scheme.end() :] if scheme else url


def _is_web_address(url: str) -> bool:
    try:
        WEB_ADDRESS(url)
    except ValidationError:
        return False
    return True


def _is_date(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def evidence_row_problems(row: dict[str, str]) -> dict[str, list[str]]:
    """What a typed evidence row lacks to count as evidence, by field; empty when finished."""
    problems: dict[str, list[str]] = {}
    if not row["url"]:
        problems["url"] = [ADDRESS_NEEDED]
    elif not _is_web_address(row["url"]):
        problems["url"] = [NOT_AN_ADDRESS]
    if not row["title"]:
        problems["title"] = [TITLE_NEEDED]
    if row["accessed_on"] and not _is_date(row["accessed_on"]):
        problems["accessed_on"] = [NOT_A_DATE]
    return problems


def sorted_evidence(rows: list[dict[str, str]]) -> tuple[list[dict], list[dict]]:
    """The rows split into finished evidence and unfinished rows, each with its position."""
    finished, unfinished = [], []
    for position, row in enumerate(rows):
        if evidence_row_problems(row):
            unfinished.append({"position": position, **row})
        else:
            accessed_on = date.fromisoformat(row["accessed_on"]) if row["accessed_on"] else None
            finished.append({"position": position, **row, "accessed_on": accessed_on})
    return finished, unfinished


class AnswerInSchema(StrictSchema):
    class Meta(StrictSchema.Meta):
        # exactly_one_kind, said to the API's clients.
        json_schema: ClassVar[dict] = {
            "oneOf": [
                {"required": ["level"], "properties": {"level": {"type": "integer"}}},
                {"required": ["not_applicable"], "properties": {"not_applicable": {"const": True}}},
                {
                    "required": ["insufficient_information"],
                    "properties": {"insufficient_information": {"const": True}},
                },
            ]
        }

    level = fields.Integer(
        allow_none=True,
        load_default=None,
        strict=True,
        validate=validate.Range(min=0, max=4, error=LEVEL_RANGE),
    )
    not_applicable = JsonBoolean(load_default=False)
    insufficient_information = JsonBoolean(load_default=False)
    rationale = fields.String(
        load_default="",
        validate=validate.Length(max=MAX_RATIONALE, error=RATIONALE_TOO_LONG),
    )
    rationale_language = fields.String(
        allow_none=True,
        load_default=None,
        validate=_language_tag,
        metadata={
            "pattern": LANGUAGE_TAG,
            "maxLength": MAX_LANGUAGE_TAG,
            "description": "The language the rationale is written in (a BCP 47 tag). "
            "Left out, it is the request's language when the rationale changes, and stays as "
            "it was when it does not; an empty rationale has none.",
        },
    )
    evidence = fields.List(
        fields.Nested(EvidenceRowSchema),
        load_default=list,
        validate=validate.Length(max=MAX_EVIDENCE_ITEMS, error=TOO_MANY_EVIDENCE_ITEMS),
        metadata={
            "description": "Evidence rows in order. A row that is not finished (no title, an "
            "address that is not an http or https one, a date that is not one) is kept as "
            "sent, under unfinished_evidence, and named in problems: it blocks submission. "
            "An address typed without its scheme, such as example.org/report, gets https://."
        },
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

    @post_load
    def evidence_sorted(self, data: dict, **kwargs) -> dict:
        data["evidence"], data["unfinished_evidence"] = sorted_evidence(data["evidence"])
        return data


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
    status = fields.String(validate=_one_of(tuple(AssessmentStatus), "status"))
    rubric = fields.String(validate=validate.Regexp(RUBRIC_LABEL, error="must be <slug>@<version>"))
    perspective = fields.String(validate=_one_of(list(STAKEHOLDER_GROUPS), "group"))
    assessor_id = row_id()


class AnswerVersionArgsSchema(Schema):
    """``?version=`` of clearing an answer, so that no one clears an answer unseen."""

    class Meta:
        unknown = EXCLUDE

    version = fields.Integer(
        required=True,
        error_messages={"required": VERSION_NEEDED, "invalid": VERSION_NEEDED},
        metadata={"description": "The stored answer's version."},
    )


class ReturnSchema(StrictSchema):
    class Meta(StrictSchema.Meta):
        # some_comment, said to the API's clients.
        json_schema: ClassVar[dict] = {
            "anyOf": [
                {"required": ["comment"], "properties": {"comment": {"pattern": r"\S"}}},
                {"required": ["questions"], "properties": {"questions": {"minProperties": 1}}},
            ]
        }

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
    position = fields.Integer(
        metadata={"description": "The row's place among all the answer's evidence rows."}
    )
    url = fields.String()
    title = fields.String()
    accessed_on = fields.Date(allow_none=True)
    note = fields.String()


class UnfinishedEvidenceOutSchema(Schema):
    position = fields.Integer(
        metadata={"description": "The row's place among all the answer's evidence rows."}
    )
    url = fields.String()
    title = fields.String()
    accessed_on = fields.String(metadata={"description": "As typed; empty when not given."})
    note = fields.String()


class AnswerOutSchema(Schema):
    question_key = fields.String()
    level = fields.Integer(allow_none=True)
    not_applicable = fields.Boolean()
    insufficient_information = fields.Boolean()
    rationale = fields.String()
    rationale_language = fields.String(
        allow_none=True,
        metadata={"description": "The language the rationale is written in; null without one."},
    )
    change_reason = fields.String(allow_none=True)
    evidence = fields.List(fields.Nested(EvidenceOutSchema))
    unfinished_evidence = fields.List(
        fields.Nested(UnfinishedEvidenceOutSchema),
        metadata={
            "description": "Evidence rows kept as typed until finished; they are not "
            "evidence, and block submission (see problems)."
        },
    )
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
        validate=validate.Length(min=1, max=MAX_REPLY, error="must be 1 to {max} characters"),
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
