"""How far an assessment has come: answered and applicable questions per pillar."""

from dataclasses import dataclass

from assessor.assessments.models import Assessment
from assessor.rubrics.texts import rubric_text


@dataclass(frozen=True, slots=True)
class PillarProgress:
    key: str
    title: str
    answered: int
    applicable: int


def pillar_progress(assessment: Assessment, language: str) -> list[PillarProgress]:
    """Per pillar: questions answered (a level or insufficient information) / applicable.

    Pillar titles are in ``language`` where the rubric has it.
    """
    answers = {answer.question_key: answer for answer in assessment.answers}
    progress = []
    for pillar in assessment.rubric.pillars:
        chosen = [answers.get(question.key) for question in pillar.questions]
        not_applicable = sum(1 for answer in chosen if answer is not None and answer.not_applicable)
        answered = sum(1 for answer in chosen if answer is not None and not answer.not_applicable)
        title = rubric_text(pillar, "title", language)
        progress.append(PillarProgress(pillar.key, title, answered, len(chosen) - not_applicable))
    return progress


def overall_completeness(progress: list[PillarProgress]) -> float | None:
    """Answered applicable questions over applicable ones; None when nothing applies."""
    applicable = sum(pillar.applicable for pillar in progress)
    return sum(pillar.answered for pillar in progress) / applicable if applicable else None
