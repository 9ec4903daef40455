"""Scorecard PDFs, the same whether downloaded one at a time or many in a batch.

Everything here runs inside a request context (a real one, or the one a batch job makes for
the site it was started from), since permalinks and the site's address come from it.
"""

from flask import current_app, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from markupsafe import Markup
from sqlalchemy.orm import Session

from assessor.assessments.models import Assessment
from assessor.assessments.service import get_assessment
from assessor.db import BINARY_RESULTS
from assessor.languages.selection import SOURCE_LANGUAGE, current_language
from assessor.presentation.charts import Bar, RadarSeries, band_bars, radar_chart
from assessor.presentation.pdf import render_pdf
from assessor.scorecards.fingerprint import (
    ScorecardState,
    state_and_current_kept,
    with_newest_kept,
)
from assessor.scorecards.models import ScorecardPdf
from assessor.scorecards.pruning import Rendering
from assessor.scorecards.render_claims import claimed, kept_or_claimed, released_if_failed
from assessor.scorecards.service import scorecard_card, store_pdf, stored_pdf
from assessor.scorecards.sources import Layout, layout_version

# The PDF: rendered by this module's functions from its template and stylesheets.
PDF_LAYOUT = Layout(module=__name__, templates=("scorecards/pdf.html",))
PDF_STYLESHEETS = ("assessor-static:css/scorecard.css", "assessor-static:css/scorecard-print.css")

RADAR_DESCRIPTION = _l(
    "Score of each pillar from 0 at the centre to 100 at the edge; "
    "the table below gives the same figures."
)
BARS_DESCRIPTION = _l(
    "One bar per pillar on a 0 to 100 scale with its band; the table below gives the same figures."
)
# A radar needs three axes to enclose an area; with fewer pillars the bars say it all.
RADAR_MIN_PILLARS = 3


def charts_for(card: dict) -> dict[str, Markup | None]:
    """The radar and the bars of a scorecard's pillars, drawn from the card alone."""
    titles = [pillar["title"] for pillar in card["pillars"]]
    prefix = f"scorecard-{card['assessment_id']}"
    return {
        "radar": None
        if len(titles) < RADAR_MIN_PILLARS
        else radar_chart(
            [RadarSeries(card["process"]["name"], [p["score"] for p in card["pillars"]])],
            titles,
            size=240,
            title=_("Pillar scores, radar"),
            description=str(RADAR_DESCRIPTION),
            id_prefix=f"{prefix}-radar",
        ),
        "bars": band_bars(
            [Bar(p["title"], p["score"], p["band"]) for p in card["pillars"]],
            width=400,
            title=_("Pillar scores and bands"),
            description=str(BARS_DESCRIPTION),
            id_prefix=f"{prefix}-bars",
        ),
    }


def methodology_url() -> str:
    """Where the scorecard's footnote sends readers for the method behind the figures."""
    return url_for("site.methodology", _external=True)


def permalink_card(session: Session, assessment: Assessment) -> dict:
    """The scorecard's data in the language being rendered, with its permalink on the site of
    the current request (in that language too)."""
    language = current_language()
    # English, the default, needs no ?lang; the address depends on the language alone.
    chosen = {} if language == SOURCE_LANGUAGE else {"lang": language}
    permalink = url_for("scorecards.page", assessment_id=assessment.id, _external=True, **chosen)
    return scorecard_card(session, assessment, permalink, language)


def scorecard_html(card: dict, created: str) -> str:
    """The HTML the PDF of a card is drawn from, dated ``created``."""
    return render_template(
        "scorecards/pdf.html",
        card=card,
        charts=charts_for(card),
        methodology_url=methodology_url(),
        created=created,
    )


def scorecard_pdf(html: str) -> bytes:
    """The PDF of a scorecard's HTML (see scorecard_html)."""
    return render_pdf(html, current_app.static_folder, PDF_STYLESHEETS)


def render_scorecard(card: dict, created: str) -> bytes:
    """The PDF of a card, dated ``created``."""
    return scorecard_pdf(scorecard_html(card, created))


def current_rendering() -> Rendering:
    """The language being rendered and the site of the request (a batch's is the site it was
    started from): part of a kept PDF's or page's key, and recorded with it."""
    return Rendering(language=current_language(), site=request.root_url)


def pdf_key(state: ScorecardState) -> str:
    """The key (and ETag) of a published or withdrawn scorecard's PDF on this site, in the
    language being rendered: each language's PDF is kept apart."""
    rendering = current_rendering()
    version = layout_version(PDF_LAYOUT, rendering.language)
    return state.key("pdf", version, rendering.site, rendering.language)


# The state and, beside it, the newest PDF kept for the same rendering, as bytes.
_STATE_AND_PDF = with_newest_kept(ScorecardPdf, ScorecardPdf.pdf).execution_options(
    **{BINARY_RESULTS: True}
)


def state_and_current_pdf(
    session: Session, assessment_id: int
) -> tuple[ScorecardState | None, bytes | None]:
    """The scorecard's state and, where its newest PDF kept for this rendering is still
    current, that PDF: a kept PDF downloaded in one query."""
    rendering = current_rendering()
    context = {"language": rendering.language, "site": rendering.site}
    state, kept = state_and_current_kept(session, _STATE_AND_PDF, assessment_id, context, pdf_key)
    return state, None if kept is None else kept[0]


def _rendered_and_kept(session: Session, state: ScorecardState, key: str) -> bytes:
    """The PDF whose claim this worker holds, rendered and kept under ``key``."""
    with released_if_failed(session, key):
        assessment = get_assessment(session, None, state.assessment_id)
        # The creation date is the publication, so a re-render gives the same bytes.
        pdf = render_scorecard(permalink_card(session, assessment), state.published_at.isoformat())
    store_pdf(session, state.assessment_id, key, pdf, current_rendering())
    return pdf


def kept_pdf(session: Session, state: ScorecardState, key: str) -> bytes:
    """A published or withdrawn scorecard's PDF: the stored one (once a render of it in
    progress elsewhere is done), else rendered once and stored."""
    kept = kept_or_claimed(session, key, stored_pdf)
    return kept if kept is not None else _rendered_and_kept(session, state, key)


def keep_pdf_ahead(session: Session, state: ScorecardState) -> None:
    """Render and keep the PDF, unless it is kept already or being rendered elsewhere."""
    key = pdf_key(state)
    if stored_pdf(session, key) is None and claimed(session, key, stored_pdf):
        _rendered_and_kept(session, state, key)
