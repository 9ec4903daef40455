"""Scorecard PDFs, the same whether downloaded one at a time or many in a batch.

Everything here runs inside a request context (a real one, or the one a batch job makes for
the site it was started from), since permalinks and the site's address come from it.
"""

from functools import lru_cache
from pathlib import Path

from flask import current_app, render_template, request, url_for
from markupsafe import Markup
from sqlalchemy.orm import Session

from assessor.assessments.models import Assessment
from assessor.scorecards.charts import Bar, RadarSeries, band_bars, radar_chart
from assessor.scorecards.fingerprint import ScorecardState
from assessor.scorecards.render import render_pdf
from assessor.scorecards.service import files_version, scorecard_card, store_pdf, stored_pdf

# The code that turns a scorecard's state into what it shows: a new release of any of these
# files makes new PDFs and pages, as a changed template does.
SCORECARD_CODE = (
    "scorecards/charts.py",
    "scorecards/data.py",
    "scorecards/disagreements.py",
    "scorecards/document.py",
    "scorecards/formatting.py",
    "scorecards/schemas.py",
    "stakeholders.py",
)
LAYOUT_FILES = (
    "templates/scorecards/_scorecard.html",
    "templates/scorecards/pdf.html",
    "static/css/scorecard.css",
    "static/css/scorecard-print.css",
    *SCORECARD_CODE,
)

RADAR_DESCRIPTION = (
    "Score of each pillar from 0 at the centre to 100 at the edge; "
    "the table below gives the same figures."
)
BARS_DESCRIPTION = (
    "One bar per pillar on a 0 to 100 scale with its band; the table below gives the same figures."
)
# A radar needs three axes to enclose an area; with fewer pillars the bars say it all.
RADAR_MIN_PILLARS = 3


@lru_cache(maxsize=4)
def template_version(package_root: str, files: tuple[str, ...] = LAYOUT_FILES) -> str:
    """A hash of the files behind a layout (the PDF's unless named), read once per process."""
    return files_version([Path(package_root) / name for name in files])


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
            title="Pillar scores, radar",
            description=RADAR_DESCRIPTION,
            id_prefix=f"{prefix}-radar",
        ),
        "bars": band_bars(
            [Bar(p["title"], p["score"], p["band"]) for p in card["pillars"]],
            width=400,
            title="Pillar scores and bands",
            description=BARS_DESCRIPTION,
            id_prefix=f"{prefix}-bars",
        ),
    }


def methodology_url() -> str:
    """Where the scorecard's footnote sends readers for the method behind the figures."""
    return url_for("site.methodology", _external=True)


def permalink_card(session: Session, assessment: Assessment) -> dict:
    """The scorecard's data, with its permalink on the site of the current request."""
    permalink = url_for("scorecards.page", assessment_id=assessment.id, _external=True)
    return scorecard_card(session, assessment, permalink)


def render_scorecard(card: dict, created: str) -> bytes:
    """The PDF of a card, dated ``created``."""
    html = render_template(
        "scorecards/pdf.html",
        card=card,
        charts=charts_for(card),
        methodology_url=methodology_url(),
        created=created,
    )
    return render_pdf(html, current_app.static_folder)


def pdf_key(state: ScorecardState) -> str:
    """The key (and ETag) of a published or withdrawn scorecard's PDF on this site."""
    return state.key("pdf", template_version(current_app.root_path), request.root_url)


def kept_pdf(session: Session, state: ScorecardState, key: str) -> bytes:
    """A published or withdrawn scorecard's PDF: the stored one, else rendered once and stored."""
    stored = stored_pdf(session, key)
    if stored is not None:
        return stored
    assessment = session.get(Assessment, state.assessment_id)
    # The creation date is the publication, so a re-render gives the same bytes.
    pdf = render_scorecard(permalink_card(session, assessment), state.published_at.isoformat())
    store_pdf(session, state.assessment_id, key, pdf)
    return pdf
