"""The scorecard document's schemas, with the API's projection of it, and the API's consolidation:
the API sends scores to 2 decimals and shares to 4; pages and PDFs format them for the reader."""

from marshmallow import EXCLUDE, Schema, fields, validate

from assessor.assessments.schemas import RUBRIC_LABEL
from assessor.participation.categories import STAGES as PARTICIPATION_STAGES
from assessor.presentation.fields import (
    fraction_field,
    information_coverage_field,
    score_field,
    score_range_field,
)
from assessor.scoring import STAGES
from assessor.validation import MAX_ID, StrictSchema


class ScorecardProcessSchema(Schema):
    """The process as the scorecard shows it: as described in the version of its record the
    assessment was published against (as it is now, before publication)."""

    id = fields.Integer()
    version = fields.Integer(
        allow_none=True,
        metadata={"description": "The version of the process's record; null before publication."},
    )
    name = fields.String()
    convening_organization = fields.String()
    description = fields.String()
    public_url = fields.String(allow_none=True)
    scope = fields.String()
    layer = fields.String()
    starts_on = fields.Date(allow_none=True)
    ends_on = fields.Date(allow_none=True)
    changed_since_publication = fields.List(
        fields.String(),
        metadata={"description": "The fields of the process's record changed since publication."},
    )


class ConsolidatedPillarSchema(Schema):
    key = fields.String()
    score = score_field("score")
    score_range = score_range_field()
    information_coverage = information_coverage_field()
    band = fields.String(allow_none=True)
    alpha = fraction_field("alpha")
    exact_agreement = fraction_field("exact_agreement")


class RatingSchema(Schema):
    assessment_id = fields.Integer()
    perspective = fields.String()
    level = fields.Integer(allow_none=True)
    status = fields.String()
    rationale = fields.String()


class DisagreementSchema(Schema):
    question_key = fields.String()
    pillar_key = fields.String()
    span = fields.Integer()
    ratings = fields.List(fields.Nested(RatingSchema))


class PerspectiveSchema(Schema):
    perspective = fields.String()
    assessments = fields.List(fields.Integer(), attribute="assessment_ids")
    score = score_field("score")
    score_range = score_range_field()
    information_coverage = information_coverage_field()
    band = fields.String(allow_none=True)
    alpha = fraction_field("alpha")
    exact_agreement = fraction_field("exact_agreement")
    pillars = fields.List(fields.Nested(ConsolidatedPillarSchema))


class SpreadSchema(Schema):
    pillar_key = fields.String()
    spread = score_field("spread")


class ConsolidationSchema(Schema):
    assessments = fields.List(fields.Integer(), attribute="assessment_ids")
    score = score_field("score")
    score_range = score_range_field()
    information_coverage = information_coverage_field()
    band = fields.String(allow_none=True)
    alpha = fraction_field("alpha")
    exact_agreement = fraction_field("exact_agreement")
    pillars = fields.List(fields.Nested(ConsolidatedPillarSchema))
    disagreements = fields.List(fields.Nested(DisagreementSchema))
    perspectives = fields.List(fields.Nested(PerspectiveSchema))
    spread = fields.List(fields.Nested(SpreadSchema))


class ConsolidationArgsSchema(StrictSchema):
    rubric = fields.String(
        required=True,
        validate=validate.Regexp(RUBRIC_LABEL, error="must be <slug>@<version>"),
    )


# No published assessment yet: nothing to consolidate, every figure "not scored".
EMPTY_CONSOLIDATION = {
    "assessments": [],
    "score": None,
    "score_range": None,
    "information_coverage": None,
    "band": None,
    "alpha": None,
    "exact_agreement": None,
    "pillars": [],
    "disagreements": [],
    "perspectives": [],
    "spread": [],
}


class EvidenceDataSchema(Schema):
    url = fields.String()
    title = fields.String()
    accessed_on = fields.Date(allow_none=True)
    note = fields.String()


class DocumentAnswerSchema(Schema):
    """An answer as answer_data gives it, without what only its editor needs."""

    level = fields.Integer(allow_none=True)
    not_applicable = fields.Boolean()
    insufficient_information = fields.Boolean()
    rationale = fields.String()
    rationale_language = fields.String(allow_none=True)
    change_reason = fields.String(allow_none=True)
    evidence = fields.List(fields.Nested(EvidenceDataSchema))


def _range_end() -> fields.Float:
    """The high end of a range, or an information coverage (0-100): null where nothing is
    scored, and in a result of method 1, which has no range."""
    return fields.Float(allow_none=True, dump_default=None)


class DocumentQuestionSchema(Schema):
    number = fields.String()
    key = fields.String()
    prompt = fields.String()
    # What evidence would settle the question, in the rubric's words.
    guidance = fields.String()
    weight = fields.Float()
    evidence_threshold = fields.Integer()
    status = fields.String()
    level = fields.Integer(allow_none=True)
    level_name = fields.String(allow_none=True)
    descriptor = fields.String(allow_none=True)
    score = fields.Float(allow_none=True)
    answer = fields.Nested(DocumentAnswerSchema, allow_none=True)


class DocumentPillarSchema(Schema):
    key = fields.String()
    title = fields.String()
    weight = fields.Float()
    score = fields.Float(allow_none=True)
    high = _range_end()
    information_coverage = _range_end()
    band = fields.String(allow_none=True)
    completeness = fields.Float(allow_none=True)
    evidence_coverage = fields.Float(allow_none=True)
    questions = fields.List(fields.Nested(DocumentQuestionSchema))


class DocumentStageCellSchema(Schema):
    """One pillar at one stage; ``questions`` 0 (and every figure null) when none is tagged."""

    pillar_key = fields.String()
    questions = fields.Integer()
    score = fields.Float(allow_none=True)
    high = _range_end()
    information_coverage = _range_end()
    falls_below_earlier = fields.Boolean()


class DocumentStageSchema(DocumentStageCellSchema):
    class Meta:
        exclude = ("pillar_key",)

    stage = fields.String()
    cells = fields.List(fields.Nested(DocumentStageCellSchema))


class DocumentReplySchema(Schema):
    body = fields.String()
    author = fields.String(allow_none=True)
    created_at = fields.DateTime()


class DocumentRatingSchema(RatingSchema):
    rationale_language = fields.String(allow_none=True)


class DocumentPerspectiveCountsSchema(Schema):
    perspective = fields.String()
    counts = fields.List(fields.Integer())


class DocumentExtremeSchema(Schema):
    level = fields.Integer()
    count = fields.Integer()
    quoted = fields.List(fields.Nested(DocumentRatingSchema))


class DocumentDisagreementSchema(Schema):
    """A disputed question summarised: its ratings page lists every rating behind the counts."""

    number = fields.String()
    key = fields.String()
    prompt = fields.String()
    span = fields.Integer()
    ratings = fields.Integer()
    counts = fields.List(fields.Integer())
    perspectives = fields.List(fields.Nested(DocumentPerspectiveCountsSchema))
    lowest = fields.Nested(DocumentExtremeSchema)
    highest = fields.Nested(DocumentExtremeSchema)


class DocumentRangeSchema(Schema):
    score = fields.Float(allow_none=True)
    high = _range_end()
    information_coverage = _range_end()


class DocumentConsolidatedPillarSchema(DocumentRangeSchema):
    key = fields.String()
    title = fields.String()
    band = fields.String(allow_none=True)
    alpha = fields.Float(allow_none=True)
    exact_agreement = fields.Float(allow_none=True)


class DocumentPerspectiveSchema(DocumentRangeSchema):
    perspective = fields.String()
    assessments = fields.Integer()
    pillars = fields.List(fields.Nested(DocumentRangeSchema))


class DocumentConsolidationSchema(DocumentRangeSchema):
    assessment_ids = fields.List(fields.Integer())
    band = fields.String(allow_none=True)
    alpha = fields.Float(allow_none=True)
    exact_agreement = fields.Float(allow_none=True)
    pillars = fields.List(fields.Nested(DocumentConsolidatedPillarSchema))
    disagreements = fields.List(fields.Nested(DocumentDisagreementSchema))
    perspectives = fields.List(fields.Nested(DocumentPerspectiveSchema))
    spread = fields.List(fields.Float(allow_none=True))


class ParticipationSourceSchema(Schema):
    """A published participation record the scorecard shows, with the source it cites."""

    record_id = fields.Integer()
    version = fields.Integer()
    stage = fields.String(metadata={"enum": list(PARTICIPATION_STAGES)})
    body = fields.String()
    source_url = fields.String()
    source_title = fields.String()
    accessed_on = fields.Date(allow_none=True)
    note = fields.String()
    published_at = fields.DateTime()


class ConsistencyFlagSchema(Schema):
    """An answer that the participation counts contradict; it does not change any score."""

    question_key = fields.String()
    number = fields.String()
    level = fields.Integer()
    kind = fields.String(
        metadata={
            "enum": [
                "one_region_holds_most",
                "developed_hold_most",
                "no_developing_country",
                "no_young_participant",
            ]
        }
    )
    stage = fields.String(metadata={"enum": list(PARTICIPATION_STAGES)})
    category = fields.String(allow_none=True)
    share = fields.Float(allow_none=True, metadata={"description": "Of the known participants."})


class DocumentParticipationSchema(Schema):
    counts = fields.Dict(
        keys=fields.String(),
        values=fields.Dict(
            keys=fields.String(), values=fields.Dict(keys=fields.String(), values=fields.Integer())
        ),
        metadata={
            "description": "Counts by stage, dimension and category, summed over the records."
        },
    )
    sources = fields.List(fields.Nested(ParticipationSourceSchema))
    flags = fields.List(fields.Nested(ConsistencyFlagSchema))


class ScorecardDocumentSchema(Schema):
    """Exactly what a scorecard page or PDF shows; the API's scorecard is a projection of it."""

    assessment_id = fields.Integer()
    status = fields.String()
    permalink = fields.String()
    file_name = fields.String()
    process = fields.Nested(ScorecardProcessSchema)
    rubric = fields.Dict()
    method_version = fields.String()
    assessor = fields.String()
    perspective = fields.String()
    submitted_at = fields.DateTime(allow_none=True)
    published_at = fields.DateTime(allow_none=True)
    withdrawn_at = fields.DateTime(allow_none=True)
    withdrawal_reason = fields.String(allow_none=True)
    revises_id = fields.Integer(allow_none=True)
    score = fields.Float(allow_none=True)
    high = _range_end()
    information_coverage = _range_end()
    band = fields.String(allow_none=True)
    completeness = fields.Float(allow_none=True)
    evidence_coverage = fields.Float(allow_none=True)
    insufficient_information = fields.Integer()
    not_applicable = fields.Integer()
    missing = fields.Integer()
    pillars = fields.List(fields.Nested(DocumentPillarSchema))
    strengths = fields.List(fields.Nested(DocumentQuestionSchema))
    gaps = fields.List(fields.Nested(DocumentQuestionSchema))
    evidence_needed = fields.List(fields.Nested(DocumentQuestionSchema), dump_default=[])
    # Empty for a result of method 1, which has no stage matrix.
    stages = fields.List(fields.Nested(DocumentStageSchema), dump_default=[])
    replies = fields.List(fields.Nested(DocumentReplySchema))
    # Who took part, as published beside the assessment; None where nothing was counted.
    participation = fields.Nested(DocumentParticipationSchema, allow_none=True)
    consolidated = fields.Nested(DocumentConsolidationSchema, allow_none=True)


# The API's scorecard: the document's fields that describe the assessment itself, its rubric
# named by label, its figures rounded as the API sends them (scores to 2 decimals, shares to 4).


class AnswerDataSchema(DocumentAnswerSchema):
    class Meta:
        exclude = ("rationale_language", "change_reason")


class ScorecardQuestionSchema(DocumentQuestionSchema):
    class Meta:
        exclude = (
            "number",
            "prompt",
            "guidance",
            "evidence_threshold",
            "level",
            "level_name",
            "descriptor",
        )

    score = score_field("score")
    answer = fields.Nested(AnswerDataSchema, allow_none=True)


class ScorecardPillarSchema(DocumentPillarSchema):
    class Meta:
        exclude = ("high",)

    score = score_field("score")
    score_range = score_range_field()
    information_coverage = information_coverage_field()
    completeness = fraction_field("completeness")
    evidence_coverage = fraction_field("evidence_coverage")
    questions = fields.List(fields.Nested(ScorecardQuestionSchema))


class ScorecardStageCellSchema(DocumentStageCellSchema):
    """One pillar at one stage: questions 0, and a null range, where no question is tagged."""

    class Meta:
        exclude = ("high",)

    score = score_field("score")
    score_range = score_range_field()
    information_coverage = information_coverage_field()
    falls_below_earlier = fields.Boolean(
        metadata={
            "description": "At a phase (not the whole process): even its high end is 25 points "
            "(one level) or more below the score of the same pillar, or of the whole row, at "
            "an earlier phase."
        }
    )


class ScorecardStageSchema(ScorecardStageCellSchema):
    """One stage of the process: the range over its pillars' cells, with the pillar weights."""

    class Meta:
        exclude = ("high", "pillar_key")

    stage = fields.String(
        metadata={"enum": list(STAGES), "description": "In the order a process runs them."}
    )
    cells = fields.List(fields.Nested(ScorecardStageCellSchema))


class ScorecardSchema(ScorecardDocumentSchema):
    class Meta:
        exclude = (
            "high",
            "evidence_needed",
            "permalink",
            "file_name",
            "assessor",
            "submitted_at",
            "published_at",
            "withdrawn_at",
            "withdrawal_reason",
            "revises_id",
            "strengths",
            "gaps",
            "replies",
            "consolidated",
        )

    rubric = fields.String(attribute="rubric.label")
    score = score_field("score")
    score_range = score_range_field()
    information_coverage = information_coverage_field()
    completeness = fraction_field("completeness")
    evidence_coverage = fraction_field("evidence_coverage")
    pillars = fields.List(fields.Nested(ScorecardPillarSchema))
    stages = fields.List(
        fields.Nested(ScorecardStageSchema),
        dump_default=[],
        metadata={
            "description": "The stage x pillar matrix: a row per stage, each with a cell per "
            "pillar, over the questions the rubric tags with that stage. Empty where the rubric "
            "version tags no question with a stage (1.0.0), and for a result of method 1."
        },
    )


class QuestionRatingsSchema(Schema):
    """A page of the ratings behind a disputed question's counts on the scorecard."""

    assessment_id = fields.Integer()
    process = fields.Dict()
    number = fields.String()
    key = fields.String()
    prompt = fields.String()
    text_language = fields.String()
    total = fields.Integer()
    counts = fields.List(fields.Integer())
    page = fields.Integer()
    pages = fields.Integer()
    ratings = fields.List(fields.Nested(DocumentRatingSchema))


class RatingsArgsSchema(Schema):
    """The ratings page's query: which page; other arguments (such as ``lang``) are not its."""

    class Meta:
        unknown = EXCLUDE

    page = fields.Integer(
        load_default=1, validate=validate.Range(min=1, max=MAX_ID, error="must be 1 or more")
    )
