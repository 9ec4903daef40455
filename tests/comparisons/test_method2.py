"""Method 2 in the comparison: ranges and coverage, the order of questions by levels alone with
unknowns apart, each scorecard's stage matrix, and questions only in some rubric versions."""

import csv
import io

import pytest

from assessor.rubrics.loader import read_rubric
from assessor.rubrics.service import store_rubric
from tests.comparisons import (
    RENAMED_FROM,
    RENAMED_TO,
    UNKNOWN,
    people,
    publish_scorecards,
    published_with,
    renamed_version,
    score_table,
    tables,
    text_of,
)
from tests.factories import SHIPPED_RUBRIC, rubric_document, shipped_rubric, stored_rubric, tagged
from tests.tools import pdf_text

OPEN = "openness.open_participation"
REMOTE = "openness.remote_participation"
DOCUMENTS = "transparency.public_documents"
NEWER_FILE = "wsis10-multistakeholder-1.1.0.yaml"
RATIONALE = "transparency.decision_rationale"

# Two scorecards of the sample rubric (openness weight 1, transparency weight 2, public
# documents weight 2). They differ by two levels on OPEN, agree on REMOTE, and each left one
# transparency question unknown where the other gave a level.
FIRST = {OPEN: 1, REMOTE: 3, DOCUMENTS: UNKNOWN, RATIONALE: 2}
SECOND = {OPEN: 3, REMOTE: 3, DOCUMENTS: 4, RATIONALE: UNKNOWN}


@pytest.fixture
def sample(session):
    return stored_rubric(session)


@pytest.fixture
def pair(session, sample) -> list[int]:
    team = people(session)
    return [
        published_with(session, sample, FIRST, *team, name="Forum A"),
        published_with(session, sample, SECOND, *team, name="Forum B"),
    ]


def comparison_json(client, ids, **query) -> dict:
    ids_text = ",".join(str(assessment_id) for assessment_id in ids)
    response = client.get("/compare.json", query_string={"ids": ids_text, **query})
    assert response.status_code == 200, response.get_data(as_text=True)[:2000]
    return response.get_json()


def page_of(client, ids, **query) -> str:
    response = client.get("/compare", query_string={"ids": ",".join(map(str, ids)), **query})
    assert response.status_code == 200
    return response.get_data(as_text=True)


# The order of questions


def test_a_disagreement_in_levels_comes_before_a_difference_of_unknowns(client, pair):
    questions = comparison_json(client, pair)["questions"]
    # DOCUMENTS is 0 against 4 if an unknown counted as level 0; it has one level only.
    assert [(q["key"], q["level_spread"], q["unknowns"]) for q in questions] == [
        (OPEN, 2, 0),
        (REMOTE, 0, 0),
        (DOCUMENTS, None, 1),
        (RATIONALE, None, 1),
    ]


def test_unknowns_are_marked_in_words_and_counted_on_the_page(client, pair):
    rows = {row[0][0].split()[0]: row for row in tables(page_of(client, pair))[1][1:]}
    documents = rows["2.1"]
    assert (documents[1][0], documents[2][0]) == ("—", "1")
    text, classes = documents[3]
    assert text.startswith("Unknown Insufficient information") and "cmp-unknown" in classes
    assert documents[4][0].startswith("4 · Full")


# Ranges and information coverage


def test_json_gives_each_score_its_range_and_coverage(client, pair):
    rows = {row["key"]: row for row in comparison_json(client, pair)["rows"]}
    first, second = rows["overall"]["cells"]
    # Transparency of the first: (2 x 0 + 50) / 3, up to (2 x 100 + 50) / 3, coverage 100 / 3.
    assert first["value"] == 27.78
    assert first["score_range"] == {"low": 27.78, "high": 72.22}
    assert first["information_coverage"] == 55.56
    assert second["score_range"] == {"low": 69.44, "high": 91.67}
    transparency = rows["transparency"]["cells"][0]
    assert transparency["score_range"] == {"low": 16.67, "high": 83.33}
    assert transparency["information_coverage"] == 33.33
    assert rows["openness"]["cells"][0]["score_range"] == {"low": 50.0, "high": 50.0}
    assert "score_range" not in rows["completeness"]["cells"][0]


def test_the_page_shows_up_to_where_the_range_is_open_and_the_coverage(client, pair):
    table = score_table(page_of(client, pair))
    overall = table["Overall score"][0][0]
    assert overall.startswith("27.8 Minimal up to 72.2 information coverage 55.6%")
    openness = table["Pillar Openness"][0][0]
    assert "up to" not in openness and "information coverage 100.0%" in openness


def test_csv_gives_each_score_its_range_and_coverage(client, pair):
    response = client.get(f"/compare.csv?ids={pair[0]},{pair[1]}")
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    overall = next(
        row for row in rows if row["assessment_id"] == str(pair[0]) and row["measure"] == "overall"
    )
    assert (overall["value"], overall["score_range_low"], overall["score_range_high"]) == (
        "27.78",
        "27.78",
        "72.22",
    )
    assert overall["information_coverage"] == "55.56"
    share = next(row for row in rows if row["measure"] == "completeness")
    assert (share["score_range_low"], share["information_coverage"]) == ("", "")


# Stages


@pytest.fixture
def staged(session, sample) -> list[int]:
    """The first answers on version 1.1.0, which tags its questions with stages: openness falls
    from 75 at agenda-setting to 25 at decision-making; the second on 1.0.0, which tags none."""
    stages = (["decision_making"], ["agenda_setting"], ["decision_making"], ["whole_process"])
    newer = stored_rubric(session, tagged(rubric_document(version="1.1.0"), *stages))
    team = people(session)
    return [
        published_with(session, newer, FIRST, *team, name="Forum A"),
        published_with(session, sample, SECOND, *team, name="Forum B"),
    ]


def test_json_gives_each_scorecards_stage_rows(client, staged):
    tagged, untagged = comparison_json(client, staged)["stages"]
    assert [row["stage"] for row in tagged["rows"]] == [
        "agenda_setting",
        "policy_formulation",
        "decision_making",
        "whole_process",
    ]
    decision = tagged["rows"][2]
    openness, transparency = decision["cells"]
    assert (openness["score"], openness["falls_below_earlier"]) == (25.0, True)
    # An unknown at decision-making leaves it open from 0 to 100: not flagged.
    assert transparency["score_range"] == {"low": 0.0, "high": 100.0}
    assert not transparency["falls_below_earlier"] and not decision["falls_below_earlier"]
    assert tagged["rows"][1]["cells"][0] == {
        "pillar_key": "openness",
        "questions": 0,
        "score": None,
        "score_range": None,
        "information_coverage": None,
        "falls_below_earlier": False,
    }
    assert untagged == {
        "assessment_id": staged[1],
        "rubric_version": "1.0.0",
        "stage_tags": False,
        "rows": [],
    }


def test_the_page_flags_a_stage_below_an_earlier_one_in_words(client, staged):
    rows = tables(page_of(client, staged), "stage-table")[0]
    by_stage = {row[0][0]: row for row in rows if len(row) > 1}
    openness_text, classes = by_stage["Decision-making"][2]
    assert openness_text.startswith("25.0") and "Falls below an earlier stage" in openness_text
    assert "cmp-falls" in classes
    assert by_stage["Policy formulation"][2][0] == "no question"
    untagged = [row[0][0] for row in rows if len(row) == 1]
    assert "Rubric version 1.0.0 tags no question with a stage of the process" in untagged[-1]


# Rubric versions


@pytest.fixture
def two_versions(session, sample) -> list[int]:
    team = people(session)
    return publish_scorecards(session, sample, 1, *team) + publish_scorecards(
        session, renamed_version(session), 1, *team, name="Newer"
    )


def test_json_lists_per_version_the_questions_only_it_has(client, two_versions):
    comparison = comparison_json(client, two_versions)
    assert comparison["not_comparable"] == [
        {
            "version": "1.0.0",
            "pillars": [],
            "questions": [{"key": RENAMED_FROM, "prompt": "Is decision rationale realised?"}],
        },
        {
            "version": "1.1.0",
            "pillars": [],
            "questions": [
                {"key": RENAMED_TO, "prompt": "Are the reasons for decisions published?"}
            ],
        },
    ]
    assert RENAMED_FROM not in {question["key"] for question in comparison["questions"]}


def test_the_pdf_shows_ranges_unknowns_stages_and_versions(client, staged, tmp_path):
    response = client.get(f"/compare.pdf?ids={staged[0]},{staged[1]}")
    text = " ".join(pdf_text(response.data, tmp_path).split())
    assert "up to 72.2" in text and "information coverage 55.6%" in text
    assert "Unknown Insufficient information" in text
    assert "Falls below an earlier stage" in text
    assert "Rubric version 1.0.0 tags no question with a stage" in text


def test_the_pdf_lists_what_only_one_version_has(client, two_versions, tmp_path):
    response = client.get(f"/compare.pdf?ids={two_versions[0]},{two_versions[1]}")
    text = " ".join(pdf_text(response.data, tmp_path).split())
    assert "Only in version 1.0.0" in text and "Is decision rationale realised?" in text
    assert "Only in version 1.1.0" in text and "Are the reasons for decisions published?" in text


def test_the_page_says_the_versions_share_questions(client, two_versions):
    text = text_of(page_of(client, two_versions))
    assert "These scorecards use 2 versions of the rubric." in text


# The API


def test_the_api_gives_the_comparison_of_the_json_export(client, staged):
    query = {"ids": f"{staged[0]},{staged[1]}", "baseline": staged[1]}
    response = client.get("/api/v1/comparisons", query_string=query)
    assert response.status_code == 200
    comparison = response.get_json()
    assert comparison == comparison_json(client, staged, baseline=staged[1])
    overall = comparison["rows"][0]["cells"][1]
    assert overall["score_range"] == {"low": 27.78, "high": 72.22}
    assert comparison["stages"][1]["rows"][2]["cells"][0]["falls_below_earlier"]


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ("ids=1, 2", "ids", "must be scorecard ids separated by commas, such as 3,8,15"),
        ("ids=1", "ids", "choose from 2 to 50 scorecards, not 1"),
        ("ids=1,2&colour=red", "colour", "Unknown parameter"),
    ],
)
def test_the_api_refuses_naming_the_field(client, pair, query, field, message):
    response = client.get(f"/api/v1/comparisons?{query}")
    assert response.status_code == 422
    assert response.get_json()["errors"][field] == [message]


def test_the_openapi_document_describes_the_comparison(client):
    document = client.get("/api/v1/openapi.json").get_json()
    operation = document["paths"]["/api/v1/comparisons"]["get"]
    parameters = {parameter["name"]: parameter for parameter in operation["parameters"]}
    assert parameters["ids"]["required"] and parameters["ids"]["schema"]["pattern"]
    assert {"baseline", "lang"} <= set(parameters)
    assert "score_range" in operation["description"] and "level_spread" in operation["description"]
    schemas = document["components"]["schemas"]
    assert {"score_range", "information_coverage"} <= set(
        schemas["ComparisonStageCell"]["properties"]
    )
    assert {"level_spread", "unknowns"} <= set(schemas["ComparisonQuestion"]["properties"])


# The shipped rubric's two versions


@pytest.fixture
def shipped_versions(session) -> list[int]:
    """A scorecard of each shipped version: 1.1.0 split five questions and tags stages."""
    team = people(session)
    older = shipped_rubric(session)
    newer = store_rubric(session, read_rubric(SHIPPED_RUBRIC.with_name(NEWER_FILE))).rubric
    return publish_scorecards(session, older, 1, *team) + publish_scorecards(
        session, newer, 1, *team, name="Newer"
    )


def test_the_shipped_versions_compare_by_key_and_list_the_split_questions(client, shipped_versions):
    comparison = comparison_json(client, shipped_versions)
    assert comparison["rubric"]["versions"] == ["1.0.0", "1.1.0"]
    assert len(comparison["questions"]) == 21
    only = {
        entry["version"]: [question["key"] for question in entry["questions"]]
        for entry in comparison["not_comparable"]
    }
    assert only["1.0.0"] == [
        "openness.remote_participation",
        "openness.accessible_participation",
        "equal_footing.advisory_group_formation",
        "equal_footing.geographic_balance",
        "equal_footing.representation_mandates",
    ]
    assert len(only["1.1.0"]) == 12 and "openness.youth_access" in only["1.1.0"]
    assert all(entry["pillars"] == [] for entry in comparison["not_comparable"])
    older, newer = comparison["stages"]
    assert (older["stage_tags"], older["rows"]) == (False, [])
    assert newer["stage_tags"] and all(row["questions"] for row in newer["rows"])


def test_the_page_of_the_shipped_versions_shows_both(client, shipped_versions):
    html = page_of(client, shipped_versions)
    text = text_of(html)
    assert "Only in version 1.0.0" in text and "Only in version 1.1.0" in text
    assert "Rubric version 1.0.0 tags no question with a stage of the process" in text
    stage_rows = [row[0][0] for row in tables(html, "stage-table")[0] if len(row) > 1]
    assert stage_rows[1:] == [
        "Agenda-setting",
        "Policy formulation",
        "Decision-making",
        "Whole process",
    ]


def test_each_answer_carries_its_question_number_in_its_own_version(client, shipped_versions):
    older, newer = shipped_versions
    questions = {row["key"]: row for row in comparison_json(client, shipped_versions)["questions"]}
    row = questions["equal_footing.participation_statistics"]
    # 2.4 in 1.0.0; 2.7 in 1.1.0, whose split questions come before it.
    assert row["number"] == "2.7"
    assert {cell["assessment_id"]: cell["number"] for cell in row["cells"]} == {
        older: "2.4",
        newer: "2.7",
    }
    text = text_of(page_of(client, shipped_versions))
    assert f"in scorecard #{older}, question 2.4" in text
    assert f"in scorecard #{newer}, question 2.7" in text


def test_a_delta_is_the_difference_of_the_two_scores_as_shown(client, session, sample):
    """5.56 and 11.11 show as 5.6 and 11.1: the page says their difference is 5.5 (not the
    5.6 that rounding 5.56 would give), the API 5.55 between its two-decimal figures."""
    team = people(session)
    low = published_with(
        session, sample, {OPEN: 0, REMOTE: 0, DOCUMENTS: 0, RATIONALE: 1}, *team, name="A"
    )
    high = published_with(
        session, sample, {OPEN: 0, REMOTE: 0, DOCUMENTS: 0, RATIONALE: 2}, *team, name="B"
    )
    comparison = comparison_json(client, [low, high], baseline=high)
    overall = next(row for row in comparison["rows"] if row["measure"] == "overall")
    cells = {cell["assessment_id"]: cell for cell in overall["cells"]}
    assert (cells[low]["value"], cells[high]["value"]) == (5.56, 11.11)
    assert cells[low]["delta"] == -5.55
    html = page_of(client, [low, high], baseline=high)
    assert "\u22125.5<" in html and "\u22125.6<" not in html
