"""Cells of every CSV the site writes: text a spreadsheet shows as written, never runs.

A spreadsheet runs a cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
as a formula (CSV injection). Such text is written behind one single quote, as OWASP advises,
and so is text already starting with a quote: every text cell starting with a quote has had
exactly one added, which a reader drops to get the text as it was (docs/open-data.md).
Numbers the site writes as numbers stay numbers, negative ones included.
"""

from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"


def csv_cell(value: Any) -> Any:
    """``value`` as a CSV writer should get it: text made safe, None empty, numbers as they are."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith((*FORMULA_STARTS, QUOTE)):
        return QUOTE + value
    return value
