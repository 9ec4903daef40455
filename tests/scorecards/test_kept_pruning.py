"""Kept pages and PDFs stay bounded: a new one replaces the assessment's older one for the same
language and site, and `flask scorecards prune` removes what no request reads again."""

import secrets
from datetime import UTC, datetime, timedelta

import pytest
from flask_babel import refresh
from sqlalchemy import select, text, update

from assessor.assessments.models import Assessment, ProcessReply
from assessor.db import db
from assessor.scorecards.batch_jobs import queue_batch
from assessor.scorecards.models import BatchDownload, RenderClaim, ScorecardPage, ScorecardPdf
from assessor.scorecards.pruning import Rendering
from assessor.scorecards.render_claims import CLAIM_EXPIRY
from assessor.scorecards.service import store_page
from tests.api.assessment_helpers import published
from tests.scorecards.test_scorecard_page_cache import page_of

LOCAL = "http://localhost/"
OTHER_SITE = "https://scorecards.example.org/"
# Two bytes each in UTF-8: the sizes reported are bytes, not characters.
PAGE_TEXT = {"title": "Évaluation", "html": "<p>Déjà rendue</p>"}
PAGE_BYTES = len("Évaluation".encode()) + len("<p>Déjà rendue</p>".encode())
PDF = b"%PDF-1.7 kept before"


def kept_rows(session, model) -> list[tuple]:
    """Each kept row's rendering and key, oldest first."""
    session.expire_all()
    columns = [getattr(model, name) for name in model.rendering_columns]
    rows = session.execute(select(*columns, model.content_hash).order_by(model.id))
    return [tuple(row) for row in rows]


def kept_page(assessment_id: int, *rendering, **text_of) -> ScorecardPage:
    """A page row as an older state left it: ``rendering`` is (language, site, links)."""
    language, site, language_in_links = rendering or (None, None, None)
    return ScorecardPage(
        assessment_id=assessment_id,
        content_hash=secrets.token_hex(32),
        language=language,
        site=site,
        language_in_links=language_in_links,
        **(text_of or PAGE_TEXT),
    )


def kept_pdf(assessment_id: int, *rendering) -> ScorecardPdf:
    """A PDF row as an older state left it: ``rendering`` is (language, site)."""
    language, site = rendering or (None, None)
    return ScorecardPdf(
        assessment_id=assessment_id,
        content_hash=secrets.token_hex(32),
        pdf=PDF,
        byte_size=len(PDF),
        language=language,
        site=site,
    )


def reply_to(session, assessment_id: int) -> None:
    """A reply from the process: a new state of the scorecard."""
    session.add(ProcessReply(assessment=session.get(Assessment, assessment_id), body="Our reply."))
    session.commit()


def test_a_new_state_replaces_the_page_of_its_language_and_leaves_the_others(
    client, published_id, session
):
    page_of(client, published_id)
    refresh()
    page_of(client, published_id, lang="fr")
    english, french = kept_rows(session, ScorecardPage)
    reply_to(session, published_id)
    refresh()
    assert "Our reply." in page_of(client, published_id, lang="fr")
    remaining = kept_rows(session, ScorecardPage)
    assert len(remaining) == 2 and english in remaining and french not in remaining
    assert ("fr", LOCAL, True) in [row[:3] for row in remaining]


def test_a_new_state_replaces_the_page_of_its_site_and_leaves_the_other_site(
    app, client, published_id, session
):
    page_of(client, published_id)
    app.test_client().get(f"/assessments/{published_id}/scorecard", base_url=OTHER_SITE)
    local, elsewhere = kept_rows(session, ScorecardPage)
    reply_to(session, published_id)
    page_of(client, published_id)
    remaining = kept_rows(session, ScorecardPage)
    assert len(remaining) == 2 and elsewhere in remaining and local not in remaining
    assert ("en", LOCAL, False) in [row[:3] for row in remaining]


def test_an_english_page_whose_links_name_the_language_does_not_replace_the_other(
    client, published_id, session
):
    page_of(client, published_id)
    refresh()
    page_of(client, published_id, lang="en")
    both = kept_rows(session, ScorecardPage)
    refresh()
    page_of(client, published_id)
    assert kept_rows(session, ScorecardPage) == both
    assert [row[:3] for row in both] == [("en", LOCAL, False), ("en", LOCAL, True)]


def test_withdrawing_replaces_the_published_page(client, callers, published_id, session):
    page_of(client, published_id)
    [before] = kept_rows(session, ScorecardPage)
    callers["admin"].post(
        f"/api/v1/assessments/{published_id}/withdraw", json={"reason": "Conflict."}
    )
    assert "WITHDRAWN" in page_of(client, published_id)
    [after] = kept_rows(session, ScorecardPage)
    assert after[:3] == before[:3] and after[3] != before[3]


def test_a_new_page_removes_the_assessments_pages_kept_without_their_rendering(
    client, published_id, session
):
    session.add(kept_page(published_id))
    session.commit()
    page_of(client, published_id)
    assert [row[:3] for row in kept_rows(session, ScorecardPage)] == [("en", LOCAL, False)]


def test_a_new_pdf_replaces_the_older_one_of_its_language_and_site_only(
    client, callers, process_id, published_id, session
):
    other_assessment = published(callers, process_id, author="other_assessor")
    older = [
        kept_pdf(published_id, "en", LOCAL),
        kept_pdf(published_id, "fr", LOCAL),
        kept_pdf(published_id, "en", OTHER_SITE),
        kept_pdf(other_assessment, "en", LOCAL),
    ]
    session.add_all(older)
    session.commit()
    stays = kept_rows(session, ScorecardPdf)[1:]
    response = client.get(f"/assessments/{published_id}/scorecard.pdf")
    assert response.status_code == 200
    remaining = kept_rows(session, ScorecardPdf)
    assert remaining[:3] == stays
    assert remaining[3] == ("en", LOCAL, response.headers["ETag"].strip('"'))
    assert len(remaining) == 4


def test_a_batch_records_the_site_and_language_it_was_started_from(published_id, session):
    batch = BatchDownload(assessment_ids=[published_id], total=1, done=0, base_url=OTHER_SITE)
    session.add(batch)
    session.commit()
    queue_batch(batch.id, [published_id], "fr")
    assert [row[:2] for row in kept_rows(session, ScorecardPdf)] == [("fr", OTHER_SITE)]


@pytest.fixture
def kept_before(session, published_id, draft_id) -> None:
    """Pages and PDFs as earlier states left them, beside the newest of each rendering."""
    session.add_all(
        [
            kept_page(published_id, "en", LOCAL, False),
            kept_page(published_id, "en", LOCAL, False, title="Newest", html="<p>Newest</p>"),
            kept_page(published_id, "fr", LOCAL, True, title="Fr", html="<p>Fr</p>"),
            kept_page(published_id),
            # Kept for a draft, say one that was published and then returned by a correction.
            kept_page(draft_id, "en", LOCAL, False),
            kept_pdf(published_id, "en", LOCAL),
            kept_pdf(published_id, "en", LOCAL),
            kept_pdf(published_id),
        ]
    )
    session.commit()


@pytest.mark.usefixtures("kept_before")
def test_prune_keeps_only_the_newest_row_of_each_rendering_and_reports_it(runner, session):
    result = runner.invoke(args=["scorecards", "prune"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f"removed 3 kept pages ({3 * PAGE_BYTES} bytes)",
        f"removed 2 kept PDFs ({2 * len(PDF)} bytes)",
        "removed 0 expired render claims",
    ]
    titles = session.scalars(select(ScorecardPage.title).order_by(ScorecardPage.id)).all()
    assert titles == ["Newest", "Fr"]
    assert len(kept_rows(session, ScorecardPdf)) == 1


@pytest.mark.usefixtures("kept_before")
def test_prune_again_removes_nothing(runner):
    runner.invoke(args=["scorecards", "prune"])
    result = runner.invoke(args=["scorecards", "prune"])
    assert result.output.splitlines() == [
        "removed 0 kept pages (0 bytes)",
        "removed 0 kept PDFs (0 bytes)",
        "removed 0 expired render claims",
    ]


def test_prune_removes_the_claims_of_dead_workers_and_keeps_live_ones(runner, session):
    now = datetime.now(UTC)
    dead, live = "d" * 64, "e" * 64
    session.add_all(
        [
            RenderClaim(content_hash=dead, claimed_at=now - CLAIM_EXPIRY - timedelta(seconds=1)),
            RenderClaim(content_hash=live, claimed_at=now - CLAIM_EXPIRY + timedelta(seconds=5)),
        ]
    )
    session.commit()
    result = runner.invoke(args=["scorecards", "prune"])
    assert result.output.splitlines()[-1] == "removed 1 expired render claim"
    assert session.scalars(select(RenderClaim.content_hash)).all() == [live]


@pytest.mark.parametrize(("status", "remaining"), [("withdrawn", 1), ("submitted", 0)])
def test_prune_keeps_a_withdrawn_scorecards_rows_but_not_those_no_longer_public(
    runner, published_id, session, status, remaining
):
    session.add_all(
        [kept_page(published_id, "en", LOCAL, False), kept_pdf(published_id, "en", LOCAL)]
    )
    # Set directly, as a data correction would: the workflow never unpublishes.
    session.execute(
        update(Assessment)
        .where(Assessment.id == published_id)
        .values(status=status, withdrawal_reason="Conflict.", withdrawn_at=Assessment.published_at)
    )
    session.commit()
    runner.invoke(args=["scorecards", "prune"])
    assert len(kept_rows(session, ScorecardPage)) == remaining
    assert len(kept_rows(session, ScorecardPdf)) == remaining


def test_a_store_skips_the_rows_another_transaction_holds_instead_of_waiting(published_id, session):
    if db.engine.dialect.name != "postgresql":
        pytest.skip("SQLite lets one transaction write at a time: there is nothing to skip")
    older = kept_page(published_id, "en", LOCAL, False)
    session.add(older)
    session.commit()
    with db.engine.connect() as other_process:
        other_process.execute(
            select(ScorecardPage.id).where(ScorecardPage.id == older.id).with_for_update()
        )
        # Waiting for the lock would fail here, after 2 s, rather than hang the suite.
        session.execute(text("SET LOCAL lock_timeout = '2s'"))
        page = {"title": "New", "html": "<p>New</p>"}
        store_page(
            session, published_id, secrets.token_hex(32), page, Rendering("en", LOCAL), False
        )
        other_process.rollback()
    assert len(kept_rows(session, ScorecardPage)) == 2
