"""Rubric text as an assessment's pages show it: in the reader's language where it exists.

A rubric translated into the page's language is shown in it; otherwise its text stays in
the rubric's own language. Pages mark rubric text with ``lang`` and ``dir`` either way, so
that screen readers pronounce it right and browsers lay it out right.
"""

from dataclasses import dataclass

from assessor.languages.selection import current_language, text_direction
from assessor.rubrics.texts import rubric_text, text_language


@dataclass(frozen=True, slots=True)
class RubricReading:
    language: str

    @property
    def direction(self) -> str:
        return text_direction(self.language)

    def text(self, item, field: str) -> str:
        """``item``'s ``field`` in the language this reading shows the rubric in."""
        return rubric_text(item, field, self.language)


def rubric_reading(rubric) -> RubricReading:
    """How this request's page shows ``rubric``'s text."""
    return RubricReading(text_language(rubric, current_language()))


def question_titles(assessment) -> dict[str, str]:
    """Each question key with its number and prompt, as the questionnaire shows them."""
    reading = rubric_reading(assessment.rubric)
    return {
        question.key: f"{p}.{q} {reading.text(question, 'prompt')}"
        for p, pillar in enumerate(assessment.rubric.pillars, start=1)
        for q, question in enumerate(pillar.questions, start=1)
    }
