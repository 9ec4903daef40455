"""Two app processes behind one database and one Redis behave as one site.

Two gunicorn servers, each with an instance folder of its own, share a fresh PostgreSQL
database, Redis for rate limits and jobs, and the secret key: a session made on one is
honoured by the other, an answer saved on one is read on the other, and sign-in attempts
spent on one count on the other. Needs PostgreSQL and Redis: skipped where either is
missing, failed in CI.
"""

import http.client
import json
import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import flask_migrate
import pytest
import redis

from assessor import create_app
from assessor.assessments.service import start_assessment
from assessor.db import db
from config import TestConfig
from tests.databases import (
    POSTGRES_URL,
    REDIS_URL,
    fresh_postgres_database,
    require_postgres,
    require_redis,
)
from tests.factories import TEST_PASSWORD, stored_process, stored_rubric, stored_user

GUNICORN = Path(sys.executable).parent / "gunicorn"
CSRF_INPUT = re.compile(r'name="csrf_token" value="([^"]+)"')
QUESTION = "openness.open_participation"
EMAIL = "ana@example.org"
SIGN_IN_LIMIT = 5
# The servers count sign-ins in a Redis database of their own: the suite's other tests reset the
# shared limiter after each test, which empties every count in the storage it was last bound to.
RATE_LIMITS_URL = urlunsplit(urlsplit(REDIS_URL)._replace(path="/14"))
STARTUP_SECONDS = 60


def forget_rate_limits(url: str) -> None:
    """Earlier runs' counts would block this run's sign-ins for a minute."""
    client = redis.Redis.from_url(url)
    for key in client.scan_iter("LIMITS:*"):
        client.delete(key)
    client.close()


@pytest.fixture
def database_url(tmp_path) -> Iterator[str]:
    """A fresh PostgreSQL database, migrated, with an assessor's draft; its URL."""
    require_postgres(POSTGRES_URL)
    require_redis(REDIS_URL)
    with fresh_postgres_database(POSTGRES_URL) as url:
        app = create_app(TestConfig({"DATABASE_URL": url, "INSTANCE_DIR": str(tmp_path)}))
        with app.app_context():
            flask_migrate.upgrade()
            rubric = stored_rubric(db.session)
            assessor = stored_user(db.session, EMAIL, ["assessor"])
            process = stored_process(db.session)
            draft = {"process_id": process.id, "rubric": rubric.label}
            start_assessment(db.session, assessor, draft)
            db.session.commit()
            db.engine.dispose()
        yield url


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def gunicorn(database_url: str, instance: Path) -> Iterator[int]:
    """A gunicorn server on a free port with an instance folder of its own; yields the port."""
    port = free_port()
    environ = {
        **os.environ,
        "DATABASE_URL": database_url,
        "INSTANCE_DIR": str(instance),
        "SECRET_KEY": "shared by every app process",
        "RATELIMIT_STORAGE_URI": RATE_LIMITS_URL,
        "REDIS_URL": REDIS_URL,
        "SIGN_IN_RATE_LIMIT": f"{SIGN_IN_LIMIT} per minute",
        "LOG_LEVEL": "WARNING",
    }
    command = [
        str(GUNICORN),
        "--workers",
        "1",
        "--bind",
        f"127.0.0.1:{port}",
        "assessor:create_app()",
    ]
    server = subprocess.Popen(
        command, env=environ, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        wait_until_healthy(port, server)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=30)
        server.stderr.close()


def wait_until_healthy(port: int, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        assert server.poll() is None, server.stderr.read().decode()
        try:
            if request(port, "GET", "/healthz")[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    pytest.fail(f"gunicorn on port {port} was not healthy within {STARTUP_SECONDS} s")


def request(port: int, method: str, path: str, body: bytes | None = None, headers=None):
    """(status, headers, body) of one request over loopback."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def session_cookie(headers) -> str:
    """The ``session=...`` pair a response sets."""
    for value in headers.get_all("Set-Cookie") or []:
        if value.startswith("session="):
            return value.split(";", 1)[0]
    raise AssertionError("no session cookie was set")


def csrf_token(port: int, path: str, cookie: str | None = None) -> tuple[str, str]:
    """The page's CSRF token, and the session cookie that goes with it."""
    status, headers, body = request(port, "GET", path, headers={"Cookie": cookie} if cookie else {})
    assert status == 200, (path, status)
    token = CSRF_INPUT.search(body.decode())[1]
    return token, session_cookie(headers) if headers.get("Set-Cookie") else cookie


def sign_in(port: int, password: str) -> tuple[int, str | None]:
    """Post the sign-in form as its page would (a visitor without a session sends no token);
    the status and, on success, the signed-in session cookie."""
    form = f"email={EMAIL}&password={password.replace(' ', '+')}"
    status, headers, _ = request(
        port,
        "POST",
        "/sign-in",
        form.encode(),
        {"Content-Type": "application/x-www-form-urlencoded", "Sec-Fetch-Site": "same-origin"},
    )
    return status, session_cookie(headers) if status == 302 else None


@pytest.fixture
def two_servers(database_url, tmp_path) -> Iterator[tuple[int, int]]:
    forget_rate_limits(RATE_LIMITS_URL)
    with ExitStack() as stack:
        ports = [
            stack.enter_context(gunicorn(database_url, tmp_path / name)) for name in ("a", "b")
        ]
        yield ports[0], ports[1]
    forget_rate_limits(RATE_LIMITS_URL)


def test_two_app_processes_share_sessions_data_and_rate_limits(two_servers):
    first, second = two_servers
    status, cookie = sign_in(first, TEST_PASSWORD)
    assert status == 302
    token, cookie = csrf_token(second, "/profile", cookie)
    status, _, body = request(second, "GET", "/api/v1/assessments", headers={"Cookie": cookie})
    assert status == 200
    assessment_id = json.loads(body)["items"][0]["id"]

    answer = json.dumps({"level": 3, "rationale": "Saved through the first process."}).encode()
    headers = {"Cookie": cookie, "X-CSRFToken": token, "Content-Type": "application/json"}
    path = f"/api/v1/assessments/{assessment_id}/answers/{QUESTION}"
    assert request(first, "PUT", path, answer, headers)[0] == 200
    status, _, body = request(
        second, "GET", f"/api/v1/assessments/{assessment_id}", headers={"Cookie": cookie}
    )
    saved = {item["question_key"]: item for item in json.loads(body)["answers"]}
    assert (saved[QUESTION]["level"], saved[QUESTION]["rationale"]) == (
        3,
        "Saved through the first process.",
    )

    # Counted afresh, so that every attempt falls in one window however slow the steps above
    # were on a busy machine: all of them spent on the first process, refused on the second.
    forget_rate_limits(RATE_LIMITS_URL)
    spent = [sign_in(first, "wrong password")[0] for _ in range(SIGN_IN_LIMIT)]
    assert spent == [422] * SIGN_IN_LIMIT
    assert sign_in(second, TEST_PASSWORD)[0] == 429
