"""Several published scorecards as one ZIP, rendered by background jobs (see batch_jobs).

The batch, its progress and its ZIP live in the database, so every app process and worker
see the same. Each scorecard is a job of its own, so that the workers share a batch; each
goes through the same code as a single download, so one already rendered is taken from the
store rather than rendered again, and one being rendered elsewhere is waited for. The job
that counts the last scorecard done puts the ZIP together from the kept PDFs. The jobs render
in the language of the request that asked for the batch, which they are given with its token.
"""

import io
import logging
import zipfile
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta

from flask_babel import gettext as _
from sqlalchemy import Select, delete, func, select, update
from sqlalchemy.orm import Session, contains_eager, selectinload

from assessor.assessments.access import require_visible
from assessor.assessments.models import PUBLIC_STATUSES, Assessment
from assessor.assessments.service import split_rubric_label
from assessor.db import utcnow
from assessor.exceptions import InvalidInput, NotVisible
from assessor.processes.models import Process
from assessor.rubrics.models import RubricVersion
from assessor.scorecards.document import scorecard_file_name
from assessor.scorecards.fingerprint import scorecard_state
from assessor.scorecards.models import BatchDownload
from assessor.scorecards.pdfs import kept_pdf, pdf_key, state_and_current_pdf

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


def new_batch(session: Session, assessment_ids: Iterable[int], base_url: str) -> BatchDownload:
    """A batch of the chosen scorecards, flushed: the caller commits it before queueing it, so
    that a worker in another process finds it.

    ``base_url`` is the site's root as the requester sees it, for the scorecards' permalinks.
    """
    ids = chosen_ids(session, assessment_ids)
    batch = BatchDownload(assessment_ids=ids, total=len(ids), done=0, base_url=base_url)
    session.add(batch)
    session.flush()
    return batch


def get_batch(session: Session, token: str) -> BatchDownload:
    """The batch of this token; an unknown token is a 404 like any missing page."""
    batch = session.get(BatchDownload, token)
    if batch is None:
        raise NotVisible()
    return batch


def fail_if_stalled(batch: BatchDownload) -> bool:
    """Mark the batch failed if it stalled, so that its page stops waiting and says to start
    again; whether it did, for the caller to commit."""
    if batch.status not in ("queued", "running") or utcnow() - batch.created_at <= STALLED_AFTER:
        return False
    log.warning("batch %s unfinished after %s: its worker stopped", batch.id, STALLED_AFTER)
    _failed(batch)
    return True


def zip_file_name(batch: BatchDownload) -> str:
    """``scorecards-<day started>-<how many>.zip``."""
    return f"scorecards-{batch.created_at.date().isoformat()}-{batch.total}.zip"


def running_batch(session: Session, token: str) -> BatchDownload | None:
    """The batch of this token, marked running if it was queued; None if it is no longer
    rendering (done, failed, or gone), so that what is left of its jobs does nothing."""
    batch = session.get(BatchDownload, token)
    if batch is None or batch.status not in ("queued", "running"):
        log.info("batch %s is no longer rendering; its scorecard job skipped", token)
        return None
    batch.status = "running"
    return batch


def keep_batch_pdf(session: Session, assessment_id: int) -> None:
    """Render and keep one scorecard's PDF, unless it is kept or being rendered elsewhere."""
    state = require_visible(None, scorecard_state(session, assessment_id))
    kept_pdf(session, state, pdf_key(state))


def counted_done(session: Session, token: str) -> bool:
    """Count one more scorecard of the running batch done; whether it was the last.

    One UPDATE adds it, so that workers finishing at the same moment each count theirs, and
    exactly one of them sees the count reach the total."""
    counted = session.execute(
        update(BatchDownload)
        .where(BatchDownload.id == token, BatchDownload.status == "running")
        .where(BatchDownload.done < BatchDownload.total)
        .values(done=BatchDownload.done + 1)
        .returning(BatchDownload.done, BatchDownload.total)
        .execution_options(synchronize_session=False)
    ).first()
    return counted is not None and counted.done == counted.total


def batch_files(session: Session, batch: BatchDownload) -> list[tuple[str, bytes]]:
    """(file name, PDF) of each scorecard of the batch, in the order chosen: as kept by its
    job, or rendered again where the scorecard changed since."""
    files = []
    for assessment_id in batch.assessment_ids:
        state, pdf = state_and_current_pdf(session, assessment_id)
        state = require_visible(None, state)
        if pdf is None:
            pdf = kept_pdf(session, state, pdf_key(state))
        files.append(
            (scorecard_file_name(state.process_name, state.assessment_id, state.status), pdf)
        )
    return files


def finish_batch(batch: BatchDownload, files: Sequence[tuple[str, bytes]]) -> None:
    """The batch done, with the ZIP of its files."""
    batch.zip = zip_of(files, batch.created_at)
    batch.status = "done"
    batch.finished_at = utcnow()


def purge_finished_batches(session: Session, now: datetime | None = None) -> int:
    """Delete the batches that finished more than KEEP_FINISHED ago; returns how many."""
    cutoff = (now or utcnow()) - KEEP_FINISHED
    result = session.execute(delete(BatchDownload).where(BatchDownload.finished_at < cutoff))
    return result.rowcount


def mark_failed(session: Session, token: str) -> None:
    """The batch of this token failed, unless it is gone or already over; the caller commits."""
    batch = session.get(BatchDownload, token)
    if batch is not None and batch.status in ("queued", "running"):
        _failed(batch)


def _failed(batch: BatchDownload) -> None:
    batch.status = "failed"
    batch.error = FAILED_MESSAGE
    batch.finished_at = utcnow()


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
