"""Participation records: drafts, conflicts, publication, withdrawal, imports, audit, and the
versions a published assessment keeps."""

from datetime import date

import pytest
from sqlalchemy import func, select

from assessor.audit import AuditEvent
from assessor.exceptions import Conflict, InvalidInput, NotAllowed
from assessor.participation.models import ParticipationRecord, ParticipationVersion
from assessor.participation.published import current_versions, kept_versions, stage_counts
from assessor.participation.records import (
    StaleRecord,
    create_record,
    import_records,
    publish_record,
    update_record,
    withdraw_record,
)
from tests.factories import published_assessment, stored_process, stored_rubric, stored_user

SOURCE = {
    "source_url": "https://www.intgovforum.org/report",
    "source_title": "Session report",
    "accessed_on": date(2026, 11, 30),
}


@pytest.fixture
def people(session) -> dict:
    return {
        "creator": stored_user(session, "creator@example.org", ["assessor"]),
        "other": stored_user(session, "other@example.org", ["assessor"]),
        "reviewer": stored_user(session, "reviewer@example.org", ["reviewer"]),
    }


@pytest.fixture
def process(session, people):
    return stored_process(session, created_by_id=people["creator"].id)


def draft(session, people, process, **values):
    counts = values.pop("counts", {"gender": {"female": 4, "male": 6}})
    return create_record(
        session,
        people["creator"],
        process,
        {"stage": "agenda_setting", "counts": counts, **SOURCE, **values},
    )


def events(session, action: str) -> list[AuditEvent]:
    return list(session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def test_a_new_record_is_a_draft_that_no_reader_sees(session, people, process):
    record = draft(session, people, process)
    assert record.published_number is None and record.has_draft_changes
    assert current_versions(session, process.id) == []
    [created] = events(session, "participation.created")
    assert created.subject_id == process.id
    assert created.after["counts"] == {"gender": {"female": 4, "male": 6}}


def test_counts_of_zero_are_left_out_and_wrong_counts_are_refused_by_place(
    session, people, process
):
    record = draft(session, people, process, counts={"gender": {"female": 0, "male": 3}})
    assert record.counts == {"gender": {"male": 3}}
    with pytest.raises(InvalidInput) as refused:
        draft(
            session,
            people,
            process,
            counts={
                "gender": {"female": -1, "robot": 2, "male": "3"},
                "height": {"tall": 1},
                "youth": {"youth": True},
            },
        )
    assert set(refused.value.fields) == {
        "counts.gender.female",
        "counts.gender.robot",
        "counts.gender.male",
        "counts.height",
        "counts.youth.youth",
    }


def test_only_those_who_may_change_the_process_record_its_participation(session, people, process):
    with pytest.raises(NotAllowed):
        create_record(
            session, people["other"], process, {"stage": "agenda_setting", "counts": {}, **SOURCE}
        )


def test_a_save_based_on_an_older_version_is_refused_and_changes_nothing(session, people, process):
    record = draft(session, people, process)
    seen = record.row_version
    update_record(
        session, people["creator"], record, {"counts": {"gender": {"female": 5}}}, based_on=seen
    )
    with pytest.raises(StaleRecord) as refused:
        update_record(session, people["creator"], record, {"body": "Plenary"}, based_on=seen)
    assert refused.value.details["stored"]["counts"] == {"gender": {"female": 5}}
    assert record.body == ""


def test_an_edit_is_audited_with_the_fields_it_changed(session, people, process):
    record = draft(session, people, process)
    update_record(
        session, people["creator"], record, {"body": "Plenary"}, based_on=record.row_version
    )
    [updated] = events(session, "participation.updated")
    assert updated.before == {"record_id": record.id, "body": ""}
    assert updated.after == {"record_id": record.id, "body": "Plenary"}


def test_publishing_adds_a_version_that_later_edits_do_not_change(session, people, process):
    record = draft(session, people, process)
    version = publish_record(session, people["creator"], record, based_on=record.row_version)
    assert (version.number, record.published_number, record.has_draft_changes) == (1, 1, False)
    assert current_versions(session, process.id) == [version]
    update_record(
        session,
        people["creator"],
        record,
        {"counts": {"gender": {"female": 9, "male": 1}}},
        based_on=record.row_version,
    )
    assert record.has_draft_changes
    assert current_versions(session, process.id)[0].counts == {"gender": {"female": 4, "male": 6}}
    update_record(
        session,
        people["creator"],
        record,
        {"counts": {"gender": {"female": 4, "male": 6}}},
        based_on=record.row_version,
    )
    with pytest.raises(Conflict):
        publish_record(session, people["creator"], record, based_on=record.row_version)


def test_an_edit_back_to_the_published_counts_leaves_nothing_to_publish(session, people, process):
    record = draft(session, people, process)
    publish_record(session, people["creator"], record, based_on=record.row_version)
    for counts in ({"gender": {"female": 1}}, {"gender": {"female": 4, "male": 6}}):
        update_record(
            session, people["creator"], record, {"counts": counts}, based_on=record.row_version
        )
    assert not record.has_draft_changes


def test_a_published_assessment_keeps_the_versions_current_at_its_publication(
    session, people, process
):
    rubric = stored_rubric(session)
    record = draft(session, people, process)
    first = publish_record(session, people["creator"], record, based_on=record.row_version)
    assessment = published_assessment(
        session, rubric, process, people["creator"], people["reviewer"]
    )
    update_record(
        session,
        people["creator"],
        record,
        {"counts": {"gender": {"female": 1, "male": 1}}},
        based_on=record.row_version,
    )
    second = publish_record(session, people["creator"], record, based_on=record.row_version)
    withdraw_record(session, people["creator"], record, based_on=record.row_version)
    assert kept_versions(session, [assessment.id]) == {assessment.id: [first]}
    assert second.number == 2 and current_versions(session, process.id) == []


def test_withdrawing_a_draft_never_published_deletes_it(session, people, process):
    record = draft(session, people, process)
    record_id = record.id
    assert withdraw_record(session, people["creator"], record, based_on=record.row_version) is None
    assert session.get(ParticipationRecord, record_id) is None
    [deleted] = events(session, "participation.deleted")
    assert deleted.before["record_id"] == record_id


def test_a_withdrawn_record_published_again_is_shown_again(session, people, process):
    record = draft(session, people, process)
    publish_record(session, people["creator"], record, based_on=record.row_version)
    withdraw_record(session, people["creator"], record, based_on=record.row_version)
    with pytest.raises(Conflict):
        withdraw_record(session, people["creator"], record, based_on=record.row_version)
    version = publish_record(session, people["creator"], record, based_on=record.row_version)
    assert (version.number, version.withdrawn) == (3, False)
    assert current_versions(session, process.id) == [version]


def test_an_import_adds_a_draft_per_stage_and_a_bad_file_adds_nothing(session, people, process):
    good = (
        b"stage,dimension,category,count\n"
        b"decision_making,gender,female,2\n"
        b"agenda_setting,gender,female,40\n"
        b"agenda_setting,gender,male,38\n"
    )
    records = import_records(session, people["creator"], process, good, SOURCE)
    assert [(record.stage, record.counts) for record in records] == [
        ("agenda_setting", {"gender": {"female": 40, "male": 38}}),
        ("decision_making", {"gender": {"female": 2}}),
    ]
    bad = good + b"policy_formulation,gender,female,many\n"
    with pytest.raises(InvalidInput) as refused:
        import_records(session, people["creator"], process, bad, SOURCE)
    assert list(refused.value.fields) == ["line 5, count"]
    count = select(func.count()).select_from(ParticipationRecord)
    assert session.scalar(count) == 2


def test_counts_of_several_records_of_a_stage_are_summed(session, people, process):
    plenary = draft(session, people, process, counts={"gender": {"female": 4, "male": 6}})
    workshop = draft(
        session, people, process, counts={"gender": {"female": 3}, "youth": {"youth": 2}}
    )
    later = draft(session, people, process, stage="decision_making", counts={"gender": {"male": 2}})
    assert stage_counts([plenary, workshop, later]) == {
        "agenda_setting": {"gender": {"female": 7, "male": 6}, "youth": {"youth": 2}},
        "decision_making": {"gender": {"male": 2}},
    }


def test_versions_are_never_half_written(session, people, process):
    record = draft(session, people, process)
    publish_record(session, people["creator"], record, based_on=record.row_version)
    stored = session.scalars(select(ParticipationVersion)).one()
    assert stored.source_title == "Session report" and stored.accessed_on == date(2026, 11, 30)


def test_an_import_adds_no_draft_for_a_stage_left_at_zero_and_refuses_a_file_counting_nobody(
    session, people, process
):
    template_rows = (
        b"stage,dimension,category,count\n"
        b"agenda_setting,gender,female,0\n"
        b"agenda_setting,gender,male,0\n"
        b"decision_making,gender,female,2\n"
    )
    [record] = import_records(session, people["creator"], process, template_rows, SOURCE)
    assert record.stage == "decision_making"
    nobody = b"stage,dimension,category,count\nagenda_setting,gender,female,0\n"
    with pytest.raises(InvalidInput) as refused:
        import_records(session, people["creator"], process, nobody, SOURCE)
    assert list(refused.value.fields) == ["file"]


def test_counts_of_nobody_are_not_published(session, people, process):
    record = draft(session, people, process, counts={})
    with pytest.raises(Conflict):
        publish_record(session, people["creator"], record, based_on=record.row_version)
    assert record.published_number is None
