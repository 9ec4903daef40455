"""Security headers on every response, and proxy headers trusted only when configured."""

import pytest
from flask import request

from assessor import create_app
from config import ProductionConfig, TestConfig


@pytest.mark.parametrize("path", ["/", "/rubrics", "/no/such/page", "/api/v1/rubrics"])
def test_every_response_carries_a_strict_content_security_policy(client, path):
    policy = client.get(path).headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "'unsafe-inline'" not in policy
    assert "frame-ancestors 'none'" in policy


def test_every_response_refuses_sniffing_and_framing(client):
    headers = client.get("/").headers
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"


def test_hsts_only_in_production_over_https(tmp_path):
    config = ProductionConfig(
        {"SECRET_KEY": "s" * 32, "INSTANCE_DIR": str(tmp_path), "DATABASE_URL": "sqlite://"}
    )
    client = create_app(config).test_client()
    assert (
        "Strict-Transport-Security"
        in client.get("/methodology", base_url="https://example.org").headers
    )
    assert "Strict-Transport-Security" not in client.get("/methodology").headers


def test_forwarded_headers_are_ignored_unless_proxies_are_trusted(tmp_path):
    forwarded = {"X-Forwarded-Proto": "https", "X-Forwarded-Host": "assess.example.org"}
    untrusted = create_app(TestConfig({"DATABASE_URL": "sqlite://", "INSTANCE_DIR": str(tmp_path)}))
    trusted = create_app(
        TestConfig(
            {"DATABASE_URL": "sqlite://", "INSTANCE_DIR": str(tmp_path), "TRUSTED_PROXY_HOPS": "1"}
        )
    )

    for app in (untrusted, trusted):
        app.add_url_rule("/where", "where", lambda: request.url_root)

    assert untrusted.test_client().get("/where", headers=forwarded).text == "http://localhost/"
    assert (
        trusted.test_client().get("/where", headers=forwarded).text == "https://assess.example.org/"
    )
