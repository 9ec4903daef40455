"""Scorecards for people: the document data, and PDFs rendered once per published content."""

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from assessor.assessments.models import Assessment
from assessor.scorecards.document import scorecard_document
from assessor.scorecards.models import ScorecardPdf
from assessor.scorecards.schemas import ScorecardDocumentSchema

# Published and withdrawn scorecards never change, so their PDFs are kept.
KEPT_STATUSES = ("published", "withdrawn")


def scorecard_card(
    session: Session, assessment: Assessment, permalink: str, language: str
) -> dict[str, Any]:
    """The scorecard's data in ``language`` as the schema dumps it: what page and PDF show."""
    document = scorecard_document(session, assessment, permalink, language)
    return ScorecardDocumentSchema().dump(document)


def files_version(paths: list[Path]) -> str:
    """A hash of the templates and stylesheets, so a changed layout makes new PDFs."""
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def scorecard_pdf(
    session: Session, assessment: Assessment, digest: str, render: Callable[[], bytes]
) -> bytes:
    """The PDF: the stored one for a published scorecard, else rendered (and then stored).

    Storing commits at once, so that every other request and app process can serve it.
    """
    if assessment.status not in KEPT_STATUSES:
        return render()
    stored = session.scalars(
        select(ScorecardPdf.pdf).where(ScorecardPdf.content_hash == digest)
    ).first()
    if stored is not None:
        return stored
    pdf = render()
    session.add(
        ScorecardPdf(assessment_id=assessment.id, content_hash=digest, pdf=pdf, byte_size=len(pdf))
    )
    try:
        session.commit()
    except IntegrityError:
        # Another process rendered the same content meanwhile; its copy is as good.
        session.rollback()
        return session.scalars(
            select(ScorecardPdf.pdf).where(ScorecardPdf.content_hash == digest)
        ).one()
    return pdf
