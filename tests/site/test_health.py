"""/healthz: what a load balancer asks before sending traffic."""

import flask_migrate

from assessor import create_app
from assessor.db import db
from config import TestConfig


def test_healthz_is_ok_with_the_database_at_the_newest_migration(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok", "database": "ok", "migrations": "at head"}
    assert response.headers["Cache-Control"] == "no-store"


def test_healthz_fails_when_migrations_are_behind(tmp_path):
    app = create_app(
        TestConfig(
            {"DATABASE_URL": f"sqlite:///{tmp_path / 'old.sqlite3'}", "INSTANCE_DIR": str(tmp_path)}
        )
    )
    with app.app_context():
        flask_migrate.upgrade(revision="953da0f804af")
        response = app.test_client().get("/healthz")
        db.engine.dispose()
    assert response.status_code == 503
    assert response.get_json()["migrations"] == "behind"
    assert response.get_json()["current"] == ["953da0f804af"]


def test_healthz_fails_when_the_database_is_unreachable(tmp_path):
    url = f"sqlite:///{tmp_path / 'missing' / 'nowhere.sqlite3'}"
    app = create_app(TestConfig({"DATABASE_URL": url, "INSTANCE_DIR": str(tmp_path)}))
    response = app.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.get_json() == {"status": "failing", "database": "unreachable"}
