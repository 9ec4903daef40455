"""Before publishing, the reviewer sees the participation counts the scorecard will keep and
the answers they contradict."""

from assessor.assessments.workflow import submit
from assessor.participation.records import create_record, publish_record
from tests.assessments.pages import sign_in
from tests.factories import answered_assessment, shipped_rubric, stored_process, stored_user


def submitted(session, process):
    owner = stored_user(session, "owner@example.org", ["assessor"])
    stored_user(session, "reviewer@example.org", ["reviewer"], "academia")
    assessment = answered_assessment(
        session, shipped_rubric(session), process, owner, level_of=lambda index: 4
    )
    submit(session, owner, assessment)
    return assessment


def publish_counts(session, process, counts):
    admin = stored_user(session, "admin@example.org", ["admin"], None)
    record = create_record(
        session,
        admin,
        process,
        {
            "stage": "decision_making",
            "counts": counts,
            "source_url": "https://example.org/seats",
            "source_title": "Who holds the seats",
        },
    )
    publish_record(session, admin, record, based_on=record.row_version)


def test_the_reviewer_sees_the_counts_kept_and_the_answers_they_contradict(client, session):
    process = stored_process(session)
    publish_counts(session, process, {"country_category": {"developed": 9, "developing": 1}})
    assessment = submitted(session, process)
    session.commit()
    sign_in(client, "reviewer@example.org")
    page = client.get(f"/assessments/{assessment.id}/publish").get_data(as_text=True)
    assert "The 1 participation record published for this process now" in page
    assert "Answers the counts contradict" in page
    assert (
        "Rated at level 4 (Full), but at Decision-making 90.0% of the known participants "
        "came from "
        "developed countries." in page
    )
    assert (
        f'href="/assessments/{assessment.id}/scorecard#q-equal_footing.geographic_balance"' in page
    )


def test_without_counts_the_reviewer_is_told_the_scorecard_will_show_none(client, session):
    assessment = submitted(session, stored_process(session))
    session.commit()
    sign_in(client, "reviewer@example.org")
    page = client.get(f"/assessments/{assessment.id}/publish").get_data(as_text=True)
    assert "No participation counts are published for this process" in page
    assert "Answers the counts contradict" not in page
