"""Builders for comparison tests: published scorecards of one rubric, of two versions, of two
rubrics; and a reader of the comparison's tables as a person sees them."""

import copy
import re
from contextlib import contextmanager
from datetime import date
from html.parser import HTMLParser

from sqlalchemy import event

from assessor.assessments.answers import save_answer
from assessor.assessments.service import start_assessment
from assessor.assessments.workflow import publish, submit
from assessor.db import db
from tests.factories import (
    published_assessment,
    rubric_document,
    stored_process,
    stored_rubric,
    stored_user,
)

RENAMED_FROM = "transparency.decision_rationale"
RENAMED_TO = "transparency.reasons_published"


def people(session) -> tuple:
    """An assessor and a reviewer to publish with."""
    assessor = stored_user(session, "ana@example.org", ["assessor"])
    reviewer = stored_user(session, "rui@example.org", ["reviewer"], "academia")
    return assessor, reviewer


def publish_scorecards(session, rubric, count: int, assessor, reviewer, **process) -> list[int]:
    """``count`` published scorecards of ``rubric``, each of its own process, levels shifted."""
    ids = []
    for number in range(count):
        name = process.get("name", "Process") + f" {number + 1}"
        made = stored_process(session, **{**process, "name": name})
        assessment = published_assessment(
            session,
            rubric,
            made,
            assessor,
            reviewer,
            level_of=lambda index, shift=number: (index + shift) % 5,
        )
        ids.append(assessment.id)
    session.commit()
    return ids


# An answer of insufficient information, in the levels given to published_with.
UNKNOWN = None


def _answer(key: str, level: int | None) -> dict:
    """A submittable answer: at ``level`` with evidence, or insufficient information."""
    evidence = [
        {
            "url": f"https://example.org/{key}",
            "title": f"Record of {key}",
            "accessed_on": date(2026, 11, 1),
            "note": "",
        }
    ]
    return {
        "level": level,
        "not_applicable": False,
        "insufficient_information": level is UNKNOWN,
        "rationale": f"Rationale for {key}.",
        "change_reason": None,
        "version": None,
        "evidence": [] if level is UNKNOWN else evidence,
    }


def published_with(session, rubric, levels: dict[str, int | None], assessor, reviewer, name: str):
    """A published scorecard of a process called ``name`` answering each question key of
    ``levels`` at its level, or UNKNOWN (insufficient information); returns its id."""
    process = stored_process(session, name=name)
    assessment = start_assessment(
        session, assessor, {"process_id": process.id, "rubric": rubric.label}
    )
    for key, level in levels.items():
        save_answer(session, assessor, assessment, key, _answer(key, level))
    submit(session, assessor, assessment)
    publish(session, reviewer, assessment)
    session.commit()
    return assessment.id


def renamed_version(session):
    """Version 1.1.0 of the sample rubric, retitled and one question's key renamed."""
    document = rubric_document(version="1.1.0", title="Sample rubric, revised")
    question = document["pillars"][1]["questions"][1]
    assert question["key"] == RENAMED_FROM
    question["key"] = RENAMED_TO
    question["prompt"] = "Are the reasons for decisions published?"
    return stored_rubric(session, document)


def three_pillar_rubric(session):
    """The sample rubric with a third pillar, so that pillar scores make a radar."""
    document = rubric_document(slug="three-pillars", title="Three pillars")
    third = copy.deepcopy(document["pillars"][0])
    third.update(key="bottom_up", title="Bottom-up agenda-setting")
    for question in third["questions"]:
        question["key"] = question["key"].replace("openness.", "bottom_up.")
    document["pillars"].append(third)
    return stored_rubric(session, document)


def wide_rubric(session, per_pillar: int = 6):
    """The sample rubric with ``per_pillar`` questions in each pillar: many answers to load."""
    document = rubric_document(slug="wide-rubric", title="Wide rubric")
    for pillar in document["pillars"]:
        first = pillar["questions"][0]
        pillar["questions"] = [
            {**copy.deepcopy(first), "key": f"{pillar['key']}.question_{number}"}
            for number in range(per_pillar)
        ]
    return stored_rubric(session, document)


def other_rubric(session):
    """A different rubric (another slug) with the sample's shape."""
    return stored_rubric(session, rubric_document(slug="other-rubric", title="Other rubric"))


def draft_id(session, rubric, assessor) -> int:
    process = stored_process(session, name="Draft process")
    assessment = start_assessment(
        session, assessor, {"process_id": process.id, "rubric": rubric.label}
    )
    session.commit()
    return assessment.id


def api_scorecard(client, assessment_id: int) -> dict:
    response = client.get(f"/api/v1/assessments/{assessment_id}/scorecard")
    assert response.status_code == 200
    return response.get_json()


def ids_text(ids) -> str:
    return ",".join(str(assessment_id) for assessment_id in ids)


@contextmanager
def counted_statements():
    """The SQL statements sent while the block runs."""
    statements: list[str] = []

    def count(conn, cursor, statement, parameters, context, executemany):
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(db.engine, "before_cursor_execute", count)


class _Tables(HTMLParser):
    """Rows of the tables with a given class: each row's cells as text, with their classes."""

    def __init__(self, table_class: str) -> None:
        super().__init__()
        self.table_class = table_class
        self.depth = 0
        self.tables: list[list[list[tuple[str, str]]]] = []
        self.cell: list[str] | None = None
        self.cell_class = ""

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "table" and self.table_class in (attributes.get("class") or "").split():
            self.depth = 1
            self.tables.append([])
        elif tag == "table" and self.depth:
            self.depth += 1
        elif self.depth and tag == "tr":
            self.tables[-1].append([])
        elif self.depth and tag in ("td", "th"):
            self.cell, self.cell_class = [], attributes.get("class") or ""

    def handle_endtag(self, tag):
        if tag == "table" and self.depth:
            self.depth -= 1
        elif self.depth and tag in ("td", "th") and self.cell is not None:
            self.tables[-1][-1].append((" ".join("".join(self.cell).split()), self.cell_class))
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def tables(html: str, table_class: str = "comparison-table") -> list[list[list[tuple[str, str]]]]:
    """Every table of the class: rows of (text, class) cells, header row first."""
    parser = _Tables(table_class)
    parser.feed(html)
    return parser.tables


def text_of(html: str) -> str:
    """What a person reads: the text without tags, spaces collapsed."""
    return " ".join(re.sub(r"<[^>]+>", "", html).split())


def score_table(html: str) -> dict[str, list[tuple[str, str]]]:
    """The scores table's rows by their heading, each a list of (text, class) cells."""
    rows = tables(html)[0]
    return {row[0][0]: row[1:] for row in rows}
