"""Several published scorecards as one ZIP, rendered by a background job.

The batch, its progress and its ZIP live in the database, so every app process and the
worker see the same. Each scorecard goes through the same code as a single download, so one
already rendered is taken from the store rather than rendered again. The job renders in the
language of the request that asked for the batch, which it is given with the batch's token.
"""

import io
import logging
import zipfile
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta

from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _
from huey import crontab
from sqlalchemy import Select, delete, func, select
from sqlalchemy.orm import Session, contains_eager, selectinload

from assessor.assessments.access import require_visible
from assessor.assessments.models import PUBLIC_STATUSES, Assessment
from assessor.assessments.service import split_rubric_label
from assessor.db import db, utcnow
from assessor.exceptions import InvalidInput, NotVisible
from assessor.jobs import enqueue, huey, task_app
from assessor.languages.selection import SOURCE_LANGUAGE, current_language
from assessor.processes.models import Process
from assessor.rubrics.models import RubricVersion
from assessor.scorecards.document import scorecard_file_name
from assessor.scorecards.fingerprint import scorecard_state
from assessor.scorecards.models import BatchDownload
from assessor.scorecards.pdfs import kept_pdf, pdf_key

MAX_SCORECARDS = 50
FAILED_MESSAGE = (
    "The scorecards could not be rendered. The problem has been logged; please try again later."
)
# Read by entries' owners and group on unpacking, like a downloaded file.
ENTRY_MODE = 0o644 << 16

log = logging.getLogger(__name__)
# Finished ZIPs are kept a week: time enough to download them, not to pile up in the database.
KEEP_FINISHED = timedelta(days=7)
# A batch still unfinished this long after it was started has lost its worker (stopped, or
# none running): MAX_SCORECARDS PDFs take minutes, even queued behind other batches.
STALLED_AFTER = timedelta(hours=1)


def chosen_ids(session: Session, assessment_ids: Iterable[int]) -> list[int]:
    """The ids once each, in the order chosen, if each names a published or withdrawn scorecard."""
    ids = list(dict.fromkeys(assessment_ids))
    if not 1 <= len(ids) <= MAX_SCORECARDS:
        message = _("choose from 1 to %(max)s scorecards", max=MAX_SCORECARDS)
        raise InvalidInput({"assessment_id": [message]})
    public = set(
        session.scalars(
            select(Assessment.id).where(
                Assessment.id.in_(ids), Assessment.status.in_(PUBLIC_STATUSES)
            )
        )
    )
    # Drafts and unknown ids are refused alike, so nobody learns that a draft exists.
    refused = [str(assessment_id) for assessment_id in ids if assessment_id not in public]
    if refused:
        message = _("no published scorecard has the id %(ids)s", ids=", ".join(refused))
        raise InvalidInput({"assessment_id": [message]})
    return ids


def start_batch(session: Session, assessment_ids: Iterable[int], base_url: str) -> BatchDownload:
    """A batch of the chosen scorecards, committed and then queued for rendering in the
    language of this request.

    ``base_url`` is the site's root as the requester sees it, for the scorecards' permalinks.
    """
    ids = chosen_ids(session, assessment_ids)
    batch = BatchDownload(assessment_ids=ids, total=len(ids), done=0, base_url=base_url)
    session.add(batch)
    # Committed before it is queued, so that a worker in another process finds it.
    session.commit()
    enqueue(render_batch_job, batch.id, current_language())
    # Run at once (HUEY_IMMEDIATE), the job changed the batch through a session of its own.
    session.expire(batch)
    return batch


def get_batch(session: Session, token: str) -> BatchDownload:
    """The batch of this token; an unknown token is a 404 like any missing page. A batch that
    stalled is marked failed, so that its page stops waiting and says to start again."""
    batch = session.get(BatchDownload, token)
    if batch is None:
        raise NotVisible()
    if batch.status in ("queued", "running") and utcnow() - batch.created_at > STALLED_AFTER:
        log.warning("batch %s unfinished after %s: its worker stopped", token, STALLED_AFTER)
        _mark_failed(session, token)
    return batch


def zip_file_name(batch: BatchDownload) -> str:
    """``scorecards-<day started>-<how many>.zip``."""
    return f"scorecards-{batch.created_at.date().isoformat()}-{batch.total}.zip"


@huey.task()
def render_batch_job(token: str, language: str = SOURCE_LANGUAGE) -> None:
    """The queued job: renders the batch in an app context (and database session) of its own."""
    with task_app().app_context():
        render_batch(db.session, token, language)


def render_batch(session: Session, token: str, language: str = SOURCE_LANGUAGE) -> None:
    """Render every scorecard of a queued batch in ``language``, then its ZIP; on any error
    mark it failed."""
    batch = session.get(BatchDownload, token)
    if batch is None or batch.status != "queued":
        # Delivered twice, or the batch is gone: the first delivery did (or does) the work.
        log.warning("batch %s is not waiting to be rendered; skipped", token)
        return
    batch.status = "running"
    session.commit()
    try:
        # The site the batch was started from, so url_for gives the page's own permalinks.
        with current_app.test_request_context(base_url=batch.base_url), force_locale(language):
            files = _rendered_files(session, batch)
        batch.zip = zip_of(files, batch.created_at)
        batch.status = "done"
        batch.finished_at = utcnow()
        session.commit()
    except Exception:
        session.rollback()
        log.exception("batch %s failed", token)
        _mark_failed(session, token)


def _rendered_files(session: Session, batch: BatchDownload) -> list[tuple[str, bytes]]:
    """(file name, PDF) of each scorecard, committing the count after each one."""
    files = []
    for assessment_id in list(batch.assessment_ids):
        state = require_visible(None, scorecard_state(session, assessment_id))
        pdf = kept_pdf(session, state, pdf_key(state))
        files.append(
            (scorecard_file_name(state.process_name, state.assessment_id, state.status), pdf)
        )
        batch.done += 1
        # Committed one by one, so that the page polling from another process sees progress.
        session.commit()
    return files


def purge_finished_batches(session: Session, now: datetime | None = None) -> int:
    """Delete the batches that finished more than KEEP_FINISHED ago; returns how many."""
    cutoff = (now or utcnow()) - KEEP_FINISHED
    result = session.execute(delete(BatchDownload).where(BatchDownload.finished_at < cutoff))
    session.commit()
    return result.rowcount


@huey.periodic_task(crontab(minute="17", hour="3"))
def purge_finished_batches_job() -> None:
    """Every night, in the worker: old ZIPs go, so the database keeps only recent ones."""
    with task_app().app_context():
        log.info("purged %d finished batch downloads", purge_finished_batches(db.session))


def _mark_failed(session: Session, token: str) -> None:
    batch = session.get(BatchDownload, token)
    batch.status = "failed"
    batch.error = FAILED_MESSAGE
    batch.finished_at = utcnow()
    session.commit()


def zip_of(files: Sequence[tuple[str, bytes]], made: datetime) -> bytes:
    """A deflated ZIP of ``files``, each dated ``made``: the same batch gives the same bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in files:
            entry = zipfile.ZipInfo(name, date_time=made.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = ENTRY_MODE
            archive.writestr(entry, content)
    return buffer.getvalue()


# What a listed scorecard shows beside its kept score (see scores): process and rubric come
# with the rows they are joined to, the assessors in one more query.
LIST_DETAILS = (
    contains_eager(Assessment.process),
    contains_eager(Assessment.rubric),
    selectinload(Assessment.assessor),
)


def published_scorecards(text: str | None = None, rubric: str | None = None) -> Select:
    """Published and withdrawn scorecards, newest first, by process name and rubric label."""
    statement = (
        select(Assessment)
        .join(Assessment.process)
        .join(Assessment.rubric)
        .where(Assessment.status.in_(PUBLIC_STATUSES))
        .options(*LIST_DETAILS)
        .order_by(Assessment.published_at.desc(), Assessment.id.desc())
    )
    if text:
        # lower() on both sides, as the process search does: SQLite has no ILIKE.
        statement = statement.where(
            func.lower(Process.name).contains(text.lower(), autoescape=True)
        )
    if rubric:
        slug, version = split_rubric_label(rubric)
        statement = statement.where(RubricVersion.slug == slug, RubricVersion.version == version)
    return statement


def published_rubric_labels(session: Session) -> list[str]:
    """Labels of the rubric versions with a published scorecard, as the rubric filter's choices."""
    rows = session.execute(
        select(RubricVersion.slug, RubricVersion.version)
        .join(Assessment, Assessment.rubric_version_id == RubricVersion.id)
        .where(Assessment.status.in_(PUBLIC_STATUSES))
        .group_by(RubricVersion.slug, RubricVersion.version)
        .order_by(RubricVersion.slug, RubricVersion.version)
    )
    return [f"{slug}@{version}" for slug, version in rows]
