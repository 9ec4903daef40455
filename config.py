"""Configuration classes read from the environment.

``Config`` is for development and ``make run``; ``TestConfig`` for the suite;
``ProductionConfig`` refuses to start without a real secret key.
"""

import os
from collections.abc import Mapping
from datetime import timedelta
from pathlib import Path
from typing import ClassVar

PROJECT_DIR = Path(__file__).resolve().parent


class Config:
    """Development defaults: a SQLite file and a secret key kept under ``instance/``."""

    DEBUG = False
    TESTING = False
    SECRET_KEY_REQUIRED = False
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    # Sessions are kept on the server (assessor/sessions.py) and their cookie ends with the
    # browser. A stored session expires this long after its last change, and a sign-in without
    # "keep me signed in" this long after it began; `flask sessions prune` deletes both.
    PERMANENT_SESSION_LIFETIME = timedelta(days=31)
    # Saved when changed only: refreshing each request would write every signed-in request.
    SESSION_REFRESH_EACH_REQUEST = False
    SESSION_KEY_PREFIX = "session:"
    # How long "keep me signed in" lasts, from the sign-in.
    REMEMBER_COOKIE_DURATION = timedelta(days=365)
    # CSRF is checked by assessor.security, which lets visitors without a session post from
    # the site's own pages without a token.
    WTF_CSRF_CHECK_DEFAULT = False
    SQLALCHEMY_ENGINE_OPTIONS: ClassVar[dict] = {"pool_pre_ping": True}
    MAX_CONTENT_LENGTH = 1024 * 1024
    # Strict-Transport-Security is sent only over HTTPS, and only in production.
    HSTS = False
    RATELIMIT_HEADERS_ENABLED = True
    # scrypt: memory-hard, Werkzeug's current default.
    PASSWORD_HASH_METHOD = "scrypt"
    # A change to a published scorecard queues the rendering of its page and PDF, so that no
    # reader waits for them (assessor/scorecards/changed_scorecards.py).
    RENDER_SCORECARDS_AHEAD = True
    WTF_CSRF_TIME_LIMIT = None

    def __init__(self, environ: Mapping[str, str] | None = None) -> None:
        environ = os.environ if environ is None else environ
        self.SECRET_KEY = environ.get("SECRET_KEY") or None
        self.SQLALCHEMY_DATABASE_URI = environ.get("DATABASE_URL") or None
        self.RUBRICS_DIR = environ.get("RUBRICS_DIR") or str(PROJECT_DIR / "rubrics")
        self.INSTANCE_DIR = environ.get("INSTANCE_DIR") or str(PROJECT_DIR / "instance")
        self.LOG_LEVEL = environ.get("LOG_LEVEL", "INFO").upper()
        self.RATELIMIT_STORAGE_URI = environ.get("RATELIMIT_STORAGE_URI", "memory://")
        # The host names the site answers to, comma-separated; others get 400. Unset, any
        # name is answered: set it in production, where the Host header is the client's.
        hosts = [host.strip() for host in environ.get("TRUSTED_HOSTS", "").split(",")]
        self.TRUSTED_HOSTS = [host for host in hosts if host] or None
        # How many proxies in front set X-Forwarded-*; 0 trusts none (the safe default).
        self.TRUSTED_PROXY_HOPS = int(environ.get("TRUSTED_PROXY_HOPS", "0"))
        self.SIGN_IN_RATE_LIMIT = environ.get("SIGN_IN_RATE_LIMIT", "10 per minute")
        # Background jobs queue on Redis when given its URL, else in a SQLite file under
        # INSTANCE_DIR; HUEY_IMMEDIATE runs each job inside the request that starts it.
        self.REDIS_URL = environ.get("REDIS_URL") or None
        self.HUEY_IMMEDIATE = environ.get("HUEY_IMMEDIATE", "").lower() in {"1", "true", "yes"}
        self.BATCH_RATE_LIMIT = environ.get("BATCH_RATE_LIMIT", "30 per hour")
        # Public pages kept whole in each app process for anonymous readers (public_pages.py),
        # and how often a process asks whether another one changed what they show.
        self.PUBLIC_PAGES_MEMORY_MB = int(environ.get("PUBLIC_PAGES_MEMORY_MB", "64"))
        self.EDITION_RECHECK_SECONDS = float(environ.get("EDITION_RECHECK_SECONDS", "1"))


class TestConfig(Config):
    """The suite's settings: a database URL given by the fixtures, CSRF kept on."""

    __test__ = False  # a configuration, not a pytest test class
    TESTING = True
    # Hashing stays real but cheap, so that tests creating many users stay fast.
    PASSWORD_HASH_METHOD = "pbkdf2:sha256:1000"
    # Jobs run inline here, so every publication would render each PDF of its process in every
    # language; the tests of rendering ahead turn it on.
    RENDER_SCORECARDS_AHEAD = False

    def __init__(self, environ: Mapping[str, str] | None = None) -> None:
        super().__init__(environ)
        self.SECRET_KEY = "test-secret-key"
        self.LOG_LEVEL = "WARNING"
        # Jobs finish before the request that starts them returns; one test runs a worker.
        self.HUEY_IMMEDIATE = True
        # A test that changes data reads the pages it changed at once.
        self.EDITION_RECHECK_SECONDS = 0.0


class ProductionConfig(Config):
    """Settings behind a real deployment: secure cookies, HSTS and a required SECRET_KEY."""

    SECRET_KEY_REQUIRED = True
    HSTS = True
    SESSION_COOKIE_SECURE = True
    REMEMBER_COOKIE_SECURE = True


CONFIGS = {"development": Config, "production": ProductionConfig, "test": TestConfig}


def config_from_environment(environ: Mapping[str, str] | None = None) -> Config:
    """Pick the configuration class named by ``ASSESSOR_ENV`` (default: development)."""
    environ = os.environ if environ is None else environ
    name = environ.get("ASSESSOR_ENV", "development")
    if name not in CONFIGS:
        raise RuntimeError(f"ASSESSOR_ENV must be one of {', '.join(CONFIGS)}, not {name!r}")
    return CONFIGS[name](environ)
