"""Dates and times as the reader's language writes them."""

from datetime import datetime

from babel import Locale
from flask_babel import format_date, format_time, get_locale


def datetime_text(value: datetime | str) -> str:
    """A moment to the minute, in UTC: "Nov 23, 2026, 6:22 PM", "23 nov. 2026, 18:22".

    ``value`` may be a datetime or its ISO text, as schemas dump it.
    """
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    locale = get_locale() or Locale("en")
    return locale.datetime_formats["medium"].format(
        format_time(moment, "short"), format_date(moment, "medium")
    )
