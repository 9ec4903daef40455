"""Pages of the lists that pages show: a fixed number of rows, and links to the others."""

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, select

from assessor.db import db
from assessor.validation import DEFAULT_PER_PAGE


@dataclass
class ListPage:
    """One page of a list, with what its navigation (macros/pager.html) needs."""

    items: list[Any]
    number: int
    last: int
    total: int
    requested: int

    @property
    def links(self) -> list[int | None]:
        """Pages to link: the first, the last and two either side of this one; None is a gap."""
        near = range(max(1, self.number - 2), min(self.last, self.number + 2) + 1)
        numbers: list[int | None] = []
        for number in sorted({1, self.last, *near}):
            if numbers and number - numbers[-1] > 1:
                numbers.append(None)
            numbers.append(number)
        return numbers


def list_page(statement: Select, requested: int) -> ListPage:
    """The requested page of ``statement``, or its last page when asked for one beyond it."""
    total = db.session.scalar(select(func.count()).select_from(statement.order_by(None).subquery()))
    last = max(1, -(-total // DEFAULT_PER_PAGE))
    number = min(requested, last)
    rows = statement.limit(DEFAULT_PER_PAGE).offset((number - 1) * DEFAULT_PER_PAGE)
    return ListPage(list(db.session.scalars(rows)), number, last, total, requested)
