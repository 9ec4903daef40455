"""Public pages as anonymous readers get them: kept whole, cacheable, told apart by entity tag.

See assessor/public_pages.py and assessor/edition.py.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest
from flask import Response, make_response, template_rendered
from sqlalchemy import select, update

from assessor import create_app, edition
from assessor.db import db
from assessor.edition import SiteEdition
from assessor.public_pages import KeptPages, KeptResponse, served_publicly
from config import TestConfig
from tests.api import assessment_helpers
from tests.api.assessment_helpers import answer, start
from tests.factories import stored_process
from tests.test_query_counts import counted_statements
from tests.users.helpers import add_user, sign_in

KEPT_PAGES: dict[str, Callable[[dict[str, int]], str]] = {
    "home": lambda ids: "/",
    "process list": lambda ids: "/processes",
    "process page": lambda ids: f"/processes/{ids['process']}",
    "process history": lambda ids: f"/processes/{ids['process']}/history",
    "scorecard page": lambda ids: f"/assessments/{ids['first']}/scorecard",
    "scorecard PDF": lambda ids: f"/assessments/{ids['first']}/scorecard.pdf",
    "scorecard in French": lambda ids: f"/assessments/{ids['first']}/scorecard?lang=fr",
    "scorecard list": lambda ids: "/scorecards",
    "comparison": lambda ids: f"/compare?ids={ids['first']},{ids['second']}",
    "comparison picker": lambda ids: "/compare",
    "comparison PDF": lambda ids: f"/compare.pdf?ids={ids['first']},{ids['second']}",
    "rubric list": lambda ids: "/rubrics",
    "rubric": lambda ids: f"/rubrics/{ids['rubric']}",
    "methodology": lambda ids: "/methodology",
    "open data": lambda ids: "/data",
    "API guide": lambda ids: "/api",
}
KEPT = pytest.mark.parametrize("path_of", KEPT_PAGES.values(), ids=KEPT_PAGES.keys())


@contextmanager
def rendered_templates(app) -> Iterator[list[str]]:
    names: list[str] = []

    def note(sender, template, context, **extra) -> None:
        names.append(template.name)

    template_rendered.connect(note, app)
    try:
        yield names
    finally:
        template_rendered.disconnect(note, app)


def current_number(session) -> int:
    session.expire_all()
    return session.scalar(select(SiteEdition.number))


@KEPT
def test_an_anonymous_reader_gets_a_page_any_cache_may_keep(client, published, path_of):
    response = client.get(path_of(published))
    assert response.status_code == 200
    assert response.headers["Cache-Control"].startswith("public, max-age=")
    assert "stale-while-revalidate=" in response.headers["Cache-Control"] or (
        response.mimetype == "application/pdf"
    )
    assert response.headers["ETag"]
    assert {"Accept-Language", "Cookie"} <= set(response.vary)
    assert response.headers["Content-Language"] in {"en", "fr"}
    assert response.headers.getlist("Set-Cookie") == []


@KEPT
def test_a_kept_page_is_served_again_without_rendering_or_reading_data(
    app, client, published, path_of
):
    first = client.get(path_of(published))
    with rendered_templates(app) as templates, counted_statements() as statements:
        again = client.get(path_of(published))
    assert (again.status_code, again.data) == (first.status_code, first.data)
    assert templates == []
    # The edition alone (read on every request in the suite, once a second when deployed).
    assert len(statements) == 1 and "site_edition" in statements[0]


@KEPT
def test_a_reader_who_holds_the_page_gets_304_from_another_process_without_rendering(
    app, client, published, path_of
):
    etag = client.get(path_of(published)).headers["ETag"]
    other = create_app(TestConfig({"DATABASE_URL": app.config["SQLALCHEMY_DATABASE_URI"]}))
    with rendered_templates(other) as templates:
        response = other.test_client().get(path_of(published), headers={"If-None-Match": etag})
    with other.app_context():
        db.engine.dispose()
    assert (response.status_code, response.data) == (304, b"")
    assert response.headers["ETag"] == etag
    assert templates == []


def test_a_page_not_found_is_kept_but_has_no_tag_to_revalidate(app, client):
    first = client.get("/no/such/page")
    with rendered_templates(app) as templates:
        again = client.get("/no/such/page", headers={"If-None-Match": "*"})
    assert (again.status_code, again.data) == (404, first.data)
    assert templates == []
    assert "ETag" not in again.headers
    assert again.headers["Cache-Control"].startswith("public, max-age=")
    assert again.headers.getlist("Set-Cookie") == []


def test_a_publication_is_on_the_public_pages_at_once(client, session, callers, published):
    before = client.get("/scorecards")
    process = stored_process(session, name="Newly assessed forum")
    session.commit()
    published_id = assessment_helpers.published(callers, process.id)
    after = client.get("/scorecards", headers={"If-None-Match": before.headers["ETag"]})
    assert after.status_code == 200
    assert "Newly assessed forum" in after.get_data(as_text=True)
    assert f"/assessments/{published_id}/scorecard" in after.get_data(as_text=True)


def test_saving_a_draft_s_answers_keeps_the_public_pages(session, callers, published):
    process = stored_process(session, name="Forum in draft")
    session.commit()
    assessment_id = start(callers["owner"], process.id)["id"]
    before = current_number(session)
    saved = answer(
        callers["owner"],
        assessment_id,
        "openness.open_participation",
        {"level": 2, "rationale": "Registration opens a week before.", "version": None},
    )
    assert saved.status_code == 200
    assert current_number(session) == before


def test_publishing_and_describing_a_process_raise_the_edition(session, callers, published):
    before = current_number(session)
    process = stored_process(session, name="Another forum")
    session.commit()
    described = current_number(session)
    assessment_helpers.published(callers, process.id)
    assert before < described < current_number(session)


def test_a_signed_in_reader_s_pages_are_their_own(app, client, published):
    add_user(app, "eva@example.org", ["assessor"])
    anonymous = client.get("/")
    sign_in(client, "eva@example.org")
    response = client.get("/", headers={"If-None-Match": anonymous.headers["ETag"]})
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "private, no-cache"
    assert "ETag" not in response.headers
    assert "Sign out" in response.get_data(as_text=True)


def test_another_process_s_change_shows_once_its_edition_is_read_again(app, published, monkeypatch):
    config = TestConfig({"DATABASE_URL": app.config["SQLALCHEMY_DATABASE_URI"]})
    config.EDITION_RECHECK_SECONDS = 1.0
    other = create_app(config)
    clock = [1000.0]
    monkeypatch.setattr(edition, "monotonic", lambda: clock[0])
    client = other.test_client()
    first = client.get("/rubrics").headers["ETag"]
    with other.app_context(), db.engine.begin() as connection:
        # Another process's commit: no event of this process's sessions sees it.
        connection.execute(update(SiteEdition).values(number=SiteEdition.number + 1))
    clock[0] += 0.5
    assert client.get("/rubrics").headers["ETag"] == first
    clock[0] += 0.6
    assert client.get("/rubrics").headers["ETag"] != first
    with other.app_context():
        db.engine.dispose()


def page(body: bytes) -> KeptResponse:
    return KeptResponse(200, (("Content-Type", "text/html"),), body, "tag")


def test_the_least_recently_read_pages_go_first_once_the_memory_is_full():
    pages = KeptPages(capacity=10)
    pages.get(1, "a")
    pages.keep(1, "a", page(b"aaaa"))
    pages.keep(1, "b", page(b"bbbb"))
    assert pages.get(1, "a") is not None
    pages.keep(1, "c", page(b"cccc"))
    assert [key for key in "abc" if pages.get(1, key)] == ["a", "c"]
    pages.keep(1, "huge", page(b"x" * 11))
    assert pages.get(1, "huge") is None
    assert pages.size == 8


def test_a_new_edition_empties_the_kept_pages():
    pages = KeptPages(capacity=100)
    pages.get(1, "a")
    pages.keep(1, "a", page(b"aaaa"))
    assert pages.get(2, "a") is None
    pages.keep(1, "a", page(b"aaaa"))
    assert (pages.get(2, "a"), pages.size) == (None, 0)


def test_a_page_that_sets_a_cookie_is_rendered_for_each_reader(app):
    renders = []

    def render() -> Response:
        renders.append(1)
        response = make_response("a page")
        response.set_cookie("chosen", "1")
        return response

    for _ in range(2):
        with app.test_request_context("/somewhere"):
            served = served_publicly(render)
            assert served.headers.getlist("Set-Cookie")
    assert len(renders) == 2
