"""A contribution ledger read from a CSV or JSON file, all of it or nothing
(docs/contributions.md, "Ledger files").

A process's own comment-tracking sheet names its columns its own way, so the columns are
mapped to the ledger's fields first: ``suggest_mapping`` proposes a mapping from the header,
which the person importing confirms or corrects before anything is read. Every problem is
reported by line (or item) and field, and a file with any problem gives no entry. Each entry
has a key that names the contribution, not its disposition, so that importing the same file
again, or a later export with dispositions decided since, can update rather than duplicate.
"""

import hashlib
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date

from flask_babel import gettext as _

from assessor.contributions.dispositions import DISPOSITIONS, NOT_ADOPTED_WITH_REASON
from assessor.csv_reading import Problems, cells_by_column, csv_rows, place
from assessor.participation.categories import (
    COUNTRY_CATEGORY,
    REGIONAL_GROUP,
    STAKEHOLDER_GROUP,
    UNKNOWN,
    Dimension,
)
from assessor.validation import FORBIDDEN

# The ledger's fields, in the order a mapping is shown.
FIELDS = (
    "reference",
    "title",
    "submitted_on",
    "round",
    "stakeholder_group",
    "regional_group",
    "country_category",
    "disposition",
    "reason",
)
REQUIRED = ("title", "disposition")
CONTRIBUTOR = {
    "stakeholder_group": STAKEHOLDER_GROUP,
    "regional_group": REGIONAL_GROUP,
    "country_category": COUNTRY_CATEGORY,
}
# Column names that comment-tracking sheets use for each field, compared in lower case with
# spaces, hyphens and underscores ignored.
SYNONYMS = {
    "reference": (
        "reference",
        "url",
        "link",
        "documentid",
        "commentid",
        "contributionid",
        "submissionid",
        "id",
        "ref",
    ),
    "title": ("title", "subject", "summary", "comment"),
    "submitted_on": ("submittedon", "date", "submitted", "received", "datereceived"),
    "round": ("round", "stage", "consultation", "phase"),
    "stakeholder_group": ("stakeholdergroup", "stakeholder", "sector", "constituency"),
    "regional_group": ("regionalgroup", "region"),
    "country_category": ("countrycategory", "developmentstatus", "countrytype"),
    "disposition": ("disposition", "outcome", "status", "decision", "response"),
    "reason": ("reason", "rationale", "explanation", "responsetext", "reply"),
}
MAX_ROWS = 100_000
MAX_TEXT = 2000
SEPARATORS = re.compile(r"[\s_\-]+")


@dataclass(frozen=True)
class LedgerEntry:
    """A contribution as read: ``line`` is where it was read, ``key`` what names it."""

    line: int
    key: str
    reference: str
    title: str
    submitted_on: date | None
    round: str
    stakeholder_group: str
    regional_group: str
    country_category: str
    disposition: str
    reason: str


def _folded(name: str) -> str:
    return SEPARATORS.sub("", name.strip().lower())


def suggest_mapping(columns: Iterable[str]) -> dict[str, str | None]:
    """For each field, the first column whose name is one of the field's names; None where
    no column is. A column serves one field at most."""
    taken: set[str] = set()
    mapping: dict[str, str | None] = {}
    for field in FIELDS:
        found = next(
            (
                column
                for name in SYNONYMS[field]
                for column in columns
                if column not in taken and _folded(column) == name
            ),
            None,
        )
        if found is not None:
            taken.add(found)
        mapping[field] = found
    return mapping


def _category(dimension: Dimension, text: str) -> str | None:
    """A contributor's category from its key, its words in any case (``Civil society``), or
    empty for unknown; None if it is none of them."""
    folded = _folded(text)
    if not folded:
        return UNKNOWN
    return next((key for key in (*dimension.categories, UNKNOWN) if _folded(key) == folded), None)


def _disposition(text: str) -> str | None:
    folded = _folded(text)
    return next((key for key in DISPOSITIONS if _folded(key) == folded), None)


def contribution_key(reference: str, title: str, submitted_on: date | None) -> str:
    """What names a contribution across imports: its reference where it has one, else its
    title and date; letter case and spacing are ignored."""
    if reference.strip():
        named = "reference:" + reference.strip()
    else:
        day = submitted_on.isoformat() if submitted_on else ""
        named = f"title:{' '.join(title.lower().split())}|{day}"
    return hashlib.sha256(named.encode("utf-8")).hexdigest()


def _entry(where: int, values: Mapping[str, str], problems: Problems, at) -> LedgerEntry | None:
    """The entry of one row or item, ``at(field)`` naming each problem's place."""
    found = len(problems.by_place)
    cells = {field: (values.get(field) or "").strip() for field in FIELDS}
    for field in REQUIRED:
        if not cells[field]:
            problems.add(at(field), _("is required"))
    for field, text in cells.items():
        if len(text) > MAX_TEXT:
            problems.add(at(field), _("is longer than %(max)s characters", max=MAX_TEXT))
    submitted_on = None
    if cells["submitted_on"]:
        try:
            submitted_on = date.fromisoformat(cells["submitted_on"])
        except ValueError:
            problems.add(at("submitted_on"), _("must be a date written YYYY-MM-DD"))
    categories = {}
    for field, dimension in CONTRIBUTOR.items():
        categories[field] = _category(dimension, cells[field])
        if categories[field] is None:
            choices = ", ".join(dimension.categories)
            problems.add(at(field), _("must be one of %(choices)s, or empty", choices=choices))
    disposition = _disposition(cells["disposition"]) if cells["disposition"] else None
    if cells["disposition"] and disposition is None:
        choices = ", ".join(DISPOSITIONS)
        problems.add(at("disposition"), _("must be one of %(choices)s", choices=choices))
    if disposition == NOT_ADOPTED_WITH_REASON and not cells["reason"]:
        problems.add(at("reason"), _("is required where a contribution was declined with a reason"))
    if len(problems.by_place) > found:
        return None
    return LedgerEntry(
        line=where,
        key=contribution_key(cells["reference"], cells["title"], submitted_on),
        reference=cells["reference"],
        title=cells["title"],
        submitted_on=submitted_on,
        round=cells["round"],
        disposition=disposition,
        reason=cells["reason"],
        **categories,
    )


def _checked_mapping(mapping: Mapping[str, str | None], columns: list[str], problems: Problems):
    for field in REQUIRED:
        if not mapping.get(field):
            problems.add(place(1), _("no column is mapped to %(field)s", field=field))
    for field, column in mapping.items():
        if field not in FIELDS:
            problems.add(place(1), _("%(field)s is not a field of the ledger", field=field))
        elif column and column not in columns:
            problems.add(place(1), _("there is no column %(column)s", column=column))


def _all_or_nothing(
    entries: Iterator[LedgerEntry | None], problems: Problems, where=place
) -> list[LedgerEntry]:
    """The entries, each contribution once; every problem raised at once. ``where`` names a
    row's place (a line of a CSV file, an item of a JSON list)."""
    kept: list[LedgerEntry] = []
    first_line: dict[str, int] = {}
    for entry in entries:
        if entry is None:
            continue
        if entry.key in first_line:
            message = _("is the same contribution as %(first)s", first=where(first_line[entry.key]))
            problems.add(where(entry.line), message)
            continue
        first_line[entry.key] = entry.line
        kept.append(entry)
    problems.raise_any()
    return kept


def read_ledger_csv(
    data: bytes, mapping: Mapping[str, str | None] | None = None
) -> list[LedgerEntry]:
    """The contributions a CSV file gives, its columns mapped to fields by ``mapping`` (the
    suggested one if none); InvalidInput naming every problem by line and field otherwise."""
    problems = Problems()
    header, body = csv_rows(data, problems, MAX_ROWS)
    problems.raise_any()
    mapping = suggest_mapping(header) if mapping is None else dict(mapping)
    mapping = {field: column.lower() if column else None for field, column in mapping.items()}
    _checked_mapping(mapping, header, problems)
    problems.raise_any()
    if not body:
        problems.add(place(2), _("the file has a header but no rows"))
        problems.raise_any()

    def entries() -> Iterator[LedgerEntry | None]:
        for line, cells in cells_by_column(header, body, problems):
            values = {field: cells[column] for field, column in mapping.items() if column}
            yield _entry(line, values, problems, lambda field, line=line: place(line, field))

    return _all_or_nothing(entries(), problems)


def read_ledger_json(
    data: bytes, mapping: Mapping[str, str | None] | None = None
) -> list[LedgerEntry]:
    """The contributions a JSON file gives: a list of objects whose keys ``mapping`` maps to
    fields (the suggested one if none); each item is placed by its number, from 1."""
    problems = Problems()
    try:
        items = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        problems.add(place(1), _("is not JSON text"))
        problems.raise_any()
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        problems.add(place(1), _("must be a list of objects, one per contribution"))
        problems.raise_any()
    if not items:
        problems.add(place(1), _("the list is empty"))
        problems.raise_any()
    keys = list(dict.fromkeys(key for item in items for key in item))
    mapping = suggest_mapping(keys) if mapping is None else dict(mapping)
    _checked_mapping(mapping, keys, problems)
    problems.raise_any()

    def item_place(number: int, field: str | None = None) -> str:
        if field is None:
            return _("item %(number)s", number=number)
        return _("item %(number)s, %(field)s", number=number, field=field)

    def entries() -> Iterator[LedgerEntry | None]:
        for number, item in enumerate(items, start=1):
            values = {}
            for field, key in mapping.items():
                value = item.get(key) if key else None
                if value is not None and not isinstance(value, str | int):
                    problems.add(item_place(number, field), _("must be text"))
                    continue
                text = "" if value is None else str(value)
                if any(pattern.search(text) for pattern in FORBIDDEN.values()):
                    problems.add(item_place(number, field), _("holds a character not allowed"))
                    continue
                values[field] = text
            yield _entry(number, values, problems, lambda field, n=number: item_place(n, field))

    return _all_or_nothing(entries(), problems, item_place)
