"""The words readers see for the keys scorecards carry, in the language being rendered.

Documents keep the keys ("Partial", "not_applicable"), so exports, CSS classes and colours
stay the same in every language; pages and PDFs turn them into words here.
"""

from babel.lists import format_list
from flask import request
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from markupsafe import Markup

from assessor.assessments.labels import CHANGE_REASON_LABELS
from assessor.languages.selection import SOURCE_LANGUAGE, current_language, text_direction
from assessor.processes.models import LAYER_LABELS, SCOPE_LABELS
from assessor.rubrics.models import LEVEL_LABELS, LEVEL_NAMES

# A band is named after the level whose score is nearest, so the levels' labels name both.
BAND_NAMES = dict(zip(LEVEL_NAMES, LEVEL_LABELS, strict=True))
ANSWER_KINDS = {
    "not_applicable": _l("not applicable"),
    "insufficient_information": _l("insufficient information"),
    "missing": _l("not answered"),
}

# The stages of a process that questions are tagged with (scoring.STAGES).
STAGE_NAMES = {
    "agenda_setting": _l("Agenda-setting"),
    "policy_formulation": _l("Policy formulation"),
    "decision_making": _l("Decision-making"),
    "whole_process": _l("Whole process"),
}

# The fields of a process's record as a sentence names them.
PROCESS_FIELD_WORDS = {
    "name": _l("name"),
    "convening_organization": _l("convening organization"),
    "description": _l("description"),
    "public_url": _l("public web address"),
    "scope": _l("scope"),
    "layer": _l("layer"),
    "starts_on": _l("start date"),
    "ends_on": _l("end date"),
}


def _name(names: dict, key: str | None) -> str:
    """The word for ``key``; a key without one is shown as it is."""
    return str(names[key]) if key in names else (key or "")


def band_name(band: str | None) -> str:
    """A band or level name ("Partial") in the reader's language."""
    return _name(BAND_NAMES, band)


def band_names() -> dict[str, str]:
    """Every band's name in the reader's language, for tables that name thousands of them."""
    return {band: str(name) for band, name in BAND_NAMES.items()}


def answer_kind(status: str) -> str:
    """An answer that is not a level: not applicable, insufficient information, not answered."""
    return _name(ANSWER_KINDS, status)


def stage_name(stage: str) -> str:
    """A stage of a process ("Decision-making") in the reader's language."""
    return _name(STAGE_NAMES, stage)


def change_reason_name(reason: str | None) -> str:
    """Why an answer changed in a revision: "Improvement", "New evidence"."""
    return _name(CHANGE_REASON_LABELS, reason)


def scope_name(scope: str) -> str:
    """A process's scope ("Regional") in the reader's language."""
    return _name(SCOPE_LABELS, scope)


def layer_name(layer: str) -> str:
    """A process's layer ("Governance of the Internet") in the reader's language."""
    return _name(LAYER_LABELS, layer)


def process_fields(fields: list[str]) -> str:
    """Fields of a process's record as a list in words: "name, scope and layer"."""
    return format_list([_name(PROCESS_FIELD_WORDS, field) for field in fields], locale=get_locale())


def lang_attribute(language: str | None) -> Markup:
    """`` lang="xx" dir="ltr"`` for text in another language than the page's (rubric text,
    rationales): read aloud in its language, and laid out in its direction."""
    if not language or language == current_language():
        return Markup("")
    return Markup(' lang="{}" dir="{}"').format(language, text_direction(language))


def language_args() -> dict[str, str]:
    """``lang`` for links to another form of this page (its PDF, its CSV), to keep its language.

    Needed when the page is not in English, or when English was asked for explicitly (a reader
    whose own choice is another language).
    """
    language = current_language()
    if language != SOURCE_LANGUAGE or request.args.get("lang") == language:
        return {"lang": language}
    return {}


def page_number_parts() -> tuple[str, str, str]:
    """ "Page 2 of 7" in the reader's language, cut around its two numbers: a PDF's margin
    draws the numbers with CSS counters and takes the words from the document."""
    marked = _("Page %(page)s of %(pages)s", page="\0", pages="\0")
    before, between, after = marked.split("\0")
    return before, between, after
