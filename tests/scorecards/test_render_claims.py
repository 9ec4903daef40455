"""No second copy: a reader who asks for a page or PDF that another worker is rendering waits
for that render and is served it; a claim its worker left behind is taken over."""

from datetime import timedelta

from sqlalchemy import delete, func, insert, select

from assessor.db import db, utcnow
from assessor.edition import raise_edition_now
from assessor.scorecards import pdfs, render_claims
from assessor.scorecards.models import RenderClaim, ScorecardPage, ScorecardPdf
from tests.scorecards.rendering import refuse_to_render


def kept_row(session, model) -> dict:
    """The one page part or PDF kept, as its columns, deleted from the store, and the pages
    kept whole in memory forgotten, as after a change."""
    row = session.scalars(select(model)).one()
    values = {column.key: getattr(row, column.key) for column in model.__table__.columns}
    session.delete(row)
    raise_edition_now(session)
    session.commit()
    return values


def claimed_by_another_worker(key: str, age: timedelta = timedelta(0)) -> None:
    with db.engine.begin() as connection:
        connection.execute(insert(RenderClaim).values(content_hash=key, claimed_at=utcnow() - age))


def claims(session) -> int:
    session.expire_all()
    return session.scalar(select(func.count()).select_from(RenderClaim))


def finishing_after_the_first_wait(monkeypatch, model, values: dict) -> list[float]:
    """Waiting stands in for the time another worker takes: the first wait ends with that
    worker keeping ``values`` and ending its claim, as its one transaction does; the waits."""
    waits = []

    def other_worker_finishes(seconds: float) -> None:
        if not waits:
            with db.engine.begin() as connection:
                connection.execute(insert(model).values(**values))
                connection.execute(delete(RenderClaim))
        waits.append(seconds)

    monkeypatch.setattr(render_claims, "sleep", other_worker_finishes)
    return waits


def test_a_reader_waits_for_the_pdf_another_worker_renders_and_is_served_it(
    client, published_id, session, monkeypatch
):
    address = f"/assessments/{published_id}/scorecard.pdf"
    assert client.get(address).status_code == 200
    pdf = kept_row(session, ScorecardPdf)
    claimed_by_another_worker(pdf["content_hash"])
    refuse_to_render(monkeypatch)
    waits = finishing_after_the_first_wait(monkeypatch, ScorecardPdf, pdf)
    response = client.get(address)
    assert response.status_code == 200 and response.data == pdf["pdf"]
    assert waits == [render_claims.POLL_SECONDS]
    assert claims(session) == 0


def test_a_reader_waits_for_the_page_another_worker_renders_and_is_served_it(
    client, published_id, session, monkeypatch
):
    address = f"/assessments/{published_id}/scorecard"
    assert client.get(address).status_code == 200
    page = {**kept_row(session, ScorecardPage), "html": "<p>The other worker's copy.</p>"}
    claimed_by_another_worker(page["content_hash"])
    refuse_to_render(monkeypatch)
    waits = finishing_after_the_first_wait(monkeypatch, ScorecardPage, page)
    response = client.get(address)
    assert "<p>The other worker's copy.</p>" in response.get_data(as_text=True)
    assert len(waits) == 1


def test_a_claim_older_than_its_expiry_is_taken_over_and_rendered_at_once(
    client, published_id, session, monkeypatch
):
    address = f"/assessments/{published_id}/scorecard.pdf"
    first = client.get(address)
    key = kept_row(session, ScorecardPdf)["content_hash"]
    claimed_by_another_worker(key, age=render_claims.CLAIM_EXPIRY + timedelta(seconds=1))
    waits = []
    monkeypatch.setattr(render_claims, "sleep", waits.append)
    response = client.get(address)
    assert response.status_code == 200 and response.data == first.data
    assert waits == []
    assert session.scalar(select(ScorecardPdf.content_hash)) == key
    assert claims(session) == 0


def test_a_reader_waits_no_longer_than_the_expiry_for_a_claim_dated_ahead(
    client, published_id, session, monkeypatch
):
    """Another machine's clock, running ahead, dates its claim in the future: this one's own
    clock bounds the wait (here a clock that moves only while the request waits)."""
    address = f"/assessments/{published_id}/scorecard.pdf"
    assert client.get(address).status_code == 200
    key = kept_row(session, ScorecardPdf)["content_hash"]
    claimed_by_another_worker(key, age=-timedelta(hours=1))
    waits = []
    monkeypatch.setattr(render_claims, "sleep", waits.append)
    monkeypatch.setattr(render_claims, "monotonic", lambda: sum(waits))
    assert client.get(address).status_code == 200
    expiry = render_claims.CLAIM_EXPIRY.total_seconds()
    assert expiry < sum(waits) < expiry + 2 * render_claims.POLL_SECONDS
    assert session.scalar(select(ScorecardPdf.content_hash)) == key


def test_a_render_that_fails_releases_its_claim(client, published_id, session, monkeypatch):
    def broken(*arguments, **keywords):
        raise RuntimeError("WeasyPrint fell over")

    monkeypatch.setattr(pdfs, "render_scorecard", broken)
    assert client.get(f"/assessments/{published_id}/scorecard.pdf").status_code == 500
    assert claims(session) == 0
