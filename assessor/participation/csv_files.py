"""Participation counts read from a CSV file, all of it or nothing (docs/participation.md).

Two layouts, told apart by their header:
- counts: ``stage,dimension,category,count``, a row per stage, dimension and category;
- a participant list: ``stage`` and one or more dimension columns (``stakeholder_group``,
  ``gender``...), a row per person or organisation, an empty cell where a category is not
  known. The rows are counted on reading; no row is kept.

Every problem is reported with its line (the header is line 1) and column, and a file with
any problem gives no counts at all.
"""

from collections import defaultdict
from collections.abc import Iterator

from flask_babel import gettext as _

from assessor.csv_reading import Problems, cells_by_column, csv_rows, place
from assessor.participation.categories import DIMENSIONS, STAGES, UNKNOWN
from assessor.participation.indices import StageCounts

COUNT_COLUMNS = ("stage", "dimension", "category", "count")
# More rows than any real meeting has participants: beyond, the file is refused unread.
MAX_ROWS = 100_000
MAX_COUNT = 10_000_000


def _whole_number(text: str) -> int | None:
    return int(text) if text.isascii() and text.isdigit() else None


def _stage(text: str, line: int, problems: Problems) -> str | None:
    if text in STAGES:
        return text
    problems.add(place(line, "stage"), _("must be one of %(choices)s", choices=", ".join(STAGES)))
    return None


def _stage_rows(
    header: list[str], body: list[tuple[int, list[str]]], problems: Problems
) -> Iterator[tuple[int, dict[str, str], str | None]]:
    """Each row with as many cells as the header: its line, its cells by column and its stage
    (None, and said so, if it names none)."""
    for line, cells in cells_by_column(header, body, problems):
        yield line, cells, _stage(cells["stage"], line, problems)


def _read_counts(header: list[str], body, problems: Problems) -> StageCounts:
    counts: StageCounts = defaultdict(lambda: defaultdict(dict))
    first_line: dict[tuple[str, str, str], int] = {}
    for line, cells, stage in _stage_rows(header, body, problems):
        dimension = DIMENSIONS.get(cells["dimension"])
        if dimension is None:
            choices = ", ".join(DIMENSIONS)
            problems.add(place(line, "dimension"), _("must be one of %(choices)s", choices=choices))
        elif cells["category"] not in (*dimension.categories, UNKNOWN):
            allowed = ", ".join((*dimension.categories, UNKNOWN))
            message = _(
                "%(dimension)s counts %(categories)s", dimension=dimension.key, categories=allowed
            )
            problems.add(place(line, "category"), message)
            dimension = None
        number = _whole_number(cells["count"])
        if number is not None and number > MAX_COUNT:
            number = None
        if number is None:
            message = _("must be a whole number from 0 to %(max)s", max=MAX_COUNT)
            problems.add(place(line, "count"), message)
        if stage is None or dimension is None or number is None:
            continue
        key = (stage, dimension.key, cells["category"])
        if key in first_line:
            problems.add(place(line), _("counts the same as line %(line)s", line=first_line[key]))
            continue
        first_line[key] = line
        counts[stage][dimension.key][cells["category"]] = number
    return counts


def _read_participants(header: list[str], body, problems: Problems) -> StageCounts:
    counts: StageCounts = defaultdict(lambda: defaultdict(lambda: defaultdict(int)))
    columns = [name for name in header if name != "stage"]
    for line, cells, stage in _stage_rows(header, body, problems):
        categories = {}
        for column in columns:
            dimension, category = DIMENSIONS[column], cells[column] or UNKNOWN
            if category not in (*dimension.categories, UNKNOWN):
                allowed = ", ".join(dimension.categories)
                message = _("must be one of %(choices)s, or empty", choices=allowed)
                problems.add(place(line, column), message)
            else:
                categories[column] = category
        if stage is not None and len(categories) == len(columns):
            for column, category in categories.items():
                counts[stage][column][category] += 1
    return counts


def _layout_problems(header: list[str]) -> Iterator[str]:
    """What is wrong with a header that is neither layout."""
    unknown = [name for name in header if name not in (*COUNT_COLUMNS, *DIMENSIONS)]
    if unknown:
        yield _("unknown columns: %(columns)s", columns=", ".join(unknown))
    repeated = sorted({name for name in header if header.count(name) > 1})
    if repeated:
        yield _("columns named twice: %(columns)s", columns=", ".join(repeated))
    if "stage" not in header:
        yield _("a stage column is needed")


def read_participation_csv(data: bytes) -> StageCounts:
    """The counts a CSV file gives, by stage, dimension and category; InvalidInput naming
    every problem (by line and column) if there is any, and then no counts at all."""
    problems = Problems()
    header, body = csv_rows(data, problems, MAX_ROWS)
    problems.raise_any()
    for message in _layout_problems(header):
        problems.add(place(1), message)
    problems.raise_any()
    if set(COUNT_COLUMNS) <= set(header) and len(header) == len(COUNT_COLUMNS):
        counts = _read_counts(header, body, problems)
    elif set(header) - {"stage"} and not set(header) & {"dimension", "category", "count"}:
        counts = _read_participants(header, body, problems)
    else:
        message = _(
            "the header must be %(columns)s, or stage and dimension columns",
            columns=",".join(COUNT_COLUMNS),
        )
        problems.add(place(1), message)
    if not problems.by_place and not body:
        problems.add(place(2), _("the file has a header but no rows"))
    problems.raise_any()
    return {stage: {key: dict(value) for key, value in by.items()} for stage, by in counts.items()}
