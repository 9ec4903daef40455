"""The background job that renders a process's public scorecards before anyone asks for them.

Like a view, the job commits its own work: each page part and PDF as soon as it is kept, so
that readers are served it, and those waiting for it see its claim end, at once.
"""

import logging
from collections.abc import Callable

from flask import current_app
from flask_babel import force_locale
from sqlalchemy.orm import Session

from assessor.assessments.models import PUBLIC_STATUSES
from assessor.db import db
from assessor.jobs import huey, task_app
from assessor.scorecards.fingerprint import ScorecardState, scorecard_state
from assessor.scorecards.pages import keep_page_ahead
from assessor.scorecards.pdfs import keep_pdf_ahead
from assessor.scorecards.service import public_scorecard_ids

log = logging.getLogger(__name__)

Keeper = Callable[[Session, ScorecardState], None]
# Pages first: one takes a tenth of a second where a PDF takes seconds, and most readers come
# for the page.
KEEPERS: tuple[Keeper, ...] = (keep_page_ahead, keep_pdf_ahead)


@huey.task()
def render_process_scorecards_job(process_id: int, site: str) -> None:
    """The queued job: runs in an app context (and database session) of its own."""
    with task_app().app_context():
        render_process_scorecards(db.session, process_id, site)


def render_process_scorecards(session: Session, process_id: int, site: str) -> None:
    """Keep the page part and the PDF of each public scorecard of the process, in every
    language, with the links of ``site`` (the root address they are read at)."""
    assessment_ids = public_scorecard_ids(session, process_id)
    with current_app.test_request_context(base_url=site):
        for keep in KEEPERS:
            for language in current_app.config["LANGUAGES"]:
                with force_locale(language):
                    for assessment_id in assessment_ids:
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
