"""A disagreement's counts and quoted ratings, rendered once for every scorecard showing them.

Each scorecard of a process shows the same disagreements, and for a busy process they are
most of its consolidated section: rendered for each scorecard, they cost more than the rest
of its page. A block is a function of the disagreement's data, the language and the layout
(the PDF's shortens the quotes) alone, so each app process keeps the blocks it rendered
under those, the least recently read dropped first. Its data written out is the key: a block
kept is never one of other data, and nothing needs to be forgotten when data changes.
"""

from typing import Any

from flask import Blueprint, render_template
from markupsafe import Markup

from assessor.languages.selection import current_language
from assessor.recently_read import RecentlyRead

# Blocks kept per app process: a few kilobytes each, a few dozen per process's scorecard.
KEPT_BLOCKS = 4096

_kept: RecentlyRead[Markup] = RecentlyRead(KEPT_BLOCKS)


def disagreement_block(disagreement: dict[str, Any], compact: bool) -> Markup:
    """The block of ``disagreement`` (see disagreements.disagreement_summary), in the language
    being rendered, for the PDF's layout if ``compact``."""
    key = (current_language(), bool(compact), repr(disagreement))
    if (kept := _kept.get(key)) is not None:
        return kept
    # Rendered by the app's own autoescaped template.
    block = Markup(
        render_template("scorecards/_disagreement.html", d=disagreement, compact=compact)
    )
    _kept.keep(key, block)
    return block


def register_disagreement_blocks(blueprint: Blueprint) -> None:
    blueprint.add_app_template_global(disagreement_block)
