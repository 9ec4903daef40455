"""Participation CSV files: counts or a participant list, read whole or refused whole."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assessor.exceptions import InvalidInput
from assessor.participation.categories import DIMENSIONS, STAGES, UNKNOWN
from assessor.participation.csv_files import read_participation_csv


def problems(text: str) -> dict[str, list[str]]:
    with pytest.raises(InvalidInput) as refused:
        read_participation_csv(text.encode())
    return refused.value.fields


def test_counts_are_read_by_stage_dimension_and_category():
    text = (
        "stage,dimension,category,count\n"
        "agenda_setting,gender,female,12\n"
        "agenda_setting,gender,male,10\n"
        "agenda_setting,gender,unknown,3\n"
        "decision_making,stakeholder_group,government,7\n"
    )
    assert read_participation_csv(("\ufeff" + text).encode()) == {
        "agenda_setting": {"gender": {"female": 12, "male": 10, UNKNOWN: 3}},
        "decision_making": {"stakeholder_group": {"government": 7}},
    }


def test_a_participant_list_is_counted_and_an_empty_cell_is_unknown():
    text = (
        "Stage,Stakeholder_group,gender\n"
        "agenda_setting,civil_society,female\n"
        "agenda_setting,government,\n"
        "agenda_setting,civil_society,male\n"
        "\n"
        "decision_making,government,male\n"
    )
    assert read_participation_csv(text.encode()) == {
        "agenda_setting": {
            "stakeholder_group": {"civil_society": 2, "government": 1},
            "gender": {"female": 1, UNKNOWN: 1, "male": 1},
        },
        "decision_making": {"stakeholder_group": {"government": 1}, "gender": {"male": 1}},
    }


def test_every_bad_row_is_named_by_line_and_column_and_nothing_is_read():
    text = (
        "stage,dimension,category,count\n"
        "agenda_setting,gender,female,12\n"
        "drafting,gender,male,10\n"
        "agenda_setting,height,tall,3\n"
        "agenda_setting,gender,robot,-1\n"
        "agenda_setting,gender,female,4\n"
        "agenda_setting,gender\n"
    )
    assert problems(text) == {
        "line 3, stage": ["must be one of agenda_setting, policy_formulation, decision_making"],
        "line 4, dimension": [f"must be one of {', '.join(DIMENSIONS)}"],
        "line 5, category": ["gender counts female, male, another_or_undisclosed, unknown"],
        "line 5, count": ["must be a whole number from 0 to 10000000"],
        "line 6": ["counts the same as line 2"],
        "line 7": ["has 2 cells where the header has 4"],
    }


def test_a_participant_list_names_its_bad_cells():
    text = "stage,gender,regional_group\nagenda_setting,female,atlantis\nvoting,male,african\n"
    assert problems(text) == {
        "line 2, regional_group": [
            "must be one of african, asia_pacific, eastern_european, "
            "latin_american_caribbean, western_european_others, or empty"
        ],
        "line 3, stage": ["must be one of agenda_setting, policy_formulation, decision_making"],
    }


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", {"line 1": ["the file is empty: it needs a header row"]}),
        (b"stage,gender\n", {"line 2": ["the file has a header but no rows"]}),
        (b"stage,colour\nagenda_setting,red\n", {"line 1": ["unknown columns: colour"]}),
        (b"gender\nfemale\n", {"line 1": ["a stage column is needed"]}),
        (
            b"stage,gender,gender\nagenda_setting,male,male\n",
            {"line 1": ["columns named twice: gender"]},
        ),
        (
            b"stage,gender,count\nagenda_setting,male,3\n",
            {
                "line 1": [
                    "the header must be stage,dimension,category,count, "
                    "or stage and dimension columns"
                ]
            },
        ),
        (b"stage,gender\nagenda_setting,f\xe9minin\n", {"line 2": ["is not UTF-8 text"]}),
        (
            b'stage,gender\nagenda_setting,"male\n',
            {"line 2": ["is not valid CSV (unexpected end of data)"]},
        ),
        (
            b"stage,gender\nagenda_setting,ma\x00le\n",
            {"line 2": ["Text may not contain the NUL character (\\u0000)."]},
        ),
    ],
)
def test_a_file_that_cannot_be_read_says_why(content, expected):
    with pytest.raises(InvalidInput) as refused:
        read_participation_csv(content)
    assert refused.value.fields == expected


rows = st.lists(
    st.tuples(
        st.sampled_from(STAGES),
        *(st.sampled_from([*d.categories, ""]) for d in DIMENSIONS.values()),
    ),
    min_size=1,
    max_size=60,
)


@settings(deadline=None)
@given(rows)
def test_a_participant_list_and_its_counts_read_the_same(participants):
    """Counted on reading, a list gives what the counts of each category say."""
    header = ",".join(("stage", *DIMENSIONS))
    listed = "\n".join([header, *(",".join(row) for row in participants)]) + "\n"
    from_list = read_participation_csv(listed.encode())
    lines = ["stage,dimension,category,count"]
    for stage, by_dimension in from_list.items():
        for dimension, by_category in by_dimension.items():
            lines += [f"{stage},{dimension},{c},{n}" for c, n in by_category.items()]
    assert read_participation_csv(("\n".join(lines) + "\n").encode()) == from_list
    assert sum(from_list[s]["gender"][c] for s in from_list for c in from_list[s]["gender"]) == len(
        participants
    )


def test_a_file_saved_with_semicolons_is_read_like_one_with_commas():
    data = b"stage;dimension;category;count\r\nagenda_setting;gender;female;4\r\n"
    assert read_participation_csv(data) == {"agenda_setting": {"gender": {"female": 4}}}
