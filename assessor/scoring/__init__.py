"""Scoring engine: the assessment method (version METHOD_VERSION) as pure functions over plain data.

No web framework or database here; callers convert their records into these shapes.

Inputs (frozen dataclasses):
    RubricShape(pillars: tuple[PillarShape, ...])
    PillarShape(key, weight, questions: tuple[QuestionShape, ...])
    QuestionShape(key, weight, not_applicable_allowed=True, evidence_threshold=1, stages=())
    Answer(level=None, not_applicable=False, insufficient_information=False,
           evidence_count=0, rationale="")        # none of the three set: missing
    RatedAssessment(id, perspective, answers: Mapping[question key, Answer])

score_assessment(rubric, answers) -> AssessmentScore
    AssessmentScore(score, high, information_coverage, band, completeness, evidence_coverage,
                    insufficient_information, not_applicable, missing, pillars, stages)
    PillarScore(key, weight, score, high, information_coverage, band, completeness,
                evidence_coverage, questions)
    QuestionScore(key, weight, score, status, level)
    StageRow(stage, questions, score_range, falls_below_earlier, cells)   # stage matrix
    StageCell(pillar_key, questions, score_range, falls_below_earlier)
    ScoreRange(low, high, information_coverage)

    score is the low end of the range (insufficient information = 0, method 1's score); high
    counts every unknown as met; information_coverage (0-100) is the share of the judged
    weight answered at a level.

consolidate(rubric, assessments) -> Consolidation
    Consolidation(assessment_ids, score, high, information_coverage, band, alpha,
                  exact_agreement, pillars, questions, disagreements, perspectives, spread)
    ConsolidatedPillar(key, score, high, information_coverage, band, alpha, exact_agreement)
    ConsolidatedQuestion(key, pillar_key, score, high, information_coverage, not_applicable)
    Disagreement(question_key, pillar_key, span, ratings: tuple[Rating, ...])
    Rating(assessment_id, perspective, level, status, rationale)
    PerspectiveView(perspective, assessment_ids, score, high, information_coverage, band,
                    alpha, exact_agreement, pillars)
    PillarSpread(pillar_key, spread)

as_plain(result) -> dict; from_plain(dict) -> AssessmentScore   # kept results, exactly

Scores are unrounded floats in [0, 100], None meaning "not scored" (never 0); shares and alpha
are floats, None when undefined. Present them with band_of, display_score (one decimal, half
up), api_score (two decimals) and api_fraction (four decimals). Invalid input raises ValueError.
See docs/methodology.md for the method itself.
"""

from .assessment import AssessmentScore, PillarScore, QuestionScore, score_assessment
from .bands import Band, band_of
from .consolidation import (
    ConsolidatedPillar,
    ConsolidatedQuestion,
    Consolidation,
    Disagreement,
    PerspectiveView,
    PillarSpread,
    Rating,
    consolidate,
)
from .inputs import Answer, PillarShape, QuestionShape, RatedAssessment, RubricShape, Status
from .plain import as_plain, from_plain
from .ranges import ScoreRange
from .rounding import NOT_SCORED, api_fraction, api_score, display_score, round_half_up
from .stage_matrix import STAGE_DROP, StageCell, StageRow
from .stages import PHASES, STAGES

# Method 2 adds the range, the information coverage, the stage matrix, and evidence coverage
# counted from each question's evidence threshold; its score is method 1's, unchanged.
METHOD_VERSION = "2"

__all__ = [
    "METHOD_VERSION",
    "NOT_SCORED",
    "PHASES",
    "STAGES",
    "STAGE_DROP",
    "Answer",
    "AssessmentScore",
    "Band",
    "ConsolidatedPillar",
    "ConsolidatedQuestion",
    "Consolidation",
    "Disagreement",
    "PerspectiveView",
    "PillarScore",
    "PillarShape",
    "PillarSpread",
    "QuestionScore",
    "QuestionShape",
    "RatedAssessment",
    "Rating",
    "RubricShape",
    "ScoreRange",
    "StageCell",
    "StageRow",
    "Status",
    "api_fraction",
    "api_score",
    "as_plain",
    "band_of",
    "consolidate",
    "display_score",
    "from_plain",
    "round_half_up",
    "score_assessment",
]
