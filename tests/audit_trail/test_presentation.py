"""Audit events in words, and the list of actions the audit page offers."""

import pytest

from assessor import audit
from assessor.audit_trail.presentation import ACTION_LABELS, Change, Names, changes

NAMES = Names(processes={}, assessments={}, users={7: "Ana (ana@example.org)"})


def test_every_recorded_action_has_a_label():
    assert set(ACTION_LABELS) == set(audit.ACTIONS)


def test_an_action_missing_from_the_list_is_refused_when_recorded(session):
    with pytest.raises(ValueError, match=r"process\.deleted on a process"):
        audit.record(
            session, actor_id=None, action="process.deleted", subject_type="process", subject_id=1
        )


def test_a_removed_value_says_what_it_was(app):
    with app.test_request_context():
        assert changes({"user_id": 7}, None, NAMES) == [
            Change("Account", "Ana (ana@example.org)", None)
        ]


def test_an_emptied_or_filled_field_says_none_on_its_empty_side(app):
    with app.test_request_context():
        found = changes({"public_url": None}, {"public_url": "https://example.org/"}, NAMES)
        assert found == [Change("Public web address", "none", "https://example.org/")]


def test_long_text_is_cut_where_the_record_shows_it_whole(app):
    with app.test_request_context():
        (change,) = changes(None, {"description": "word " * 100}, NAMES)
    assert len(change.after) == 200 and change.after.endswith("…")


def test_unfinished_evidence_rows_are_counted_in_words(app):
    row = {"position": 0, "url": "https://example.org/", "title": "", "note": ""}
    with app.test_request_context():
        found = changes(None, {"unfinished_evidence": [row]}, NAMES)
    assert found == [Change("Unfinished evidence", None, "1 item")]


def test_a_publication_names_the_version_of_the_process_record_in_words(app):
    with app.test_request_context():
        found = changes(None, {"process_version": 2}, NAMES)
    assert found == [Change("Version of the process record", None, "2")]


def test_participation_counts_and_their_stage_read_in_words(app):
    before = {"record_id": 4, "stage": "agenda_setting", "counts": {"gender": {"female": 3}}}
    after = {
        "record_id": 4,
        "stage": "decision_making",
        "counts": {"gender": {"female": 3, "male": 4}, "youth": {"youth": 1}},
    }
    with app.test_request_context():
        found = changes(before, after, NAMES)
    assert found == [
        Change("Stage", "Agenda-setting", "Decision-making"),
        Change("Counts", "Gender: 3", "Gender: 7, Youth: 1"),
    ]
