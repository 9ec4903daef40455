"""Static files, answered from memory before the app's per-request work, with fingerprints."""

import re
from pathlib import Path

import pytest

from assessor import create_app
from assessor.security import HEADERS
from config import ProductionConfig, TestConfig

STYLESHEET = Path(__file__).resolve().parents[2] / "assessor" / "static" / "css" / "site.css"


def linked_stylesheet(client) -> str:
    return re.search(r'<link rel="stylesheet" href="([^"]+)">', client.get("/").text)[1]


def test_pages_link_a_fingerprinted_file_which_may_be_kept_for_a_year(client):
    address = linked_stylesheet(client)
    assert re.fullmatch(r"/static/css/site\.css\?v=[0-9a-f]{16}", address)
    response = client.get(address)
    assert response.status_code == 200
    assert response.data == STYLESHEET.read_bytes()
    assert response.headers["Content-Type"] == "text/css; charset=utf-8"
    assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert response.headers.getlist("Set-Cookie") == []
    for name, value in HEADERS.items():
        assert response.headers[name] == value


@pytest.mark.parametrize("query", ["", "?v=0000000000000000"])
def test_an_address_without_the_current_fingerprint_is_revalidated(client, query):
    response = client.get(f"/static/css/site.css{query}")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "public, no-cache"


def test_a_browser_holding_the_file_is_told_so(client):
    etag = client.get("/static/css/site.css").headers["ETag"]
    response = client.get("/static/css/site.css", headers={"If-None-Match": f'W/{etag}, "x"'})
    assert (response.status_code, response.data) == (304, b"")
    assert response.headers["ETag"] == etag


def test_head_gets_the_headers_alone(client):
    response = client.head("/static/css/site.css")
    assert response.status_code == 200
    assert response.data == b""
    assert int(response.headers["Content-Length"]) == STYLESHEET.stat().st_size


def test_what_is_not_a_held_file_is_answered_by_the_app(client):
    missing = client.get("/static/css/nothing.css")
    assert missing.status_code == 404
    assert "There is nothing here" in missing.text
    assert client.post("/static/css/site.css").status_code in {400, 405}
    assert client.get("/static/../config.py").status_code == 404


def test_an_untrusted_host_is_refused_as_by_the_app(app):
    config = TestConfig({"DATABASE_URL": app.config["SQLALCHEMY_DATABASE_URI"]})
    config.TRUSTED_HOSTS = ["assessor.example.org"]
    guarded = create_app(config).test_client()
    assert guarded.get("/static/css/site.css").status_code == 400
    trusted = guarded.get("/static/css/site.css", headers={"Host": "assessor.example.org"})
    assert trusted.status_code == 200


def test_hsts_is_sent_over_https_in_production(app, tmp_path):
    config = ProductionConfig(
        {"SECRET_KEY": "s", "DATABASE_URL": app.config["SQLALCHEMY_DATABASE_URI"]}
    )
    config.INSTANCE_DIR = str(tmp_path)
    client = create_app(config).test_client()
    secure = client.get("/static/css/site.css", base_url="https://localhost")
    assert secure.headers["Strict-Transport-Security"].startswith("max-age=")
    assert "Strict-Transport-Security" not in client.get("/static/css/site.css").headers
