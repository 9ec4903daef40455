"""The CSV files offered as templates of an import, in the two layouts
``participation.csv_files`` reads."""

import csv
import io

from assessor.participation.categories import DIMENSIONS, STAGES, UNKNOWN
from assessor.participation.csv_files import COUNT_COLUMNS

# Two participants as a list records them: the second's gender was not recorded.
EXAMPLE_PARTICIPANTS = (
    ("agenda_setting", "civil_society", "female", "youth", "developing", "african", "remote"),
    (
        "decision_making",
        "government",
        "",
        "not_youth",
        "developed",
        "western_european_others",
        "onsite",
    ),
)


def _csv_text(rows: list[tuple[str, ...]]) -> str:
    text = io.StringIO()
    csv.writer(text, lineterminator="\r\n").writerows(rows)
    return text.getvalue()


def counts_template() -> str:
    """The counts layout with a row for every stage, dimension and category, each counted 0."""
    rows = [COUNT_COLUMNS]
    for stage in STAGES:
        for dimension in DIMENSIONS.values():
            rows.extend(
                (stage, dimension.key, category, "0")
                for category in (*dimension.categories, UNKNOWN)
            )
    return _csv_text(rows)


def participants_template() -> str:
    """A participant list's header, a column per dimension, with two example rows."""
    return _csv_text([("stage", *DIMENSIONS), *EXAMPLE_PARTICIPANTS])
