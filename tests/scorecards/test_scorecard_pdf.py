"""The scorecard PDF: content, metadata, fonts, tagging, caching, file names."""

import logging
import re

import pytest
from sqlalchemy import func, select

from assessor.assessments.models import Assessment, ProcessReply
from assessor.scorecards.models import ScorecardPdf
from tests.assessments.pages import sign_in
from tests.tools import pdf_fonts, pdf_info, pdf_text


def download(client, assessment_id, **query):
    response = client.get(f"/assessments/{assessment_id}/scorecard.pdf", query_string=query)
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    return response


def test_pdf_shows_process_pillars_and_the_overall_score_of_the_page(
    client, full_published_id, tmp_path
):
    page = client.get(f"/assessments/{full_published_id}/scorecard").get_data(as_text=True)
    shown = re.search(r'<span class="overall-score">([0-9.]+)</span>', page)[1]
    text = pdf_text(download(client, full_published_id).data, tmp_path)
    assert "Fourth World Telecommunication/ICT Policy Forum (WTPF-13)" in text
    for pillar in [
        "Openness",
        "Equal footing",
        "Transparency",
        "Bottom-up agenda-setting",
        "Due process",
    ]:
        assert pillar in text
    assert shown in text
    assert "DRAFT" not in text


def test_a_draft_pdf_is_marked_draft_on_every_page(client, draft_id, tmp_path):
    sign_in(client, "owner@example.org")
    response = download(client, draft_id)
    pages = pdf_text(response.data, tmp_path).split("\f")
    pages = [page for page in pages if page.strip()]
    assert len(pages) >= 2
    assert all("DRAFT" in page for page in pages)
    assert response.headers["Cache-Control"] == "no-store"
    assert (
        'filename="scorecard-igf-2013-workshop-41-principles-'
        in response.headers["Content-Disposition"]
    )
    assert response.headers["Content-Disposition"].endswith('-draft.pdf"')


def test_pdf_metadata_names_title_author_subject_keywords_and_is_tagged(
    client, full_published_id, tmp_path
):
    info = pdf_info(download(client, full_published_id).data, tmp_path)
    assert re.search(r"^Title:\s+Scorecard: Fourth World", info, re.M)
    assert re.search(r"^Author:\s+Ana", info, re.M)
    assert re.search(r"^Subject:\s+Multistakeholder scorecard of", info, re.M)
    assert re.search(r"^Keywords:\s+multistakeholder, WSIS\+10", info, re.M)
    assert re.search(r"^CreationDate:\s+\S", info, re.M)
    assert re.search(r"^Tagged:\s+yes", info, re.M)
    assert re.search(r"^Page size:\s+595.* x 841.* pts \(A4\)", info, re.M)


def test_pdf_fonts_are_all_embedded(client, full_published_id, tmp_path):
    rows = pdf_fonts(download(client, full_published_id).data, tmp_path).splitlines()[2:]
    assert rows
    assert all(row.split()[-5] == "yes" for row in rows), rows  # the "emb" column


def test_download_is_an_attachment_and_preview_is_inline(client, full_published_id):
    attachment = download(client, full_published_id).headers["Content-Disposition"]
    inline = download(client, full_published_id, inline=1).headers["Content-Disposition"]
    assert attachment.startswith("attachment;") and inline.startswith("inline;")
    assert attachment.endswith(f'-{full_published_id}.pdf"')


def test_a_published_pdf_is_rendered_once_and_served_byte_identical(
    client, full_published_id, session
):
    first = download(client, full_published_id)
    second = download(client, full_published_id)
    assert first.data == second.data
    assert session.scalar(select(func.count()).select_from(ScorecardPdf)) == 1


def test_the_etag_answers_304(client, full_published_id):
    etag = download(client, full_published_id).headers["ETag"]
    response = client.get(
        f"/assessments/{full_published_id}/scorecard.pdf", headers={"If-None-Match": etag}
    )
    assert response.status_code == 304 and response.data == b""


def test_rendering_logs_no_warning(client, full_published_id, caplog):
    """A warning would mean a missing font, a refused fetch, or fontTools standing in for
    HarfBuzz's subsetter (libharfbuzz-subset0), which is much slower."""
    with caplog.at_level(logging.WARNING):
        download(client, full_published_id)
    assert [
        record.getMessage() for record in caplog.records if record.levelno >= logging.WARNING
    ] == []


def test_a_revision_with_a_changed_answer_gets_its_own_pdf_and_the_old_one_stays(
    client, callers, published_id, session, tmp_path
):
    old = download(client, published_id).data
    revision = callers["owner"].post(f"/api/v1/assessments/{published_id}/revise").get_json()
    key = "transparency.public_documents"
    version = next(a["version"] for a in revision["answers"] if a["question_key"] == key)
    callers["owner"].put(
        f"/api/v1/assessments/{revision['id']}/answers/{key}",
        json={
            "level": 4,
            "rationale": "All drafts now online.",
            "change_reason": "improvement",
            "evidence": [{"url": "https://example.org/all", "title": "All drafts"}],
            "version": version,
        },
    )
    callers["owner"].post(f"/api/v1/assessments/{revision['id']}/submit")
    callers["reviewer"].post(f"/api/v1/assessments/{revision['id']}/publish")
    new = download(client, revision["id"]).data
    assert new != old
    assert download(client, published_id).data == old
    assert "All drafts now online." in pdf_text(new, tmp_path)
    assert "All drafts now online." not in pdf_text(old, tmp_path)


@pytest.mark.parametrize("role", ["anonymous", "other_assessor"])
def test_a_draft_pdf_is_invisible_to_others(client, callers, draft_id, role):
    if role != "anonymous":
        sign_in(client, "other@example.org")
    assert client.get(f"/assessments/{draft_id}/scorecard.pdf").status_code == 404


def test_a_reply_from_the_process_makes_a_new_pdf_that_shows_it(
    client, published_id, session, tmp_path
):
    before = download(client, published_id)
    session.add(ProcessReply(assessment=session.get(Assessment, published_id), body="Our reply."))
    session.commit()
    after = download(client, published_id)
    assert after.headers["ETag"] != before.headers["ETag"]
    assert "Our reply." in pdf_text(after.data, tmp_path)


def test_withdrawing_makes_a_new_pdf_marked_withdrawn(client, callers, published_id, tmp_path):
    before = download(client, published_id)
    callers["admin"].post(
        f"/api/v1/assessments/{published_id}/withdraw", json={"reason": "Conflict."}
    )
    after = download(client, published_id)
    assert after.headers["ETag"] != before.headers["ETag"]
    assert "WITHDRAWN" in pdf_text(after.data, tmp_path)
    assert "WITHDRAWN" not in pdf_text(before.data, tmp_path)


def test_renaming_the_process_makes_a_new_pdf_with_the_name_as_published_and_a_note(
    client, callers, published_id, process_id, tmp_path
):
    before = download(client, published_id)
    callers["admin"].patch(f"/api/v1/processes/{process_id}", json={"name": "Renamed workshop"})
    after = download(client, published_id)
    assert after.headers["ETag"] != before.headers["ETag"]
    text = " ".join(pdf_text(after.data, tmp_path).split())
    assert "IGF 2013 Workshop #41: Principles" in text and "Renamed workshop" not in text
    assert "The process record has changed since this scorecard was published on" in text
