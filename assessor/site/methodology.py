"""The scoring methodology page, rendered from docs/methodology.md so page and doc never differ."""

from functools import lru_cache
from pathlib import Path

import markdown
from markupsafe import Markup

from config import PROJECT_DIR

METHODOLOGY_DOCUMENT = PROJECT_DIR / "docs" / "methodology.md"


@lru_cache(maxsize=4)
def _render(path: Path, modified: float) -> Markup:
    text = path.read_text(encoding="utf-8")
    # The document is the project's own text, not user input, so its HTML is trusted.
    html = markdown.markdown(
        text, extensions=["tables", "fenced_code", "toc"], output_format="html"
    )
    return Markup(html)


def methodology_html(path: Path = METHODOLOGY_DOCUMENT) -> Markup:
    """The methodology as HTML, rendered again only when the document changes."""
    return _render(path, path.stat().st_mtime)
