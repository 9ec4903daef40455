"""What participation is counted by: the stages of a process, and the dimensions of a count,
each with its categories. Any count may also be ``unknown``: never dropped, always shown."""

from dataclasses import dataclass

from assessor.scoring.stages import PHASES
from assessor.stakeholders import STAKEHOLDER_GROUPS

# Agenda-setting, policy formulation, decision-making: the order a process runs them.
STAGES = PHASES
UNKNOWN = "unknown"


@dataclass(frozen=True)
class Dimension:
    key: str
    categories: tuple[str, ...]

    def check(self, category: str) -> None:
        """Refuse a category this dimension does not count (``unknown`` is always counted)."""
        if category != UNKNOWN and category not in self.categories:
            allowed = ", ".join((*self.categories, UNKNOWN))
            raise ValueError(f"{self.key} counts {allowed}, not {category!r}")


STAKEHOLDER_GROUP = Dimension("stakeholder_group", tuple(STAKEHOLDER_GROUPS))
# "Another or undisclosed": a participant who named another gender or chose not to say;
# ``unknown`` is a participant whose gender was not recorded.
GENDER = Dimension("gender", ("female", "male", "another_or_undisclosed"))
YOUTH = Dimension("youth", ("youth", "not_youth"))
# As the IGF session form counts them: least developed countries apart from the other
# developing countries.
COUNTRY_CATEGORY = Dimension("country_category", ("developing", "least_developed", "developed"))
# The five UN regional groups of member states.
REGIONAL_GROUP = Dimension(
    "regional_group",
    (
        "african",
        "asia_pacific",
        "eastern_european",
        "latin_american_caribbean",
        "western_european_others",
    ),
)
ATTENDANCE = Dimension("attendance", ("onsite", "remote"))

DIMENSIONS = {
    dimension.key: dimension
    for dimension in (
        STAKEHOLDER_GROUP,
        GENDER,
        YOUTH,
        COUNTRY_CATEGORY,
        REGIONAL_GROUP,
        ATTENDANCE,
    )
}
