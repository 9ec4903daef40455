"""What /compare reads from its query string, and the comparison it gives back.

The document schemas dump the unrounded comparison that the page and the PDF render (their
filters round for display); the JSON schemas round like the API: scores to 2 decimals, shares
to 4.
"""

import re
from collections.abc import Mapping
from typing import Any

from flask import url_for
from flask_babel import lazy_gettext as _l
from marshmallow import Schema, ValidationError, fields, validate
from werkzeug.datastructures import MultiDict

from assessor.comparisons.service import MAX_SCORECARDS, MIN_SCORECARDS
from assessor.participation.categories import STAGES as PARTICIPATION_STAGES
from assessor.presentation.fields import fraction_field, score_field
from assessor.processes.models import LAYERS, SCOPES
from assessor.rubrics.schemas import RubricTextArgsSchema
from assessor.stakeholders import STAKEHOLDER_GROUPS
from assessor.validation import MAX_ID, FormSchema, error_paths, row_id

SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
# Ten digits reach past MAX_ID, so every id is checked against it rather than cut short.
ID_TEXT = re.compile(r"[0-9]{1,10}")
API_IDS = re.compile(r"[0-9]{1,10}(?:,[0-9]{1,10})*")
IDS_MESSAGE = _l("must be scorecard ids separated by commas, such as 3,8,15")
# Enough for MAX_SCORECARDS ids of ten digits and their commas.
MAX_IDS_LENGTH = MAX_SCORECARDS * 11
TOO_LONG = _l("must be at most {max} characters")
# Years a scorecard can have been published in.
YEARS = validate.Range(min=2000, max=2999, error=_l("must be a year such as 2026"))


class IdList(fields.Field):
    """Scorecard ids separated by commas ("3,8,15"), each once, in the order first given."""

    def _deserialize(self, value: Any, attr, data, **kwargs) -> list[int]:
        if not isinstance(value, str) or len(value) > MAX_IDS_LENGTH:
            raise ValidationError(IDS_MESSAGE)
        parts = [part.strip() for part in value.split(",") if part.strip()]
        if not all(ID_TEXT.fullmatch(part) for part in parts):
            raise ValidationError(IDS_MESSAGE)
        ids = [int(part) for part in parts]
        if any(not 1 <= assessment_id <= MAX_ID for assessment_id in ids):
            raise ValidationError(_l("each id must be from 1 to %(max)s", max=MAX_ID))
        return list(dict.fromkeys(ids))


def _one_of(choices) -> fields.String:
    return fields.String(validate=validate.OneOf(choices, error=_l("must be one of: {choices}")))


class CompareArgsSchema(FormSchema):
    """/compare's query string: the chosen ids, a baseline, and the picker's form and filters.

    The picker's form sends each ticked scorecard as ``id``; the view turns them into ``ids``.
    """

    ids = IdList(
        load_default=list,
        validate=validate.Length(
            max=MAX_SCORECARDS, error=_l("choose at most %(max)s scorecards", max=MAX_SCORECARDS)
        ),
    )
    baseline = row_id()
    pick = fields.Boolean(load_default=False)
    id = fields.List(row_id(), load_default=list)
    action = _one_of(("compare", "search"))
    goto = fields.Integer(validate=validate.Range(min=1, max=MAX_ID))
    q = fields.String(validate=validate.Length(max=200, error=TOO_LONG))
    rubric = fields.String(validate=validate.Regexp(SLUG, error=_l("must be a rubric's slug")))
    organization = fields.String(validate=validate.Length(max=300, error=TOO_LONG))
    scope = _one_of(SCOPES)
    layer = _one_of(LAYERS)
    perspective = _one_of(STAKEHOLDER_GROUPS)
    year = fields.Integer(validate=YEARS)
    page = fields.Integer(load_default=1, validate=validate.Range(min=1, max=MAX_ID))


class ApiIdList(IdList):
    """Ids as the API takes them: digits separated by single commas, nothing else."""

    def _deserialize(self, value: Any, attr, data, **kwargs) -> list[int]:
        if not isinstance(value, str) or not API_IDS.fullmatch(value):
            raise ValidationError(IDS_MESSAGE)
        return super()._deserialize(value, attr, data, **kwargs)


class ComparisonArgsSchema(RubricTextArgsSchema):
    """The API's comparison: which scorecards, against which baseline, rubric text in which
    language."""

    ids = ApiIdList(
        required=True,
        metadata={
            "type": "string",
            "pattern": API_IDS.pattern.join("^$"),
            "maxLength": MAX_IDS_LENGTH,
            "description": (
                f"The ids of {MIN_SCORECARDS} to {MAX_SCORECARDS} published (or withdrawn) "
                "scorecards of one rubric, separated by commas, such as 3,8,15; each column "
                "in the order given."
            ),
        },
    )
    baseline = row_id(
        metadata={
            "description": "One of `ids`: its column comes first and the others carry `delta`."
        }
    )


FILTERS = ("q", "rubric", "organization", "scope", "layer", "perspective", "year")
QUERY_LABELS = {
    "ids": _l("Scorecards"),
    "id": _l("Scorecards"),
    "baseline": _l("Baseline"),
    "q": _l("Process name"),
    "rubric": _l("Rubric"),
    "organization": _l("Organization"),
    "scope": _l("Scope"),
    "layer": _l("Layer"),
    "perspective": _l("Perspective"),
    "year": _l("Year published"),
    "page": _l("Page"),
}


def load_compare_args(args: MultiDict) -> tuple[dict[str, Any], dict[str, list[str]]]:
    """The arguments, and what was refused; refused arguments are left out of the first."""
    data = {key: args.getlist(key) if key == "id" else args.get(key) for key in args}
    schema = CompareArgsSchema()
    try:
        return schema.load(data), {}
    except ValidationError as error:
        refused = error.messages
    # Each field is checked on its own, so without the refused ones the load succeeds.
    usable = {key: value for key, value in data.items() if key not in refused}
    return schema.load(usable), error_paths(refused)


def filter_args(args: Mapping[str, Any]) -> dict[str, Any]:
    """The filters given, as query parameters for links that keep them."""
    return {name: args[name] for name in FILTERS if args.get(name) not in (None, "")}


# The comparison as the page and the PDF render it: unrounded.


class DocumentProcessSchema(Schema):
    id = fields.Integer()
    name = fields.String()
    organization = fields.String()


class DocumentScorecardSchema(Schema):
    assessment_id = fields.Integer()
    status = fields.String()
    process = fields.Nested(DocumentProcessSchema)
    perspective = fields.String()
    perspective_label = fields.String()
    assessor = fields.String()
    published_at = fields.DateTime()
    withdrawn_at = fields.DateTime(allow_none=True)
    rubric_version = fields.String()
    label = fields.String()


class DocumentRangeSchema(Schema):
    low = fields.Float(allow_none=True)
    high = fields.Float(allow_none=True)


class DocumentCellSchema(Schema):
    assessment_id = fields.Integer()
    value = fields.Float(allow_none=True)
    score_range = fields.Nested(DocumentRangeSchema, allow_none=True)
    information_coverage = fields.Float(allow_none=True)
    band = fields.String(allow_none=True)
    best = fields.Boolean()
    delta = fields.Float(allow_none=True)


class DocumentRowSchema(Schema):
    measure = fields.String()
    key = fields.String()
    label = fields.String()
    kind = fields.String()
    cells = fields.List(fields.Nested(DocumentCellSchema))


class QuestionCellSchema(Schema):
    assessment_id = fields.Integer()
    number = fields.String(
        metadata={
            "description": "The question's number in this scorecard's rubric version, which "
            "may differ from the row's when versions are compared."
        }
    )
    status = fields.String()
    level = fields.Integer(allow_none=True)
    level_name = fields.String(allow_none=True)


class DocumentQuestionCellSchema(QuestionCellSchema):
    score = fields.Float(allow_none=True)


class DocumentQuestionSchema(Schema):
    number = fields.String(
        metadata={"description": "The question's number in the newest rubric version compared."}
    )
    key = fields.String()
    prompt = fields.String()
    level_spread = fields.Integer(allow_none=True)
    unknowns = fields.Integer()
    cells = fields.List(fields.Nested(DocumentQuestionCellSchema))


class DocumentStageCellSchema(Schema):
    pillar_key = fields.String()
    questions = fields.Integer()
    score = fields.Float(allow_none=True)
    score_range = fields.Nested(DocumentRangeSchema, allow_none=True)
    information_coverage = fields.Float(allow_none=True)
    falls_below_earlier = fields.Boolean()


class DocumentStageRowSchema(DocumentStageCellSchema):
    class Meta:
        exclude = ("pillar_key",)

    stage = fields.String()
    cells = fields.List(fields.Nested(DocumentStageCellSchema))


class DocumentStageBlockSchema(Schema):
    assessment_id = fields.Integer()
    rubric_version = fields.String()
    stage_tags = fields.Boolean()
    rows = fields.List(fields.Nested(DocumentStageRowSchema))


class DocumentParticipationStageSchema(Schema):
    stage = fields.String(metadata={"enum": list(PARTICIPATION_STAGES)})
    participants = fields.Integer(allow_none=True)
    stakeholder_balance = fields.Float(allow_none=True)
    regional_balance = fields.Float(allow_none=True)
    gender_parity = fields.Float(allow_none=True)
    developing = fields.Float(allow_none=True)
    least_developed = fields.Float(allow_none=True)


class DocumentParticipationBlockSchema(Schema):
    assessment_id = fields.Integer()
    counted = fields.Boolean()
    stages = fields.List(fields.Nested(DocumentParticipationStageSchema))


class NotComparablePillarSchema(Schema):
    key = fields.String()
    title = fields.String()


class NotComparableQuestionSchema(Schema):
    key = fields.String()
    prompt = fields.String()


class NotComparableSchema(Schema):
    """What one rubric version has that another compared lacks."""

    version = fields.String()
    pillars = fields.List(fields.Nested(NotComparablePillarSchema))
    questions = fields.List(fields.Nested(NotComparableQuestionSchema))


class ComparisonRubricSchema(Schema):
    slug = fields.String()
    title = fields.String()
    language = fields.String()
    text_language = fields.String()
    versions = fields.List(fields.String())


class PillarKeySchema(Schema):
    key = fields.String()
    title = fields.String()


class ComparisonDocumentSchema(Schema):
    """Exactly what the comparison page and its PDF show."""

    rubric = fields.Nested(ComparisonRubricSchema)
    method_version = fields.String()
    baseline_id = fields.Integer(allow_none=True)
    scorecards = fields.List(fields.Nested(DocumentScorecardSchema))
    pillars = fields.List(fields.Nested(PillarKeySchema))
    rows = fields.List(fields.Nested(DocumentRowSchema))
    questions = fields.List(fields.Nested(DocumentQuestionSchema))
    stages = fields.List(fields.Nested(DocumentStageBlockSchema))
    participation = fields.List(fields.Nested(DocumentParticipationBlockSchema))
    not_comparable = fields.List(fields.Nested(NotComparableSchema))


# The comparison as JSON: rounded like the API.


class ComparedScorecardSchema(DocumentScorecardSchema):
    url = fields.Function(
        lambda scorecard: url_for(
            "scorecards.page", assessment_id=scorecard["assessment_id"], _external=True
        )
    )
    api_url = fields.Function(
        lambda scorecard: url_for(
            "api.assessments.scorecard", assessment_id=scorecard["assessment_id"], _external=True
        )
    )


class ComparisonRangeSchema(DocumentRangeSchema):
    low = score_field("low")
    high = score_field("high")


class ComparisonScoreCellSchema(DocumentCellSchema):
    value = score_field("value")
    score_range = fields.Nested(ComparisonRangeSchema)
    information_coverage = score_field("information_coverage")
    delta = score_field("delta")


class ComparisonShareCellSchema(DocumentCellSchema):
    class Meta:
        exclude = ("score_range", "information_coverage")

    value = fraction_field("value")
    delta = fraction_field("delta")


class ComparisonRowSchema(DocumentRowSchema):
    cells = fields.Method(
        "_cells",
        metadata={
            "description": (
                "One cell per scorecard, in the order of `scorecards`: `value`, `band`, `best` "
                "and `delta`; in rows of kind `score` also `score_range` ({low, high}: low is "
                "the score, high the score with every unknown met) and `information_coverage` "
                "(0-100)."
            )
        },
    )

    def _cells(self, row: dict[str, Any]) -> list[dict[str, Any]]:
        schema = ComparisonShareCellSchema if row["kind"] == "share" else ComparisonScoreCellSchema
        return schema(many=True).dump(row["cells"])


class ComparisonQuestionCellSchema(QuestionCellSchema):
    score = score_field("score")


class ComparisonQuestionSchema(DocumentQuestionSchema):
    cells = fields.List(fields.Nested(ComparisonQuestionCellSchema))


class ComparisonStageCellSchema(DocumentStageCellSchema):
    score = score_field("score")
    score_range = fields.Nested(ComparisonRangeSchema, allow_none=True)
    information_coverage = score_field("information_coverage")


class ComparisonStageRowSchema(DocumentStageRowSchema):
    score = score_field("score")
    score_range = fields.Nested(ComparisonRangeSchema, allow_none=True)
    information_coverage = score_field("information_coverage")
    cells = fields.List(fields.Nested(ComparisonStageCellSchema))


class ComparisonStageBlockSchema(DocumentStageBlockSchema):
    rows = fields.List(fields.Nested(ComparisonStageRowSchema))


class ComparisonParticipationStageSchema(DocumentParticipationStageSchema):
    """A stage's indices as the API rounds figures (four decimals); null where the stage, or
    the dimension an index needs, was not counted."""

    stakeholder_balance = fraction_field("stakeholder_balance")
    regional_balance = fraction_field("regional_balance")
    gender_parity = fraction_field("gender_parity")
    developing = fraction_field("developing")
    least_developed = fraction_field("least_developed")


class ComparisonParticipationBlockSchema(DocumentParticipationBlockSchema):
    stages = fields.List(fields.Nested(ComparisonParticipationStageSchema))


class ComparisonSchema(ComparisonDocumentSchema):
    """The comparison as /compare.json gives it."""

    scorecards = fields.List(fields.Nested(ComparedScorecardSchema))
    rows = fields.List(fields.Nested(ComparisonRowSchema))
    questions = fields.List(fields.Nested(ComparisonQuestionSchema))
    stages = fields.List(fields.Nested(ComparisonStageBlockSchema))
    participation = fields.List(
        fields.Nested(ComparisonParticipationBlockSchema),
        metadata={
            "description": "Per scorecard, the balance indices at each stage of the participation "
            "counts it was published beside (docs/participation.md)."
        },
    )
