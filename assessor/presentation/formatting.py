"""How numbers and dates read on every page and PDF: one way for each kind.

Every figure is rounded half up first (as the API rounds it), then written the reader's way
by Babel: "72.5" and "87.5%" in English, "72,5" and "87,5 %" in French. A day reads "24 October
2013" ("24 octobre 2013"); a moment, to the minute with its time zone, "Nov 23, 2026, 6:22 PM
UTC" ("23 nov. 2026, 18:22 UTC").
"""

import copy
from datetime import date, datetime
from decimal import Decimal

from babel import Locale
from babel.numbers import NumberPattern, parse_pattern
from flask_babel import format_date, format_decimal, format_percent, format_time, get_locale
from flask_babel import gettext as _

from assessor.scoring import round_half_up

NOTHING = "—"
# Parsed once: Babel parses a pattern given as text on every call, and a page shows hundreds.
SCORE_PATTERN = parse_pattern("#,##0.0")
COEFFICIENT_PATTERN = parse_pattern("#,##0.00")
# Weights as written in the rubric: no trailing zeros (1, 1.5, 0.25).
WEIGHT_PATTERN = parse_pattern("0.######")
DATE_PATTERN = "d MMMM y"


def _percent_pattern() -> NumberPattern:
    """The locale's own percent pattern ("#,##0 %" in French) with exactly one decimal."""
    locale = get_locale() or Locale.parse("en")
    pattern = copy.copy(locale.percent_formats[None])
    pattern.frac_prec = (1, 1)
    return pattern


def score_text(score: float | None) -> str:
    """A score with one decimal, half up (72.45 -> "72.5"); unscored ones say so."""
    if score is None:
        return _("not scored")
    return format_decimal(round_half_up(score, 1), SCORE_PATTERN)


def percent_text(fraction: float | None) -> str:
    """A share as a percentage with one decimal, half up (0.875 -> "87.5%")."""
    if fraction is None:
        return NOTHING
    # Rounded as a percentage, then handed back as a share for the pattern to multiply.
    return format_percent(round_half_up(fraction * 100, 1) / Decimal(100), _percent_pattern())


def has_range(result: dict) -> bool:
    """Whether a result's range (method 2) reads differently from its score: a result of
    method 1, or without unknowns, is shown as its score alone."""
    high = result.get("high")
    return high is not None and score_text(high) != score_text(result["score"])


def coverage_text(coverage: float | None) -> str:
    """An information coverage (0-100, as the scoring engine gives it) read like any share."""
    return percent_text(None if coverage is None else coverage / 100)


def coefficient_text(value: float | None) -> str:
    """Agreement coefficients to two decimals (half up); undefined ones as a dash."""
    if value is None:
        return NOTHING
    return format_decimal(round_half_up(value, 2), COEFFICIENT_PATTERN)


def weight_text(weight: float) -> str:
    return format_decimal(weight, WEIGHT_PATTERN)


def date_text(value: str | date | datetime | None) -> str:
    """A date as "24 October 2013", from a date, a datetime or their ISO text."""
    if value is None:
        return NOTHING
    if isinstance(value, str):
        value = datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)
    # The day as stored (UTC), as the ISO date in the page's <time> elements says.
    return format_date(value, DATE_PATTERN, rebase=False)


def moment_text(value: str | datetime | None) -> str:
    """A moment to the minute, said in UTC as every moment is stored, from a datetime or its
    ISO text: "Nov 23, 2026, 6:22 PM UTC", "23 nov. 2026, 18:22 UTC"."""
    if value is None:
        return NOTHING
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    locale = get_locale() or Locale.parse("en")
    text = locale.datetime_formats["medium"].format(
        format_time(moment, "short"), format_date(moment, "medium")
    )
    return _("%(moment)s UTC", moment=text)


def dates_text(process: dict) -> str:
    """When a process takes place, from its ISO start and end dates, as its page says it."""
    start, end = process.get("starts_on"), process.get("ends_on")
    if start and start == end:
        return date_text(start)
    if start and end:
        return _("%(start)s to %(end)s", start=date_text(start), end=date_text(end))
    if start:
        return _("%(start)s to ongoing", start=date_text(start))
    if end:
        return _("Start not stated to %(end)s", end=date_text(end))
    return _("Not stated")
