"""Scoring engine: the assessment method (version METHOD_VERSION) as pure functions over plain data.

No web framework or database here; callers convert their records into these shapes.

Inputs (frozen dataclasses):
    RubricShape(pillars: tuple[PillarShape, ...])
    PillarShape(key, weight, questions: tuple[QuestionShape, ...])
    QuestionShape(key, weight, not_applicable_allowed=True)
    Answer(level=None, not_applicable=False, insufficient_information=False,
           evidence_count=0, rationale="")        # none of the three set: missing
    RatedAssessment(id, perspective, answers: Mapping[question key, Answer])

score_assessment(rubric, answers) -> AssessmentScore
    AssessmentScore(score, band, completeness, evidence_coverage,
                    insufficient_information, not_applicable, missing, pillars)
    PillarScore(key, weight, score, band, completeness, evidence_coverage, questions)
    QuestionScore(key, weight, score, status, level)

consolidate(rubric, assessments) -> Consolidation
    Consolidation(assessment_ids, score, band, alpha, exact_agreement, pillars, questions,
                  disagreements, perspectives, spread)
    ConsolidatedPillar(key, score, band, alpha, exact_agreement)
    ConsolidatedQuestion(key, pillar_key, score, not_applicable)
    Disagreement(question_key, pillar_key, span, ratings: tuple[Rating, ...])
    Rating(assessment_id, perspective, level, status, rationale)
    PerspectiveView(perspective, assessment_ids, score, band, alpha, exact_agreement, pillars)
    PillarSpread(pillar_key, spread)

as_plain(result) -> dict; from_plain(dict) -> AssessmentScore   # kept results, exactly

assessment_range(rubric, answers) -> AssessmentRange             # method 2
    AssessmentRange(overall: ScoreRange, pillars: tuple[(pillar key, ScoreRange), ...])
    ScoreRange(low, high, information_coverage)   # low = method 1's score; coverage 0-100

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
from .ranges import AssessmentRange, ScoreRange, assessment_range
from .rounding import NOT_SCORED, api_fraction, api_score, display_score, round_half_up

METHOD_VERSION = "1"

__all__ = [
    "METHOD_VERSION",
    "NOT_SCORED",
    "Answer",
    "AssessmentRange",
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
    "Status",
    "api_fraction",
    "api_score",
    "as_plain",
    "assessment_range",
    "band_of",
    "consolidate",
    "display_score",
    "from_plain",
    "round_half_up",
    "score_assessment",
]
