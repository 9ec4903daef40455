"""Rubric text in the reader's language: a translation when the rubric has one, else its own."""

from typing import Protocol


class Translated(Protocol):
    translations: dict


def rubric_text(item: Translated, field: str, language: str) -> str:
    """``item``'s ``field`` in ``language``, falling back to the rubric's own language."""
    translated = (item.translations or {}).get(language, {}).get(field)
    return translated if translated else getattr(item, field)


def text_language(rubric, language: str) -> str:
    """The language rubric text will actually be shown in: ``language`` if the rubric has it."""
    return language if language in rubric.languages else rubric.language
