"""What the open-data exports hold: one judgement per row, or one result per row, and the
header of the JSON downloads."""

from marshmallow import Schema, fields

from assessor.participation.categories import DIMENSIONS
from assessor.participation.schemas import Figure
from assessor.presentation.fields import score_field


class JudgementSchema(Schema):
    """One answer of a published or withdrawn assessment; docs/open-data.md describes each field."""

    assessment_id = fields.Integer()
    scorecard = fields.String()
    status = fields.String()
    withdrawal_reason = fields.String(allow_none=True)
    withdrawn_at = fields.DateTime(allow_none=True)
    revises_id = fields.Integer(allow_none=True)
    process_id = fields.Integer()
    process_version = fields.Integer()
    process_name = fields.String()
    convening_organization = fields.String()
    scope = fields.String()
    layer = fields.String()
    current_process_name = fields.String()
    rubric = fields.String()
    method_version = fields.String()
    perspective = fields.String()
    assessor_display_name = fields.String()
    published_at = fields.DateTime()
    pillar_key = fields.String()
    pillar_weight = fields.Float()
    question_key = fields.String()
    question_weight = fields.Float()
    answer = fields.String()
    level = fields.Integer(allow_none=True)
    rationale = fields.String()
    rationale_language = fields.String(allow_none=True)
    evidence_urls = fields.List(fields.String())
    change_reason = fields.String(allow_none=True)


class ScoreRowSchema(Schema):
    """One result of a published or withdrawn assessment, overall or of a pillar, rounded as
    the API gives it; docs/open-data.md describes each field."""

    assessment_id = fields.Integer()
    scorecard = fields.String()
    status = fields.String()
    revises_id = fields.Integer(allow_none=True)
    process_id = fields.Integer()
    rubric = fields.String()
    method_version = fields.String()
    result = fields.String()
    pillar_key = fields.String(allow_none=True)
    pillar_weight = fields.Float(allow_none=True)
    score = score_field("score")
    score_range_low = score_field("score_range_low")
    score_range_high = score_field("score_range_high")
    information_coverage = score_field("information_coverage")
    band = fields.String(allow_none=True)


class ExportHeaderSchema(Schema):
    """What the JSON download says about itself before its judgements."""

    method_version = fields.String()
    generated_at = fields.String()
    licence = fields.String()
    documentation = fields.String()


class ExportSummarySchema(Schema):
    """The counts the open-data page shows."""

    published = fields.Integer()
    withdrawn = fields.Integer()
    processes = fields.Integer()
    judgements = fields.Integer()


class ParticipationCountSchema(Schema):
    """One count of a current published participation version: a category of a dimension at
    a stage; docs/open-data.md describes each field."""

    process_id = fields.Integer()
    process_name = fields.String()
    record_id = fields.Integer()
    version = fields.Integer()
    stage = fields.String()
    body = fields.String()
    dimension = fields.String()
    category = fields.String()
    count = fields.Integer()
    source_url = fields.String()
    source_title = fields.String()
    accessed_on = fields.Date(allow_none=True)
    published_at = fields.DateTime()


def _totals() -> dict[str, fields.Field]:
    """The total and known participants of each dimension (null where it is not counted)."""
    columns: dict[str, fields.Field] = {}
    for key in DIMENSIONS:
        columns[f"{key}_total"] = fields.Integer(allow_none=True)
        columns[f"{key}_known"] = fields.Integer(allow_none=True)
    return columns


ParticipationIndexSchema = Schema.from_dict(
    {
        "process_id": fields.Integer(),
        "process_name": fields.String(),
        "stage": fields.String(),
        "records": fields.Integer(),
        **_totals(),
        "stakeholder_balance": Figure(),
        "regional_balance": Figure(),
        "gender_parity": Figure(),
        "developing_share": Figure(),
        "least_developed_share": Figure(),
    },
    name="ParticipationIndexSchema",
)
ParticipationIndexSchema.__doc__ = (
    "The figures of one process at one stage, computed from the current counts as the API "
    "computes them; docs/open-data.md describes each field."
)
