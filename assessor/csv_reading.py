"""Reading an uploaded CSV file whole or not at all: its rows with their line numbers, and
every problem by line and column, in the reader's language (docs/participation.md, "CSV
files"; docs/contributions.md)."""

import csv
import io
from collections.abc import Iterator

from flask_babel import gettext as _

from assessor.exceptions import InvalidInput
from assessor.validation import FORBIDDEN


class Problems:
    """Messages by place (``line 3, count``), in the order found."""

    def __init__(self) -> None:
        self.by_place: dict[str, list[str]] = {}

    def add(self, place: str, message: str) -> None:
        self.by_place.setdefault(place, []).append(message)

    def raise_any(self) -> None:
        if self.by_place:
            raise InvalidInput(self.by_place)


def place(line: int, column: str | None = None) -> str:
    if column is None:
        return _("line %(line)s", line=line)
    return _("line %(line)s, %(column)s", line=line, column=column)


def _delimiter(text: str) -> str:
    """A comma; a semicolon where the header has semicolons and no comma, as spreadsheets
    that write a decimal comma (French ones among them) save CSV."""
    header = text.lstrip("\r\n").split("\n", 1)[0]
    return ";" if ";" in header and "," not in header else ","


def csv_rows(
    data: bytes, problems: Problems, max_rows: int
) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The header (in lower case) and each row that is not blank, cells trimmed, with its line
    number; problems of the file as a whole (not UTF-8, a forbidden character, more than
    ``max_rows`` rows, not CSV, empty) go to ``problems`` and give no rows."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        problems.add(place(line), _("is not UTF-8 text"))
        return [], []
    for message, pattern in FORBIDDEN.items():
        if found := pattern.search(text):
            problems.add(place(text[: found.start()].count("\n") + 1), _(message))
    if problems.by_place:
        return [], []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True)
    rows = []
    try:
        for row in reader:
            if len(rows) > max_rows:
                problems.add(
                    place(reader.line_num), _("the file has more than %(max)s rows", max=max_rows)
                )
                return [], []
            if any(cell.strip() for cell in row):
                rows.append((reader.line_num, [cell.strip() for cell in row]))
    except csv.Error as error:
        problems.add(place(reader.line_num), _("is not valid CSV (%(error)s)", error=error))
        return [], []
    if not rows:
        problems.add(place(1), _("the file is empty: it needs a header row"))
        return [], []
    (_header_line, header), *body = rows
    return [name.lower() for name in header], body


def cells_by_column(
    header: list[str], body: list[tuple[int, list[str]]], problems: Problems
) -> Iterator[tuple[int, dict[str, str]]]:
    """Each row with as many cells as the header, by column, with its line; a row with more
    or fewer is a problem of its line."""
    for line, row in body:
        if len(row) != len(header):
            message = _(
                "has %(cells)s cells where the header has %(columns)s",
                cells=len(row),
                columns=len(header),
            )
            problems.add(place(line), message)
            continue
        yield line, dict(zip(header, row, strict=True))
