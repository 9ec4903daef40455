"""The worked example in docs/methodology.md is computed exactly as the document says."""

import json
import re
from pathlib import Path
from typing import Any

from assessor.scoring import (
    Answer,
    AssessmentScore,
    PillarScore,
    PillarShape,
    QuestionShape,
    RubricShape,
    api_fraction,
    api_score,
    display_score,
    score_assessment,
)

METHODOLOGY = Path(__file__).resolve().parents[2] / "docs" / "methodology.md"
BLOCK = re.compile(
    r"<!-- worked-example:begin -->\s*```json\n(.*?)```\s*<!-- worked-example:end -->", re.DOTALL
)


def worked_example() -> dict[str, Any]:
    """The JSON block between the worked-example markers."""
    (block,) = BLOCK.findall(METHODOLOGY.read_text(encoding="utf-8"))
    return json.loads(block)


def rubric_from(data: dict[str, Any]) -> RubricShape:
    """The rubric described in the example."""
    return RubricShape(
        tuple(
            PillarShape(
                p["key"],
                p["weight"],
                tuple(QuestionShape(q["key"], q["weight"]) for q in p["questions"]),
            )
            for p in data["pillars"]
        )
    )


def pillar_as_published(pillar: PillarScore) -> dict[str, Any]:
    """A pillar result in the example's form: API rounding plus the displayed score."""
    return {
        "score": api_score(pillar.score),
        "display": display_score(pillar.score),
        "band": pillar.band,
        "completeness": api_fraction(pillar.completeness),
        "evidence_coverage": api_fraction(pillar.evidence_coverage),
        "questions": {question.key: api_score(question.score) for question in pillar.questions},
    }


def as_published(result: AssessmentScore) -> dict[str, Any]:
    """The assessment result in the example's form."""
    return {
        "score": api_score(result.score),
        "display": display_score(result.score),
        "band": result.band,
        "completeness": api_fraction(result.completeness),
        "evidence_coverage": api_fraction(result.evidence_coverage),
        "insufficient_information": result.insufficient_information,
        "not_applicable": result.not_applicable,
        "missing": result.missing,
        "pillars": {pillar.key: pillar_as_published(pillar) for pillar in result.pillars},
    }


def test_worked_example_in_methodology_matches_the_scoring() -> None:
    example = worked_example()
    answers = {key: Answer(**fields) for key, fields in example["answers"].items()}
    result = score_assessment(rubric_from(example["rubric"]), answers)
    assert as_published(result) == example["expected"]
