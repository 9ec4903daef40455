"""Participation as plain data: the profile with its figures rounded as the API and the open
data send them, the records and versions, and what a client sends to record counts.

Pages, scorecards and the API dump the same schemas, so that a share reads the same wherever
it is shown (docs/participation.md); none of them depends on the web layer.
"""

from fractions import Fraction
from typing import Any, ClassVar

from marshmallow import Schema, fields, validate

from assessor.participation.categories import DIMENSIONS, STAGES, UNKNOWN, Dimension
from assessor.participation.csv_files import MAX_COUNT
from assessor.processes.schemas import (
    MAX_URL_LENGTH,
    MESSAGES,
    StrippedString,
    at_most,
    date_field,
    one_of,
    required_text,
)
from assessor.scoring import api_fraction
from assessor.validation import MAX_ID, StrictSchema, WholeNumber

MAX_BODY_LENGTH = 300
MAX_SOURCE_TITLE_LENGTH = 500
MAX_NOTE_LENGTH = 10_000
STAGE_CHOICES = {stage: stage for stage in STAGES}


class Figure(fields.Field):
    """A share or index (an exact fraction, or the entropy's float) as the API sends figures:
    four decimals, rounded half up; null where there is none."""

    def __init__(self, description: str = "", **kwargs: Any) -> None:
        metadata: dict[str, Any] = {"type": ["number", "null"]}
        if description:
            metadata["description"] = description
        super().__init__(metadata=metadata, **kwargs)

    def _serialize(self, value: Fraction | float | None, attr, obj, **kwargs) -> float | None:
        return None if value is None else api_fraction(float(value))


class SharesSchema(Schema):
    """One dimension counted at one stage."""

    total = fields.Integer(metadata={"description": "Every participant counted, unknown ones too."})
    known = fields.Integer(metadata={"description": "The participants whose category is known."})
    unknown_share = Figure(
        "The share of all participants whose category is unknown.", attribute="unknown"
    )
    shares = fields.Dict(
        keys=fields.String(),
        values=Figure(),
        attribute="of_known",
        metadata={"description": "Each category's share of the known participants."},
    )


class StageProfileSchema(Schema):
    """The shares and indices of one stage with counts."""

    stage = fields.String()
    dimensions = fields.Dict(
        keys=fields.String(),
        values=fields.Nested(SharesSchema),
        attribute="shares",
        metadata={"description": "The dimensions counted at this stage, by key."},
    )
    stakeholder_balance = Figure("Normalised entropy of the stakeholder groups, 0 to 1.")
    regional_balance = Figure("Normalised entropy of the UN regional groups, 0 to 1.")
    gender_parity = Figure("Female participants per male participant; 1 is parity.")
    developing_share = Figure(
        "The share of the known participants from developing countries, least developed ones "
        "included.",
        attribute="developing",
    )
    least_developed_share = Figure(
        "The share of the known participants from least developed countries.",
        attribute="least_developed",
    )


class FunnelRowSchema(Schema):
    """One category's share at each stage, and its change from agenda-setting to
    decision-making."""

    category = fields.String()
    by_stage = fields.Dict(keys=fields.String(), values=Figure())
    change = Figure("Share at decision-making minus share at agenda-setting, -1 to 1.")


class ParticipationProfileSchema(Schema):
    """A process's participation profile (participation/profiles.py)."""

    stages = fields.List(fields.Nested(StageProfileSchema))
    funnels = fields.Dict(
        keys=fields.String(),
        values=fields.List(fields.Nested(FunnelRowSchema)),
        metadata={"description": "The inclusion funnel of each balanced dimension counted."},
    )


class SourceSchema(Schema):
    """Where counts come from."""

    url = fields.String(attribute="source_url")
    title = fields.String(attribute="source_title")
    accessed_on = fields.Date(allow_none=True)


class Whole(fields.Nested):
    """A nested object read from the fields of the object itself (stored flat)."""

    def get_value(self, obj: Any, attr: str, accessor=None, default=None) -> Any:
        return obj


def counts_field(**kwargs: Any) -> fields.Dict:
    return fields.Dict(
        keys=fields.String(),
        values=fields.Dict(keys=fields.String(), values=fields.Integer()),
        metadata={
            "description": "Counts by dimension, then category; a category counted 0 is left out."
        },
        **kwargs,
    )


class RecordedSchema(Schema):
    """What a record holds and each of its published versions keeps."""

    stage = fields.String()
    body = fields.String()
    source = Whole(SourceSchema)
    note = fields.String()
    counts = counts_field()


class ParticipationVersionSchema(RecordedSchema):
    """A record as published: never changed again."""

    record_id = fields.Integer()
    version = fields.Integer(attribute="number")
    published_at = fields.DateTime()


class ParticipationRecordSchema(RecordedSchema):
    """A record as editors work on it, published or not."""

    record_id = fields.Integer(attribute="id")
    row_version = fields.Integer(
        metadata={
            "description": "Send it back with a change: one based on an older one is "
            "refused with 409."
        }
    )
    published_number = fields.Integer(
        allow_none=True,
        metadata={
            "description": "The number of its newest published version; null if never published."
        },
    )
    has_draft_changes = fields.Boolean(
        metadata={"description": "Whether it differs from its newest published version."}
    )
    withdrawn = fields.Boolean()
    updated_at = fields.DateTime()


class ParticipationSchema(Schema):
    """The published participation of a process: its current versions and their profile."""

    versions = fields.List(fields.Nested(ParticipationVersionSchema))
    profile = fields.Nested(ParticipationProfileSchema)


# What a client sends.

# Worded as records.checked_counts words them, so a count reads the same whichever refuses it.
COUNT = validate.Range(min=0, max=MAX_COUNT, error="must be from {min} to {max}")
NOT_A_COUNT = {"invalid": "must be a whole number"}


def _class_name(key: str) -> str:
    return "".join(word.title() for word in key.split("_"))


def _category_counts(dimension: Dimension) -> type[Schema]:
    """The counts of one dimension: a whole number per category, ``unknown`` included."""
    return StrictSchema.from_dict(
        {
            category: WholeNumber(validate=COUNT, error_messages=NOT_A_COUNT)
            for category in (*dimension.categories, UNKNOWN)
        },
        name=f"{_class_name(dimension.key)}CountsSchema",
    )


CountsInSchema = StrictSchema.from_dict(
    {key: fields.Nested(_category_counts(dimension)) for key, dimension in DIMENSIONS.items()},
    name="CountsInSchema",
)


def source_url_field() -> fields.Url:
    return fields.Url(
        required=True,
        schemes={"http", "https"},
        validate=at_most(MAX_URL_LENGTH, MESSAGES),
        error_messages={"invalid": MESSAGES["url"]},
    )


class SourcedInSchema(StrictSchema):
    """Where counts come from, and what they count."""

    body = StrippedString(
        validate=at_most(MAX_BODY_LENGTH, MESSAGES),
        metadata={"description": "The meeting, session or body counted, if not the whole stage."},
    )
    source_url = source_url_field()
    source_title = required_text(MAX_SOURCE_TITLE_LENGTH, MESSAGES)
    accessed_on = date_field(MESSAGES)
    note = StrippedString(validate=at_most(MAX_NOTE_LENGTH, MESSAGES))


class ParticipationRecordInSchema(SourcedInSchema):
    """A new participation record: counts of one stage and their source."""

    stage = one_of(STAGE_CHOICES, MESSAGES, required=True)
    counts = fields.Nested(CountsInSchema, load_default=dict)


def row_version_field() -> fields.Integer:
    return WholeNumber(
        required=True,
        validate=validate.Range(min=1, max=MAX_ID, error="must be a number from {min} to {max}"),
        metadata={
            "description": "The `row_version` of the record the change is based on: a change made "
            "since is refused with 409 and the record as it is now."
        },
    )


class ParticipationRecordUpdateSchema(ParticipationRecordInSchema):
    """A change of a record: the fields sent replace the stored ones."""

    row_version = row_version_field()


# Every field but the row version may be left out of a change.
RECORD_UPDATE = ParticipationRecordUpdateSchema(partial=tuple(ParticipationRecordInSchema().fields))


class RowVersionSchema(StrictSchema):
    """Publishing or withdrawing a record, based on the version read."""

    row_version = row_version_field()


class ImportArgsSchema(SourcedInSchema):
    """The query string of a CSV import: the source every record of the file cites."""

    # Clients send query parameters, not fields; say so when one is not known.
    error_messages: ClassVar[dict[str, str]] = {"unknown": "Unknown parameter"}
