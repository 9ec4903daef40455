"""Language tags (BCP 47) that people and programs send: "en", "fr", "pt-BR", "zh-Hant"."""

from babel import Locale, UnknownLocaleError

# A language subtag, then optional script, region or variant subtags.
LANGUAGE_TAG = r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$"
MAX_LANGUAGE_TAG = 16


def known_language(tag: str) -> bool:
    """True when the tag's language is one Babel knows (so "xx" or "qq" are refused)."""
    language = tag.split("-", 1)[0].lower()
    try:
        Locale.parse(language)
    except (UnknownLocaleError, ValueError):
        return False
    return True
