"""Who took part, on a scorecard: the counts kept at publication, their sources, the funnel,
and the answers they contradict, on the page and in the PDF."""

from datetime import date

import pytest

from assessor.participation.records import (
    create_record,
    process_records,
    publish_record,
    update_record,
)
from tests.assessments.pages import sign_in
from tests.factories import (
    answered_assessment,
    published_assessment,
    shipped_rubric,
    stored_process,
    stored_user,
)
from tests.tools import pdf_text

SOURCE = {
    "source_url": "https://example.org/attendance",
    "source_title": "Attendance report of the forum",
    "accessed_on": date(2026, 11, 30),
}
AGENDA = {
    "regional_group": {"african": 30, "asia_pacific": 28, "western_european_others": 25},
    "youth": {"youth": 14, "not_youth": 69},
}
DECISION = {"regional_group": {"western_european_others": 8, "african": 1, "unknown": 2}}


@pytest.fixture
def people(session):
    return {
        "assessor": stored_user(session, "ana@example.org", ["assessor"]),
        "reviewer": stored_user(session, "rui@example.org", ["reviewer"], "academia"),
    }


@pytest.fixture
def process(session, people):
    return stored_process(session, name="Global policy forum", created_by_id=people["assessor"].id)


def published_counts(session, editor, process, stage, counts, body=""):
    record = create_record(
        session, editor, process, {"stage": stage, "counts": counts, "body": body, **SOURCE}
    )
    publish_record(session, editor, record, based_on=record.row_version)
    return record


@pytest.fixture
def scorecard_id(session, people, process):
    """Every question at level 4, published beside counts that contradict some answers."""
    published_counts(session, people["assessor"], process, "agenda_setting", AGENDA, "Plenary")
    published_counts(session, people["assessor"], process, "decision_making", DECISION)
    assessment = published_assessment(
        session,
        shipped_rubric(session),
        process,
        people["assessor"],
        people["reviewer"],
        level_of=lambda index: 4,
    )
    session.commit()
    return assessment.id


def page(client, assessment_id) -> str:
    response = client.get(f"/assessments/{assessment_id}/scorecard")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_the_scorecard_shows_the_counts_their_sources_and_the_funnel(client, scorecard_id):
    shown = page(client, scorecard_id)
    assert "Who took part" in shown
    assert "Attendance report of the forum" in shown and "Plenary" in shown
    assert "Inclusion funnel: UN regional group" in shown
    # Western Europe: 25 of 83 known at agenda-setting, 8 of 9 at decision-making.
    assert "30.1%" in shown and "88.9%" in shown


def test_an_answer_the_counts_contradict_is_flagged_in_the_section_and_beside_it(
    client, scorecard_id
):
    shown = page(client, scorecard_id)
    flag = (
        "Rated at level 4 (Full), but at Decision-making 88.9% of the known participants "
        "came from "
        "one regional group (Western European and other States)."
    )
    assert shown.count(flag) == 2
    # The shipped rubric asks about participation and leadership in one question.
    assert 'href="#q-equal_footing.geographic_balance"' in shown
    # Agenda-setting is balanced: the only flag is on decision-making.
    assert shown.count("Rated at level") == 2


def test_counts_changed_after_publication_leave_the_scorecard_as_published(
    client, session, people, process, scorecard_id
):
    [record] = [r for r in process_records(session, process.id) if r.stage == "decision_making"]
    update_record(
        session,
        people["assessor"],
        record,
        {"counts": {"regional_group": {"african": 5, "asia_pacific": 5}}},
        based_on=record.row_version,
    )
    publish_record(session, people["assessor"], record, based_on=record.row_version)
    session.commit()
    assert "88.9%" in page(client, scorecard_id)
    process_page = client.get(f"/processes/{process.id}").get_data(as_text=True)
    assert "88.9%" not in process_page and "50.0%" in process_page


def test_a_scorecard_published_before_any_count_has_no_section(client, session, people, process):
    assessment = published_assessment(
        session, shipped_rubric(session), process, people["assessor"], people["reviewer"]
    )
    session.commit()
    published_counts(session, people["assessor"], process, "decision_making", DECISION)
    session.commit()
    assert "Who took part" not in page(client, assessment.id)


def test_the_pdf_shows_who_took_part_and_the_flags(client, scorecard_id, tmp_path):
    response = client.get(f"/assessments/{scorecard_id}/scorecard.pdf")
    assert response.status_code == 200
    text = " ".join(pdf_text(response.data, tmp_path).split())
    assert "Who took part" in text
    assert "Attendance report of the forum" in text
    assert "Where answers and counts disagree" in text
    assert "came from one regional group" in text


def test_a_scorecard_not_yet_published_shows_the_counts_published_now(
    client, session, people, process
):
    draft = answered_assessment(
        session, shipped_rubric(session), process, people["assessor"], level_of=lambda i: 4
    )
    published_counts(session, people["assessor"], process, "decision_making", DECISION)
    session.commit()
    sign_in(client, "ana@example.org")
    shown = page(client, draft.id)
    assert "The participation counts published for this process now" in shown
    assert "came from one regional group (Western European and other States)" in shown
