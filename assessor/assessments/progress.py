"""How far an assessment has come: answered and applicable questions per pillar."""

from dataclasses import dataclass

from assessor.assessments.answers import answer_problems_of
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

    An answer counts only once it could be submitted as it is (no rationale, evidence or
    evidence row missing); until then its question counts as applicable and unanswered.
    Pillar titles are in ``language`` where the rubric has it.
    """
    answers = {answer.question_key: answer for answer in assessment.answers}
    progress = []
    for pillar in assessment.rubric.pillars:
        ready = [
            answer
            for question in pillar.questions
            if (answer := answers.get(question.key)) is not None
            and not answer_problems_of(answer, question)
        ]
        not_applicable = sum(1 for answer in ready if answer.not_applicable)
        answered = len(ready) - not_applicable
        title = rubric_text(pillar, "title", language)
        applicable = len(pillar.questions) - not_applicable
        progress.append(PillarProgress(pillar.key, title, answered, applicable))
    return progress


def overall_completeness(progress: list[PillarProgress]) -> float | None:
    """Answered applicable questions over applicable ones; None when nothing applies."""
    applicable = sum(pillar.applicable for pillar in progress)
    return sum(pillar.answered for pillar in progress) / applicable if applicable else None
