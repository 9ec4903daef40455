"""How a batch download's time falls with the number of job workers.

Run: PYTHONPATH=. .venv/bin/python bench/batch_workers.py [--scorecards 8] [--workers 1 2]
It builds a throwaway SQLite database with the demo data and, for each number of workers,
starts `huey_consumer assessor.jobs.huey` with that many worker processes on an embedded
queue, as `make run` does. The workers are warmed first (a batch of one scorecard each, which
builds their app and loads WeasyPrint's fonts); then every kept PDF is deleted and a batch of
``--scorecards`` scorecards is queued and timed until its ZIP is done. It prints seconds and
the speed-up against one worker, and exits 1 when N workers are less than 0.8 N times faster
than one (with no more workers than CPU cores, which the machine's load can also take).
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from flask import Flask
from huey.storage import SqliteStorage
from sqlalchemy import delete, select

from assessor import create_app, jobs
from assessor.assessments.models import PUBLIC_STATUSES, Assessment
from assessor.db import db
from assessor.scorecards.batch_jobs import queue_batch
from assessor.scorecards.batches import new_batch
from assessor.scorecards.models import BatchDownload, RenderClaim, ScorecardPdf
from config import PROJECT_DIR, Config

BIN = Path(sys.executable).parent
# N workers should be at least this share of N times faster than one.
EFFICIENCY = 0.8
TIMEOUT = 600


def environment(folder: Path) -> dict[str, str]:
    """The app's and the workers' environment: the throwaway database and queue in ``folder``."""
    return {
        **{k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "DATABASE_URL"}},
        "INSTANCE_DIR": str(folder),
        "SECRET_KEY": "bench",
        "LOG_LEVEL": "ERROR",
    }


def demo_database(folder: Path) -> None:
    """Migrate, load the rubrics and seed the demo data, as `make database` does."""
    flask = [str(BIN / "flask"), "--app", "assessor"]
    for command in (["db", "upgrade"], ["rubrics", "load"], ["demo", "seed"]):
        subprocess.run([*flask, *command], env=environment(folder), check=True, capture_output=True)


@contextmanager
def consumer(folder: Path, workers: int, log_file: Path) -> Iterator[None]:
    """A `huey_consumer` with ``workers`` worker processes on the folder's embedded queue."""
    command = [str(BIN / "huey_consumer"), "assessor.jobs.huey", "--workers", str(workers)]
    command += ["--worker-type", "process", "--max-delay", "0.2"]
    with log_file.open("w") as log:
        process = subprocess.Popen(
            command, cwd=PROJECT_DIR, env=environment(folder), stdout=log, stderr=log
        )
        try:
            yield
        finally:
            process.terminate()
            process.wait(timeout=60)


def timed_batch(app: Flask, assessment_ids: list[int], log_file: Path) -> float:
    """Seconds from queueing a batch of these scorecards to its ZIP being done."""
    with app.test_request_context(base_url="http://127.0.0.1:5000/"):
        batch = new_batch(db.session, assessment_ids, "http://127.0.0.1:5000/")
        token = batch.id
        db.session.commit()
        started = time.perf_counter()
        queue_batch(token, assessment_ids, "en")
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            db.session.expire_all()
            statement = select(BatchDownload.status).where(BatchDownload.id == token)
            status = db.session.scalar(statement)
            if status == "done":
                return time.perf_counter() - started
            if status == "failed":
                break
            time.sleep(0.05)
        db.session.rollback()
    raise RuntimeError(f"the batch did not finish ({status}):\n{log_file.read_text()}")


def forget_kept_pdfs(app: Flask) -> None:
    with app.app_context():
        db.session.execute(delete(ScorecardPdf))
        db.session.execute(delete(RenderClaim))
        db.session.commit()


def seconds_with(app: Flask, folder: Path, workers: int, ids: list[int]) -> float:
    """The batch's seconds with ``workers`` warmed worker processes."""
    log_file = folder / f"workers-{workers}.log"
    with consumer(folder, workers, log_file):
        with app.app_context():
            timed_batch(app, ids[:workers], log_file)
        forget_kept_pdfs(app)
        with app.app_context():
            return timed_batch(app, ids, log_file)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scorecards", type=int, default=8)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        demo_database(folder)
        app = create_app(Config(environment(folder)))
        # The queue was built on import, from this process's environment: the workers' file.
        queue_file = str(folder / jobs.QUEUE_FILE)
        jobs.huey.storage = SqliteStorage(jobs.QUEUE_NAME, filename=queue_file)
        with app.app_context():
            ids = list(
                db.session.scalars(
                    select(Assessment.id)
                    .where(Assessment.status.in_(PUBLIC_STATUSES))
                    .order_by(Assessment.id)
                    .limit(arguments.scorecards)
                )
            )
        print(f"A batch of {len(ids)} demo scorecards, English, on SQLite; {os.cpu_count()} CPUs")
        missed = False
        one_worker_seconds = None
        for workers in arguments.workers:
            forget_kept_pdfs(app)
            seconds = seconds_with(app, folder, workers, ids)
            # What one worker would take, from the first measure (one worker by default).
            one_worker_seconds = one_worker_seconds or seconds * workers
            speed_up = one_worker_seconds / seconds
            wanted = EFFICIENCY * workers if workers <= (os.cpu_count() or 1) else None
            verdict = "" if wanted is None else (" met" if speed_up >= wanted else " NOT MET")
            missed |= verdict == " NOT MET"
            print(
                f"{workers} worker(s): {seconds:.1f} s, {len(ids) / seconds:.2f} scorecards/s, "
                f"{speed_up:.2f}x one worker{verdict}"
            )
        sys.exit(1 if missed else 0)


if __name__ == "__main__":
    main()
