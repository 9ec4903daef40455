"""Public pages as anonymous readers get them: kept whole in memory, and cacheable by others.

Every anonymous reader of a public page, in one language at one address, gets the same bytes
until the site's edition changes (edition.py). Such a page is therefore rendered once per
process and edition and then served from memory, and any shared cache in front (a reverse
proxy, a CDN) may keep it too: ``Cache-Control: public`` with a short max-age and
stale-while-revalidate, ``Vary`` on what picks the language, and no session or cookie. Its
entity tag is known before rendering (the edition, the address, the language and the code
that renders them), so a reader who holds the page gets 304 without it being rendered.

A signed-in reader's pages carry their own name, menu and forms: rendered for them and marked
``private, no-cache``.
"""

import hashlib
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from pathlib import Path
from threading import Lock

from flask import Flask, Response, current_app, make_response, request, session

from assessor.edition import current_edition
from assessor.languages.selection import anonymous_language, current_language
from assessor.sessions import may_be_signed_in

# A shared cache may serve a public page for a minute, and for ten more while it asks for a
# newer one; the entity tag tells it whether it has one.
PUBLIC_CACHING = "public, max-age=60, stale-while-revalidate=600"
SIGNED_IN_CACHING = "private, no-cache"
# Without ?lang= the language comes from the browser or the language switch's cookie.
VARY = ("Accept-Language", "Cookie")
PACKAGE_DIR = Path(__file__).resolve().parent


def code_version(folder: Path = PACKAGE_DIR) -> str:
    """A digest of every file of the app as installed: a deployment changes the entity tags
    of pages whose data did not change."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            stat = path.stat()
            digest.update(f"{path.relative_to(folder)}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


@dataclass(frozen=True)
class KeptResponse:
    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes
    etag: str | None

    def served(self) -> Response:
        """The response again; 304 to a reader who holds it already."""
        if self.etag and request.if_none_match.contains(self.etag):
            return not_modified(self.etag, self.headers)
        return Response(self.body, self.status, list(self.headers))


def not_modified(etag: str, headers: tuple[tuple[str, str], ...] = ()) -> Response:
    """304, with the headers a 200 would have had that a cache must update (RFC 9110 15.4.5)."""
    kept = [(name, value) for name, value in headers if name in {"Cache-Control", "Vary"}]
    response = Response(status=304, headers=kept)
    response.set_etag(etag)
    return response


class KeptPages:
    """The public pages this process has rendered in the current edition, least recently read
    dropped first once they hold more than ``capacity`` bytes."""

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self.edition: int | None = None
        self.pages: OrderedDict[str, KeptResponse] = OrderedDict()
        self.size = 0
        self.lock = Lock()
        self.code = code_version()

    def etag(self, edition: int, key: str) -> str:
        return hashlib.sha256(f"{self.code}\n{edition}\n{key}".encode()).hexdigest()[:32]

    def get(self, edition: int, key: str) -> KeptResponse | None:
        with self.lock:
            if edition != self.edition:
                self.pages.clear()
                self.size, self.edition = 0, edition
                return None
            page = self.pages.get(key)
            if page is not None:
                self.pages.move_to_end(key)
            return page

    def keep(self, edition: int, key: str, page: KeptResponse) -> None:
        with self.lock:
            if edition != self.edition or len(page.body) > self.capacity:
                return
            if key in self.pages:
                self.size -= len(self.pages.pop(key).body)
            self.pages[key] = page
            self.size += len(page.body)
            while self.size > self.capacity:
                _, dropped = self.pages.popitem(last=False)
                self.size -= len(dropped.body)


def page_key() -> str:
    """What tells two anonymous readings apart: the language, the site's address (which
    permalinks show) and the path with its query (which the language switch links back to).

    The address as sent (scheme, host, script root), not ``url_root``, which decodes it anew
    on each request: two spellings of one site are only kept apart."""
    site = f"{request.scheme}://{request.host}{request.script_root}"
    return f"{anonymous_language()}\n{site}\n{request.full_path}"


def keepable(response: Response) -> bool:
    """A whole page as every anonymous reader gets it: nothing streamed, no cookie set, no
    session started, not marked for one reader alone."""
    return (
        response.status_code in {200, 404}
        and not response.is_streamed
        and "Set-Cookie" not in response.headers
        and not session.modified
        and not response.cache_control.private
        and not response.cache_control.no_store
    )


def served_publicly(render: Callable[[], object], *, found: bool = True) -> Response:
    """``render``'s page, from memory when this process has it for the current edition.

    A page not ``found`` (a 404) is kept too, but has no entity tag: no reader holds it.
    """
    if request.method not in {"GET", "HEAD"} or may_be_signed_in():
        response = make_response(render())
        if request.method in {"GET", "HEAD"}:
            response.headers.setdefault("Cache-Control", SIGNED_IN_CACHING)
        return response
    pages: KeptPages = current_app.extensions["public_pages"]
    edition, key = current_edition(), page_key()
    kept = pages.get(edition, key)
    if kept is not None:
        return kept.served()
    etag = pages.etag(edition, key)
    if found and request.if_none_match.contains(etag):
        return not_modified(etag, (("Cache-Control", PUBLIC_CACHING), ("Vary", ", ".join(VARY))))
    response = make_response(render())
    if not keepable(response):
        return response
    if response.status_code == 200 and response.get_etag()[0] is None:
        response.set_etag(etag)
    response.headers.setdefault("Cache-Control", PUBLIC_CACHING)
    response.content_language.add(current_language())
    response.vary.update(VARY)
    body = response.get_data()
    kept = KeptResponse(
        response.status_code, tuple(response.headers.items()), body, response.get_etag()[0]
    )
    pages.keep(edition, key, kept)
    return response


def public_page(view: Callable) -> Callable:
    """A view whose page is the same for every anonymous reader (see the module docstring)."""

    @wraps(view)
    def serve(*args, **kwargs) -> Response:
        return served_publicly(lambda: view(*args, **kwargs))

    return serve


def register_public_pages(app: Flask) -> None:
    app.extensions["public_pages"] = KeptPages(app.config["PUBLIC_PAGES_MEMORY_MB"] * 1024 * 1024)
