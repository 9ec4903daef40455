"""The CSV templates: downloads anyone may have, which an import reads back."""

import pytest

from assessor.participation.categories import DIMENSIONS, STAGES
from assessor.participation.csv_files import read_participation_csv


@pytest.mark.parametrize("layout", ["counts", "participants"])
def test_a_template_is_a_csv_attachment(client, layout):
    response = client.get(f"/participation/template-{layout}.csv")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert response.headers["Content-Disposition"].startswith("attachment; filename=")


def test_the_counts_template_reads_back_with_every_category_at_0(client):
    data = client.get("/participation/template-counts.csv").get_data()
    rows = data.decode().splitlines()
    categories = sum(len(dimension.categories) + 1 for dimension in DIMENSIONS.values())
    assert len(rows) == 1 + len(STAGES) * categories
    counts = read_participation_csv(data)
    assert set(counts) == set(STAGES)
    for stage in STAGES:
        assert set(counts[stage]) == set(DIMENSIONS)
        assert counts[stage]["gender"] == {
            "female": 0,
            "male": 0,
            "another_or_undisclosed": 0,
            "unknown": 0,
        }


def test_the_participant_template_reads_back(client):
    data = client.get("/participation/template-participants.csv").get_data()
    header = data.decode().splitlines()[0]
    assert header == "stage," + ",".join(DIMENSIONS)
    counts = read_participation_csv(data)
    assert counts["agenda_setting"]["gender"] == {"female": 1}
    assert counts["decision_making"]["gender"] == {"unknown": 1}
