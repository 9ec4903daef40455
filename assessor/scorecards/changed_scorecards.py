"""Public scorecards whose kept pages and PDFs a commit makes stale, queued for rendering.

A scorecard's key (see fingerprint) hashes its status, the replies to it, the published
assessments of its process it is consolidated with, and its process's record. So after each
flush the processes are noted where a public assessment changed (a publication, a
withdrawal), a reply came or went, or the record's described fields changed; once the
transaction commits, and only then, a job per process renders its public scorecards.

The key also hashes the site's address, which the job cannot know of itself: it renders for
the address of the request that made the change, as a batch download does, the address
readers reach the site at. A change made outside a request (a command) queues nothing; its
scorecards are rendered when first asked for, as are those whose assessor or reply author is
renamed, or whose rubric's translations, scoring method or layout change.
"""

import logging
from collections.abc import Iterator

from flask import current_app, has_request_context, request
from sqlalchemy import event, inspect
from sqlalchemy.orm import Session, SessionTransaction

from assessor.assessments.models import PUBLIC_STATUSES, Assessment, ProcessReply
from assessor.db import db
from assessor.jobs import enqueue
from assessor.processes.models import DESCRIBED_FIELDS, Process
from assessor.scorecards.render_jobs import render_process_scorecards_job

log = logging.getLogger(__name__)

# Where a session notes, until its transaction ends, the processes whose scorecards changed.
NOTED_PROCESSES = "processes_with_changed_scorecards"


def _public_now_or_before(assessment: Assessment) -> bool:
    before = inspect(assessment).attrs.status.history.deleted
    return any(status in PUBLIC_STATUSES for status in (assessment.status, *before))


def _record_changed(process: Process) -> bool:
    attributes = inspect(process).attrs
    return any(attributes[field].history.has_changes() for field in DESCRIBED_FIELDS)


def changed_processes(session: Session) -> Iterator[int]:
    """The processes whose public scorecards the changes being flushed alter."""
    for instance in (*session.new, *session.dirty, *session.deleted):
        if isinstance(instance, Assessment) and _public_now_or_before(instance):
            yield instance.process_id
        elif isinstance(instance, ProcessReply):
            yield instance.assessment.process_id
        elif isinstance(instance, Process) and _record_changed(instance):
            yield instance.id


def _note_changes(session: Session, flush_context: object) -> None:
    if current_app.config["RENDER_SCORECARDS_AHEAD"]:
        session.info.setdefault(NOTED_PROCESSES, set()).update(changed_processes(session))


def _queue_rendering(session: Session) -> None:
    """Once the outermost transaction commits, a job for each process noted in it."""
    if session.in_nested_transaction():
        return
    process_ids = session.info.pop(NOTED_PROCESSES, set())
    if not (process_ids and has_request_context()):
        return
    try:
        for process_id in sorted(process_ids):
            enqueue(render_process_scorecards_job, process_id, request.root_url)
    except Exception:
        # The change is committed: failing its request would not undo it. Its scorecards
        # are rendered when first asked for.
        log.exception("queueing the scorecards of processes %s for rendering failed", process_ids)


def _forget_changes(session: Session, transaction: SessionTransaction) -> None:
    """A transaction rolled back takes its notes with it."""
    if transaction.parent is None:
        session.info.pop(NOTED_PROCESSES, None)


LISTENERS = {
    "after_flush": _note_changes,
    "after_commit": _queue_rendering,
    "after_transaction_end": _forget_changes,
}


def register_rendering_ahead() -> None:
    """Listen to the database sessions, once: every app made shares ``db.session``, and each
    app's RENDER_SCORECARDS_AHEAD says whether its changes are noted."""
    for name, listener in LISTENERS.items():
        if not event.contains(db.session, name, listener):
            event.listen(db.session, name, listener)
