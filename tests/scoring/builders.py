"""Compact builders for rubrics and answers in scoring tests."""

from assessor.scoring import Answer, PillarShape, QuestionShape, RubricShape

NOT_APPLICABLE = Answer(not_applicable=True)
INSUFFICIENT = Answer(insufficient_information=True)


def make_rubric(pillars: dict[str, tuple[float, dict[str, float]]]) -> RubricShape:
    """A rubric from {pillar key: (pillar weight, {question key: question weight})}."""
    return RubricShape(
        tuple(
            PillarShape(key, weight, tuple(QuestionShape(q, w) for q, w in questions.items()))
            for key, (weight, questions) in pillars.items()
        )
    )


def level(value: int, evidence: int = 0, rationale: str = "") -> Answer:
    """An answer at a level."""
    return Answer(level=value, evidence_count=evidence, rationale=rationale)
