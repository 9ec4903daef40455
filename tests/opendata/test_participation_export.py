"""The open-data participation tables: current published counts only, and indices that
follow from the counts alone."""

import csv
import io
import json
import re
from collections import defaultdict

import pytest

from assessor.opendata.formats import PARTICIPATION_COUNT_FIELDS, PARTICIPATION_INDEX_FIELDS
from assessor.participation import indices
from assessor.participation.categories import DIMENSIONS
from assessor.participation.records import (
    create_record,
    publish_record,
    update_record,
    withdraw_record,
)
from assessor.scoring import api_fraction
from config import PROJECT_DIR
from tests.factories import stored_process, stored_user

OPEN_DATA_DOC = PROJECT_DIR / "docs" / "open-data.md"
EXAMPLE = re.compile(
    r"<!-- participation-example:begin -->\s*```python\n(.*?)```\s*"
    r"<!-- participation-example:end -->",
    re.S,
)
SOURCE = {"source_url": "https://example.org/report", "source_title": "Chair's report"}
BALI = {
    "agenda_setting": [
        {
            "stakeholder_group": {"government": 10, "civil_society": 10, "unknown": 3},
            "gender": {"female": 12, "male": 9, "unknown": 2},
            "country_category": {"developing": 5, "least_developed": 2, "developed": 7},
        },
        {
            "stakeholder_group": {"government": 2, "academia": 1},
            "regional_group": {"african": 2, "asia_pacific": 1},
        },
    ],
    "decision_making": [{"stakeholder_group": {"government": 6}, "gender": {"male": 6}}],
}


def recorded(session, editor, process, stage, counts, publish=True):
    record = create_record(session, editor, process, {**SOURCE, "stage": stage, "counts": counts})
    if publish:
        publish_record(session, editor, record, based_on=record.row_version)
    return record


@pytest.fixture
def counted(session):
    """Two processes with published counts; a draft, a withdrawn record and an edit not yet
    published, which the export must not show."""
    editor = stored_user(session, "ana@example.org", ["admin"], None)
    bali = stored_process(session)
    wtpf = stored_process(session, name="WTPF-13", convening_organization="ITU")
    for stage, records in BALI.items():
        for counts in records:
            recorded(session, editor, bali, stage, counts)
    recorded(session, editor, wtpf, "policy_formulation", {"gender": {"female": 1, "male": 3}})
    recorded(session, editor, wtpf, "agenda_setting", {"gender": {"female": 99}}, publish=False)
    gone = recorded(session, editor, wtpf, "agenda_setting", {"youth": {"youth": 7}})
    withdraw_record(session, editor, gone, based_on=gone.row_version)
    edited = recorded(session, editor, wtpf, "decision_making", {"attendance": {"remote": 4}})
    update_record(
        session,
        editor,
        edited,
        {"counts": {"attendance": {"remote": 40}}},
        based_on=edited.row_version,
    )
    session.commit()
    return {"bali": bali.id, "wtpf": wtpf.id, "edited": edited.id}


def csv_table(client, name: str) -> list[dict]:
    response = client.get(f"/data/{name}.csv")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"] == f'attachment; filename="{name}.csv"'
    return list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))


def test_counts_hold_one_row_per_current_published_category(client, counted):
    rows = csv_table(client, "participation_counts")
    assert tuple(rows[0]) == PARTICIPATION_COUNT_FIELDS
    wtpf = [row for row in rows if int(row["process_id"]) == counted["wtpf"]]
    assert {row["process_name"] for row in wtpf} == {"WTPF-13"}
    assert {(row["stage"], row["category"], row["count"]) for row in wtpf} == {
        ("policy_formulation", "female", "1"),
        ("policy_formulation", "male", "3"),
        # The published version, not the edit made since.
        ("decision_making", "remote", "4"),
    }
    bali = [row for row in rows if int(row["process_id"]) == counted["bali"]]
    assert len(bali) == 9 + 4 + 2
    assert [row["stage"] for row in bali] == sorted(
        (row["stage"] for row in bali), key=["agenda_setting", "decision_making"].index
    )
    first = bali[0]
    assert (first["version"], first["source_title"], first["accessed_on"]) == (
        "1",
        "Chair's report",
        "",
    )


def summed_counts(rows: list[dict]) -> dict:
    counts = defaultdict(lambda: defaultdict(lambda: defaultdict(int)))
    for row in rows:
        counts[(int(row["process_id"]), row["stage"])][row["dimension"]][row["category"]] += int(
            row["count"]
        )
    return counts


def number(cell: str) -> float | None:
    return None if cell == "" else float(cell)


def test_indices_are_recomputed_from_the_counts_alone(client, counted):
    counts = summed_counts(csv_table(client, "participation_counts"))
    rows = csv_table(client, "participation_indices")
    assert tuple(rows[0]) == PARTICIPATION_INDEX_FIELDS
    assert {(int(row["process_id"]), row["stage"]) for row in rows} == set(counts)
    for row in rows:
        by_dimension = counts[(int(row["process_id"]), row["stage"])]
        stakeholders = by_dimension.get("stakeholder_group")
        regions = by_dimension.get("regional_group")
        gender = by_dimension.get("gender")
        countries = by_dimension.get("country_category")
        expected = {
            "stakeholder_balance": stakeholders
            and indices.normalised_entropy(DIMENSIONS["stakeholder_group"], stakeholders),
            "regional_balance": regions
            and indices.normalised_entropy(DIMENSIONS["regional_group"], regions),
            "gender_parity": gender and indices.gender_parity_index(gender),
            "developing_share": countries and indices.developing_share(countries),
            "least_developed_share": countries and indices.least_developed_share(countries),
        }
        for field, value in expected.items():
            assert number(row[field]) == api_fraction(None if value is None else float(value))
        for key, dimension in DIMENSIONS.items():
            if key in by_dimension:
                shares = indices.shares(dimension, by_dimension[key])
                assert (row[f"{key}_total"], row[f"{key}_known"]) == (
                    str(shares.total),
                    str(shares.known),
                )
            else:
                assert row[f"{key}_total"] == row[f"{key}_known"] == ""


def test_indices_sum_the_records_of_a_stage(client, counted):
    rows = csv_table(client, "participation_indices")
    bali = {row["stage"]: row for row in rows if int(row["process_id"]) == counted["bali"]}
    agenda = bali["agenda_setting"]
    assert agenda["records"] == "2"
    # 12 governments, 10 civil society, 1 academia, 3 unknown.
    assert (agenda["stakeholder_group_total"], agenda["stakeholder_group_known"]) == ("26", "23")
    assert agenda["gender_parity"] == "1.3333"
    assert (agenda["developing_share"], agenda["least_developed_share"]) == ("0.5", "0.1429")
    assert bali["decision_making"]["stakeholder_balance"] == "0.0"
    assert bali["decision_making"]["gender_parity"] == "0.0"


def test_the_indices_match_the_api(client, counted):
    rows = csv_table(client, "participation_indices")
    profile = client.get(f"/api/v1/processes/{counted['bali']}/participation").get_json()
    for stage in profile["profile"]["stages"]:
        (row,) = [
            row
            for row in rows
            if int(row["process_id"]) == counted["bali"] and row["stage"] == stage["stage"]
        ]
        for field in ("stakeholder_balance", "gender_parity", "developing_share"):
            assert number(row[field]) == stage[field]


def test_the_documented_example_recomputes_the_indices(client, counted):
    namespace: dict = {}
    exec(EXAMPLE.search(OPEN_DATA_DOC.read_text(encoding="utf-8"))[1], namespace)
    counts = namespace["summed"](csv_table(client, "participation_counts"))
    for row in csv_table(client, "participation_indices"):
        figures = namespace["indices"](counts[(int(row["process_id"]), row["stage"])])
        for field, value in figures.items():
            assert number(row[field]) == api_fraction(None if value is None else float(value))


@pytest.mark.parametrize("name", ["participation_counts", "participation_indices"])
def test_json_holds_the_same_rows_as_the_csv(client, counted, name):
    response = client.get(f"/data/{name}.json")
    assert response.mimetype == "application/json"
    document = json.loads(response.get_data(as_text=True))
    assert {"method_version", "generated_at", "licence", "documentation"} <= set(document)
    rows = csv_table(client, name)
    assert len(document[name]) == len(rows)
    assert [str(item["process_id"]) for item in document[name]] == [
        row["process_id"] for row in rows
    ]


@pytest.mark.parametrize("name", ["participation_counts", "participation_indices"])
def test_empty_tables_are_still_valid(client, session, name):
    assert csv_table(client, name) == []
    document = json.loads(client.get(f"/data/{name}.json").get_data(as_text=True))
    assert document[name] == []


def test_the_page_documents_every_participation_field(client, session):
    page = client.get("/data").get_data(as_text=True)
    for field in (*PARTICIPATION_COUNT_FIELDS, *PARTICIPATION_INDEX_FIELDS):
        assert f"<code>{field}</code>" in page, field
    for name in ("participation_counts", "participation_indices"):
        assert f'href="/data/{name}.csv"' in page and f'href="/data/{name}.json"' in page
