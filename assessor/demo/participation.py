"""Participation counts of the demo processes.

The IGF 2013 Workshop #41 report gives its session's own figures (female 38, male 39, young 5,
developing countries 20, developed 45, least developed 5, total 77); they are recorded as the
report gives them. The other counts are illustrative, invented for the demo and said to be so
in their source's title and note: the sources give no such figures.
"""

from dataclasses import dataclass
from datetime import date

from assessor.demo.processes import ILLUSTRATIVE, WORKSHOP, WTPF


@dataclass(frozen=True)
class DemoCounts:
    process: str
    stage: str
    body: str
    source_url: str
    source_title: str
    note: str
    counts: dict[str, dict[str, int]]
    accessed_on: date | None = None


ILLUSTRATIVE_SOURCE = "Illustrative counts, invented for the demo (not a real document)"
ILLUSTRATIVE_NOTE = "Illustrative: invented to show the participation profile, not measured."

DEMO_COUNTS = (
    DemoCounts(
        WORKSHOP,
        "agenda_setting",
        "Roundtable session, Bali, 24 October 2013",
        "https://www.intgovforum.org/",
        "IGF 2013 Workshop #41 report: Developing and effectively using Multistakeholder "
        "Principles, workshop statistics",
        "As the report's workshop statistics give them. The form counts young participants "
        "among the 77; the other 72 are recorded as not young. Seven participants are in no "
        "country category.",
        {
            "gender": {"female": 38, "male": 39},
            "youth": {"youth": 5, "not_youth": 72},
            "country_category": {
                "developing": 20,
                "least_developed": 5,
                "developed": 45,
                "unknown": 7,
            },
        },
        date(2026, 12, 1),
    ),
    DemoCounts(
        ILLUSTRATIVE,
        "agenda_setting",
        "Public hearings in four regions and the online consultation",
        "https://consultation.example.org/participation/agenda",
        ILLUSTRATIVE_SOURCE,
        ILLUSTRATIVE_NOTE,
        {
            "stakeholder_group": {
                "government": 38,
                "private_sector": 96,
                "civil_society": 142,
                "technical_community": 61,
                "academia": 55,
                "intergovernmental": 4,
                "unknown": 16,
            },
            "gender": {"female": 171, "male": 198, "another_or_undisclosed": 9, "unknown": 34},
            "youth": {"youth": 88, "not_youth": 270, "unknown": 54},
            "attendance": {"onsite": 126, "remote": 286},
        },
    ),
    DemoCounts(
        ILLUSTRATIVE,
        "policy_formulation",
        "Drafting working group",
        "https://consultation.example.org/participation/drafting",
        ILLUSTRATIVE_SOURCE,
        ILLUSTRATIVE_NOTE,
        {
            "stakeholder_group": {
                "government": 8,
                "private_sector": 6,
                "civil_society": 5,
                "technical_community": 3,
                "academia": 2,
            },
            "gender": {"female": 9, "male": 15},
            "youth": {"youth": 1, "not_youth": 23},
            "attendance": {"onsite": 18, "remote": 6},
        },
    ),
    DemoCounts(
        ILLUSTRATIVE,
        "decision_making",
        "Ministerial committee",
        "https://consultation.example.org/participation/committee",
        ILLUSTRATIVE_SOURCE,
        ILLUSTRATIVE_NOTE,
        {
            "stakeholder_group": {"government": 7},
            "gender": {"female": 2, "male": 5},
            "youth": {"not_youth": 7},
            "attendance": {"onsite": 7},
        },
    ),
    DemoCounts(
        WTPF,
        "policy_formulation",
        "Informal Experts Group",
        "https://example.org/illustrative/wtpf-13/experts-group",
        ILLUSTRATIVE_SOURCE,
        ILLUSTRATIVE_NOTE,
        {
            "stakeholder_group": {
                "government": 52,
                "private_sector": 21,
                "civil_society": 14,
                "technical_community": 11,
                "academia": 6,
                "intergovernmental": 3,
            },
            "regional_group": {
                "african": 19,
                "asia_pacific": 24,
                "eastern_european": 12,
                "latin_american_caribbean": 15,
                "western_european_others": 35,
                "unknown": 2,
            },
            "country_category": {
                "developing": 41,
                "least_developed": 9,
                "developed": 55,
                "unknown": 2,
            },
        },
    ),
    DemoCounts(
        WTPF,
        "decision_making",
        "Plenary adopting the Opinions",
        "https://example.org/illustrative/wtpf-13/plenary",
        ILLUSTRATIVE_SOURCE,
        ILLUSTRATIVE_NOTE,
        {
            "stakeholder_group": {"government": 126, "intergovernmental": 2, "private_sector": 4},
            "regional_group": {
                "african": 31,
                "asia_pacific": 29,
                "eastern_european": 17,
                "latin_american_caribbean": 20,
                "western_european_others": 33,
                "unknown": 2,
            },
            "country_category": {
                "developing": 61,
                "least_developed": 18,
                "developed": 51,
                "unknown": 2,
            },
            "gender": {"female": 34, "male": 96, "unknown": 2},
        },
    ),
)
