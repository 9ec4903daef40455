"""The app factory, configuration, error pages and logging."""

import json
import logging
import re

import pytest
from werkzeug.exceptions import TooManyRequests

from assessor import create_app
from assessor.logs import JSONFormatter
from config import Config, ProductionConfig, TestConfig, config_from_environment


def test_production_refuses_to_start_without_secret_key(tmp_path):
    config = ProductionConfig({"INSTANCE_DIR": str(tmp_path), "DATABASE_URL": "sqlite://"})
    with pytest.raises(RuntimeError, match="SECRET_KEY must be set"):
        create_app(config)


def test_production_starts_with_secret_key_and_secure_cookies(tmp_path):
    config = ProductionConfig({"INSTANCE_DIR": str(tmp_path), "SECRET_KEY": "s" * 40})
    app = create_app(config)
    assert app.config["SECRET_KEY"] == "s" * 40
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert app.config["PASSWORD_HASH_METHOD"] == "scrypt"


def test_development_generates_a_secret_key_once_and_keeps_it(tmp_path):
    first = create_app(Config({"INSTANCE_DIR": str(tmp_path)}))
    second = create_app(Config({"INSTANCE_DIR": str(tmp_path)}))
    assert len(first.config["SECRET_KEY"]) == 64
    assert first.config["SECRET_KEY"] == second.config["SECRET_KEY"]
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_default_database_is_a_sqlite_file_under_the_instance_folder(tmp_path):
    app = create_app(Config({"INSTANCE_DIR": str(tmp_path)}))
    expected = f"sqlite:///{tmp_path / 'assessor.sqlite3'}"
    assert app.config["SQLALCHEMY_DATABASE_URI"] == expected


def test_database_url_and_rubrics_dir_come_from_the_environment():
    config = Config({"DATABASE_URL": "postgresql+psycopg://h/db", "RUBRICS_DIR": "/r"})
    assert config.SQLALCHEMY_DATABASE_URI == "postgresql+psycopg://h/db"
    assert config.RUBRICS_DIR == "/r"


def test_assessor_env_picks_the_configuration_class():
    assert isinstance(config_from_environment({"ASSESSOR_ENV": "production"}), ProductionConfig)
    assert type(config_from_environment({})) is Config


def test_unknown_assessor_env_is_refused():
    with pytest.raises(RuntimeError, match="ASSESSOR_ENV must be one of"):
        config_from_environment({"ASSESSOR_ENV": "staging"})


def test_unknown_page_is_an_html_404(client):
    response = client.get("/no/such/page")
    assert response.status_code == 404
    assert response.mimetype == "text/html"
    assert "There is nothing here" in response.get_data(as_text=True)


def test_unknown_api_path_is_a_json_404(client):
    response = client.get("/api/v1/nothing")
    assert response.status_code == 404
    assert response.get_json() == {"errors": {"_": [response.get_json()["errors"]["_"][0]]}}
    assert response.get_json()["errors"]["_"][0].startswith("There is nothing here")


@pytest.mark.parametrize(
    ("method", "path", "allowed"),
    [
        ("delete", "/methodology", "GET, HEAD, OPTIONS"),
        ("put", "/processes/new", "GET, HEAD, OPTIONS, POST"),
        ("delete", "/api/v1/processes", "GET, HEAD, OPTIONS, POST"),
        ("post", "/api/v1/rubrics", "GET, HEAD, OPTIONS"),
    ],
)
def test_a_method_not_allowed_names_the_allowed_ones(client, method, path, allowed):
    response = getattr(client, method)(path)
    assert response.status_code == 405
    assert ", ".join(sorted(response.headers["Allow"].split(", "))) == allowed
    assert "That method is not allowed here." in response.get_data(as_text=True)


@pytest.fixture
def refusing_app(tmp_path):
    """An app with routes refusing as werkzeug's own exceptions do, headers included."""
    config = TestConfig({"INSTANCE_DIR": str(tmp_path), "DATABASE_URL": "sqlite://"})
    app = create_app(config)

    @app.get("/busy")
    @app.get("/api/busy")
    def busy():
        raise TooManyRequests(retry_after=30)

    return app


@pytest.mark.parametrize("path", ["/busy", "/api/busy"])
def test_an_http_error_keeps_its_own_headers(refusing_app, path):
    response = refusing_app.test_client().get(path)
    assert response.status_code == 429
    assert response.headers["Retry-After"] == "30"
    assert response.mimetype == ("application/json" if path.startswith("/api/") else "text/html")


def test_trusted_hosts_answer_only_the_site_names(tmp_path):
    environ = {
        "INSTANCE_DIR": str(tmp_path),
        "DATABASE_URL": "sqlite://",
        "TRUSTED_HOSTS": "assessor.example.org, www.assessor.example.org",
    }
    client = create_app(TestConfig(environ)).test_client()
    answered = client.get("/healthz", base_url="http://www.assessor.example.org")
    assert answered.status_code in (200, 503)  # answered; the in-memory database has no schema
    assert client.get("/rubrics", base_url="http://attacker.example").status_code == 400


def test_without_trusted_hosts_any_name_is_answered(tmp_path):
    config = TestConfig({"INSTANCE_DIR": str(tmp_path), "DATABASE_URL": "sqlite://"})
    assert config.TRUSTED_HOSTS is None


@pytest.fixture
def failing_app(tmp_path):
    config = TestConfig({"INSTANCE_DIR": str(tmp_path), "DATABASE_URL": "sqlite://"})
    app = create_app(config)

    @app.get("/explode")
    def explode():
        raise RuntimeError("internal detail: password=hunter2")

    @app.get("/api/explode")
    def explode_api():
        raise RuntimeError("internal detail: password=hunter2")

    return app


@pytest.mark.parametrize("path", ["/explode", "/api/explode"])
def test_unexpected_error_reveals_no_exception_text(failing_app, path):
    response = failing_app.test_client().get(path)
    body = response.get_data(as_text=True)
    assert response.status_code == 500
    assert "hunter2" not in body and "Traceback" not in body
    assert "Something went wrong on our side" in body


def test_unexpected_error_is_logged_with_its_traceback(failing_app, caplog):
    failing_app.test_client().get("/explode")
    errors = [record for record in caplog.records if record.levelno == logging.ERROR]
    assert len(errors) == 1
    assert "hunter2" in str(errors[0].exc_info[1])


def test_log_records_are_json_with_the_request(app):
    record = logging.LogRecord("assessor", logging.INFO, __file__, 1, "request", None, None)
    record.fields = {"status": 200}
    with app.test_request_context("/rubrics"):
        entry = json.loads(JSONFormatter().format(record))
    assert entry["message"] == "request"
    assert entry["path"] == "/rubrics"
    assert entry["status"] == 200


def test_every_response_carries_a_request_id(client):
    response = client.get("/", headers={"X-Request-Id": "abc123"})
    assert response.headers["X-Request-Id"] == "abc123"


def test_requests_without_an_id_are_given_one_of_their_own(client):
    ids = [client.get("/nothing-here").headers["X-Request-Id"] for _ in range(3)]
    assert len(set(ids)) == 3
    assert all(re.fullmatch(r"[0-9a-f]{32}", request_id) for request_id in ids)
