"""How numbers and dates read on scorecards: the same on the page and in the PDF."""

from datetime import date, datetime

from flask import Flask

from assessor.scoring import display_score, round_half_up

NOTHING = "—"


def score_text(score: float | None) -> str:
    return display_score(score)


def percent_text(fraction: float | None) -> str:
    """A share as a percentage with one decimal, half up (0.875 -> "87.5%")."""
    return NOTHING if fraction is None else f"{display_score(fraction * 100)}%"


def coefficient_text(value: float | None) -> str:
    """Agreement coefficients to two decimals (half up); undefined ones as a dash."""
    return NOTHING if value is None else str(round_half_up(value, 2))


def weight_text(weight: float) -> str:
    return f"{weight:g}"


def date_text(value: str | date | datetime | None) -> str:
    """A date as "24 October 2013", from a date, a datetime or their ISO text."""
    if value is None:
        return NOTHING
    if isinstance(value, str):
        value = datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)
    return f"{value.day} {value:%B %Y}"


def register_filters(app: Flask) -> None:
    app.jinja_env.filters.update(
        score=score_text,
        percent=percent_text,
        coefficient=coefficient_text,
        weight=weight_text,
        date_text=date_text,
    )
