"""The background jobs that render a process's public scorecards before anyone asks for them.

A change queues one job for the process, which queues one for each of its scorecards' pages
and one for each of their PDFs, so that every worker takes a share. Like a view, each job
commits its own work: each page part and PDF as soon as it is kept, so that readers are
served it, and those waiting for it see its claim end, at once.
"""

import logging
from collections.abc import Callable

from flask import current_app
from flask_babel import force_locale
from sqlalchemy.orm import Session

from assessor.assessments.models import PUBLIC_STATUSES
from assessor.db import db
from assessor.jobs import enqueue, huey, task_app
from assessor.scorecards.fingerprint import ScorecardState, scorecard_state
from assessor.scorecards.pages import keep_page_ahead
from assessor.scorecards.pdfs import keep_pdf_ahead
from assessor.scorecards.service import public_scorecard_ids

log = logging.getLogger(__name__)

Keeper = Callable[[Session, ScorecardState], None]
# Pages first: one takes a tenth of a second where a PDF takes seconds, and most readers come
# for the page. Jobs are taken from the queue in the order queued.
KEEPERS: dict[str, Keeper] = {"page": keep_page_ahead, "pdf": keep_pdf_ahead}


@huey.task()
def render_process_scorecards_job(process_id: int, site: str) -> None:
    """The queued job: runs in an app context (and database session) of its own."""
    with task_app().app_context():
        queue_process_scorecards(db.session, process_id, site)


def queue_process_scorecards(session: Session, process_id: int, site: str) -> None:
    """Queue a job for each public scorecard of the process and each kind, every page before
    any PDF, so that the workers share a busy process's hundreds of renders; ``site`` is the
    root address they are read at."""
    assessment_ids = public_scorecard_ids(session, process_id)
    session.rollback()
    for kind in KEEPERS:
        for assessment_id in assessment_ids:
            enqueue(render_scorecard_ahead_job, assessment_id, kind, site)


@huey.task()
def render_scorecard_ahead_job(assessment_id: int, kind: str, site: str) -> None:
    """The queued job: runs in an app context (and database session) of its own."""
    with task_app().app_context():
        render_scorecard_ahead(db.session, assessment_id, kind, site)


def render_scorecard_ahead(session: Session, assessment_id: int, kind: str, site: str) -> None:
    """Keep the scorecard's page part or PDF (``kind``) in every language, with the links of
    ``site``."""
    keep = KEEPERS[kind]
    with current_app.test_request_context(base_url=site):
        for language in current_app.config["LANGUAGES"]:
            with force_locale(language):
                _keep_current(session, keep, assessment_id)


def _keep_current(session: Session, keep: Keeper, assessment_id: int) -> None:
    """Keep one page part or PDF of the scorecard as it is now, which a change committed since
    the job was queued may have changed again; a failure is logged and the job goes on."""
    try:
        state = scorecard_state(session, assessment_id)
        if state is not None and state.status in PUBLIC_STATUSES:
            keep(session, state)
        session.commit()
    except Exception:
        session.rollback()
        log.exception("rendering the scorecard of assessment %s ahead failed", assessment_id)
