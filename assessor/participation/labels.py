"""The words readers see for the stored keys of participation counts."""

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from assessor.participation.categories import UNKNOWN
from assessor.stakeholders import STAKEHOLDER_GROUPS

DIMENSION_LABELS = {
    "stakeholder_group": _l("Stakeholder group"),
    "gender": _l("Gender"),
    "youth": _l("Youth"),
    "country_category": _l("Country category"),
    "regional_group": _l("UN regional group"),
    "attendance": _l("Attendance"),
}
CATEGORY_LABELS = {
    "stakeholder_group": STAKEHOLDER_GROUPS,
    "gender": {
        "female": _l("Female"),
        "male": _l("Male"),
        "another_or_undisclosed": _l("Another or undisclosed"),
    },
    "youth": {"youth": _l("Young people"), "not_youth": _l("Not young")},
    "country_category": {
        "developing": _l("Developing country"),
        "least_developed": _l("Least developed country"),
        "developed": _l("Developed country"),
    },
    "regional_group": {
        "african": _l("African States"),
        "asia_pacific": _l("Asia-Pacific States"),
        "eastern_european": _l("Eastern European States"),
        "latin_american_caribbean": _l("Latin American and Caribbean States"),
        "western_european_others": _l("Western European and other States"),
    },
    "attendance": {"onsite": _l("On site"), "remote": _l("Remote")},
}
UNKNOWN_LABEL = _l("Unknown")


def dimension_label(dimension: str) -> str:
    label = DIMENSION_LABELS.get(dimension)
    return str(label) if label is not None else dimension


def category_label(dimension: str, category: str) -> str:
    if category == UNKNOWN:
        return str(UNKNOWN_LABEL)
    label = CATEGORY_LABELS.get(dimension, {}).get(category)
    return str(label) if label is not None else category


def counts_summary(counts: dict[str, dict[str, int]]) -> str:
    """Counts in a line: each dimension counted, with its total."""
    if not counts:
        return _("no counts")
    return ", ".join(
        _("%(dimension)s: %(total)s", dimension=dimension_label(key), total=sum(by.values()))
        for key, by in counts.items()
    )
