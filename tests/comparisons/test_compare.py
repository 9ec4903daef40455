"""/compare: the picker, the table, baselines, radars, questions, versions and refusals."""

from datetime import UTC, datetime
from urllib.parse import parse_qs, urlsplit

import pytest

from assessor.assessments.models import Assessment
from assessor.assessments.workflow import withdraw
from assessor.comparisons.questions import level_spread
from assessor.scoring import display_score
from tests.comparisons import (
    RENAMED_FROM,
    RENAMED_TO,
    api_scorecard,
    counted_statements,
    draft_id,
    ids_text,
    other_rubric,
    people,
    publish_scorecards,
    renamed_version,
    score_table,
    tables,
    text_of,
    three_pillar_rubric,
    wide_rubric,
)
from tests.factories import (
    published_assessment,
    rubric_document,
    stored_process,
    stored_rubric,
    stored_user,
)

MINUS = "\u2212"


@pytest.fixture
def team(session):
    return people(session)


@pytest.fixture
def sample(session):
    return stored_rubric(session)


@pytest.fixture
def three(session, sample, team) -> list[int]:
    """Three scorecards of the sample rubric; overall 43.06, 68.06 and 65.28."""
    return publish_scorecards(session, sample, 3, *team)


def page(client, query: str, status: int = 200) -> str:
    response = client.get(f"/compare{query}")
    assert response.status_code == status, response.get_data(as_text=True)[:3000]
    return response.get_data(as_text=True)


def _ids_in(html: str, table_class: str, column: int) -> list[int]:
    found = tables(html, table_class)
    rows = found[0][1:] if found else []
    return [int(row[column][0].split("#")[1].split()[0]) for row in rows]


def chosen(html: str) -> list[int]:
    """The ids ticked in the picker's list of chosen scorecards."""
    return _ids_in(html, "chosen", 6)


def listed(html: str) -> list[int]:
    """The ids in the picker's list of results."""
    return _ids_in(html, "results", 6)


def location_args(response) -> dict[str, str]:
    assert response.status_code == 303
    location = urlsplit(response.headers["Location"])
    assert location.path == "/compare"
    return {key: values[0] for key, values in parse_qs(location.query).items()}


# The picker


def test_without_ids_the_picker_lists_published_scorecards_with_guidance(client, three):
    html = page(client, "")
    assert "How to compare" in html and "Tick from 2 to 50" in html
    assert sorted(listed(html)) == sorted(three)
    assert chosen(html) == []


def test_with_one_id_the_picker_shows_it_chosen_and_asks_for_more(client, three):
    html = page(client, f"?ids={three[0]}")
    assert chosen(html) == [three[0]]
    assert f'id="pick-{three[0]}" checked' in html
    assert "Choose at least 1 more to compare." in html


def test_the_picker_marks_withdrawn_scorecards_and_never_lists_drafts(
    client, session, sample, team, three
):
    admin = stored_user(session, "admin@example.org", ["admin"], None)
    withdraw(session, admin, session.get(Assessment, three[0]), "The evidence was not public.")
    draft = draft_id(session, sample, team[0])
    html = page(client, "")
    assert draft not in listed(html)
    rows = {row[6][0] for row in tables(html, "results")[0][1:]}
    assert f"Scorecard #{three[0]} Withdrawn" in rows
    assert f"Scorecard #{three[1]}" in rows


@pytest.fixture
def varied(session, sample, team) -> dict[str, int]:
    """Two scorecards that differ in every filter."""
    bali = stored_process(
        session,
        name="Bali national consultation",
        convening_organization="Kominfo",
        scope="national",
        layer="on_the_internet",
    )
    igf = stored_process(session, name="IGF 2013 Workshop #41")
    made = {
        "bali": published_assessment(session, sample, bali, *team, perspective="government"),
        "igf": published_assessment(session, sample, igf, *team, perspective="civil_society"),
    }
    session.commit()
    return {name: assessment.id for name, assessment in made.items()}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("q=BALI", {"bali"}),
        ("organization=kominfo", {"bali"}),
        ("scope=national", {"bali"}),
        ("layer=of_the_internet", {"igf"}),
        ("perspective=civil_society", {"igf"}),
        ("rubric=sample-rubric", {"bali", "igf"}),
        ("rubric=other-rubric", set()),
        (f"year={datetime.now(UTC).year}", {"bali", "igf"}),
        ("year=2001", set()),
    ],
)
def test_the_picker_filters_by_each_field(client, varied, query, expected):
    assert set(listed(page(client, f"?{query}"))) == {varied[name] for name in expected}


def test_the_pickers_form_builds_ids_in_the_address(client, three):
    response = client.get(
        "/compare", query_string={"id": [three[2], three[0]], "action": "compare"}
    )
    assert location_args(response) == {"ids": f"{three[2]},{three[0]}"}


def test_the_choice_is_kept_when_searching_or_turning_the_page(client, three):
    response = client.get(
        "/compare", query_string={"id": [three[1]], "goto": 2, "q": "Process", "scope": ""}
    )
    assert location_args(response) == {
        "ids": str(three[1]),
        "pick": "1",
        "page": "2",
        "q": "Process",
    }


def test_comparing_fewer_than_two_keeps_the_picker(client, three):
    args = location_args(client.get("/compare", query_string={"id": three[0], "action": "compare"}))
    assert args["ids"] == str(three[0]) and args["pick"] == "1"


def test_change_the_scorecards_shows_the_picker_with_the_choice(client, three):
    html = page(client, f"?ids={ids_text(three)}&pick=1")
    assert chosen(html) == three


# The table


def test_table_values_equal_each_scorecards_own_scores(client, three):
    table = score_table(page(client, f"?ids={ids_text(three)}"))
    headings = [text for text, _ in table["Measure"]]
    for column, assessment_id in enumerate(three):
        card = api_scorecard(client, assessment_id)
        assert f"Scorecard #{assessment_id}" in headings[column]
        assert "Published" in headings[column] and "Rubric version 1.0.0" in headings[column]
        overall = table["Overall score"][column][0].split()
        assert float(overall[0]) == pytest.approx(card["score"], abs=0.05)
        assert overall[1] == card["band"]
        for pillar in card["pillars"]:
            text = table[f"Pillar {pillar['title']}"][column][0].split()
            assert float(text[0]) == pytest.approx(pillar["score"], abs=0.05)
            assert text[1] == pillar["band"]
        completeness = table["Completeness"][column][0]
        assert completeness == f"{display_score(card['completeness'] * 100)}%"


def test_each_score_carries_its_band_in_words_and_colour(client, three):
    table = score_table(page(client, f"?ids={ids_text(three)}"))
    text, classes = table["Overall score"][0]
    assert text.startswith("43.1 Partial")
    assert "cmp-band-partial" in classes


def test_the_best_of_each_row_is_marked_in_text_and_style(client, three):
    table = score_table(page(client, f"?ids={ids_text(three)}"))
    marked = {
        name: [column for column, (text, classes) in enumerate(cells) if "best" in text.split()]
        for name, cells in table.items()
    }
    assert marked["Overall score"] == [1]
    assert marked["Pillar Openness"] == [2]
    assert marked["Pillar Transparency"] == [1]
    assert "cmp-best" in table["Overall score"][1][1]
    # Every scorecard is complete: nothing to mark when all are equal.
    assert marked["Completeness"] == []


def test_a_baseline_leads_and_the_others_show_their_differences(client, three):
    table = score_table(page(client, f"?ids={ids_text(three)}&baseline={three[1]}"))
    headings = [text for text, _ in table["Measure"]]
    assert f"#{three[1]}" in headings[0] and "Baseline" in headings[0]
    assert [text.split()[-4] for text, _ in table["Overall score"][1:]] == [
        f"{MINUS}25.0",
        f"{MINUS}2.8",
    ]
    assert "+25.0" in table["Pillar Openness"][2][0]


def test_without_a_baseline_no_difference_is_shown(client, three):
    table = score_table(page(client, f"?ids={ids_text(three)}"))
    assert all("against the baseline" not in text for text, _ in table["Overall score"])


def test_a_baseline_outside_the_comparison_is_refused(client, three):
    html = page(client, f"?ids={ids_text(three)}&baseline=999999", status=422)
    assert "Baseline: must be one of the scorecards compared" in html
    assert chosen(html) == three


# Radars


@pytest.fixture
def nine(session, team) -> list[int]:
    return publish_scorecards(session, three_pillar_rubric(session), 9, *team)


def test_up_to_eight_scorecards_share_one_radar_with_a_legend(client, nine):
    html = page(client, f"?ids={ids_text(nine[:8])}")
    assert html.count("<svg") == 1
    assert 'id="comparison-radar-title"' in html
    assert all(f"#{assessment_id} Process" in html for assessment_id in nine[:8])


def test_more_than_eight_scorecards_get_a_small_radar_each(client, nine):
    html = page(client, f"?ids={ids_text(nine)}")
    assert 'id="comparison-radar-title"' not in html
    assert html.count("<svg") == 9
    assert all(f'id="comparison-radar-{assessment_id}-title"' in html for assessment_id in nine)
    assert len(tables(html)[0][0]) == 10


def test_two_pillars_make_no_radar_and_say_so(client, three):
    html = page(client, f"?ids={ids_text(three)}")
    assert "<svg" not in html and "A radar needs at least three shared pillars" in html


# Questions side by side


def test_the_spread_is_of_levels_alone_leaving_out_unknowns_and_not_applicable():
    cells = [
        {"status": "level", "level": 3},
        {"status": "insufficient_information", "level": None},
        {"status": "not_applicable", "level": None},
        {"status": "missing", "level": None},
        {"status": "level", "level": 2},
    ]
    assert level_spread(cells) == 1
    assert level_spread(cells[:4]) is None
    assert level_spread([{"status": "level", "level": 2}] * 2) == 0


def test_questions_come_widest_spread_first_and_link_to_each_answer(client, three):
    html = page(client, f"?ids={ids_text(three)}")
    rows = tables(html)[1][1:]
    # Levels by question: (0, 1, 2), (1, 2, 3), (2, 3, 4), (3, 4, 0): the last spreads 4.
    assert [(row[0][0].split()[0], row[1][0], row[2][0]) for row in rows] == [
        ("2.2", "4", "0"),
        ("1.1", "2", "0"),
        ("1.2", "2", "0"),
        ("2.1", "2", "0"),
    ]
    assert rows[0][3][0].startswith("3 · Substantial")
    assert rows[0][5][0].startswith("0 · Absent")
    link = f'/assessments/{three[0]}/scorecard#q-transparency.decision_rationale"'
    assert link in html


def test_the_scorecard_page_has_the_anchor_each_question_links_to(client, three):
    response = client.get(f"/assessments/{three[0]}/scorecard")
    assert 'id="q-transparency.decision_rationale"' in response.get_data(as_text=True)


# Versions and rubrics


@pytest.fixture
def two_versions(session, sample, team) -> list[int]:
    """A scorecard of version 1.0.0 and one of 1.1.0, where one question was renamed."""
    newer = renamed_version(session)
    first = publish_scorecards(session, sample, 1, *team)
    second = publish_scorecards(session, newer, 1, *team, name="Newer")
    return first + second


def test_versions_of_one_rubric_compare_the_questions_they_share(client, two_versions):
    old, new = two_versions
    html = page(client, f"?ids={old},{new}")
    text = text_of(html)
    assert f"Version 1.0.0: scorecard #{old}" in text and f"Version 1.1.0: scorecard #{new}" in text
    compared = [row[-1][0] for row in tables(html)[1]]
    assert len(compared) == 4
    keys = [
        row.split('data-key="')[1].split('"')[0] for row in html.split('class="cmp-question"')[1:]
    ]
    assert RENAMED_FROM not in keys and RENAMED_TO not in keys and len(keys) == 3
    not_comparable = text_of(html.split('id="not-comparable"')[1])
    assert (
        f"Only in version 1.0.0 Questions Is decision rationale realised? ({RENAMED_FROM})"
        f" Only in version 1.1.0 Questions Are the reasons for decisions published? ({RENAMED_TO})"
    ) in not_comparable
    # Both pillars exist in both versions, so both are compared.
    assert {"Pillar Openness", "Pillar Transparency"} <= set(score_table(html))


def test_a_pillar_missing_from_a_version_is_not_compared_and_said_so(client, session, sample, team):
    document = rubric_document(version="2.0.0")
    document["pillars"][1]["key"] = "accountability"
    for question in document["pillars"][1]["questions"]:
        question["key"] = question["key"].replace("transparency.", "accountability.")
    newer = stored_rubric(session, document)
    ids = publish_scorecards(session, sample, 1, *team) + publish_scorecards(
        session, newer, 1, *team, name="Newer"
    )
    html = page(client, f"?ids={ids_text(ids)}")
    assert "Pillar Openness" in score_table(html) and "Pillar Transparency" not in score_table(html)
    not_comparable = text_of(html.split('id="not-comparable"')[1])
    assert "Only in version 1.0.0 Pillars Transparency (transparency)" in not_comparable
    assert "compared on the 1 pillar and 2 questions all versions share" in text_of(html)


def test_different_rubrics_are_refused_with_the_choice_kept(client, session, sample, team):
    ids = publish_scorecards(session, sample, 1, *team) + publish_scorecards(
        session, other_rubric(session), 1, *team, name="Other"
    )
    html = page(client, f"?ids={ids_text(ids)}", status=422)
    assert "scorecards of different rubrics cannot be compared" in html
    assert f"scorecard {ids[0]} uses Sample rubric (sample-rubric)" in html
    assert f"scorecard {ids[1]} uses Other rubric (other-rubric)" in html
    assert chosen(html) == ids


# Refused ids


@pytest.mark.parametrize(
    ("ids", "message"),
    [
        ("3,abc", "Scorecards: must be scorecard ids separated by commas, such as 3,8,15"),
        (",".join(str(n) for n in range(1, 52)), "Scorecards: choose at most 50 scorecards"),
        ("1,99999999999", "Scorecards: must be scorecard ids separated by commas"),
        ("0,1", "Scorecards: each id must be from 1 to 2147483647"),
    ],
)
def test_ids_that_are_not_a_list_of_up_to_fifty_ids_are_refused(client, three, ids, message):
    html = page(client, f"?ids={ids}", status=422)
    assert message in html
    assert listed(html)


def test_a_draft_is_refused_like_an_unknown_id(client, session, sample, team, three):
    draft = draft_id(session, sample, team[0])
    as_draft = page(client, f"?ids={three[0]},{draft}", status=422)
    as_unknown = page(client, f"?ids={three[0]},999999", status=422)
    assert f"Scorecards: not a published scorecard: {draft}" in as_draft
    assert "Scorecards: not a published scorecard: 999999" in as_unknown
    assert chosen(as_draft) == chosen(as_unknown) == [three[0]]


# Queries


@pytest.fixture
def fifty(session, team) -> list[int]:
    """50 scorecards of 12 questions: more answers than one eager load takes at once (500)."""
    return publish_scorecards(session, wide_rubric(session), 50, *team)


def test_the_number_of_queries_does_not_grow_with_the_scorecards(client, session, fifty):
    for path in ("/compare", "/compare.csv", "/compare.json"):
        counts = []
        for ids in (fifty[:2], fifty):
            session.expunge_all()
            with counted_statements() as statements:
                query = {"ids": ids_text(ids), "baseline": ids[0]}
                assert client.get(path, query_string=query).status_code == 200
            counts.append(len(statements))
        assert counts[0] == counts[1] <= 10, (path, counts)
