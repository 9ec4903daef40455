"""An anonymous reader gets no session, and so no cookie; their posts must come from the site.

Visitors without a session have no CSRF token to send: their posts (the language switch, a
batch download, signing in) are accepted only when the browser says they come from this
site's own pages (``Sec-Fetch-Site``, else ``Origin``, else ``Referer``).
"""

from collections.abc import Callable

import pytest
from sqlalchemy import func, select

from assessor.sessions import StoredSession
from tests.users.helpers import add_user

SITE = "http://localhost"


PUBLIC_PAGES: dict[str, Callable[[dict[str, int]], str]] = {
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
    "comparison CSV": lambda ids: f"/compare.csv?ids={ids['first']},{ids['second']}",
    "rubric list": lambda ids: "/rubrics",
    "rubric": lambda ids: f"/rubrics/{ids['rubric']}",
    "methodology": lambda ids: "/methodology",
    "open data": lambda ids: "/data",
    "open data CSV": lambda ids: "/data/judgements.csv",
    "API guide": lambda ids: "/api",
    "OpenAPI document": lambda ids: "/api/v1/openapi.json",
    "API assessment": lambda ids: f"/api/v1/assessments/{ids['first']}",
    "not found page": lambda ids: "/no/such/page",
    "unknown assessment": lambda ids: "/assessments/999999/scorecard",
    "method not allowed": lambda ids: "/sign-out",
}


@pytest.mark.parametrize("path_of", PUBLIC_PAGES.values(), ids=PUBLIC_PAGES.keys())
def test_an_anonymous_reader_gets_no_cookie(client, published, path_of):
    response = client.get(path_of(published))
    assert response.status_code < 500
    assert response.headers.getlist("Set-Cookie") == []


def test_pages_with_forms_show_them_to_an_anonymous_reader(client, published):
    """The forms are still there, only without a token that would need a session."""
    process_page = client.get(f"/processes/{published['process']}").get_data(as_text=True)
    assert 'class="language-switch"' in process_page
    assert 'action="/scorecards/batches"' in process_page
    assert 'name="csrf_token"' not in process_page


def switch_language(client, **headers):
    return client.post("/language", data={"language": "fr", "next": "/"}, headers=headers)


@pytest.mark.parametrize(
    "headers",
    [
        {"Sec-Fetch-Site": "same-origin", "Origin": SITE},
        {"Origin": SITE},
        {"Referer": f"{SITE}/rubrics"},
    ],
    ids=["fetch metadata", "origin", "referrer"],
)
def test_a_post_from_the_sites_own_page_needs_no_session(client, headers):
    response = switch_language(client, **headers)
    assert response.status_code == 302
    assert client.get_cookie("language").value == "fr"
    assert [h for h in response.headers.getlist("Set-Cookie") if h.startswith("session=")] == []


@pytest.mark.parametrize(
    "headers",
    [
        {"Sec-Fetch-Site": "cross-site", "Origin": "https://evil.example"},
        {"Sec-Fetch-Site": "same-site", "Origin": "http://other.localhost"},
        {"Origin": "https://evil.example"},
        {"Origin": "null"},
        {"Origin": "https://localhost"},
        {"Referer": "https://evil.example/localhost/"},
        {},
    ],
    ids=[
        "another site",
        "a sibling site",
        "origin of another site",
        "opaque origin",
        "another scheme",
        "referrer of another site",
        "nothing said",
    ],
)
def test_a_cross_site_post_without_a_session_is_refused(client, headers):
    response = switch_language(client, **headers)
    assert response.status_code == 400
    assert "security token" in response.get_data(as_text=True)
    assert client.get_cookie("language") is None


def test_an_anonymous_batch_download_from_the_site_needs_no_session(client, published):
    response = client.post(
        "/scorecards/batches",
        data={"assessment_id": [published["first"], published["second"]]},
        headers={"Sec-Fetch-Site": "same-origin", "Origin": SITE},
    )
    assert response.status_code == 303
    assert response.headers.getlist("Set-Cookie") == []
    assert client.get(response.headers["Location"]).headers.getlist("Set-Cookie") == []


def test_a_cross_site_sign_in_is_refused(app, client):
    """Login CSRF: another site cannot sign a visitor into an account of its choosing."""
    add_user(app, "ana@example.org", ["assessor"])
    response = client.post(
        "/sign-in",
        data={"email": "ana@example.org", "password": "correct horse battery"},
        headers={"Sec-Fetch-Site": "cross-site", "Origin": "https://evil.example"},
    )
    assert response.status_code == 400
    assert client.get("/profile").status_code == 302


def test_showing_the_sign_in_page_stores_no_session(client, session):
    """A visit stores nothing: bots fetching the sign-in page cannot fill the session store."""
    for _ in range(3):
        response = client.get("/sign-in")
        assert response.headers.getlist("Set-Cookie") == []
        assert 'name="csrf_token"' not in response.get_data(as_text=True)
    assert session.scalar(select(func.count()).select_from(StoredSession)) == 0


def test_signing_in_from_the_sites_own_page_starts_the_session(app, client):
    add_user(app, "ana@example.org", ["assessor"])
    response = client.post(
        "/sign-in",
        data={"email": "ana@example.org", "password": "correct horse battery"},
        headers={"Sec-Fetch-Site": "same-origin"},
    )
    assert response.status_code == 302
    assert client.get("/profile").status_code == 200
