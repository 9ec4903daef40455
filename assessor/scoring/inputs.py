"""The plain data the method scores: rubric shapes, answers and rated assessments."""

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from .stages import STAGES

LEVELS = range(5)

Status = Literal["level", "insufficient_information", "not_applicable", "missing"]


def _check_weight(key: str, weight: float) -> None:
    """Reject weights that would make a weighted mean meaningless."""
    if not (math.isfinite(weight) and weight > 0):
        raise ValueError(f"{key}: weight must be a finite number > 0, got {weight!r}")


@dataclass(frozen=True, slots=True)
class QuestionShape:
    """One question of a rubric: what scoring needs of it, nothing of its wording."""

    key: str
    weight: float
    not_applicable_allowed: bool = True
    # The lowest level that must cite evidence (the questionnaire's rule for submission).
    evidence_threshold: int = 1
    # The stages of a process the question concerns (keys of STAGES).
    stages: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        _check_weight(self.key, self.weight)
        if self.evidence_threshold not in range(1, 5):
            raise ValueError(
                f"{self.key}: evidence_threshold must be 1..4, got {self.evidence_threshold!r}"
            )
        unknown = sorted(set(self.stages) - set(STAGES))
        if unknown:
            raise ValueError(f"{self.key}: unknown stages: {', '.join(unknown)}")


@dataclass(frozen=True, slots=True)
class PillarShape:
    """One pillar (a WSIS+10 principle or group of them) and its questions."""

    key: str
    weight: float
    questions: tuple[QuestionShape, ...]

    def __post_init__(self) -> None:
        _check_weight(self.key, self.weight)


@dataclass(frozen=True, slots=True)
class RubricShape:
    """The pillars of one rubric version; question keys are unique across the rubric."""

    pillars: tuple[PillarShape, ...]

    def __post_init__(self) -> None:
        _check_unique("pillar", [pillar.key for pillar in self.pillars])
        _check_unique("question", [question.key for question in self.questions()])

    def questions(self) -> tuple[QuestionShape, ...]:
        """All questions in rubric order."""
        return tuple(question for pillar in self.pillars for question in pillar.questions)


def _check_unique(kind: str, keys: list[str]) -> None:
    """Reject duplicate keys, since answers and results are looked up by key."""
    duplicates = sorted({key for key in keys if keys.count(key) > 1})
    if duplicates:
        raise ValueError(f"duplicate {kind} keys: {', '.join(duplicates)}")


@dataclass(frozen=True, slots=True)
class Answer:
    """An assessor's answer to one question: a level, not applicable, or insufficient information.

    An answer with none of the three is treated like an absent one: missing (draft only).
    """

    level: int | None = None
    not_applicable: bool = False
    insufficient_information: bool = False
    evidence_count: int = 0
    rationale: str = ""

    def __post_init__(self) -> None:
        if self.level is not None and self.level not in LEVELS:
            raise ValueError(f"level must be 0..4, got {self.level!r}")
        if (self.level is not None) + self.not_applicable + self.insufficient_information > 1:
            raise ValueError(
                "an answer is one of: a level, not applicable, insufficient information"
            )
        if self.evidence_count < 0:
            raise ValueError(f"evidence_count must be >= 0, got {self.evidence_count!r}")

    @property
    def status(self) -> Status:
        """Which kind of answer this is."""
        if self.level is not None:
            return "level"
        if self.not_applicable:
            return "not_applicable"
        if self.insufficient_information:
            return "insufficient_information"
        return "missing"


MISSING = Answer()


@dataclass(frozen=True, slots=True)
class RatedAssessment:
    """One assessment of a process: who rated it (their perspective) and the answers given."""

    id: int
    perspective: str
    answers: Mapping[str, Answer]


def answers_in_rubric_order(
    rubric: RubricShape, answers: Mapping[str, Answer]
) -> dict[str, Answer]:
    """Each question's answer (MISSING when absent), after checking the answers fit the rubric."""
    unknown = sorted(set(answers) - {question.key for question in rubric.questions()})
    if unknown:
        raise ValueError(f"answers to questions not in the rubric: {', '.join(unknown)}")
    for question in rubric.questions():
        if (
            answers.get(question.key, MISSING).not_applicable
            and not question.not_applicable_allowed
        ):
            raise ValueError(f"{question.key}: this question cannot be answered not applicable")
    return {question.key: answers.get(question.key, MISSING) for question in rubric.questions()}
