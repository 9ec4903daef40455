"""The suite's services: a SQLite file or a fresh PostgreSQL database, and Redis."""

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
import redis
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

POSTGRES_URL = os.environ.get(
    "TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def running_in_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def postgres_reachable(url: str) -> bool:
    engine = create_engine(url, connect_args={"connect_timeout": 3})
    try:
        with engine.connect():
            return True
    except OperationalError:
        return False
    finally:
        engine.dispose()


def require_postgres(url: str) -> None:
    """Skip when PostgreSQL is not running here; in CI its absence is a failure."""
    if postgres_reachable(url):
        return
    message = f"PostgreSQL is not reachable at {make_url(url).render_as_string()}"
    if running_in_ci():
        pytest.fail(f"{message}; CI must run the database tests against it", pytrace=False)
    pytest.skip(message)


def require_redis(url: str) -> None:
    """Skip when Redis is not running here; in CI its absence is a failure."""
    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except redis.exceptions.ConnectionError:
        message = f"Redis is not reachable at {url}"
        if running_in_ci():
            pytest.fail(f"{message}; CI must run the Redis tests against it", pytrace=False)
        pytest.skip(message)


@contextmanager
def fresh_postgres_database(server_url: str) -> Iterator[str]:
    """Create an empty database on the server of ``server_url``, drop it afterwards."""
    name = f"assessor_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(server_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
