"""The exports (judgements, scores, participation) written out as CSV and as one JSON
document, piece by piece."""

import csv
import io
import json
from collections.abc import Iterable, Iterator
from typing import Any

from marshmallow import Schema

from assessor.csv_cells import csv_cell
from assessor.opendata.schemas import (
    ExportHeaderSchema,
    JudgementSchema,
    ParticipationCountSchema,
    ParticipationIndexSchema,
    ScoreRowSchema,
)

# Rows per piece handed to the server: large enough to keep writes few, small enough that a
# piece stays a few hundred kilobytes.
ROWS_PER_PIECE = 200
FIELDS = tuple(JudgementSchema().fields)
SCORE_FIELDS = tuple(ScoreRowSchema().fields)
PARTICIPATION_COUNT_FIELDS = tuple(ParticipationCountSchema().fields)
PARTICIPATION_INDEX_FIELDS = tuple(ParticipationIndexSchema().fields)
# Evidence URLs are validated as http(s) addresses, which never contain a space.
URL_SEPARATOR = " "


def _csv_cell(value: Any) -> Any:
    """A value as CSV writes it: lists of URLs joined by a space, then a cell as every CSV's."""
    if isinstance(value, list):
        value = URL_SEPARATOR.join(value)
    return csv_cell(value)


def csv_pieces(schema: Schema, rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    """A header line of the schema's fields, then one line per row, in pieces of
    ROWS_PER_PIECE lines."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(schema.fields)
    for count, row in enumerate(rows, start=1):
        writer.writerow([_csv_cell(value) for value in schema.dump(row).values()])
        if count % ROWS_PER_PIECE == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def json_pieces(
    schema: Schema, header: dict[str, Any], name: str, rows: Iterable[dict[str, Any]]
) -> Iterator[str]:
    """``{...header, name: [...]}`` as one JSON document, written as it is read."""
    opening = json.dumps(ExportHeaderSchema().dump(header), ensure_ascii=False)
    yield f'{opening[:-1]}, "{name}": ['
    batch: list[str] = []
    separator = ""
    for row in rows:
        batch.append(json.dumps(schema.dump(row), ensure_ascii=False))
        if len(batch) == ROWS_PER_PIECE:
            yield separator + ",".join(batch)
            batch, separator = [], ","
    if batch:
        yield separator + ",".join(batch)
    yield "]}"
