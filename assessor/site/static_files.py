"""The app's static files, answered from memory in front of Flask.

A stylesheet or an icon needs none of the app's per-request work (session, language, user,
log): read once when the app starts, each file is answered with bytes and headers decided
then. Its address carries a fingerprint of its content (``?v=``, added by ``url_for``), so a
browser or proxy may keep a fingerprinted file for a year; an address without it, or with a
stale one, is revalidated with the ETag. Files not held here (none, unless added after the
start) fall through to Flask's own static route.
"""

import hashlib
import mimetypes
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from urllib.parse import parse_qs

from flask import Flask
from werkzeug.sansio.utils import get_host, host_is_trusted

from assessor.security import HEADERS, HSTS

FOR_A_YEAR = "public, max-age=31536000, immutable"
REVALIDATE = "public, no-cache"
TEXT_TYPES = {"application/javascript", "application/manifest+json", "image/svg+xml"}

StartResponse = Callable[[str, list[tuple[str, str]]], object]


def fingerprint(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()[:16]


def content_type(name: str) -> str:
    kind = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return f"{kind}; charset=utf-8" if kind.startswith("text/") or kind in TEXT_TYPES else kind


class StaticFile:
    """One file's bytes and the headers every answer with it carries."""

    def __init__(self, path: Path, headers: Mapping[str, str]) -> None:
        self.content = path.read_bytes()
        self.version = fingerprint(self.content)
        self.etag = f'"{self.version}"'
        self.headers = [
            ("Content-Type", content_type(path.name)),
            ("ETag", self.etag),
            *headers.items(),
        ]

    def matches(self, if_none_match: str) -> bool:
        """Whether the browser already holds these bytes (weak comparison, RFC 9110 13.1.2)."""
        tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
        return "*" in tags or self.etag in tags


class StaticFiles:
    """WSGI middleware answering GET and HEAD of ``/static/<name>`` for every file it holds."""

    def __init__(
        self,
        wsgi_app: Callable,
        files: Mapping[str, StaticFile],
        trusted_hosts: Iterable[str] | None,
        hsts: bool,
    ) -> None:
        self.wsgi_app = wsgi_app
        self.files = files
        self.trusted_hosts = list(trusted_hosts) if trusted_hosts else None
        self.hsts = hsts

    def __call__(self, environ: dict, start_response: StartResponse) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        file = self.files.get(path[len("/static/") :]) if path.startswith("/static/") else None
        if file is None or environ["REQUEST_METHOD"] not in {"GET", "HEAD"}:
            return self.wsgi_app(environ, start_response)
        if self.trusted_hosts and not self._host_trusted(environ):
            # Flask answers an untrusted host as it answers every other request.
            return self.wsgi_app(environ, start_response)
        version = parse_qs(environ.get("QUERY_STRING", "")).get("v", [""])[0]
        headers = [
            *file.headers,
            ("Cache-Control", FOR_A_YEAR if version == file.version else REVALIDATE),
        ]
        if self.hsts and environ.get("wsgi.url_scheme") == "https":
            headers.append(("Strict-Transport-Security", HSTS))
        if file.matches(environ.get("HTTP_IF_NONE_MATCH", "")):
            start_response("304 Not Modified", headers)
            return []
        start_response("200 OK", [*headers, ("Content-Length", str(len(file.content)))])
        return [] if environ["REQUEST_METHOD"] == "HEAD" else [file.content]

    def _host_trusted(self, environ: dict) -> bool:
        host = get_host(environ["wsgi.url_scheme"], environ.get("HTTP_HOST"), None)
        return host_is_trusted(host, self.trusted_hosts)


def static_files(folder: Path) -> dict[str, StaticFile]:
    """Every file under ``folder`` by its name relative to it, with '/' between parts."""
    return {
        path.relative_to(folder).as_posix(): StaticFile(path, HEADERS)
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def register_static_files(app: Flask) -> None:
    """Answer the static files before Flask, and give their addresses a fingerprint.

    In debug mode files change while the app runs, so Flask's own route serves them.
    """
    if app.debug:
        return
    files = static_files(Path(app.static_folder))
    app.wsgi_app = StaticFiles(
        app.wsgi_app, files, app.config["TRUSTED_HOSTS"], hsts=app.config["HSTS"]
    )

    @app.url_defaults
    def add_fingerprint(endpoint: str, values: dict) -> None:
        if endpoint == "static" and values.get("filename") in files:
            values.setdefault("v", files[values["filename"]].version)
