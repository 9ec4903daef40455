"""Public scorecards rendered before anyone asks: a committed change that alters a scorecard
of a process queues the rendering of the process's public scorecards, in every language, for
the address the change was made at, so that the first reader after it renders nothing."""

import logging
import time

import pytest
from flask import current_app
from huey.storage import MemoryStorage, SqliteStorage
from sqlalchemy import func, select

from assessor import jobs
from assessor.db import utcnow
from assessor.languages.selection import SOURCE_LANGUAGE
from assessor.processes.models import ProcessRepresentative
from assessor.scorecards import changed_scorecards, pdfs
from assessor.scorecards.models import RenderClaim, ScorecardPage, ScorecardPdf
from assessor.scorecards.render_jobs import queue_process_scorecards
from tests.api.assessment_helpers import COMPLETE_ANSWERS, fill, published, start
from tests.factories import published_assessment, shipped_rubric, stored_process, stored_user
from tests.scorecards.rendering import refuse_to_render
from tests.workers import huey_worker

LOCAL = "http://localhost/"
WORKER_TIMEOUT = 90
LOW = {**COMPLETE_ANSWERS, "openness.open_participation": {"level": 0, "rationale": "Closed."}}


@pytest.fixture(autouse=True)
def rendering_ahead(app, monkeypatch):
    """The suite's setting leaves it off, so that other tests' publications render nothing."""
    monkeypatch.setitem(app.config, "RENDER_SCORECARDS_AHEAD", True)


@pytest.fixture
def queued(monkeypatch) -> list[tuple]:
    """The jobs queued, recorded rather than run."""
    recorded = []
    monkeypatch.setattr(
        changed_scorecards, "enqueue", lambda task, *arguments: recorded.append(arguments)
    )
    return recorded


def kept_renderings(session, model) -> set[tuple]:
    """(assessment, language, site) of each page part or PDF kept."""
    session.expire_all()
    rows = session.execute(select(model.assessment_id, model.language, model.site))
    return set(rows)


def shipped_languages() -> tuple[str, ...]:
    return current_app.config["LANGUAGES"]


def in_every_language(*assessment_ids: int, site: str = LOCAL) -> set[tuple]:
    return {(a, language, site) for a in assessment_ids for language in shipped_languages()}


def read_in_every_language(client, assessment_id: int, **request) -> dict[str, str]:
    """The page and the PDF in each language, as their permalinks ask for them; the pages."""
    pages = {}
    for language in shipped_languages():
        query = {} if language == SOURCE_LANGUAGE else {"lang": language}
        address = f"/assessments/{assessment_id}/scorecard"
        page = client.get(address, query_string=query, **request)
        pdf = client.get(f"{address}.pdf", query_string=query, **request)
        assert (page.status_code, pdf.status_code) == (200, 200)
        pages[language] = page.get_data(as_text=True)
    return pages


def test_a_publication_keeps_its_page_and_pdf_in_every_language_before_anyone_asks(
    client, callers, process_id, session, monkeypatch
):
    assessment_id = published(callers, process_id)
    assert kept_renderings(session, ScorecardPage) == in_every_language(assessment_id)
    assert kept_renderings(session, ScorecardPdf) == in_every_language(assessment_id)
    refuse_to_render(monkeypatch)
    pages = read_in_every_language(client, assessment_id)
    assert "fr" in pages
    assert all(f'<html lang="{language}"' in page for language, page in pages.items())


def test_another_publication_in_the_process_keeps_both_scorecards_as_consolidated(
    client, callers, process_id, session, monkeypatch
):
    first = published(callers, process_id)
    second = published(callers, process_id, answers=LOW, author="other_assessor")
    assert kept_renderings(session, ScorecardPdf) == in_every_language(first, second)
    refuse_to_render(monkeypatch)
    english = read_in_every_language(client, first)["en"]
    assert "2 published assessments on this rubric version" in english


def test_a_reply_keeps_the_scorecard_with_the_reply(
    client, callers, process_id, published_id, session, monkeypatch
):
    session.add(ProcessRepresentative(process_id=process_id, user_id=callers["admin"].user_id))
    session.commit()
    replied = callers["admin"].post(
        f"/api/v1/assessments/{published_id}/replies", json={"body": "Our reply."}
    )
    assert replied.status_code == 201
    refuse_to_render(monkeypatch)
    pages = read_in_every_language(client, published_id)
    assert all("Our reply." in page for page in pages.values())


def test_a_withdrawal_keeps_the_withdrawn_scorecard_and_the_others_of_its_process(
    client, callers, process_id, published_id, monkeypatch
):
    other = published(callers, process_id, answers=LOW, author="other_assessor")
    withdrawn = callers["admin"].post(
        f"/api/v1/assessments/{other}/withdraw", json={"reason": "Conflict of interest."}
    )
    assert withdrawn.status_code == 200
    refuse_to_render(monkeypatch)
    assert "WITHDRAWN" in read_in_every_language(client, other)["en"]
    remaining = read_in_every_language(client, published_id)["en"]
    assert "All published assessments of this process" not in remaining


def test_a_changed_process_record_keeps_its_scorecards_with_the_note(
    client, callers, process_id, published_id, monkeypatch
):
    changed = callers["admin"].patch(
        f"/api/v1/processes/{process_id}", json={"name": "Renamed workshop"}
    )
    assert changed.status_code == 200
    refuse_to_render(monkeypatch)
    english = read_in_every_language(client, published_id)["en"]
    assert "has changed since this scorecard was published" in english


def test_the_scorecards_are_kept_for_the_address_the_change_was_made_at(
    client, callers, process_id, session, monkeypatch
):
    site = "https://scorecards.example.org"
    assessment_id = start(callers["owner"], process_id)["id"]
    fill(callers["owner"], assessment_id)
    callers["owner"].post(f"/api/v1/assessments/{assessment_id}/submit")
    callers["reviewer"].post(f"/api/v1/assessments/{assessment_id}/publish", base_url=site)
    assert kept_renderings(session, ScorecardPdf) == in_every_language(
        assessment_id, site=f"{site}/"
    )
    refuse_to_render(monkeypatch)
    read_in_every_language(client, assessment_id, base_url=site)


def test_work_on_a_draft_queues_nothing(callers, process_id, queued, session):
    assessment_id = start(callers["owner"], process_id)["id"]
    fill(callers["owner"], assessment_id)
    assert callers["owner"].post(f"/api/v1/assessments/{assessment_id}/submit").status_code == 200
    assert queued == []


def test_one_job_is_queued_for_the_process_once_the_publication_is_committed(
    callers, process_id, queued
):
    published(callers, process_id)
    assert queued == [(process_id, LOCAL)]


def publish_one(session) -> int:
    """A publication through the services, flushed; its process."""
    rubric = shipped_rubric(session)
    assessor = stored_user(session, "ana@example.org", ["assessor"])
    reviewer = stored_user(session, "rui@example.org", ["reviewer"], "academia")
    process = stored_process(session)
    published_assessment(session, rubric, process, assessor, reviewer)
    return process.id


def test_a_job_is_queued_once_the_outermost_transaction_commits(app, session, queued):
    with app.test_request_context():
        with session.begin_nested():
            process_id = publish_one(session)
        assert queued == []
        session.commit()
    assert queued == [(process_id, LOCAL)]


def test_a_change_rolled_back_queues_nothing(app, session, queued):
    with app.test_request_context():
        publish_one(session)
        session.rollback()
        session.commit()
    assert queued == []


def test_a_change_made_outside_a_request_queues_nothing(session, queued):
    publish_one(session)
    session.commit()
    assert queued == []


def test_a_key_another_worker_is_rendering_is_left_to_it(
    process_id, published_id, session, monkeypatch
):
    french = session.scalars(select(ScorecardPdf).where(ScorecardPdf.language == "fr")).one()
    key = french.content_hash
    session.delete(french)
    session.add(RenderClaim(content_hash=key, claimed_at=utcnow()))
    session.commit()
    refuse_to_render(monkeypatch)
    queue_process_scorecards(session, process_id, LOCAL)
    assert session.scalar(select(ScorecardPdf).where(ScorecardPdf.content_hash == key)) is None
    assert session.scalars(select(RenderClaim.content_hash)).all() == [key]


def test_a_render_that_fails_is_logged_its_claim_released_and_the_job_goes_on(
    callers, process_id, session, monkeypatch, caplog
):
    def broken(*arguments, **keywords):
        raise RuntimeError("WeasyPrint fell over")

    monkeypatch.setattr(pdfs, "render_scorecard", broken)
    with caplog.at_level(logging.ERROR):
        assessment_id = published(callers, process_id)
    assert kept_renderings(session, ScorecardPage) == in_every_language(assessment_id)
    assert kept_renderings(session, ScorecardPdf) == set()
    assert session.scalar(select(func.count()).select_from(RenderClaim)) == 0
    failures = [record for record in caplog.records if record.levelno == logging.ERROR]
    assert len(failures) == len(shipped_languages())
    assert all("ahead failed" in failure.getMessage() for failure in failures)


def test_a_real_worker_renders_ahead_what_a_publication_queued(
    app, callers, process_id, session, tmp_path
):
    queue_file = tmp_path / "worker" / jobs.QUEUE_FILE
    queue_file.parent.mkdir()
    storage = SqliteStorage(jobs.QUEUE_NAME, filename=str(queue_file))
    log_file = tmp_path / "worker.log"
    with huey_worker(app, storage, {"INSTANCE_DIR": str(queue_file.parent)}, log_file):
        assessment_id = published(callers, process_id)
        deadline = time.monotonic() + WORKER_TIMEOUT
        while kept_renderings(session, ScorecardPdf) != in_every_language(assessment_id):
            if time.monotonic() > deadline:
                pytest.fail(f"not rendered in {WORKER_TIMEOUT}s:\n{log_file.read_text()}")
            time.sleep(0.2)
    assert kept_renderings(session, ScorecardPage) == in_every_language(assessment_id)


def test_a_process_job_queues_a_job_per_scorecard_every_page_before_any_pdf(
    app, callers, process_id, session, monkeypatch
):
    monkeypatch.setitem(app.config, "RENDER_SCORECARDS_AHEAD", False)
    older, newer = published(callers, process_id), published(callers, process_id)
    monkeypatch.setitem(app.config, "HUEY_IMMEDIATE", False)
    monkeypatch.setattr(jobs.huey, "storage", MemoryStorage(jobs.QUEUE_NAME))
    queue_process_scorecards(session, process_id, LOCAL)
    assert [(task.name, task.args) for task in jobs.huey.pending()] == [
        ("render_scorecard_ahead_job", (assessment_id, kind, LOCAL))
        for kind in ("page", "pdf")
        for assessment_id in (newer, older)
    ]
