"""Batch downloads: several published scorecards rendered by background jobs into one ZIP."""

import io
import logging
import re
import time
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from huey import RedisHuey, SqliteHuey
from huey.storage import MemoryStorage, RedisStorage, SqliteStorage
from sqlalchemy import func, select

from assessor import jobs
from assessor.assessments.models import Assessment
from assessor.db import db
from assessor.scorecards import batch_jobs, batches
from assessor.scorecards.models import BatchDownload, ScorecardPdf
from config import Config
from tests.databases import REDIS_URL, require_redis
from tests.factories import (
    answered_assessment,
    published_assessment,
    stored_process,
    stored_rubric,
    stored_user,
)
from tests.tools import pdf_info, pdf_text
from tests.workers import huey_worker

PROCESS_NAMES = [
    "IGF 2013 Workshop #41: Principles",
    "NETmundial 2014 Outcome Drafting",
    "ICANN GNSO Policy Development Process",
]
WORKER_TIMEOUT = 90


# What a browser sends along with a form posted from one of the site's own pages.
FROM_THE_SITE = {"Sec-Fetch-Site": "same-origin"}


@pytest.fixture
def published_ids(session) -> list[int]:
    """Three published scorecards of the sample rubric, one per process."""
    rubric = stored_rubric(session)
    assessor = stored_user(session, "ana@example.org", ["assessor"])
    reviewer = stored_user(session, "rui@example.org", ["reviewer"], "academia")
    ids = []
    for name in PROCESS_NAMES:
        process = stored_process(session, name=name)
        ids.append(published_assessment(session, rubric, process, assessor, reviewer).id)
    session.commit()
    return ids


@pytest.fixture
def draft_id(session, published_ids) -> int:
    """An answered draft of the first process: not public."""
    published = session.get(Assessment, published_ids[0])
    draft = answered_assessment(session, published.rubric, published.process, published.assessor)
    session.commit()
    return draft.id


def post_batch(client, ids, **extra):
    """Post the choice as the list page's form does for an anonymous reader: without a token
    (they have no session), from the site's own page, as the browser says."""
    data = {"assessment_id": ids, **extra}
    return client.post("/scorecards/batches", data=data, headers=FROM_THE_SITE)


def start(client, ids) -> str:
    """The token of a batch started through the form."""
    response = post_batch(client, ids)
    assert response.status_code == 303, response.get_data(as_text=True)[:500]
    token = re.fullmatch(r"/scorecards/batches/([0-9a-f]{32})", response.location)[1]
    return token


def state_of(client, token) -> dict:
    response = client.get(f"/scorecards/batches/{token}/status")
    assert response.status_code == 200
    return response.get_json()


def zip_entries(client, token) -> dict[str, bytes]:
    response = client.get(f"/scorecards/batches/{token}/download")
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    assert response.mimetype == "application/zip"
    with zipfile.ZipFile(io.BytesIO(response.data)) as archive:
        assert all(info.compress_type == zipfile.ZIP_DEFLATED for info in archive.infolist())
        return {info.filename: archive.read(info) for info in archive.infolist()}


def test_a_batch_of_three_is_done_and_its_zip_holds_one_valid_pdf_per_scorecard(
    client, published_ids, tmp_path
):
    token = start(client, published_ids)
    assert state_of(client, token) == {
        "status": "done",
        "done": 3,
        "total": 3,
        "progress": "3 of 3 scorecards rendered",
        "download_url": f"/scorecards/batches/{token}/download",
    }
    entries = zip_entries(client, token)
    assert len(entries) == 3
    for (name, pdf), assessment_id, process in zip(
        entries.items(), published_ids, PROCESS_NAMES, strict=True
    ):
        assert name.endswith(f"-{assessment_id}.pdf")
        assert pdf.startswith(b"%PDF-")
        assert re.search(r"^Pages:\s+[1-9]", pdf_info(pdf, tmp_path), re.M)
        assert process in pdf_text(pdf, tmp_path)


def test_zip_entries_are_named_and_made_as_the_single_downloads(client, published_ids):
    singles = [client.get(f"/assessments/{i}/scorecard.pdf") for i in published_ids]
    entries = zip_entries(client, start(client, published_ids))
    names = [re.search(r'filename="([^"]+)"', r.headers["Content-Disposition"])[1] for r in singles]
    assert list(entries) == names
    assert list(entries.values()) == [response.data for response in singles]


def test_a_scorecard_already_rendered_is_taken_from_the_store(client, session, published_ids):
    client.get(f"/assessments/{published_ids[0]}/scorecard.pdf")
    rendered = []
    original = batches.kept_pdf

    def counting(session, assessment, key):
        stored = session.scalar(
            select(func.count()).select_from(ScorecardPdf).where(ScorecardPdf.content_hash == key)
        )
        rendered.append(stored == 0)
        return original(session, assessment, key)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(batches, "kept_pdf", counting)
        start(client, published_ids)
    assert rendered == [False, True, True]
    assert session.scalar(select(func.count()).select_from(ScorecardPdf)) == 3


def test_progress_is_committed_after_each_scorecard_and_shown_by_the_status(
    client, published_ids, monkeypatch
):
    seen = []
    original = batches.kept_pdf

    def watching(session, assessment, key):
        # Read through another connection, as a page polling from another process would.
        with db.engine.connect() as connection:
            token = connection.scalar(select(BatchDownload.id))
        seen.append(state_of(client, token))
        return original(session, assessment, key)

    monkeypatch.setattr(batches, "kept_pdf", watching)
    start(client, published_ids)
    assert [(s["status"], s["done"], s["total"]) for s in seen] == [
        ("running", 0, 3),
        ("running", 1, 3),
        ("running", 2, 3),
    ]
    assert all(s["download_url"] is None for s in seen)


def test_a_batch_is_a_job_per_scorecard_and_the_last_done_makes_the_zip_in_the_order_chosen(
    app, client, session, published_ids, monkeypatch
):
    monkeypatch.setitem(app.config, "HUEY_IMMEDIATE", False)
    monkeypatch.setattr(jobs.huey, "storage", MemoryStorage(jobs.QUEUE_NAME))
    token = start(client, published_ids)
    queued = jobs.huey.pending()
    assert [(task.name, task.args) for task in queued] == [
        ("render_batch_scorecard_job", (token, assessment_id, "en"))
        for assessment_id in published_ids
    ]
    # The workers finish in another order than the batch's.
    seen = []
    for task in reversed(queued):
        batch_jobs.render_batch_scorecard(session, *task.args)
        seen.append(state_of(client, token))
    assert [(s["status"], s["done"]) for s in seen] == [("running", 1), ("running", 2), ("done", 3)]
    names = [name.rsplit("-", 1)[1] for name in zip_entries(client, token)]
    assert names == [f"{assessment_id}.pdf" for assessment_id in published_ids]


def test_of_jobs_counting_at_once_one_only_sees_the_batch_complete(session, published_ids):
    batch = BatchDownload(
        assessment_ids=published_ids[:2], total=2, done=0, base_url="http://x/", status="running"
    )
    session.add(batch)
    session.commit()
    assert [batches.counted_done(session, batch.id) for _ in range(3)] == [False, True, False]
    session.commit()
    session.refresh(batch)
    assert batch.done == 2


@pytest.mark.parametrize("status", ["failed", "done"])
def test_the_jobs_left_of_a_batch_that_is_over_render_nothing(session, published_ids, status):
    batch = BatchDownload(
        assessment_ids=published_ids, total=3, done=1, base_url="http://x/", status=status
    )
    session.add(batch)
    session.commit()
    batch_jobs.render_batch_scorecard(session, batch.id, published_ids[1])
    assert session.scalar(select(func.count()).select_from(ScorecardPdf)) == 0
    session.refresh(batch)
    assert (batch.status, batch.done) == (status, 1)


def test_pdfs_carry_the_permalinks_of_the_site_the_batch_was_started_from(
    client, published_ids, tmp_path
):
    site = "http://scorecards.example.org/"
    data = {"assessment_id": published_ids[:1]}
    origin = {"Origin": site.rstrip("/")}
    response = client.post("/scorecards/batches", data=data, base_url=site, headers=origin)
    pdf = next(iter(zip_entries(client, response.location.rsplit("/", 1)[1]).values()))
    permalink = f"{site}assessments/{published_ids[0]}/scorecard"
    assert permalink in pdf_text(pdf, tmp_path)


def test_repeated_ids_are_rendered_once_in_the_order_first_chosen(client, published_ids):
    first, second, _ = published_ids
    token = start(client, [second, first, second])
    assert state_of(client, token)["total"] == 2
    names = list(zip_entries(client, token))
    assert names[0].endswith(f"-{second}.pdf") and names[1].endswith(f"-{first}.pdf")


def test_the_zip_is_named_for_the_day_and_the_number_of_scorecards(client, published_ids):
    token = start(client, published_ids[:2])
    disposition = client.get(f"/scorecards/batches/{token}/download").headers["Content-Disposition"]
    assert re.fullmatch(r'attachment; filename="scorecards-\d{4}-\d\d-\d\d-2\.zip"', disposition)


@pytest.mark.parametrize(
    ("choice", "message"),
    [
        ("none", "choose from 1 to 50 scorecards"),
        ("fifty_one", "choose from 1 to 50 scorecards"),
        ("draft", "no published scorecard has the id {draft}"),
        ("unknown", "no published scorecard has the id 999999"),
        ("not_a_number", "Not a valid integer"),
    ],
)
def test_a_refused_choice_is_a_422_page_naming_the_problem(
    client, session, published_ids, draft_id, choice, message
):
    ids = {
        "none": [],
        "fifty_one": list(range(1, 52)),
        "draft": [published_ids[0], draft_id],
        "unknown": [999999, published_ids[1]],
        "not_a_number": ["two"],
    }[choice]
    response = post_batch(client, ids)
    assert response.status_code == 422
    assert message.format(draft=draft_id) in response.get_data(as_text=True)
    assert session.scalar(select(func.count()).select_from(BatchDownload)) == 0


def test_a_post_from_another_site_is_refused(client, session, published_ids):
    response = client.post(
        "/scorecards/batches",
        data={"assessment_id": published_ids},
        headers={"Sec-Fetch-Site": "cross-site", "Origin": "https://elsewhere.example"},
    )
    assert response.status_code == 400
    assert session.scalar(select(func.count()).select_from(BatchDownload)) == 0


@pytest.mark.parametrize("suffix", ["", "/status", "/download"])
def test_an_unknown_token_is_not_found(client, suffix):
    assert client.get(f"/scorecards/batches/{'0' * 32}{suffix}").status_code == 404
    assert client.get(f"/scorecards/batches/{'0' * 31}{suffix}").status_code == 404


def test_a_waiting_batch_says_so_refreshes_without_scripts_and_offers_no_zip_yet(
    client, session, published_ids
):
    batch = BatchDownload(assessment_ids=published_ids, total=3, done=0, base_url="http://x/")
    session.add(batch)
    session.commit()
    page = client.get(f"/scorecards/batches/{batch.id}").get_data(as_text=True)
    assert '<noscript><meta http-equiv="refresh" content="2"></noscript>' in page
    assert '<progress id="batch-progress" max="3" value="0"' in page
    assert "0 of 3 scorecards rendered" in page
    assert "waiting for the worker to start</span>" in page
    assert client.get(f"/scorecards/batches/{batch.id}/download").status_code == 409


def test_a_finished_page_offers_the_zip_and_no_longer_refreshes(client, published_ids):
    token = start(client, published_ids)
    page = client.get(f"/scorecards/batches/{token}").get_data(as_text=True)
    assert "3 of 3 scorecards rendered" in page
    assert f'href="/scorecards/batches/{token}/download"' in page
    assert "Download the ZIP" in page and 'http-equiv="refresh"' not in page


def test_a_failed_batch_says_so_without_details_and_logs_the_error(
    client, published_ids, monkeypatch, caplog
):
    def broken(session, assessment, key):
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr(batches, "kept_pdf", broken)
    with caplog.at_level(logging.ERROR, logger="assessor.scorecards.batches"):
        token = start(client, published_ids)
    assert state_of(client, token) == {
        "status": "failed",
        "done": 0,
        "total": 3,
        "progress": "0 of 3 scorecards rendered",
        "download_url": None,
    }
    page = client.get(f"/scorecards/batches/{token}").get_data(as_text=True)
    assert batches.FAILED_MESSAGE in page and "secret internal detail" not in page
    assert 'href="/scorecards"' in page
    logged = [str(record.exc_info[1]) for record in caplog.records if record.exc_info]
    assert logged == ["secret internal detail"]


@pytest.mark.parametrize("status", ["queued", "running"])
def test_a_batch_whose_worker_stopped_is_failed_an_hour_on(client, session, status):
    started = datetime.now(UTC) - batches.STALLED_AFTER
    stalled, recent = (
        BatchDownload(
            assessment_ids=[1], total=1, base_url="http://x/", status=status, created_at=created
        )
        for created in (started - timedelta(minutes=1), started + timedelta(minutes=1))
    )
    session.add_all([stalled, recent])
    session.commit()
    assert state_of(client, stalled.id)["status"] == "failed"
    assert state_of(client, recent.id)["status"] == status
    page = client.get(f"/scorecards/batches/{stalled.id}").get_data(as_text=True)
    assert "The ZIP could not be made" in page and 'http-equiv="refresh"' not in page


def test_the_list_shows_published_scorecards_only(client, published_ids, draft_id):
    page = client.get("/scorecards").get_data(as_text=True)
    assert "3 scorecards" in page
    for assessment_id in published_ids:
        assert f'name="assessment_id" value="{assessment_id}"' in page
    assert f'value="{draft_id}"' not in page


def test_the_list_searches_process_names_and_filters_by_rubric(client, published_ids):
    page = client.get("/scorecards", query_string={"q": "netmundial"}).get_data(as_text=True)
    assert "1 scorecard found" in page and "NETmundial 2014" in page
    filtered = client.get("/scorecards", query_string={"rubric": "sample-rubric@1.0.0"})
    assert "3 scorecards found" in filtered.get_data(as_text=True)
    other = client.get("/scorecards", query_string={"rubric": "other@1.0.0"})
    assert "No published scorecard matches this search." in other.get_data(as_text=True)


@pytest.mark.parametrize("query", [{"q": "x" * 201}, {"rubric": "nonsense"}, {"page": "zero"}])
def test_the_list_ignores_what_it_cannot_use(client, published_ids, query):
    page = client.get("/scorecards", query_string=query).get_data(as_text=True)
    assert page.count('name="page_assessment_id"') == 3


def test_the_list_is_paginated(client, published_ids, monkeypatch):
    monkeypatch.setattr("assessor.scorecards.batch_views.PER_PAGE", 2)
    first = client.get("/scorecards").get_data(as_text=True)
    last = client.get("/scorecards", query_string={"page": 9}).get_data(as_text=True)
    assert first.count('name="page_assessment_id"') == 2 and "Page 1 of 2" in first
    assert last.count('name="page_assessment_id"') == 1 and "Page 2 of 2" in last


def test_select_all_downloads_every_scorecard_on_the_page(client, published_ids):
    page = client.get("/scorecards").get_data(as_text=True)
    on_page = re.findall(r'name="page_assessment_id" value="(\d+)"', page)
    response = post_batch(client, [], page_assessment_id=on_page, select_all="1")
    token = response.location.rsplit("/", 1)[1]
    assert state_of(client, token)["total"] == 3


def test_the_process_page_offers_its_published_scorecards_for_one_zip(
    client, session, published_ids
):
    process_id = session.get(Assessment, published_ids[0]).process_id
    page = client.get(f"/processes/{process_id}").get_data(as_text=True)
    assert 'action="/scorecards/batches"' in page
    assert f'name="assessment_id" value="{published_ids[0]}"' in page
    assert "Download selected as ZIP" in page


def test_the_queue_is_redis_when_configured_and_an_embedded_sqlite_file_otherwise(tmp_path):
    embedded = jobs.build_queue(Config({"INSTANCE_DIR": str(tmp_path / "instance")}))
    assert isinstance(embedded, SqliteHuey)
    assert embedded.storage.filename == str(tmp_path / "instance" / jobs.QUEUE_FILE)
    on_redis = jobs.build_queue(Config({"REDIS_URL": REDIS_URL}))
    assert isinstance(on_redis, RedisHuey)


def wait_until_finished(client, token, log_file: Path) -> dict:
    deadline = time.monotonic() + WORKER_TIMEOUT
    while time.monotonic() < deadline:
        state = state_of(client, token)
        if state["status"] in {"done", "failed"}:
            return state
        time.sleep(0.2)
    pytest.fail(f"the worker did not finish in {WORKER_TIMEOUT}s:\n{log_file.read_text()}")


def check_worker_renders_the_batch(client, published_ids, log_file: Path) -> None:
    token = start(client, published_ids)
    assert state_of(client, token)["status"] == "queued"
    state = wait_until_finished(client, token, log_file)
    assert state["status"] == "done", log_file.read_text()
    assert [name.rsplit("-", 1)[1] for name in zip_entries(client, token)] == [
        f"{assessment_id}.pdf" for assessment_id in published_ids
    ]


def test_a_real_worker_renders_the_batch_from_the_embedded_sqlite_queue(
    app, client, published_ids, tmp_path
):
    queue_file = tmp_path / "worker" / jobs.QUEUE_FILE
    queue_file.parent.mkdir()
    storage = SqliteStorage(jobs.QUEUE_NAME, filename=str(queue_file))
    log_file = tmp_path / "worker.log"
    environment = {"INSTANCE_DIR": str(queue_file.parent)}
    with huey_worker(app, storage, environment, log_file, workers=2):
        check_worker_renders_the_batch(client, published_ids, log_file)


def test_a_real_worker_renders_the_batch_from_a_redis_queue(app, client, published_ids, tmp_path):
    require_redis(REDIS_URL)
    storage = RedisStorage(jobs.QUEUE_NAME, url=REDIS_URL)
    storage.flush_all()
    log_file = tmp_path / "worker.log"
    environment = {"REDIS_URL": REDIS_URL, "INSTANCE_DIR": str(tmp_path)}
    try:
        with huey_worker(app, storage, environment, log_file):
            check_worker_renders_the_batch(client, published_ids, log_file)
    finally:
        storage.flush_all()


def test_batches_finished_over_a_week_ago_are_purged_and_the_rest_kept(session):
    now = datetime(2026, 11, 23, 3, 17, tzinfo=UTC)
    old = BatchDownload(
        total=1,
        assessment_ids=[1],
        base_url="http://localhost/",
        status="done",
        finished_at=now - timedelta(days=8),
        done=1,
    )
    recent = BatchDownload(
        total=1,
        assessment_ids=[1],
        base_url="http://localhost/",
        status="done",
        finished_at=now - timedelta(days=6),
        done=1,
    )
    running = BatchDownload(
        total=1, assessment_ids=[1], base_url="http://localhost/", status="running"
    )
    session.add_all([old, recent, running])
    session.commit()
    ids = {old.id, recent.id, running.id}
    assert batches.purge_finished_batches(session, now=now) == 1
    remaining = set(session.scalars(select(BatchDownload.id).where(BatchDownload.id.in_(ids))))
    assert remaining == {recent.id, running.id}


def test_the_purge_runs_every_night_in_the_worker():
    periodic = {task.name: task for task in jobs.huey._registry.periodic_tasks}
    purge = periodic["purge_finished_batches_job"]
    assert purge.validate_datetime(datetime(2026, 11, 24, 3, 17))
    assert not purge.validate_datetime(datetime(2026, 11, 24, 4, 17))
