"""A real Huey worker beside the suite's app, for the tests of background jobs."""

import os
import signal
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest

from assessor import jobs
from config import PROJECT_DIR

CONSUMER = Path(sys.executable).parent / "huey_consumer"


@contextmanager
def huey_worker(app, storage, environment: dict[str, str], log_file: Path, workers: int = 1):
    """A real `huey_consumer assessor.jobs.huey` process, with this app queueing into ``storage``.

    The worker builds its own app from the environment, on the suite's database. Several
    workers are processes, as `make run` starts them.
    """
    env = {k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "HUEY_IMMEDIATE"}}
    env |= {
        "ASSESSOR_ENV": "development",
        "DATABASE_URL": app.config["SQLALCHEMY_DATABASE_URI"],
        "SECRET_KEY": "worker-test",
        "LOG_LEVEL": "WARNING",
        **environment,
    }
    with pytest.MonkeyPatch.context() as patch:
        patch.setitem(app.config, "HUEY_IMMEDIATE", False)
        patch.setattr(jobs.huey, "storage", storage)
        with log_file.open("w") as log:
            worker = subprocess.Popen(
                [
                    str(CONSUMER),
                    "assessor.jobs.huey",
                    *("--workers", str(workers), "--worker-type", "process"),
                    *("--max-delay", "0.5"),
                ],
                cwd=PROJECT_DIR,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
            try:
                yield
            finally:
                worker.send_signal(signal.SIGINT)
                try:
                    worker.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    worker.kill()
                    worker.wait()
