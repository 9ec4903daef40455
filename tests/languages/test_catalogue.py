"""The French catalogue translates every string the code and templates mark.

The strings are extracted afresh from the source, the way ``make translations-extract`` does,
so a string marked since the catalogue was last updated is caught here, not by a reader.
"""

import re
from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

PACKAGE = Path(__file__).resolve().parents[2] / "assessor"
TRANSLATIONS = PACKAGE / "translations"
KEYWORDS = {**DEFAULT_KEYWORDS, "_l": None, "lazy_gettext": None}
PLACEHOLDER = re.compile(r"%\((\w+)\)[sdif]")


def extracted_messages() -> dict[str | tuple, list[str]]:
    """Each marked message with the places it is marked."""
    with (TRANSLATIONS / "babel.cfg").open() as config:
        method_map, options_map = parse_mapping_cfg(config)
    found: dict[str | tuple, list[str]] = {}
    for filename, lineno, message, _, _ in extract_from_dir(
        PACKAGE, method_map, options_map, keywords=KEYWORDS
    ):
        found.setdefault(message, []).append(f"{filename}:{lineno}")
    return found


def catalogue(language: str):
    with (TRANSLATIONS / language / "LC_MESSAGES" / "messages.po").open("rb") as file:
        return read_po(file)


@pytest.fixture(scope="module")
def french():
    return catalogue("fr")


@pytest.fixture(scope="module")
def marked():
    return extracted_messages()


def msgid(message: str | tuple) -> str:
    return message[0] if isinstance(message, tuple) else message


def test_the_interface_marks_strings_for_translation(marked):
    assert len(marked) > 100


def test_every_marked_string_has_a_french_translation(french, marked):
    untranslated = []
    for message, places in marked.items():
        entry = french.get(msgid(message))
        strings = entry.string if entry is not None else None
        complete = all(strings) if isinstance(strings, tuple) else bool(strings)
        if entry is None or not complete or entry.fuzzy:
            untranslated.append(f"{msgid(message)!r} ({places[0]})")
    assert untranslated == []


def test_translations_keep_every_placeholder(french):
    mismatched = []
    for entry in french:
        if not entry.id or not entry.string:
            continue
        sources = entry.id if isinstance(entry.id, tuple) else (entry.id,)
        translations = entry.string if isinstance(entry.string, tuple) else (entry.string,)
        expected = set(PLACEHOLDER.findall(" ".join(sources)))
        for translation in translations:
            if set(PLACEHOLDER.findall(translation)) != expected:
                mismatched.append(f"{entry.id!r} -> {translation!r}")
    assert mismatched == []
