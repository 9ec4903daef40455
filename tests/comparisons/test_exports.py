"""The comparison as CSV, JSON and PDF: the same numbers as each scorecard's API."""

import csv
import io
import re

import pytest

from assessor.comparisons.export import CSV_COLUMNS
from tests.comparisons import (
    api_scorecard,
    ids_text,
    other_rubric,
    people,
    publish_scorecards,
    three_pillar_rubric,
)
from tests.factories import published_assessment, stored_process, stored_rubric
from tests.tools import pdf_info, pdf_text


@pytest.fixture
def team(session):
    return people(session)


@pytest.fixture
def sample(session):
    return stored_rubric(session)


@pytest.fixture
def three(session, sample, team) -> list[int]:
    return publish_scorecards(session, sample, 3, *team)


def download(client, extension: str, ids, **query):
    response = client.get(f"/compare.{extension}", query_string={"ids": ids_text(ids), **query})
    assert response.status_code == 200, response.get_data(as_text=True)[:2000]
    return response


def csv_rows(response) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))


def cards(client, ids) -> dict[int, dict]:
    return {assessment_id: api_scorecard(client, assessment_id) for assessment_id in ids}


def expected_rows(card: dict) -> dict[tuple[str, str], float | None]:
    """What the CSV should say of a scorecard, from its API scorecard."""
    expected = {
        ("overall", "overall"): card["score"],
        ("completeness", "completeness"): card["completeness"],
        ("evidence_coverage", "evidence_coverage"): card["evidence_coverage"],
    }
    for pillar in card["pillars"]:
        expected[("pillar", pillar["key"])] = pillar["score"]
        for question in pillar["questions"]:
            expected[("question", question["key"])] = question["score"]
    return expected


# CSV


def test_csv_has_a_header_and_one_row_per_scorecard_and_measure(client, three):
    response = download(client, "csv", three)
    assert response.is_streamed
    assert response.mimetype == "text/csv"
    lines = response.get_data(as_text=True).splitlines()
    assert lines[0] == ",".join(CSV_COLUMNS)
    # Overall, two pillars, completeness, evidence coverage and four questions each.
    assert len(lines) == 1 + 3 * 9


def test_csv_numbers_equal_the_api_scorecards(client, three):
    rows = csv_rows(download(client, "csv", three))
    for assessment_id, card in cards(client, three).items():
        mine = {
            (row["measure"], row["key"]): row
            for row in rows
            if row["assessment_id"] == str(assessment_id)
        }
        expected = expected_rows(card)
        assert set(mine) == set(expected)
        for key, value in expected.items():
            assert mine[key]["value"] == ("" if value is None else repr(value)), key
        assert mine[("overall", "overall")]["band"] == card["band"]
        questions = {q["key"]: q for p in card["pillars"] for q in p["questions"]}
        for key, question in questions.items():
            assert mine[("question", key)]["answer"] == question["status"]
            assert mine[("question", key)]["level"] == str(question["answer"]["level"])


def test_csv_deltas_are_against_the_baseline(client, three):
    rows = csv_rows(download(client, "csv", three, baseline=three[0]))
    assert rows[1]["assessment_id"] == str(three[0])
    overall = {r["assessment_id"]: r for r in rows if r["measure"] == "overall"}
    scores = {i: card["score"] for i, card in cards(client, three).items()}
    assert overall[str(three[0])]["delta"] == ""
    for assessment_id in three[1:]:
        delta = float(overall[str(assessment_id)]["delta"])
        assert delta == pytest.approx(scores[assessment_id] - scores[three[0]], abs=0.011)


# What spreadsheets run as a formula when a cell starts with it (OWASP, CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
NUMBER_COLUMNS = ("assessment_id", "value", "level", "delta")


@pytest.mark.parametrize(
    "name",
    [
        '=HYPERLINK("https://example.org","x")',
        "+1+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(1+1)",
        "\t=1+1",
        "\r=1+1",
        "'=1+1",
    ],
)
def test_csv_writes_a_name_that_would_run_behind_one_quote(client, session, sample, team, name):
    evil = stored_process(session, name=name)
    ids = [
        published_assessment(session, sample, evil, *team).id,
        *publish_scorecards(session, sample, 1, *team),
    ]
    session.commit()
    rows = csv_rows(download(client, "csv", ids))
    assert {row["process"] for row in rows if row["assessment_id"] == str(ids[0])} == {"'" + name}
    for row in rows:
        for column in set(CSV_COLUMNS) - set(NUMBER_COLUMNS):
            assert not row[column].startswith(FORMULA_STARTS), (column, row[column])


def test_csv_negative_deltas_stay_numbers(client, three):
    scores = {i: card["score"] for i, card in cards(client, three).items()}
    best = max(three, key=scores.get)
    rows = csv_rows(download(client, "csv", three, baseline=best))
    deltas = [row["delta"] for row in rows if row["delta"]]
    assert any(delta.startswith("-") for delta in deltas)
    overall = {row["assessment_id"]: row["delta"] for row in rows if row["measure"] == "overall"}
    for assessment_id in three:
        if assessment_id != best:
            expected = scores[assessment_id] - scores[best]
            assert float(overall[str(assessment_id)]) == pytest.approx(expected, abs=0.011)


def test_csv_file_name_says_what_is_compared(client, three):
    response = download(client, "csv", three)
    disposition = response.headers["Content-Disposition"]
    assert disposition == f'attachment; filename="comparison-{"-".join(map(str, three))}.csv"'


# JSON


def test_json_numbers_equal_the_api_scorecards(client, three):
    comparison = download(client, "json", three).get_json()
    assert [s["assessment_id"] for s in comparison["scorecards"]] == three
    assert comparison["rubric"]["versions"] == ["1.0.0"]
    rows = {row["key"]: row for row in comparison["rows"]}
    questions = {q["key"]: q for q in comparison["questions"]}
    for index, (assessment_id, card) in enumerate(cards(client, three).items()):
        assert rows["overall"]["cells"][index]["value"] == card["score"]
        assert rows["overall"]["cells"][index]["band"] == card["band"]
        assert rows["completeness"]["cells"][index]["value"] == card["completeness"]
        assert rows["evidence_coverage"]["cells"][index]["value"] == card["evidence_coverage"]
        for pillar in card["pillars"]:
            assert rows[pillar["key"]]["cells"][index]["value"] == pillar["score"]
            for question in pillar["questions"]:
                cell = questions[question["key"]]["cells"][index]
                assert cell["assessment_id"] == assessment_id
                assert cell["score"] == question["score"]
                assert cell["level"] == question["answer"]["level"]
        scorecard = comparison["scorecards"][index]
        assert scorecard["url"].endswith(f"/assessments/{assessment_id}/scorecard")
        assert client.get(scorecard["api_url"]).get_json() == card


def test_json_rounds_like_the_api_and_marks_best_and_deltas(client, three):
    comparison = download(client, "json", three, baseline=three[0]).get_json()
    overall = next(row for row in comparison["rows"] if row["key"] == "overall")
    assert [cell["value"] for cell in overall["cells"]] == [43.06, 68.06, 65.28]
    assert [cell["best"] for cell in overall["cells"]] == [False, True, False]
    assert [cell["delta"] for cell in overall["cells"]] == [None, 25.0, 22.22]
    assert comparison["baseline_id"] == three[0]
    assert [q["level_spread"] for q in comparison["questions"]] == [4, 2, 2, 2]
    assert [q["unknowns"] for q in comparison["questions"]] == [0, 0, 0, 0]


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ("ids=1", "ids", "choose from 2 to 50 scorecards, not 1"),
        ("ids=x", "ids", "must be scorecard ids separated by commas, such as 3,8,15"),
        ("ids=1,2&baseline=0", "baseline", "must be an id from 1 to 2147483647"),
    ],
)
def test_json_refusals_name_the_field(client, three, query, field, message):
    response = client.get(f"/compare.json?{query}")
    assert response.status_code == 422
    assert response.get_json() == {"errors": {field: [message]}}


def test_json_refuses_different_rubrics(client, session, sample, team):
    ids = publish_scorecards(session, sample, 1, *team) + publish_scorecards(
        session, other_rubric(session), 1, *team, name="Other"
    )
    response = client.get(f"/compare.json?ids={ids_text(ids)}")
    assert response.status_code == 422
    assert "different rubrics cannot be compared" in response.get_json()["errors"]["ids"][0]


def test_csv_refusal_is_a_page_that_says_why(client, three):
    response = client.get(f"/compare.csv?ids={three[0]}")
    assert response.status_code == 422
    assert "choose from 2 to 50 scorecards, not 1" in response.get_data(as_text=True)


# PDF


def test_pdf_shows_the_process_names_and_the_scores(client, session, team, tmp_path):
    ids = publish_scorecards(session, three_pillar_rubric(session), 3, *team, name="Forum")
    response = download(client, "pdf", ids)
    assert response.mimetype == "application/pdf"
    text = pdf_text(response.data, tmp_path)
    for number in (1, 2, 3):
        assert f"Forum {number}" in text
    overall = client.get(f"/compare.json?ids={ids_text(ids)}").get_json()["rows"][0]
    assert f"{overall['cells'][0]['value']:.1f}" in text
    assert "Page 1 of" in text and "Bottom-up agenda-setting" in text


def test_pdf_is_a4_landscape_tagged_with_a_title(client, three, tmp_path):
    info = pdf_info(download(client, "pdf", three).data, tmp_path)
    assert re.search(r"^Title:\s+Comparison of 3 scorecards: Sample rubric", info, re.M)
    assert re.search(r"^Tagged:\s+yes", info, re.M)
    assert re.search(r"^Page size:\s+841.* x 595.* pts", info, re.M)


def test_pdf_of_many_scorecards_splits_tables_into_groups(client, session, sample, team, tmp_path):
    ids = publish_scorecards(session, sample, 13, *team, name="Meeting")
    text = pdf_text(download(client, "pdf", ids).data, tmp_path)
    assert "scorecards 1 to 8 of 13" in text and "scorecards 9 to 13 of 13" in text
    assert all(f"Meeting {number}" in text for number in range(1, 14))


def test_pdf_page_1_reads_the_running_title_then_the_heading_then_the_body(client, three, tmp_path):
    """The margins' words are drawn there alone: none is hidden under the heading, where it came
    out of the PDF's text mixed with the heading's letters."""
    first_page = pdf_text(download(client, "pdf", three).data, tmp_path).split("\f")[0]
    lines = [" ".join(line.split()) for line in first_page.splitlines() if line.strip()]
    assert lines[:3] == [
        "Comparison of 3 scorecards · Sample rubric",
        "COMPARISON OF MULTISTAKEHOLDER SCORECARDS",
        "3 scorecards compared",
    ]
