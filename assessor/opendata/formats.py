"""The export written out as CSV and as one JSON document, piece by piece."""

import csv
import io
import json
from collections.abc import Iterable, Iterator
from typing import Any

from assessor.csv_cells import csv_cell
from assessor.opendata.schemas import ExportHeaderSchema, JudgementSchema

# Rows per piece handed to the server: large enough to keep writes few, small enough that a
# piece stays a few hundred kilobytes.
ROWS_PER_PIECE = 200
FIELDS = tuple(JudgementSchema().fields)
# Evidence URLs are validated as http(s) addresses, which never contain a space.
URL_SEPARATOR = " "


def _csv_cell(value: Any) -> Any:
    """A value as CSV writes it: lists of URLs joined by a space, then a cell as every CSV's."""
    if isinstance(value, list):
        value = URL_SEPARATOR.join(value)
    return csv_cell(value)


def csv_pieces(judgements: Iterable[dict[str, Any]]) -> Iterator[str]:
    """A header line, then one line per judgement, in pieces of ROWS_PER_PIECE lines."""
    schema = JudgementSchema()
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(FIELDS)
    for count, judgement in enumerate(judgements, start=1):
        writer.writerow([_csv_cell(value) for value in schema.dump(judgement).values()])
        if count % ROWS_PER_PIECE == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def json_pieces(header: dict[str, Any], judgements: Iterable[dict[str, Any]]) -> Iterator[str]:
    """``{...header, "judgements": [...]}`` as one JSON document, written as it is read."""
    schema = JudgementSchema()
    opening = json.dumps(ExportHeaderSchema().dump(header), ensure_ascii=False)
    yield f'{opening[:-1]}, "judgements": ['
    batch: list[str] = []
    separator = ""
    for judgement in judgements:
        batch.append(json.dumps(schema.dump(judgement), ensure_ascii=False))
        if len(batch) == ROWS_PER_PIECE:
            yield separator + ",".join(batch)
            batch, separator = [], ","
    if batch:
        yield separator + ",".join(batch)
    yield "]}"
