"""Rendering scorecard PDFs with WeasyPrint, which may read the app's own static files only.

Every other address (file:, http:, https:, data:, attachments) is refused before any I/O,
so no text in a scorecard can make the server read a local file or make a request.
"""

import atexit
import logging
import mimetypes
import threading
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from weasyprint import CSS, HTML
from weasyprint.html import UA, UA_COUNTER_STYLE
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

STATIC_SCHEME = "assessor-static:"
# PDF/UA-1: a tagged PDF with a structure tree, so that screen readers can read it.
PDF_VARIANT = "pdf/ua-1"

log = logging.getLogger(__name__)
# One font configuration per thread, kept for the process: making one loads Fontconfig's
# fonts anew, and a kept one keeps Pango's fonts and measures warm from one PDF to the next.
# Pango's font maps are not shared between threads.
_fonts = threading.local()


def _ua_without_universal_pseudo_elements(ua: str) -> str:
    """WeasyPrint's HTML stylesheet with its rules for footnotes and notes, which these
    documents have none of, left out, and markers styled on list items alone."""
    kept = (line for line in ua.splitlines() if not line.startswith(("::footnote", "::note")))
    return "\n".join(line.replace("::marker {", "li::marker {", 1) for line in kept)


# Those rules name no element, so every element matched them: the cascade made six styles
# per element for pseudo-elements that only a footnote or a list item ever draws.
UA_STYLESHEET = CSS(
    string=_ua_without_universal_pseudo_elements(UA), counter_style=UA_COUNTER_STYLE
)


class DocumentHTML(HTML):
    """An HTML document styled by ``UA_STYLESHEET`` rather than WeasyPrint's own."""

    def _ua_stylesheets(self, forms: bool = False) -> list[CSS]:
        return [UA_STYLESHEET]


class StaticFilesOnly(URLFetcher):
    """Serves ``assessor-static:<path>`` from the static folder and refuses everything else."""

    def __init__(self, static_folder: str | Path) -> None:
        super().__init__(allowed_protocols=(), allow_redirects=False)
        self.root = Path(static_folder).resolve()
        self.refused: list[str] = []

    def _refuse(self, url: str) -> None:
        self.refused.append(url)
        log.warning("scorecard PDF: refused to fetch %r", url[:200])
        raise ValueError("only the app's own static files may be used in a scorecard")

    def fetch(self, url: str, headers: dict | None = None) -> URLFetcherResponse:
        if not url.startswith(STATIC_SCHEME):
            self._refuse(url)
        path = (self.root / url.removeprefix(STATIC_SCHEME).lstrip("/")).resolve()
        if not path.is_relative_to(self.root) or not path.is_file():
            self._refuse(url)
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": content_type})


def font_configuration() -> FontConfiguration:
    """This thread's font configuration, made on its first PDF."""
    if not hasattr(_fonts, "configuration"):
        _fonts.configuration = FontConfiguration()
    return _fonts.configuration


@atexit.register
def _release_fonts() -> None:
    """Release the main thread's font configuration while Pango is still there: left to the
    interpreter's last clean-up, its objects were released after Pango's, and the process
    crashed on its way out (a worker, a command, the suite)."""
    if hasattr(_fonts, "configuration"):
        del _fonts.configuration


@lru_cache(maxsize=16)
def stylesheet(address: str, static_folder: Path) -> CSS:
    """A stylesheet of the static files, read and parsed once per process: linked from the
    document, it was parsed and its selectors compiled again for every PDF. Read-only once
    made, it serves every thread."""
    return CSS(url=address, url_fetcher=StaticFilesOnly(static_folder))


def render_pdf(html: str, static_folder: str | Path, stylesheets: Sequence[str] = ()) -> bytes:
    """The PDF of ``html`` (from an autoescaped template), tagged, with its fonts embedded,
    styled by ``stylesheets``: addresses of static files (``assessor-static:css/...``)."""
    fetcher = StaticFilesOnly(static_folder)
    document = DocumentHTML(string=html, base_url=STATIC_SCHEME, url_fetcher=fetcher)
    return document.write_pdf(
        pdf_variant=PDF_VARIANT,
        pdf_tags=True,
        font_config=font_configuration(),
        stylesheets=[stylesheet(address, Path(static_folder)) for address in stylesheets],
    )
