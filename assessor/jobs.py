"""Background jobs on Huey: a SQLite file in the instance folder by default, Redis with REDIS_URL.

Tasks are declared when their modules are imported, so the queue is built here from the
environment rather than in create_app. The worker runs as ``huey_consumer assessor.jobs.huey``
and builds its own app on its first task. With HUEY_IMMEDIATE an app runs each job at once,
inside the request that starts it, and needs no worker (the suite works this way).
"""

import threading
from pathlib import Path
from typing import Any

from flask import Flask, current_app, has_app_context
from flask.cli import ScriptInfo
from huey import Huey, RedisHuey, SqliteHuey
from huey.api import TaskWrapper

from config import Config, config_from_environment

QUEUE_NAME = "assessor"
QUEUE_FILE = "huey.sqlite3"
# The worker loads the app by name, as `flask --app assessor` does: the package imports this
# module while it is being built, so its factory cannot be imported here.
APP_IMPORT_PATH = "assessor:create_app()"


def build_queue(config: Config) -> Huey:
    """RedisHuey when REDIS_URL is set; otherwise SqliteHuey, embedded in a local file.

    Jobs keep their state and what they make in the database, so the queue keeps no results.
    """
    if config.REDIS_URL:
        return RedisHuey(QUEUE_NAME, results=False, url=config.REDIS_URL)
    folder = Path(config.INSTANCE_DIR)
    folder.mkdir(parents=True, exist_ok=True)
    return SqliteHuey(QUEUE_NAME, results=False, filename=str(folder / QUEUE_FILE))


huey = build_queue(config_from_environment())

_worker = ScriptInfo(APP_IMPORT_PATH, set_debug_flag=False)
_worker_lock = threading.Lock()


def worker_app() -> Flask:
    """This worker's app, built on its first task and kept (never when the web app imports this)."""
    with _worker_lock:
        return _worker.load_app()


def task_app() -> Flask:
    """The app a task runs in: the one that started it when run at once, else the worker's."""
    return current_app._get_current_object() if has_app_context() else worker_app()


def enqueue(task: TaskWrapper, *args: Any) -> None:
    """Queue ``task`` for the worker; with HUEY_IMMEDIATE, run it now, in this process."""
    if current_app.config["HUEY_IMMEDIATE"]:
        task.call_local(*args)
    else:
        task(*args)
