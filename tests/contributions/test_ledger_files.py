"""Ledger files: columns mapped to fields, every problem by line and field, nothing half-read,
and keys that let a second import update rather than duplicate."""

import json
from datetime import date

import pytest

from assessor.contributions.ledger_files import (
    contribution_key,
    read_ledger_csv,
    read_ledger_json,
    suggest_mapping,
)
from assessor.exceptions import InvalidInput

SHEET = (
    "Comment ID,Subject,Date received,Sector,Region,Outcome,Rationale\n"
    "C-1,Open the drafting group,2024-03-01,Civil society,african,Adopted,\n"
    "C-2,Publish the minutes,2024-03-02,private_sector,,Not adopted with reason,Outside scope\n"
    "C-3,Hold sessions in Spanish,,,,not addressed,\n"
)


def test_a_sheet_s_own_column_names_are_mapped_to_the_ledger_s_fields():
    header = ["Comment ID", "Subject", "Date received", "Sector", "Region", "Outcome", "Rationale"]
    assert suggest_mapping(header) == {
        "reference": "Comment ID",
        "title": "Subject",
        "submitted_on": "Date received",
        "round": None,
        "stakeholder_group": "Sector",
        "regional_group": "Region",
        "country_category": None,
        "disposition": "Outcome",
        "reason": "Rationale",
    }


def test_a_good_sheet_gives_every_contribution_with_its_categories(app):
    with app.test_request_context():
        entries = read_ledger_csv(SHEET.encode())
    first, second, third = entries
    assert (first.reference, first.title, first.submitted_on) == (
        "C-1",
        "Open the drafting group",
        date(2024, 3, 1),
    )
    assert (first.stakeholder_group, first.regional_group, first.disposition) == (
        "civil_society",
        "african",
        "adopted",
    )
    assert (second.disposition, second.reason, second.regional_group) == (
        "not_adopted_with_reason",
        "Outside scope",
        "unknown",
    )
    assert (third.stakeholder_group, third.disposition, third.line) == (
        "unknown",
        "not_addressed",
        4,
    )


def test_a_bad_sheet_names_every_problem_by_line_and_field_and_gives_nothing(app):
    bad = SHEET + (
        "C-4,,2024-13-01,robots,,maybe,\n"
        "C-5,Declined quietly,,,,not adopted with reason,\n"
        "C-1,The first again,,,,adopted,\n"
    )
    with app.test_request_context(), pytest.raises(InvalidInput) as refused:
        read_ledger_csv(bad.encode())
    assert list(refused.value.fields) == [
        "line 5, title",
        "line 5, submitted_on",
        "line 5, stakeholder_group",
        "line 5, disposition",
        "line 6, reason",
        "line 7",
    ]
    assert refused.value.fields["line 7"] == ["is the same contribution as line 2"]


def test_a_mapping_given_is_followed_and_one_missing_a_required_field_is_refused(app):
    data = b"Ref;What;Decision\nX-1;Extend the deadline;partly adopted\n"
    with app.test_request_context():
        [entry] = read_ledger_csv(
            data, {"reference": "Ref", "title": "What", "disposition": "Decision"}
        )
        assert entry.disposition == "partly_adopted"
        with pytest.raises(InvalidInput) as refused:
            read_ledger_csv(data, {"reference": "Ref", "title": "What"})
    assert refused.value.fields == {"line 1": ["no column is mapped to disposition"]}


def test_the_same_contribution_keeps_its_key_whatever_became_of_it():
    assert contribution_key("C-1", "Open it", None) == contribution_key(
        " C-1 ", "Other title", date(2024, 1, 1)
    )
    # Without a reference: the title (case and spacing aside) and the date name it.
    assert contribution_key("", "Open  the Group", date(2024, 3, 1)) == contribution_key(
        "", "open the group", date(2024, 3, 1)
    )
    assert contribution_key("", "Open the group", None) != contribution_key(
        "", "Open the group", date(2024, 3, 1)
    )


def test_reading_the_same_sheet_twice_gives_the_same_keys(app):
    with app.test_request_context():
        keys = [entry.key for entry in read_ledger_csv(SHEET.encode())]
        again = [entry.key for entry in read_ledger_csv(SHEET.encode())]
    assert keys == again and len(set(keys)) == 3


def test_a_json_export_is_read_item_by_item(app):
    items = [
        {"id": "7", "subject": "Caption the sessions", "status": "adopted", "sector": "academia"},
        {"id": 8, "subject": "", "status": "adopted"},
        {"id": "9", "subject": ["not", "text"], "status": "adopted"},
    ]
    with app.test_request_context():
        with pytest.raises(InvalidInput) as refused:
            read_ledger_json(json.dumps(items).encode())
        assert list(refused.value.fields) == ["item 2, title", "item 3, title"]
        [entry] = read_ledger_json(json.dumps(items[:1]).encode())
    assert (entry.reference, entry.stakeholder_group) == ("7", "academia")


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"\xff\xfe", "is not JSON text"),
        (b'{"id": 1}', "must be a list of objects, one per contribution"),
        (b"[]", "the list is empty"),
    ],
)
def test_json_that_is_not_a_list_of_contributions_is_refused(app, data, problem):
    with app.test_request_context(), pytest.raises(InvalidInput) as refused:
        read_ledger_json(data)
    assert refused.value.fields == {"line 1": [problem]}
