"""Scorecards for people: the document data, the ratings behind its disagreements, and the
PDFs and pages rendered once per published content."""

from contextlib import suppress
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from assessor.assessments.models import PUBLIC_STATUSES, Assessment, AssessmentStatus
from assessor.assessments.results import published_rows, rated_assessments, rationale_languages
from assessor.db import BINARY_RESULTS
from assessor.exceptions import NotVisible
from assessor.processes.versions import shown_record
from assessor.rubrics.texts import rubric_text, text_language
from assessor.scorecards.disagreements import level_counts, question_ratings, rating_data
from assessor.scorecards.document import scorecard_document
from assessor.scorecards.models import ScorecardPage, ScorecardPdf
from assessor.scorecards.pruning import KeptRow, Rendering, drop_replaced
from assessor.scorecards.render_claims import end_claim
from assessor.scorecards.schemas import ScorecardDocumentSchema


def scorecard_card(
    session: Session, assessment: Assessment, permalink: str, language: str
) -> dict[str, Any]:
    """The scorecard's data in ``language`` as the schema dumps it: what page and PDF show."""
    document = scorecard_document(session, assessment, language, permalink)
    return ScorecardDocumentSchema().dump(document)


def _numbered_question(assessment: Assessment, question_key: str, language: str) -> tuple[str, str]:
    """The question's number on the scorecard ("2.3") and its prompt in ``language``; 404 if
    not in the rubric."""
    questions = {q.key: q for pillar in assessment.rubric.pillars for q in pillar.questions}
    if question_key not in questions:
        raise NotVisible()
    number = assessment.rubric.question_numbers()[question_key]
    return number, rubric_text(questions[question_key], "prompt", language)


def question_ratings_page(
    session: Session,
    assessment: Assessment,
    question_key: str,
    page: int,
    per_page: int,
    language: str,
) -> dict[str, Any]:
    """Every published rating of one question that the scorecard's consolidation counts, a page
    of them at a time; 404 where the scorecard has no consolidated view."""
    rows = published_rows(session, assessment.process_id, assessment.rubric)
    rated = rated_assessments(rows)
    if assessment.status != AssessmentStatus.PUBLISHED or len(rated) < 2:
        raise NotVisible()
    number, prompt = _numbered_question(assessment, question_key, language)
    languages = rationale_languages(rows)
    ratings = question_ratings(rated, question_key)
    pages = max(1, -(-len(ratings) // per_page))
    shown = ratings[(page - 1) * per_page : page * per_page]
    return {
        "assessment_id": assessment.id,
        # Named as on the scorecard the page is reached from.
        "process": {
            "id": assessment.process.id,
            "name": shown_record(assessment.process, assessment.process_version)["name"],
        },
        "number": number,
        "key": question_key,
        "prompt": prompt,
        "text_language": text_language(assessment.rubric, language),
        "total": len(ratings),
        "counts": level_counts(ratings),
        "page": page,
        "pages": pages,
        "ratings": [rating_data(rating, question_key, languages) for rating in shown],
    }


def public_scorecard_ids(session: Session, process_id: int) -> list[int]:
    """The process's published and withdrawn assessments, the newest publication first: the
    scorecard readers come for first."""
    statement = (
        select(Assessment.id)
        .where(Assessment.process_id == process_id, Assessment.status.in_(PUBLIC_STATUSES))
        .order_by(Assessment.published_at.desc(), Assessment.id.desc())
    )
    return list(session.scalars(statement))


def stored_pdf(session: Session, key: str) -> bytes | None:
    """The PDF kept under ``key``, if one was rendered."""
    statement = (
        select(ScorecardPdf.pdf)
        .where(ScorecardPdf.content_hash == key)
        .execution_options(**{BINARY_RESULTS: True})
    )
    return session.connection().execute(statement).scalar()


def _keep(session: Session, kept: KeptRow) -> None:
    """Store ``kept`` in place of what it replaces (see pruning), in a savepoint of the
    caller's transaction, which the caller commits at once so that every app process can
    serve it; the claim on its key ends with it."""
    # Another process may have rendered the same content meanwhile; its copy is as good, and
    # its store dropped what this one would have.
    with suppress(IntegrityError), session.begin_nested():
        session.add(kept)
        session.flush()
        drop_replaced(session, kept)
    end_claim(session, kept.content_hash)


def store_pdf(
    session: Session, assessment_id: int, key: str, pdf: bytes, rendering: Rendering
) -> None:
    """Keep a PDF rendered for ``rendering`` under ``key``, in place of the assessment's older
    one for the same rendering."""
    kept = ScorecardPdf(
        assessment_id=assessment_id,
        content_hash=key,
        pdf=pdf,
        byte_size=len(pdf),
        language=rendering.language,
        site=rendering.site,
    )
    _keep(session, kept)


def stored_page(session: Session, key: str) -> dict[str, str] | None:
    """The title and HTML of the page part kept under ``key``, if one was rendered."""
    statement = select(ScorecardPage.title, ScorecardPage.html).where(
        ScorecardPage.content_hash == key
    )
    row = session.connection().execute(statement).first()
    return None if row is None else {"title": row.title, "html": row.html}


def store_page(
    session: Session,
    assessment_id: int,
    key: str,
    page: dict[str, str],
    rendering: Rendering,
    language_in_links: bool,
) -> None:
    """Keep a page part rendered for ``rendering`` (its links naming the language or not)
    under ``key``, in place of the assessment's older one for the same, like a PDF."""
    kept = ScorecardPage(
        assessment_id=assessment_id,
        content_hash=key,
        language=rendering.language,
        site=rendering.site,
        language_in_links=language_in_links,
        **page,
    )
    _keep(session, kept)
