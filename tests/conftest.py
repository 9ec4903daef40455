"""Fixtures shared by the whole suite: the app on a migrated database, clients, data."""

import os
import uuid

import flask_migrate
import pytest
from sqlalchemy import delete, text

from assessor import create_app
from assessor.db import db
from assessor.edition import raise_edition_now
from assessor.extensions import limiter
from assessor.models import metadata
from assessor.users.tokens import create_token
from config import TestConfig
from tests.callers import Caller
from tests.databases import REDIS_URL, fresh_postgres_database, require_postgres, require_redis
from tests.factories import stored_user


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that touches the database, so CI can rerun them on PostgreSQL."""
    for item in items:
        if "app" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.database)


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory):
    """SQLite by default; a fresh PostgreSQL database when TEST_DATABASE_URL names a server."""
    server_url = os.environ.get("TEST_DATABASE_URL")
    if not server_url:
        yield f"sqlite:///{tmp_path_factory.mktemp('database') / 'assessor.sqlite3'}"
        return
    require_postgres(server_url)
    with fresh_postgres_database(server_url) as url:
        yield url


@pytest.fixture(scope="session")
def migrated_app(database_url: str, tmp_path_factory: pytest.TempPathFactory):
    config = TestConfig({"DATABASE_URL": database_url})
    config.RUBRICS_DIR = str(tmp_path_factory.mktemp("rubrics"))
    application = create_app(config)
    with application.app_context():
        flask_migrate.upgrade()
    yield application
    with application.app_context():
        db.engine.dispose()


def empty_all_tables() -> None:
    """Delete every row but the site's edition, which is raised: a page kept from one test is
    not served in the next; foreign keys are checked once all tables are empty."""
    tables = [table for table in metadata.sorted_tables if table.name != "site_edition"]
    if db.engine.dialect.name == "postgresql":
        names = ", ".join(f'"{table.name}"' for table in tables)
        db.session.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    else:
        db.session.execute(text("PRAGMA defer_foreign_keys = ON"))
        for table in reversed(tables):
            db.session.execute(delete(table))
    raise_edition_now(db.session)
    db.session.commit()


@pytest.fixture
def app(migrated_app):
    """The app, with every table emptied and rate limits reset after the test."""
    yield migrated_app
    with migrated_app.app_context():
        db.session.rollback()
        empty_all_tables()
        limiter.reset()


@pytest.fixture(scope="session")
def redis_app(migrated_app, database_url: str, tmp_path_factory: pytest.TempPathFactory):
    """The app on the suite's database with REDIS_URL set, so that sessions are kept in Redis;
    its keys, under a prefix of its own, are deleted afterwards."""
    require_redis(REDIS_URL)
    config = TestConfig({"DATABASE_URL": database_url, "REDIS_URL": REDIS_URL})
    config.INSTANCE_DIR = str(tmp_path_factory.mktemp("redis-instance"))
    config.SESSION_KEY_PREFIX = f"session:test-{uuid.uuid4().hex}:"
    application = create_app(config)
    yield application
    client = application.session_interface.client
    for key in client.scan_iter(f"{config.SESSION_KEY_PREFIX}*"):
        client.delete(key)
    client.close()
    with application.app_context():
        db.engine.dispose()


@pytest.fixture(params=["database", "redis"])
def site(request, app):
    """The app keeping its sessions in the database, then in Redis; tables emptied after."""
    return app if request.param == "database" else request.getfixturevalue("redis_app")


@pytest.fixture
def session(app):
    """The database session inside an app context."""
    with app.app_context():
        yield db.session
        db.session.rollback()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def callers(app, session, client) -> dict[str, Caller]:
    """Callers keyed by role: anonymous, owner (an assessor), other_assessor, reviewer, admin."""
    users = {
        "owner": stored_user(session, "owner@example.org", ["assessor"]),
        "other_assessor": stored_user(session, "other@example.org", ["assessor"], "government"),
        "reviewer": stored_user(session, "reviewer@example.org", ["reviewer"], "academia"),
        "admin": stored_user(session, "admin@example.org", ["admin"], None),
    }
    tokens = {role: create_token(session, user, "tests")[1] for role, user in users.items()}
    session.commit()
    result = {"anonymous": Caller(client, None)}
    for role, user in users.items():
        result[role] = Caller(client, tokens[role], user.id)
    return result
