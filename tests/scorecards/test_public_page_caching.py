"""The scorecard page as anonymous readers get it: the same bytes for all, which a cache may
keep, revalidated by entity tag without the page being rendered."""

import pytest

from assessor.scorecards import views
from tests.users.helpers import add_user, sign_in


def scorecard(client, assessment_id: int, **headers):
    return client.get(f"/assessments/{assessment_id}/scorecard", headers=headers)


def test_an_anonymous_reader_gets_a_page_any_cache_may_keep(client, published_id):
    response = scorecard(client, published_id)
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "public, max-age=60, stale-while-revalidate=600"
    assert response.headers["ETag"]
    assert set(response.vary) == {"Accept-Language", "Cookie"}
    assert "Set-Cookie" not in response.headers
    assert scorecard(client, published_id).headers["ETag"] == response.headers["ETag"]


def test_a_reader_who_has_the_page_is_told_so_without_it_being_rendered(
    client, published_id, monkeypatch
):
    etag = scorecard(client, published_id).headers["ETag"]

    def not_rendered(page):
        raise AssertionError("the page was rendered for a revalidation")

    monkeypatch.setattr(views, "framed", not_rendered)
    response = scorecard(client, published_id, **{"If-None-Match": etag})
    assert (response.status_code, response.data) == (304, b"")
    assert response.headers["ETag"] == etag


@pytest.mark.parametrize("query", ["?lang=fr", "?x=1"])
def test_another_language_or_address_is_another_page(client, published_id, query):
    first = scorecard(client, published_id).headers["ETag"]
    other = client.get(f"/assessments/{published_id}/scorecard{query}").headers["ETag"]
    assert other != first


def test_a_changed_scorecard_has_a_new_tag(client, callers, published_id):
    before = scorecard(client, published_id).headers["ETag"]
    withdrawn = callers["admin"].post(
        f"/api/v1/assessments/{published_id}/withdraw", json={"reason": "Conflict."}
    )
    assert withdrawn.status_code == 200
    after = scorecard(client, published_id, **{"If-None-Match": before})
    assert after.status_code == 200
    assert after.headers["ETag"] != before


def test_a_signed_in_reader_s_page_is_for_their_browser_alone(app, client, published_id):
    add_user(app, "eva@example.org", ["assessor"])
    sign_in(client, "eva@example.org")
    response = scorecard(client, published_id)
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "private, no-cache"
    assert "ETag" not in response.headers
