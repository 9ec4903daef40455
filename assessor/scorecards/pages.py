"""Scorecard pages: the scorecard's part rendered once per state, site and language, for all.

The part of the page that shows the scorecard depends on nothing about the viewer, so it is
kept like the PDF, keyed by the scorecard's state (see fingerprint), the layout, the site's
address and the interface language. The site's frame around it (the signed-in user's links,
the CSRF tokens of its forms, the language switch) is rendered for each request.
"""

from flask import render_template
from markupsafe import Markup
from sqlalchemy.orm import Session

from assessor.assessments.models import Assessment
from assessor.assessments.service import get_assessment
from assessor.presentation.labels import language_args
from assessor.scorecards.fingerprint import (
    ScorecardState,
    state_and_current_kept,
    with_newest_kept,
)
from assessor.scorecards.models import ScorecardPage
from assessor.scorecards.pdfs import (
    charts_for,
    current_rendering,
    methodology_url,
    permalink_card,
)
from assessor.scorecards.render_claims import claimed, kept_or_claimed, released_if_failed
from assessor.scorecards.service import store_page, stored_page
from assessor.scorecards.sources import Layout, layout_version

# The page part and its title: rendered by this module's functions from their templates.
PAGE_LAYOUT = Layout(
    module=__name__, templates=("scorecards/page_part.html", "scorecards/page_title.html")
)


def page_key(state: ScorecardState) -> str:
    """The key of a published or withdrawn scorecard's page part, on this site in this language
    (and whether its links name the language, see language_args)."""
    rendering = current_rendering()
    version = layout_version(PAGE_LAYOUT, rendering.language)
    return state.key("page", version, rendering.site, rendering.language, str(language_args()))


# The state and, beside it, the newest page part kept for the same rendering.
_STATE_AND_PAGE = with_newest_kept(ScorecardPage, ScorecardPage.title, ScorecardPage.html)


def state_and_current_page(
    session: Session, assessment_id: int
) -> tuple[ScorecardState | None, dict[str, str] | None]:
    """The scorecard's state and, where its newest page part kept for this rendering is still
    current, that part: a kept page served in one query."""
    rendering = current_rendering()
    context = {
        "language": rendering.language,
        "site": rendering.site,
        "language_in_links": bool(language_args()),
    }
    state, kept = state_and_current_kept(session, _STATE_AND_PAGE, assessment_id, context, page_key)
    return state, None if kept is None else dict(zip(("title", "html"), kept, strict=True))


def rendered_page(session: Session, assessment: Assessment) -> dict[str, str]:
    """The page's title and the HTML of its scorecard part, rendered from the card alone."""
    card = permalink_card(session, assessment)
    return {
        "title": render_template("scorecards/page_title.html", card=card).strip(),
        "html": render_template(
            "scorecards/page_part.html",
            card=card,
            charts=charts_for(card),
            methodology_url=methodology_url(),
        ),
    }


def _rendered_and_kept(session: Session, state: ScorecardState, key: str) -> dict[str, str]:
    """The page part whose claim this worker holds, rendered and kept under ``key``."""
    with released_if_failed(session, key):
        page = rendered_page(session, get_assessment(session, None, state.assessment_id))
    store_page(session, state.assessment_id, key, page, current_rendering(), bool(language_args()))
    return page


def kept_page(session: Session, state: ScorecardState) -> dict[str, str]:
    """A published or withdrawn scorecard's page part: the stored one (once a render of it in
    progress elsewhere is done), else rendered and kept."""
    key = page_key(state)
    kept = kept_or_claimed(session, key, stored_page)
    return kept if kept is not None else _rendered_and_kept(session, state, key)


def keep_page_ahead(session: Session, state: ScorecardState) -> None:
    """Render and keep the page part, unless it is kept already or being rendered elsewhere."""
    key = page_key(state)
    if stored_page(session, key) is None and claimed(session, key, stored_page):
        _rendered_and_kept(session, state, key)


def framed(page: dict[str, str]) -> str:
    """The whole page: the site's frame, rendered for this request, around the kept part."""
    # Both were rendered, and escaped, by the app's own templates.
    return render_template(
        "scorecards/page.html", title=Markup(page["title"]), part=Markup(page["html"])
    )
