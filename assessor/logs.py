"""Structured logging: one JSON object a line, with the request it belongs to."""

import json
import logging
import secrets
import time
from collections.abc import Callable
from itertools import count

from flask import Flask, g, has_request_context, request


class JSONFormatter(logging.Formatter):
    """Formats a record as JSON, adding the request's method, path and id when there is one."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        entry.update(getattr(record, "fields", {}))
        if has_request_context():
            entry["request_id"] = g.get("request_id")
            entry["method"] = request.method
            entry["path"] = request.path
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def request_ids() -> Callable[[], str]:
    """A maker of ids unique to each request: a prefix drawn at random once per app process,
    then a count (which threads may share: taking the next number is atomic), cheaper than
    drawing a random UUID for every request."""
    prefix, numbers = secrets.token_hex(8), count(1)
    return lambda: f"{prefix}{next(numbers):016x}"


def register_logging(app: Flask) -> None:
    """Send the app's log to stderr as JSON lines and log each request's outcome."""
    handler = logging.StreamHandler()
    handler.setFormatter(JSONFormatter())
    app.logger.handlers = [handler]
    app.logger.setLevel(app.config["LOG_LEVEL"])
    app.logger.propagate = False

    new_id = request_ids()

    @app.before_request
    def start_request_clock() -> None:
        g.request_id = request.environ.get("HTTP_X_REQUEST_ID") or new_id()
        g.request_started = time.perf_counter()

    @app.after_request
    def log_request(response):
        if app.logger.isEnabledFor(logging.INFO):
            elapsed = time.perf_counter() - g.get("request_started", time.perf_counter())
            fields = {"status": response.status_code, "duration_ms": round(elapsed * 1000, 1)}
            app.logger.info("request", extra={"fields": fields})
        response.headers["X-Request-Id"] = g.get("request_id", "")
        return response
