"""The process page by stakeholder perspective: the consolidation's numbers, spread and radar."""

from html.parser import HTMLParser

import pytest
from sqlalchemy import select

from assessor.assessments.models import Assessment
from assessor.assessments.workflow import publish, revise, submit
from assessor.process_pages.perspectives import perspective_sections
from assessor.scoring import api_fraction, api_score, display_score
from tests.factories import published_assessment, shipped_rubric, stored_process, stored_user
from tests.processes.test_pages import statements_for, text_of

# (perspective, level of the question at each index) for the published assessments.
RATINGS = (
    ("civil_society", lambda i: i % 5),
    ("civil_society", lambda i: (i + 1) % 5),
    ("government", lambda i: 4 - i % 5),
    ("academia", lambda i: 2),
)


class TableCells(HTMLParser):
    """The text of each row's cells, for every table of a page, keyed by caption."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self.caption: str | None = None
        self.rows: list[list[str]] = []
        self.text: list[str] | None = None
        self.in_caption = False

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.caption, self.rows = "", []
        elif tag == "caption":
            self.in_caption = True
        elif tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self.text = []

    def handle_endtag(self, tag):
        if tag == "caption":
            self.in_caption = False
        elif tag in ("td", "th") and self.text is not None:
            self.rows[-1].append("".join(self.text).strip())
            self.text = None
        elif tag == "table":
            self.tables[self.caption] = self.rows

    def handle_data(self, data):
        if self.in_caption:
            self.caption += data
        elif self.text is not None:
            self.text.append(data)


def tables_of(page: str) -> dict[str, list[list[str]]]:
    parser = TableCells()
    parser.feed(page)
    return parser.tables


@pytest.fixture
def people(session):
    made = {
        "ana": stored_user(session, "ana@example.org", ["assessor"]),
        "rui": stored_user(session, "rui@example.org", ["reviewer"], "academia"),
    }
    session.commit()
    return made


@pytest.fixture
def rubric(session):
    return shipped_rubric(session)


def publish_ratings(session, rubric, process, people, ratings=RATINGS) -> None:
    for perspective, level_of in ratings:
        published_assessment(
            session,
            rubric,
            process,
            people["ana"],
            people["rui"],
            level_of=level_of,
            perspective=perspective,
        )
    session.commit()


@pytest.fixture
def process(session, rubric, people):
    """A process with four published assessments from three perspectives."""
    made = stored_process(session)
    publish_ratings(session, rubric, made, people)
    return made


def consolidated(client, process, rubric) -> dict:
    response = client.get(f"/api/v1/processes/{process.id}/consolidated?rubric={rubric.label}")
    return response.get_json()


def test_perspective_numbers_equal_the_api_consolidation(client, session, process, rubric):
    [section] = perspective_sections(session, process.id, "en")
    api = consolidated(client, process, rubric)
    assert [row["perspective"] for row in section["perspectives"]] == [
        view["perspective"] for view in api["perspectives"]
    ]
    for row, view in zip(section["perspectives"], api["perspectives"], strict=True):
        assert api_score(row["score"]) == view["score"]
        assert [api_score(s) for s in row["pillars"]] == [p["score"] for p in view["pillars"]]
        assert api_fraction(row["alpha"]) == view["alpha"]
        assert api_fraction(row["exact_agreement"]) == view["exact_agreement"]
    assert [api_score(s) for s in section["spread"]] == [s["spread"] for s in api["spread"]]
    assert api_score(section["all"]["score"]) == api["score"]


def test_the_page_shows_each_perspectives_scores_to_one_decimal(client, session, process, rubric):
    [section] = perspective_sections(session, process.id, "en")
    table = tables_of(text_of(client.get(f"/processes/{process.id}")))[
        f"Scores by stakeholder perspective, {rubric.label}"
    ]
    header, *rows = table
    assert header[3:-2] == [pillar.title for pillar in rubric.pillars]
    by_label = {row[0]: row for row in rows}
    for row in section["perspectives"]:
        cells = by_label[row["label"]]
        assert cells[1] == str(row["assessments"])
        assert cells[2:-2] == [display_score(s) for s in [row["score"], *row["pillars"]]]
    assert set(by_label) == {
        "Civil society",
        "Government",
        "Academia",
        "All perspectives",
        "Spread",
    }


def test_a_perspective_with_unknowns_shows_how_high_they_could_take_it(
    client, session, rubric, people
):
    process = stored_process(session)
    unknown_every_third = (("civil_society", lambda i: None if i % 3 == 0 else 2),)
    publish_ratings(session, rubric, process, people, RATINGS[1:] + unknown_every_third)
    api = consolidated(client, process, rubric)
    civil = next(v for v in api["perspectives"] if v["perspective"] == "civil_society")
    low, high = civil["score_range"]["low"], civil["score_range"]["high"]
    assert low < high
    table = tables_of(text_of(client.get(f"/processes/{process.id}")))[
        f"Scores by stakeholder perspective, {rubric.label}"
    ]
    cells = next(row for row in table if row[0] == "Civil society")
    assert cells[2] == f"{display_score(low)} up to {display_score(high)}"


def test_the_spread_is_the_highest_minus_the_lowest_perspective_score(client, process, rubric):
    api = consolidated(client, process, rubric)
    for index, spread in enumerate(api["spread"]):
        scores = [view["pillars"][index]["score"] for view in api["perspectives"]]
        assert spread["spread"] == pytest.approx(max(scores) - min(scores), abs=0.011)
    page = tables_of(text_of(client.get(f"/processes/{process.id}")))
    spread_row = page[f"Scores by stakeholder perspective, {rubric.label}"][-1]
    assert spread_row[0] == "Spread" and spread_row[3] != "—"


def test_agreement_is_shown_per_perspective_and_overall(client, session, process, rubric):
    api = consolidated(client, process, rubric)
    rows = tables_of(text_of(client.get(f"/processes/{process.id}")))[
        f"Scores by stakeholder perspective, {rubric.label}"
    ]
    overall = next(row for row in rows if row[0] == "All perspectives")
    assert overall[-2] == f"{api['alpha']:.2f}"
    assert overall[-1] == f"{display_score(api['exact_agreement'] * 100)}%"
    academia = next(row for row in rows if row[0] == "Academia")
    assert academia[-2:] == ["—", "—"]


def test_the_radar_draws_one_outline_per_perspective(client, process):
    page = text_of(client.get(f"/processes/{process.id}"))
    radar = page[page.index('<figure class="chart perspective-radar">') :]
    radar = radar[: radar.index("</figure>")]
    assert radar.count("<polygon") == 3
    assert all(label in radar for label in ("Civil society", "Government", "Academia"))
    assert "the table above gives the same figures" in radar


def test_one_published_assessment_shows_no_perspective_section(client, session, rubric, people):
    process = stored_process(session, name="NETmundial")
    publish_ratings(session, rubric, process, people, RATINGS[:1])
    page = text_of(client.get(f"/processes/{process.id}"))
    assert "By stakeholder perspective" not in page
    assert "perspective-radar" not in page


def test_only_the_latest_revision_of_an_assessment_counts(session, rubric, people):
    process = stored_process(session, name="NETmundial")
    publish_ratings(session, rubric, process, people, RATINGS[:2])
    first = session.scalars(select(Assessment).order_by(Assessment.id)).first()
    revision = revise(session, people["ana"], first)
    submit(session, people["ana"], revision)
    publish(session, people["rui"], revision)
    session.commit()
    [section] = perspective_sections(session, process.id, "en")
    assert section["all"]["assessments"] == 2


def test_page_statements_do_not_grow_with_published_assessments(
    app, client, session, rubric, people
):
    process = stored_process(session, name="NETmundial")
    publish_ratings(session, rubric, process, people, RATINGS[:1])
    one = statements_for(app, client, f"/processes/{process.id}")
    publish_ratings(session, rubric, process, people, (RATINGS * 2)[:5])
    # Counted as the page is rendered for the new publications, before it is kept.
    assert statements_for(app, client, f"/processes/{process.id}") == one
    assert "By stakeholder perspective" in text_of(client.get(f"/processes/{process.id}"))
