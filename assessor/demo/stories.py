"""Who assesses which demo process, how far each assessment goes, and what follows: the
consolidation of one process from four perspectives, a revision, a reply, a withdrawal, work
waiting for review and a draft in progress."""

from collections.abc import Mapping
from dataclasses import dataclass

from assessor.assessments.models import AssessmentStatus
from assessor.demo.accounts import (
    ASSESSOR,
    GOVERNMENT_ASSESSOR,
    PRIVATE_SECTOR_ASSESSOR,
    TECHNICAL_ASSESSOR,
)
from assessor.demo.answers import (
    crowdsourcing,
    illustrative_consultation,
    town_hall,
    workshop,
    world_cafe,
    wtpf,
)
from assessor.demo.evidence import DemoAnswer
from assessor.demo.processes import (
    CROWDSOURCING,
    ILLUSTRATIVE,
    TOWN_HALL,
    WORKSHOP,
    WORLD_CAFE,
    WTPF,
)

# The rubric the demo answers are written for; an assessment is seeded only where the version
# its answers are written for is loaded.
DEMO_RUBRIC_SLUG = "wsis10-multistakeholder"
FIRST_RUBRIC_VERSION = "1.0.0"
SPLIT_RUBRIC_VERSION = "1.1.0"


@dataclass(frozen=True)
class DemoAssessment:
    """An assessment of a demo process by a demo assessor, taken to ``stage``."""

    process: str
    assessor: str
    answers: Mapping[str, DemoAnswer]
    stage: AssessmentStatus  # draft, submitted or published
    rubric_version: str = FIRST_RUBRIC_VERSION


def workshop_answers(perspective: str) -> dict[str, DemoAnswer]:
    """The workshop as assessed from ``perspective``."""
    return {**workshop.ANSWERS, **workshop.PERSPECTIVE_ANSWERS[perspective]}


# Published before its process is described anew; revised afterwards (REVISED_ANSWERS).
WORKSHOP_FIRST_VERSION = DemoAssessment(
    WORKSHOP,
    ASSESSOR,
    {**workshop_answers("civil_society"), **workshop.FIRST_VERSION},
    AssessmentStatus.PUBLISHED,
)
REVISED_ANSWERS = workshop_answers("civil_society")
REVISION_REASONS = workshop.REVISION_REASONS
# The reason given for an answer changed in the revision that REVISION_REASONS does not name.
DEFAULT_REVISION_REASON = "correction"

PUBLISHED = (
    DemoAssessment(
        WORKSHOP, GOVERNMENT_ASSESSOR, workshop_answers("government"), AssessmentStatus.PUBLISHED
    ),
    DemoAssessment(
        WORKSHOP,
        TECHNICAL_ASSESSOR,
        workshop_answers("technical_community"),
        AssessmentStatus.PUBLISHED,
    ),
    DemoAssessment(
        WORKSHOP,
        PRIVATE_SECTOR_ASSESSOR,
        workshop_answers("private_sector"),
        AssessmentStatus.PUBLISHED,
    ),
    DemoAssessment(WTPF, ASSESSOR, wtpf.ANSWERS, AssessmentStatus.PUBLISHED),
    DemoAssessment(WORLD_CAFE, TECHNICAL_ASSESSOR, world_cafe.ANSWERS, AssessmentStatus.PUBLISHED),
    DemoAssessment(
        CROWDSOURCING, GOVERNMENT_ASSESSOR, crowdsourcing.ANSWERS, AssessmentStatus.PUBLISHED
    ),
    # Open at agenda-setting, closed at decision-making: the stage matrix flags it.
    DemoAssessment(
        ILLUSTRATIVE,
        ASSESSOR,
        illustrative_consultation.ANSWERS,
        AssessmentStatus.PUBLISHED,
        SPLIT_RUBRIC_VERSION,
    ),
)
# The scorecards the printed comparison shows: one per process assessed and published; the
# last is on rubric 1.1.0, so the comparison lists the questions only one version asks.
COMPARED = (
    (WTPF, ASSESSOR),
    (WORLD_CAFE, TECHNICAL_ASSESSOR),
    (CROWDSOURCING, GOVERNMENT_ASSESSOR),
    (WORKSHOP, ASSESSOR),
    (ILLUSTRATIVE, ASSESSOR),
)

# The process's right of reply, used on the WTPF-13 scorecard.
REPLIED = (WTPF, ASSESSOR)
REPLY = (
    "Demo reply. The forum was not for ITU members alone: some 900 delegates from diverse "
    "stakeholder groups took part, including non-ITU Members, and its six Opinions were adopted "
    "by consensus (information document of the Secretary-General, section 1.2)."
)

# Published against the wrong process, then withdrawn by an admin, with a public reason.
WITHDRAWN = DemoAssessment(
    WORLD_CAFE, PRIVATE_SECTOR_ASSESSOR, town_hall.ANSWERS, AssessmentStatus.PUBLISHED
)
WITHDRAWAL_REASON = (
    "Demo withdrawal. These answers describe the IGF Town Hall of 25 October 2013 (section 4 of "
    "the information document), not the World Café: they were published against the wrong "
    "process."
)

SUBMITTED = DemoAssessment(
    TOWN_HALL, PRIVATE_SECTOR_ASSESSOR, town_hall.ANSWERS, AssessmentStatus.SUBMITTED
)
DRAFT = DemoAssessment(TOWN_HALL, ASSESSOR, town_hall.DRAFT_ANSWERS, AssessmentStatus.DRAFT)
