"""Who took part, in the comparison: a block of stage columns per scorecard, from the counts
each was published beside, on the page, in the PDF and in the JSON."""

import pytest

from assessor.participation.records import create_record, publish_record
from tests.comparisons import people
from tests.factories import published_assessment, stored_process, stored_rubric, stored_user
from tests.tools import pdf_text

COUNTS = {
    "stakeholder_group": {"government": 9, "civil_society": 1},
    "gender": {"female": 3, "male": 6, "unknown": 1},
}


@pytest.fixture
def ids(session) -> list[int]:
    """Forum A published beside decision-making counts; Forum B beside none."""
    rubric = stored_rubric(session)
    assessor, reviewer = people(session)
    admin = stored_user(session, "admin@example.org", ["admin"], None)
    counted = stored_process(session, name="Forum A")
    record = create_record(
        session,
        admin,
        counted,
        {
            "stage": "decision_making",
            "counts": COUNTS,
            "source_url": "https://example.org/a",
            "source_title": "Forum A attendance",
        },
    )
    publish_record(session, admin, record, based_on=record.row_version)
    first = published_assessment(session, rubric, counted, assessor, reviewer)
    second = published_assessment(
        session, rubric, stored_process(session, name="Forum B"), assessor, reviewer
    )
    session.commit()
    return [first.id, second.id]


def query(ids):
    return {"ids": ",".join(map(str, ids))}


def test_the_json_gives_each_scorecard_its_indices_by_stage(client, ids):
    blocks = client.get("/compare.json", query_string=query(ids)).get_json()["participation"]
    assert [(block["assessment_id"], block["counted"]) for block in blocks] == [
        (ids[0], True),
        (ids[1], False),
    ]
    agenda, policy, decision = blocks[0]["stages"]
    assert agenda["participants"] is None and policy["stakeholder_balance"] is None
    assert decision["participants"] == 10
    assert decision["gender_parity"] == 0.5
    # Two groups of six, nine to one: H / ln 6 = 0.1814 (four decimals, as the API rounds).
    assert decision["stakeholder_balance"] == 0.1814


def test_the_page_shows_the_indices_and_says_where_nothing_was_counted(client, ids):
    page = client.get("/compare", query_string=query(ids)).get_data(as_text=True)
    section = page[page.index('class="comparison-participation"') :]
    assert "Gender parity index" in section and "0.50" in section and "0.18" in section
    assert "No participation counts were published beside this scorecard." in section


def test_the_pdf_shows_who_took_part(client, ids, tmp_path):
    response = client.get("/compare.pdf", query_string=query(ids))
    assert response.status_code == 200
    text = " ".join(pdf_text(response.data, tmp_path).split())
    assert "Who took part" in text and "Balance of stakeholder groups" in text


def test_a_comparison_without_any_count_says_so(client, session):
    rubric = stored_rubric(session)
    assessor, reviewer = people(session)
    plain = [
        published_assessment(
            session, rubric, stored_process(session, name=name), assessor, reviewer
        ).id
        for name in ("Forum C", "Forum D")
    ]
    session.commit()
    page = client.get("/compare", query_string=query(plain)).get_data(as_text=True)
    assert "None of these scorecards was published beside participation counts." in page
