"""A published scorecard shows the process as it was described when it was published.

The process is described, two assessments of it are published, their page and PDF are kept,
and then every described field of the process is changed: each form of the scorecard (page,
PDF, batch ZIP, API, comparison and its exports, open data) still shows the record as
published, and the page and PDF say that the record has changed since.
"""

import csv
import html as markup
import io
import re
from datetime import datetime

import pytest
from sqlalchemy import func, select

from assessor.processes.models import ProcessVersion
from assessor.scorecards.models import ScorecardPage, ScorecardPdf
from tests.api.assessment_helpers import COMPLETE_ANSWERS, fill, published, start
from tests.assessments.pages import sign_in
from tests.comparisons import text_of as tagless
from tests.factories import stored_rubric
from tests.scorecards.test_batches import start as start_batch
from tests.scorecards.test_batches import zip_entries
from tests.tools import pdf_text

AS_PUBLISHED = {
    "name": "IGF 2013 Workshop #41: Principles",
    "convening_organization": "APC and ISOC",
    "description": "A roundtable in Bali.",
    "public_url": "https://example.org/workshop-41",
    "scope": "global",
    "layer": "of_the_internet",
    "starts_on": "2013-10-24",
    "ends_on": "2013-10-24",
}
CHANGED = {
    "name": "Renamed Forum on Principles",
    "convening_organization": "Another Convener",
    "description": "Described again after publication.",
    "public_url": "https://example.org/renamed-forum",
    "scope": "regional",
    "layer": "on_the_internet",
    "starts_on": "2014-01-10",
    "ends_on": "2014-01-12",
}
# The changed fields as the note names them, in English and in French.
CHANGED_WORDS = (
    "name",
    "convening organization",
    "description",
    "public web address",
    "scope",
    "layer",
    "start date",
    "end date",
)
CHANGED_WORDS_FR = (
    "nom",
    "organisation responsable",
    "description",
    "adresse web publique",
    "portée",
    "couche",
    "date de début",
    "date de fin",
)
OLD_SLUG = "igf-2013-workshop-41-principles"
NEW_SLUG = "renamed-forum-on-principles"


def flat(text: str) -> str:
    """Text with its spaces and line breaks collapsed, as a reader takes it in."""
    return " ".join(text.split())


def text_of(html: str) -> str:
    """What a person reads on a page: no tags, entities read, spaces collapsed."""
    return markup.unescape(tagless(html))


def change_process(callers, process_id: int, changes: dict) -> None:
    response = callers["admin"].patch(f"/api/v1/processes/{process_id}", json=changes)
    assert response.status_code == 200, response.get_json()


def day_text(moment: datetime) -> str:
    """The day of ``moment`` as the English pages write it: "7 December 2026"."""
    return f"{moment.day} {moment:%B %Y}"


def published_on(callers, assessment_id: int) -> str:
    """The day of publication as the English scorecard writes it: "7 December 2026"."""
    body = callers["anonymous"].get(f"/api/v1/assessments/{assessment_id}").get_json()
    return day_text(datetime.fromisoformat(body["published_at"]))


@pytest.fixture
def process_id(session, callers) -> int:
    stored_rubric(session)
    session.commit()
    response = callers["owner"].post("/api/v1/processes", json=AS_PUBLISHED)
    assert response.status_code == 201, response.get_json()
    return response.get_json()["id"]


@pytest.fixture
def ids(client, callers, process_id) -> list[int]:
    """Two published scorecards of the process, their pages and PDFs kept, then the process
    described anew."""
    made = [published(callers, process_id), published(callers, process_id, author="other_assessor")]
    for assessment_id in made:
        assert client.get(f"/assessments/{assessment_id}/scorecard").status_code == 200
        assert client.get(f"/assessments/{assessment_id}/scorecard.pdf").status_code == 200
    change_process(callers, process_id, CHANGED)
    return made


def assert_as_published(text: str) -> None:
    for field in ("name", "convening_organization", "description", "public_url"):
        assert AS_PUBLISHED[field] in text, field
        assert CHANGED[field] not in text, field


def test_the_page_shows_the_process_as_published_and_says_it_changed(
    client, callers, process_id, ids
):
    html = client.get(f"/assessments/{ids[0]}/scorecard").get_data(as_text=True)
    text = text_of(html)
    assert_as_published(text)
    assert "Global" in text and "Regional" not in text
    assert "Governance of the Internet" in text and "Governance on the Internet" not in text
    assert "24 October 2013" in text and "10 January 2014" not in text
    note = re.search(
        r"The process record has changed since this scorecard was published on (.*?)\.", text
    )
    assert note, text
    assert note[1].startswith(published_on(callers, ids[0]) + ":")
    for word in CHANGED_WORDS:
        assert word in note[1], word
    assert re.search(
        rf'<a href="[^"]*/processes/{process_id}"[^>]*>See the current record</a>', html
    )


def test_the_assessment_page_shows_the_process_as_published_and_says_it_changed(
    client, process_id, ids
):
    sign_in(client, "owner@example.org")
    html = client.get(f"/assessments/{ids[0]}").get_data(as_text=True)
    facts = text_of(html[html.index('<dl class="facts">') : html.index("</dl>")])
    assert f"{AS_PUBLISHED['name']} ({AS_PUBLISHED['convening_organization']})" in facts
    assert CHANGED["name"] not in facts
    assert "the process record has changed since: name, convening organization" in facts
    assert re.search(rf'<a href="/processes/{process_id}">See the current record</a>', html)


def test_the_note_is_in_french_on_the_french_page(client, ids):
    html = client.get(f"/assessments/{ids[0]}/scorecard?lang=fr").get_data(as_text=True)
    text = text_of(html)
    assert (
        "La fiche descriptive du processus a changé depuis la publication de cette fiche"
        " d'évaluation le" in text
    )
    assert "Voir la fiche descriptive actuelle" in text
    for word in CHANGED_WORDS_FR:
        assert word in text, word


def test_the_pdf_shows_the_process_as_published_and_says_it_changed(client, callers, ids, tmp_path):
    response = client.get(f"/assessments/{ids[0]}/scorecard.pdf")
    day = published_on(callers, ids[0])
    text = flat(pdf_text(response.data, tmp_path))
    assert_as_published(text)
    assert f"The process record has changed since this scorecard was published on {day}:" in text
    assert "See the current record" in text
    assert (
        f'filename="scorecard-{OLD_SLUG}-{ids[0]}.pdf"' in response.headers["Content-Disposition"]
    )


def test_the_batch_zip_names_and_shows_the_process_as_published(client, ids, tmp_path):
    entries = zip_entries(client, start_batch(client, ids))
    assert list(entries) == [f"scorecard-{OLD_SLUG}-{assessment_id}.pdf" for assessment_id in ids]
    for pdf in entries.values():
        text = flat(pdf_text(pdf, tmp_path))
        assert_as_published(text)
        assert "The process record has changed since this scorecard was published" in text


def test_the_api_scorecard_gives_the_process_as_published_and_what_changed(
    callers, process_id, ids
):
    body = callers["anonymous"].get(f"/api/v1/assessments/{ids[0]}/scorecard").get_json()
    assert body["process"] == {
        "id": process_id,
        "version": 1,
        **AS_PUBLISHED,
        "changed_since_publication": list(AS_PUBLISHED),
    }


def test_the_comparison_and_its_exports_show_the_process_as_published(client, ids, tmp_path):
    query = {"ids": ",".join(map(str, ids))}
    page = text_of(client.get("/compare", query_string=query).get_data(as_text=True))
    assert AS_PUBLISHED["name"] in page and CHANGED["name"] not in page
    rows = list(
        csv.DictReader(
            io.StringIO(client.get("/compare.csv", query_string=query).get_data(as_text=True))
        )
    )
    assert {row["process"] for row in rows} == {AS_PUBLISHED["name"]}
    document = client.get("/compare.json", query_string=query).get_json()
    assert [card["process"]["name"] for card in document["scorecards"]] == [
        AS_PUBLISHED["name"]
    ] * 2
    assert {card["process"]["organization"] for card in document["scorecards"]} == {
        AS_PUBLISHED["convening_organization"]
    }
    pdf = flat(pdf_text(client.get("/compare.pdf", query_string=query).data, tmp_path))
    assert AS_PUBLISHED["name"] in pdf and CHANGED["name"] not in pdf


def test_open_data_gives_the_process_as_published_and_its_current_name(client, ids):
    rows = list(
        csv.DictReader(io.StringIO(client.get("/data/judgements.csv").get_data(as_text=True)))
    )
    assert rows
    for row in rows:
        assert row["process_name"] == AS_PUBLISHED["name"]
        assert row["convening_organization"] == AS_PUBLISHED["convening_organization"]
        assert (row["scope"], row["layer"]) == ("global", "of_the_internet")
        assert row["process_version"] == "1"
        assert row["current_process_name"] == CHANGED["name"]
    judgements = client.get("/data/judgements.json").get_json()["judgements"]
    assert {
        (j["process_name"], j["process_version"], j["current_process_name"]) for j in judgements
    } == {(AS_PUBLISHED["name"], 1, CHANGED["name"])}


def test_a_draft_shows_the_current_record_without_a_note(client, callers, process_id, ids):
    draft = start(callers["owner"], process_id)["id"]
    fill(callers["owner"], draft)
    sign_in(client, "owner@example.org")
    text = text_of(client.get(f"/assessments/{draft}/scorecard").get_data(as_text=True))
    assert CHANGED["name"] in text and AS_PUBLISHED["name"] not in text
    assert "The process record has changed" not in text


def test_a_revision_is_published_against_the_record_of_its_own_publication(
    client, callers, process_id, ids
):
    revision = callers["owner"].post(f"/api/v1/assessments/{ids[0]}/revise").get_json()["id"]
    reasons = {
        key: {**body, "change_reason": "correction"} for key, body in COMPLETE_ANSWERS.items()
    }
    fill(callers["owner"], revision, reasons)
    assert callers["owner"].post(f"/api/v1/assessments/{revision}/submit").status_code == 200
    assert callers["reviewer"].post(f"/api/v1/assessments/{revision}/publish").status_code == 200
    revised = text_of(client.get(f"/assessments/{revision}/scorecard").get_data(as_text=True))
    assert CHANGED["name"] in revised and AS_PUBLISHED["name"] not in revised
    assert "The process record has changed" not in revised
    body = callers["anonymous"].get(f"/api/v1/assessments/{revision}/scorecard").get_json()
    assert body["process"]["version"] == 2 and body["process"]["changed_since_publication"] == []
    original = text_of(client.get(f"/assessments/{ids[0]}/scorecard").get_data(as_text=True))
    assert AS_PUBLISHED["name"] in original


def test_a_record_changed_back_as_published_shows_no_note(client, callers, process_id, ids):
    change_process(callers, process_id, AS_PUBLISHED)
    text = text_of(client.get(f"/assessments/{ids[0]}/scorecard").get_data(as_text=True))
    assert AS_PUBLISHED["name"] in text
    assert "The process record has changed" not in text


def test_a_kept_page_and_pdf_are_replaced_when_the_note_must_appear(
    client, session, callers, process_id
):
    assessment_id = published(callers, process_id)
    page = client.get(f"/assessments/{assessment_id}/scorecard").get_data(as_text=True)
    pdf = client.get(f"/assessments/{assessment_id}/scorecard.pdf")
    assert "The process record has changed" not in page
    change_process(callers, process_id, {"description": "Only the description changes."})
    again = client.get(f"/assessments/{assessment_id}/scorecard").get_data(as_text=True)
    assert "The process record has changed" in text_of(again)
    assert (
        client.get(f"/assessments/{assessment_id}/scorecard.pdf").headers["ETag"]
        != pdf.headers["ETag"]
    )
    # Each replaced the one kept before: one page and one PDF per rendering.
    for kept in (ScorecardPage, ScorecardPdf):
        count = select(func.count()).select_from(kept).where(kept.assessment_id == assessment_id)
        assert session.scalar(count) == 1


def test_changing_another_process_keeps_the_page_and_pdf(client, session, callers, process_id):
    assessment_id = published(callers, process_id)
    client.get(f"/assessments/{assessment_id}/scorecard")
    etag = client.get(f"/assessments/{assessment_id}/scorecard.pdf").headers["ETag"]
    other = callers["owner"].post("/api/v1/processes", json={**AS_PUBLISHED, "name": "Other"})
    change_process(callers, other.get_json()["id"], {"name": "Other, renamed"})
    pages = select(ScorecardPage.content_hash).where(ScorecardPage.assessment_id == assessment_id)
    before = session.scalars(pages).all()
    client.get(f"/assessments/{assessment_id}/scorecard")
    assert session.scalars(pages).all() == before
    assert client.get(f"/assessments/{assessment_id}/scorecard.pdf").headers["ETag"] == etag


def test_the_process_page_shows_its_current_record_and_its_history_every_version(
    client, session, process_id, ids
):
    page = text_of(client.get(f"/processes/{process_id}").get_data(as_text=True))
    assert CHANGED["name"] in page and CHANGED["description"] in page
    html = client.get(f"/processes/{process_id}/history").get_data(as_text=True)
    rows = re.findall(r"<tr><th scope=\"row\">(\d+)</th>(.*?)</tr>", html)
    cells = [[number, *map(text_of, re.findall(r"<td>(.*?)</td>", row))] for number, row in rows]
    recorded = session.scalars(
        select(ProcessVersion.recorded_at)
        .where(ProcessVersion.process_id == process_id)
        .order_by(ProcessVersion.number)
    )
    first, second = map(day_text, recorded)
    assert cells == [
        ["1", first, "Owner", AS_PUBLISHED["name"], "First description"],
        [
            "2",
            second,
            "Admin",
            CHANGED["name"],
            "name, convening organization, description, public web address, scope, layer,"
            " start date, and end date",
        ],
    ]
