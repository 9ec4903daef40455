"""Marshmallow schemas: rubric files in (``*FileSchema``), stored rubrics out (``*OutSchema``)."""

import re
from typing import Any, ClassVar

from marshmallow import Schema, ValidationError, fields, post_load, validate, validates
from marshmallow.experimental.context import Context

from assessor.rubrics.models import LEVEL_NAMES, RubricVersion
from assessor.rubrics.texts import rubric_text, text_language
from assessor.scoring.stages import STAGES, WHOLE_PROCESS
from assessor.validation import StrictSchema

KEY = r"^[a-z][a-z0-9_]*$"
SOURCE_ID = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
SEMANTIC_VERSION = r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$"
LANGUAGE_TAG = r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"
LEVEL_COUNT = 5


# The longest text each field may hold, in the rubric's language and in every translation.
TITLE_LENGTH = 200
SUMMARY_LENGTH = 4000
PROMPT_LENGTH = 2000
GUIDANCE_LENGTH = 4000
DESCRIPTOR_LENGTH = 2000


def _text(max_length: int, **kwargs) -> fields.String:
    """A required, non-blank string of bounded length."""
    return fields.String(
        required=True,
        validate=validate.Length(min=1, max=max_length, error="must be 1 to {max} characters"),
        **kwargs,
    )


def _summary() -> fields.String:
    return fields.String(load_default="", validate=validate.Length(max=SUMMARY_LENGTH))


def _not_blank(text: str) -> None:
    if not text.strip():
        raise ValidationError("must not be blank")


def _translated(max_length: int) -> fields.String:
    """A translated text: optional, but when given never blank and no longer than its source."""
    return fields.String(
        validate=[
            _not_blank,
            validate.Length(max=max_length, error="must be at most {max} characters"),
        ]
    )


def _language_tag(**kwargs) -> fields.String:
    return fields.String(
        validate=validate.Regexp(LANGUAGE_TAG, error="must be a language tag such as en"),
        **kwargs,
    )


def _weight() -> fields.Float:
    return fields.Float(
        required=True,
        allow_nan=False,
        validate=validate.Range(min=0, min_inclusive=False, error="must be a positive number"),
    )


class TitledTextSchema(StrictSchema):
    """A rubric's or a pillar's text in another language."""

    title = _translated(TITLE_LENGTH)
    summary = _translated(SUMMARY_LENGTH)


class QuestionTextSchema(StrictSchema):
    """A question's text in another language."""

    prompt = _translated(PROMPT_LENGTH)
    guidance = _translated(GUIDANCE_LENGTH)


class LevelTextSchema(StrictSchema):
    """A level descriptor in another language."""

    descriptor = _translated(DESCRIPTOR_LENGTH)


class Translations(fields.Field):
    """An item's text in other languages, ``{language: {field: text}}``, checked by language.

    Only text is translated: a key, weight, level or threshold given under a translation is
    refused with a reason, since it is the same in every language.
    """

    def __init__(self, text_schema: type[Schema], **kwargs) -> None:
        super().__init__(load_default=dict, **kwargs)
        self.text_schema = text_schema

    def _deserialize(self, value: Any, attr, data, **kwargs) -> dict[str, dict[str, str]]:
        if not isinstance(value, dict):
            raise ValidationError("must map each language tag to its text, such as fr: {...}")
        loaded, errors = {}, {}
        for key, text in value.items():
            language = str(key)
            if not re.match(LANGUAGE_TAG, language):
                errors[language] = ["must be a language tag such as fr"]
                continue
            try:
                loaded[language] = self.text_schema().load(text)
            except ValidationError as error:
                errors[language] = self._explained(error.messages)
        if errors:
            raise ValidationError(errors)
        return loaded

    def _explained(self, messages: Any) -> Any:
        """Say why a field of the item itself is refused under a translation."""
        if not isinstance(messages, dict):
            return messages
        shared = set(self.parent.fields) - set(self.text_schema().fields)
        return {
            name: ["is the same in every language: give it once, outside translations"]
            if name in shared
            else problem
            for name, problem in messages.items()
        }


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
    descriptor = _text(DESCRIPTOR_LENGTH)
    translations = Translations(LevelTextSchema)


class QuestionFileSchema(StrictSchema):
    key = fields.String(
        required=True,
        validate=validate.Regexp(
            r"^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$",
            error="must be <pillar key>.<name> in lowercase letters, digits and underscores",
        ),
    )
    prompt = _text(PROMPT_LENGTH)
    guidance = _text(GUIDANCE_LENGTH)
    translations = Translations(QuestionTextSchema)
    weight = _weight()
    evidence_threshold = fields.Integer(
        required=True,
        strict=True,
        validate=validate.Range(min=1, max=4, error="must be a level from 1 to 4"),
    )
    not_applicable_allowed = fields.Boolean(required=True)
    # Optional so that files written before stage tags keep their content hash.
    stages = fields.List(
        fields.String(
            validate=validate.OneOf(STAGES, error="must be one of: " + ", ".join(STAGES))
        ),
        validate=validate.Length(min=1, error="name at least one stage, or leave stages out"),
    )
    levels = fields.List(fields.Nested(LevelFileSchema), required=True)
    sources = fields.List(
        fields.Nested(CitationFileSchema),
        required=True,
        validate=validate.Length(min=1, error="cite at least one source"),
    )

    @validates("stages")
    def validate_stages(self, stages: list[str], data_key: str) -> None:
        if len(set(stages)) != len(stages):
            raise ValidationError("names a stage twice")
        if WHOLE_PROCESS in stages and len(stages) > 1:
            raise ValidationError(
                f"{WHOLE_PROCESS} spans every stage: give it alone, or name the stages instead"
            )
        if stages != sorted(stages, key=STAGES.index):
            raise ValidationError("list the stages in the order a process runs them")

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
    title = _text(TITLE_LENGTH)
    summary = _summary()
    translations = Translations(TitledTextSchema)
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
    title = _text(TITLE_LENGTH)
    language = _language_tag(required=True)
    # Every language the rubric is complete in; the loader checks that each one is.
    languages = fields.List(_language_tag())
    summary = _summary()
    translations = Translations(TitledTextSchema)
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

    @post_load
    def list_own_language_first(self, data: dict, **kwargs) -> dict:
        others = [
            language for language in data.get("languages", []) if language != data["language"]
        ]
        data["languages"] = [data["language"], *others]
        return data


class RubricTextArgsSchema(StrictSchema):
    """``?lang=``: the language wanted for a rubric's text; the rubric's own when it lacks it."""

    error_messages: ClassVar[dict[str, str]] = {"unknown": "Unknown parameter"}

    lang = _language_tag(
        metadata={
            "description": (
                "A language tag such as fr. The text is in that language when the rubric is "
                "complete in it (see `languages`), else in the rubric's own language; "
                "`language` says which."
            )
        }
    )


class RubricText(fields.String):
    """Rubric text in the language the dump is made in (``dump_in_language``), else its own."""

    def _serialize(self, value: Any, attr: str | None, obj: Any, **kwargs) -> str | None:
        language = Context.get(default={}).get("language")
        text = rubric_text(obj, attr, language) if language and attr else value
        return super()._serialize(text, attr, obj, **kwargs)


def dump_in_language(schema: Schema, rubric: Any, language: str | None) -> Any:
    """``schema``'s dump of a rubric (or of rubrics) with the text in ``language`` where it is.

    Without a language the text is the rubric's own, as it was written.
    """
    with Context({"language": language}):
        return schema.dump(rubric)


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
    # The English name in every language: clients key on it, so it never changes.
    name = fields.Function(lambda descriptor: LEVEL_NAMES[descriptor.level])
    descriptor = RubricText()


class QuestionOutSchema(Schema):
    key = fields.String()
    prompt = RubricText()
    guidance = RubricText()
    weight = fields.Float()
    evidence_threshold = fields.Integer()
    not_applicable_allowed = fields.Boolean()
    stages = fields.List(
        fields.String(),
        metadata={
            "description": (
                "The stages of a process the question concerns, in the order a process runs "
                "them: " + ", ".join(STAGES) + ". Empty in rubric versions without stage tags."
            )
        },
    )
    levels = fields.List(fields.Nested(LevelOutSchema))
    sources = fields.List(fields.Nested(CitationOutSchema), attribute="citations")


class PillarOutSchema(Schema):
    key = fields.String()
    title = RubricText()
    summary = RubricText()
    weight = fields.Float()
    questions = fields.List(fields.Nested(QuestionOutSchema))


class RubricSummaryOutSchema(Schema):
    slug = fields.String()
    version = fields.String()
    label = fields.String()
    title = RubricText()
    language = fields.Method(
        "language_of_text",
        metadata={
            "type": "string",
            "description": "The language the text is in: the one asked for, or the rubric's own.",
        },
    )
    languages = fields.List(
        fields.String(),
        metadata={
            "description": (
                "Every language the rubric is complete in; the first is the one it was "
                "written in, the others are translations."
            )
        },
    )
    summary = RubricText()
    content_hash = fields.String()
    loaded_at = fields.DateTime()
    question_count = fields.Method("count_questions")

    def language_of_text(self, rubric: RubricVersion) -> str:
        return text_language(rubric, Context.get(default={}).get("language") or rubric.language)

    def count_questions(self, rubric: RubricVersion) -> int:
        return sum(len(pillar.questions) for pillar in rubric.pillars)


class RubricOutSchema(RubricSummaryOutSchema):
    sources = fields.List(fields.Nested(SourceOutSchema))
    pillars = fields.List(fields.Nested(PillarOutSchema))
