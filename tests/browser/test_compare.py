"""Comparing scorecards in a real browser: pick, compare, set a baseline, download the CSV;
versions and rubrics mixed; no accessibility findings against WCAG 2.1 AA."""

import csv
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.browser.accessibility import accessibility_findings
from tests.comparisons import (
    RENAMED_FROM,
    RENAMED_TO,
    UNKNOWN,
    ids_text,
    other_rubric,
    people,
    publish_scorecards,
    published_with,
    renamed_version,
    three_pillar_rubric,
)
from tests.factories import rubric_document, stored_rubric, tagged


@pytest.fixture
def team(session):
    return people(session)


@pytest.fixture
def three(session, team) -> list[int]:
    """Three scorecards of a three-pillar rubric, so that they share a radar."""
    return publish_scorecards(session, three_pillar_rubric(session), 3, *team, name="Forum")


@pytest.fixture
def two_versions(session, team) -> list[int]:
    ids = publish_scorecards(session, stored_rubric(session), 1, *team)
    return ids + publish_scorecards(session, renamed_version(session), 1, *team, name="Newer")


@pytest.fixture
def two_rubrics(session, team) -> list[int]:
    ids = publish_scorecards(session, stored_rubric(session), 1, *team)
    return ids + publish_scorecards(session, other_rubric(session), 1, *team, name="Other")


def address_args(page) -> dict[str, str]:
    return {key: values[0] for key, values in parse_qs(urlsplit(page.url).query).items()}


def api_overall(page, assessment_id: int) -> float:
    response = page.request.get(f"/api/v1/assessments/{assessment_id}/scorecard")
    return response.json()["score"]


def test_pick_three_compare_set_a_baseline_and_download_the_csv(page, three, tmp_path):
    page.goto("/compare")
    for assessment_id in three:
        page.check(f"#pick-{assessment_id}")
    page.get_by_role("button", name="Compare the chosen scorecards").first.click()
    page.wait_for_url("**/compare?ids=*")
    assert sorted(int(i) for i in address_args(page)["ids"].split(",")) == sorted(three)
    assert page.locator("table.comparison-table").first.is_visible()
    assert page.locator(".comparison-charts svg[role=img]").is_visible()
    assert page.locator(".comparison-charts svg text", has_text="Forum 2").count() == 1

    page.select_option("#baseline", str(three[1]))
    page.get_by_role("button", name="Show the differences").click()
    page.wait_for_url("**baseline=*")
    assert address_args(page)["baseline"] == str(three[1])
    first_heading = page.locator("table.comparison-table thead th").nth(1)
    assert "Baseline" in first_heading.inner_text() and "Forum 2" in first_heading.inner_text()
    assert page.locator(".cmp-row-overall .cmp-delta").count() == 2

    with page.expect_download() as download:
        page.get_by_role("link", name="Download CSV").click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    with path.open(newline="") as file:
        rows = [row for row in csv.DictReader(file) if row["measure"] == "overall"]
    chosen = [int(i) for i in address_args(page)["ids"].split(",")]
    assert [int(row["assessment_id"]) for row in rows] == [three[1]] + [
        assessment_id for assessment_id in chosen if assessment_id != three[1]
    ]
    for row in rows:
        assessment_id = int(row["assessment_id"])
        assert float(row["value"]) == api_overall(page, assessment_id)
        if assessment_id != three[1]:
            expected = api_overall(page, assessment_id) - api_overall(page, three[1])
            assert float(row["delta"]) == pytest.approx(expected, abs=0.011)


def test_the_choice_survives_a_search(page, three):
    page.goto(f"/compare?ids={three[0]}")
    assert page.is_checked(f"#pick-{three[0]}")
    page.check(f"#pick-{three[1]}")
    page.fill("#filter-q", "Forum 3")
    page.press("#filter-q", "Enter")
    page.wait_for_url("**pick=1**")
    assert page.is_checked(f"#pick-{three[0]}") and page.is_checked(f"#pick-{three[1]}")
    page.check(f"#pick-{three[2]}")
    page.get_by_role("button", name="Compare the chosen scorecards").first.click()
    page.wait_for_url("**/compare?ids=*")
    assert address_args(page) == {"ids": ids_text(three)}


def test_mixing_rubric_versions_lists_the_questions_not_compared(page, two_versions):
    page.goto(f"/compare?ids={ids_text(two_versions)}")
    section = page.locator("#not-comparable")
    assert section.is_visible()
    older = section.locator("ul.not-comparable-questions").nth(0).inner_text()
    newer = section.locator("ul.not-comparable-questions").nth(1).inner_text()
    assert "Only in version 1.0.0" in section.inner_text()
    assert f"({RENAMED_FROM})" in older and f"({RENAMED_TO})" in newer
    assert "compared on the 2 pillars and 3 questions all versions share" in page.inner_text(
        ".comparison-facts"
    )


def test_mixing_rubrics_is_refused_with_a_message_and_the_choice_kept(page, two_rubrics):
    response = page.goto(f"/compare?ids={ids_text(two_rubrics)}")
    assert response.status == 422
    assert "scorecards of different rubrics cannot be compared" in page.inner_text("[role=alert]")
    assert all(page.is_checked(f"#pick-{assessment_id}") for assessment_id in two_rubrics)


@pytest.mark.parametrize("view", ["picker", "one chosen", "comparison", "baseline"])
def test_compare_pages_have_no_accessibility_findings(page, three, view):
    query = {
        "picker": "",
        "one chosen": f"?ids={three[0]}",
        "comparison": f"?ids={ids_text(three)}",
        "baseline": f"?ids={ids_text(three)}&baseline={three[2]}",
    }[view]
    page.goto(f"/compare{query}")
    assert accessibility_findings(page) == []


def test_a_refusal_has_no_accessibility_findings(page, two_rubrics):
    page.goto(f"/compare?ids={ids_text(two_rubrics)}")
    assert accessibility_findings(page) == []


@pytest.fixture
def ranged(session, team) -> list[int]:
    """Unknown answers on both sides; the first scorecard's version tags stages, where openness
    falls from agenda-setting to decision-making; the second's tags none."""
    stages = (["decision_making"], ["agenda_setting"], ["decision_making"], ["whole_process"])
    newer = stored_rubric(session, tagged(rubric_document(version="1.1.0"), *stages))
    keys = [q.key for pillar in newer.pillars for q in pillar.questions]
    first = dict(zip(keys, (1, 3, UNKNOWN, 2), strict=True))
    second = dict(zip(keys, (3, 3, 4, UNKNOWN), strict=True))
    return [
        published_with(session, newer, first, *team, name="A"),
        published_with(session, stored_rubric(session), second, *team, name="B"),
    ]


def test_ranges_unknowns_and_stages_read_in_words_and_pass_axe(page, ranged):
    page.goto(f"/compare?ids={ids_text(ranged)}")
    overall = page.locator(".cmp-row-overall td").first.inner_text()
    assert "up to 72.2" in overall and "information coverage 55.6%" in overall
    unknown = page.locator(".question-table td.cmp-unknown").first
    assert unknown.locator(".cmp-unknown-tag").inner_text() == "Unknown"
    assert unknown.evaluate("(cell) => getComputedStyle(cell).backgroundImage").startswith(
        "repeating-linear-gradient"
    )
    assert page.locator(".question-table td.cmp-unknowns", has_text="1").count() == 2
    falling = page.locator(".stage-table td.cmp-falls")
    assert falling.count() == 1 and "Falls below an earlier stage" in falling.inner_text()
    assert "tags no question with a stage" in page.inner_text(".stage-untagged")
    assert accessibility_findings(page) == []


@pytest.fixture
def nine(session, team) -> list[int]:
    return publish_scorecards(session, three_pillar_rubric(session), 9, *team, name="Forum")


def test_nine_scorecards_get_small_radars_and_wide_tables_scroll_in_place(page, nine):
    page.set_viewport_size({"width": 1024, "height": 800})
    page.goto(f"/compare?ids={ids_text(nine)}")
    assert page.locator(".small-multiples svg[role=img]").count() == 9
    region = page.locator(".table-scroll").first
    assert region.evaluate("(e) => e.scrollWidth > e.clientWidth")
    assert page.evaluate("document.documentElement.scrollWidth") <= 1024
    assert accessibility_findings(page) == []
