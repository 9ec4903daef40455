"""The background jobs of batch downloads: like a view, each job commits its own work.

Rendering commits step by step: the batch marked running, then each scorecard as it is done,
so that the page polling from another process sees progress, then the ZIP.
"""

import logging

from flask import current_app
from flask_babel import force_locale
from huey import crontab
from sqlalchemy.orm import Session

from assessor.db import db
from assessor.jobs import huey, task_app
from assessor.languages.selection import SOURCE_LANGUAGE
from assessor.scorecards.batches import (
    finish_batch,
    mark_failed,
    purge_finished_batches,
    rendered_file,
    start_rendering,
)
from assessor.scorecards.models import BatchDownload

log = logging.getLogger(__name__)


@huey.task()
def render_batch_job(token: str, language: str = SOURCE_LANGUAGE) -> None:
    """The queued job: renders the batch in an app context (and database session) of its own."""
    with task_app().app_context():
        render_batch(db.session, token, language)


def render_batch(session: Session, token: str, language: str = SOURCE_LANGUAGE) -> None:
    """Render every scorecard of a queued batch in ``language``, then its ZIP; on any error
    mark it failed."""
    batch = start_rendering(session, token)
    if batch is None:
        return
    session.commit()
    try:
        # The site the batch was started from, so url_for gives the page's own permalinks.
        with current_app.test_request_context(base_url=batch.base_url), force_locale(language):
            files = _rendered_files(session, batch)
        finish_batch(batch, files)
        session.commit()
    except Exception:
        session.rollback()
        log.exception("batch %s failed", token)
        mark_failed(session, token)
        session.commit()


def _rendered_files(session: Session, batch: BatchDownload) -> list[tuple[str, bytes]]:
    """(file name, PDF) of each scorecard, committing the count (and the PDF kept) after each."""
    files = []
    for assessment_id in list(batch.assessment_ids):
        files.append(rendered_file(session, batch, assessment_id))
        session.commit()
    return files


@huey.periodic_task(crontab(minute="17", hour="3"))
def purge_finished_batches_job() -> None:
    """Every night, in the worker: old ZIPs go, so the database keeps only recent ones."""
    with task_app().app_context():
        purged = purge_finished_batches(db.session)
        db.session.commit()
        log.info("purged %d finished batch downloads", purged)
