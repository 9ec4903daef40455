"""Marshmallow schemas: rubric files in (``*FileSchema``), stored rubrics out (``*OutSchema``)."""

from marshmallow import Schema, ValidationError, fields, validate, validates

from assessor.rubrics.models import LEVEL_NAMES
from assessor.validation import StrictSchema

KEY = r"^[a-z][a-z0-9_]*$"
SOURCE_ID = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
SEMANTIC_VERSION = r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$"
LEVEL_COUNT = 5


def _text(max_length: int, **kwargs) -> fields.String:
    """A required, non-blank string of bounded length."""
    return fields.String(
        required=True,
        validate=validate.Length(min=1, max=max_length, error="must be 1 to {max} characters"),
        **kwargs,
    )


def _weight() -> fields.Float:
    return fields.Float(
        required=True,
        allow_nan=False,
        validate=validate.Range(min=0, min_inclusive=False, error="must be a positive number"),
    )


class SourceFileSchema(StrictSchema):
    id = fields.String(
        required=True,
        validate=validate.Regexp(SOURCE_ID, error="must be lowercase letters, digits and hyphens"),
    )
    title = _text(400)
    issuer = _text(200)
    date = _text(80)
    url = fields.Url(schemes={"http", "https"}, validate=validate.Length(max=2000))


class CitationFileSchema(StrictSchema):
    source = fields.String(required=True)
    locator = _text(400)


class LevelFileSchema(StrictSchema):
    level = fields.Integer(required=True, strict=True)
    descriptor = _text(2000)


class QuestionFileSchema(StrictSchema):
    key = fields.String(
        required=True,
        validate=validate.Regexp(
            r"^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$",
            error="must be <pillar key>.<name> in lowercase letters, digits and underscores",
        ),
    )
    prompt = _text(2000)
    guidance = _text(4000)
    weight = _weight()
    evidence_threshold = fields.Integer(
        required=True,
        strict=True,
        validate=validate.Range(min=1, max=4, error="must be a level from 1 to 4"),
    )
    not_applicable_allowed = fields.Boolean(required=True)
    levels = fields.List(fields.Nested(LevelFileSchema), required=True)
    sources = fields.List(
        fields.Nested(CitationFileSchema),
        required=True,
        validate=validate.Length(min=1, error="cite at least one source"),
    )

    @validates("levels")
    def validate_levels(self, levels: list[dict], data_key: str) -> None:
        if len(levels) != LEVEL_COUNT:
            raise ValidationError(f"expected {LEVEL_COUNT} levels (0-4), got {len(levels)}")
        found = [level["level"] for level in levels]
        if found != list(range(LEVEL_COUNT)):
            listed = ", ".join(str(level) for level in found)
            raise ValidationError(f"levels must be listed in order 0, 1, 2, 3, 4; got {listed}")


class PillarFileSchema(StrictSchema):
    key = fields.String(
        required=True,
        validate=validate.Regexp(KEY, error="must be lowercase letters, digits and underscores"),
    )
    title = _text(200)
    summary = fields.String(load_default="", validate=validate.Length(max=4000))
    weight = _weight()
    questions = fields.List(
        fields.Nested(QuestionFileSchema),
        required=True,
        validate=validate.Length(min=1, error="a pillar needs at least one question"),
    )


class RubricFileSchema(StrictSchema):
    slug = fields.String(
        required=True,
        validate=validate.Regexp(SOURCE_ID, error="must be lowercase letters, digits and hyphens"),
    )
    version = fields.String(
        required=True,
        validate=validate.Regexp(
            SEMANTIC_VERSION, error="must be a semantic version such as 1.0.0"
        ),
    )
    title = _text(200)
    language = fields.String(
        required=True,
        validate=validate.Regexp(
            r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$", error="must be a language tag such as en"
        ),
    )
    summary = fields.String(load_default="", validate=validate.Length(max=4000))
    sources = fields.List(
        fields.Nested(SourceFileSchema),
        required=True,
        validate=validate.Length(min=1, error="define at least one source"),
    )
    pillars = fields.List(
        fields.Nested(PillarFileSchema),
        required=True,
        validate=validate.Length(min=1, error="a rubric needs at least one pillar"),
    )


class SourceOutSchema(Schema):
    id = fields.String(attribute="ident")
    title = fields.String()
    issuer = fields.String()
    date = fields.String(attribute="issued")
    url = fields.String(allow_none=True)


class CitationOutSchema(Schema):
    source = fields.String(attribute="source.ident")
    locator = fields.String()


class LevelOutSchema(Schema):
    level = fields.Integer()
    name = fields.Function(lambda descriptor: LEVEL_NAMES[descriptor.level])
    descriptor = fields.String()


class QuestionOutSchema(Schema):
    key = fields.String()
    prompt = fields.String()
    guidance = fields.String()
    weight = fields.Float()
    evidence_threshold = fields.Integer()
    not_applicable_allowed = fields.Boolean()
    levels = fields.List(fields.Nested(LevelOutSchema))
    sources = fields.List(fields.Nested(CitationOutSchema), attribute="citations")


class PillarOutSchema(Schema):
    key = fields.String()
    title = fields.String()
    summary = fields.String()
    weight = fields.Float()
    questions = fields.List(fields.Nested(QuestionOutSchema))


class RubricSummaryOutSchema(Schema):
    slug = fields.String()
    version = fields.String()
    label = fields.String()
    title = fields.String()
    language = fields.String()
    summary = fields.String()
    content_hash = fields.String()
    loaded_at = fields.DateTime()
    question_count = fields.Method("count_questions")

    def count_questions(self, rubric) -> int:
        return sum(len(pillar.questions) for pillar in rubric.pillars)


class RubricOutSchema(RubricSummaryOutSchema):
    sources = fields.List(fields.Nested(SourceOutSchema))
    pillars = fields.List(fields.Nested(PillarOutSchema))
