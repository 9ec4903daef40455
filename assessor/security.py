"""What makes every request safer by default, whatever the deployment: response headers, the
refusal of cross-site requests that change anything, and redirects that stay on this site."""

import re
from urllib.parse import urlsplit

from flask import Flask, Response, request, session
from flask_wtf.csrf import CSRFError
from werkzeug.middleware.proxy_fix import ProxyFix

from assessor.extensions import csrf

# No inline script or style anywhere: scripts and stylesheets come from /static only.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
# A browser reads "/\evil.org" and "/<tab>/evil.org" as "//evil.org", another site.
UNSAFE_IN_NEXT = re.compile(r"[\\\x00-\x1f\x7f]")

HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}
HSTS = "max-age=31536000; includeSubDomains"
# Methods that change nothing (RFC 9110 9.2.1): no token or origin to check.
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})


def comes_from_this_site() -> bool:
    """Whether the browser says this request was sent by one of this site's own pages: by its
    Fetch metadata, else the Origin, else the Referer (which these pages send to the site)."""
    fetched_from = request.headers.get("Sec-Fetch-Site")
    if fetched_from:
        return fetched_from == "same-origin"
    source = urlsplit(request.headers.get("Origin") or request.referrer or "")
    return (source.scheme, source.netloc.lower()) == (request.scheme, request.host.lower())


def safe_next(target: str) -> str:
    """``target`` if it is a path on this site, else the home page: never an open redirect."""
    if target.startswith("/") and not target.startswith("//") and not UNSAFE_IN_NEXT.search(target):
        return target
    return "/"


def refuse_cross_site_requests() -> None:
    """CSRF defence of every request that changes something (OWASP: token, else origin).

    A visitor with a session sends Flask-WTF's token, which the session holds. Pages give
    visitors without one no token, so that reading the site starts no session: their posts
    (the language switch, a batch download, signing in) must come from the site's own pages.
    """
    if request.method in SAFE_METHODS:
        return
    try:
        csrf.protect(apply_exemptions=True)
    except CSRFError:
        if session or not comes_from_this_site():
            raise


def register_security(app: Flask) -> None:
    """Security headers on every response, cross-site requests refused; proxy headers trusted
    only when configured."""
    hops = app.config["TRUSTED_PROXY_HOPS"]
    if hops:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops, x_port=hops)
    app.before_request(refuse_cross_site_requests)

    @app.after_request
    def add_security_headers(response: Response) -> Response:
        # Set once for each name a response lacks: a view may have chosen its own.
        present = {name.lower() for name, _ in response.headers}
        response.headers.extend(
            (name, value) for name, value in HEADERS.items() if name.lower() not in present
        )
        if app.config["HSTS"] and request.is_secure:
            response.headers.setdefault("Strict-Transport-Security", HSTS)
        return response
