"""The background jobs of batch downloads: like a view, each job commits its own work.

A batch is one job per scorecard, so that every worker takes a share of it. Each job commits
step by step: the batch marked running, the scorecard's PDF kept, the count of scorecards
done (which the page polling from another process shows), and, in the job that counts the
last one, the ZIP.
"""

import logging
from collections.abc import Iterable

from flask import current_app
from flask_babel import force_locale
from huey import crontab
from sqlalchemy.orm import Session

from assessor.db import db
from assessor.jobs import enqueue, huey, task_app
from assessor.languages.selection import SOURCE_LANGUAGE
from assessor.scorecards.batches import (
    batch_files,
    counted_done,
    finish_batch,
    keep_batch_pdf,
    mark_failed,
    purge_finished_batches,
    running_batch,
)
from assessor.scorecards.models import BatchDownload

log = logging.getLogger(__name__)


def queue_batch(token: str, assessment_ids: Iterable[int], language: str) -> None:
    """Queue a job for each scorecard of the committed batch, in the order chosen."""
    for assessment_id in assessment_ids:
        enqueue(render_batch_scorecard_job, token, assessment_id, language)


@huey.task()
def render_batch_scorecard_job(token: str, assessment_id: int, language: str) -> None:
    """The queued job: runs in an app context (and database session) of its own."""
    with task_app().app_context():
        render_batch_scorecard(db.session, token, assessment_id, language)


def render_batch_scorecard(
    session: Session, token: str, assessment_id: int, language: str = SOURCE_LANGUAGE
) -> None:
    """Keep one scorecard's PDF of a batch in ``language`` and count it done; the job that
    counts the last makes the ZIP. On any error the batch is marked failed, and its other
    jobs then do nothing."""
    batch = running_batch(session, token)
    if batch is None:
        return
    site = batch.base_url
    session.commit()
    try:
        # The site the batch was started from, so url_for gives the page's own permalinks.
        with current_app.test_request_context(base_url=site), force_locale(language):
            keep_batch_pdf(session, assessment_id)
            session.commit()
            last = counted_done(session, token)
            session.commit()
            if last:
                batch = session.get(BatchDownload, token)
                finish_batch(batch, batch_files(session, batch))
                session.commit()
    except Exception:
        session.rollback()
        log.exception("batch %s failed", token)
        mark_failed(session, token)
        session.commit()


@huey.periodic_task(crontab(minute="17", hour="3"))
def purge_finished_batches_job() -> None:
    """Every night, in the worker: old ZIPs go, so the database keeps only recent ones."""
    with task_app().app_context():
        purged = purge_finished_batches(db.session)
        db.session.commit()
        log.info("purged %d finished batch downloads", purged)
