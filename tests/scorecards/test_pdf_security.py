"""No text in a scorecard can make the PDF renderer read a local file or make a request."""

import http.server
import logging
import threading

import pytest

from assessor.presentation.pdf import STATIC_SCHEME, StaticFilesOnly, render_pdf
from tests.api.assessment_helpers import fill, start
from tests.assessments.pages import sign_in
from tests.factories import rubric_document, stored_process, stored_rubric
from tests.tools import pdf_text


@pytest.fixture
def listener():
    """A local HTTP server that records every request made to it."""
    hits: list[str] = []

    class Recorder(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            hits.append(self.path)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *arguments):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", hits
    server.shutdown()
    server.server_close()
    thread.join()


def payloads(base: str) -> list[str]:
    return [
        '<img src="file:///etc/passwd">',
        f'<link rel=stylesheet href="{base}/x.css">',
        f'<img src="{base}/pixel.png">',
        '<a rel="attachment" href="file:///etc/passwd">attached</a>',
        "http://169.254.169.254/latest/meta-data/",
        '<style>@import url("file:///etc/passwd");</style>',
        '<svg><image href="file:///etc/hostname"/></svg>',
    ]


@pytest.fixture
def hostile_draft(session, callers, listener):
    """A draft whose every text field, and its rubric's, carries the payloads."""
    base, _ = listener
    text = " ".join(payloads(base))
    document = rubric_document(title=text[:200], summary=text)
    document["pillars"][0]["title"] = text[:200]
    for pillar in document["pillars"]:
        for question in pillar["questions"]:
            question["prompt"] = text
            question["levels"][3]["descriptor"] = text
    stored_rubric(session, document)
    process = stored_process(
        session, name=text[:300], convening_organization=text[:300], description=text
    )
    session.commit()
    assessment_id = start(callers["owner"], process.id)["id"]
    evidence = [
        {"url": f"{base}/evidence", "title": text[:500], "note": text[:2000]},
        {"url": "http://169.254.169.254/latest/meta-data/", "title": "metadata"},
    ]
    fill(
        callers["owner"],
        assessment_id,
        {
            "openness.open_participation": {"level": 3, "rationale": text, "evidence": evidence},
        },
    )
    return assessment_id


def test_payloads_in_every_field_are_printed_as_text_and_fetch_nothing(
    client, hostile_draft, listener, caplog, tmp_path
):
    _, hits = listener
    sign_in(client, "owner@example.org")
    with caplog.at_level(logging.WARNING):
        response = client.get(f"/assessments/{hostile_draft}/scorecard.pdf")
    assert response.status_code == 200
    text = pdf_text(response.data, tmp_path)
    assert '<img src="file:///etc/passwd">' in text
    assert "root:" not in text
    assert hits == []
    assert [r for r in caplog.records if "refused to fetch" in r.getMessage()] == []


def test_payloads_are_escaped_on_the_page(client, hostile_draft):
    sign_in(client, "owner@example.org")
    page = client.get(f"/assessments/{hostile_draft}/scorecard").get_data(as_text=True)
    assert '<img src="file:///etc/passwd">' not in page
    assert "&lt;img src=&#34;file:///etc/passwd&#34;&gt;" in page


def test_the_fetcher_refuses_raw_markup_even_if_a_template_let_it_through(listener, caplog, app):
    """Defence in depth: were user text ever unescaped, nothing could still be fetched."""
    base, hits = listener
    html = "<html><body>" + "".join(payloads(base)) + "<p>visible</p></body></html>"
    with caplog.at_level(logging.WARNING, logger="assessor.presentation.pdf"):
        pdf = render_pdf(html, app.static_folder)
    refused = [r.getMessage() for r in caplog.records if "refused to fetch" in r.getMessage()]
    assert pdf.startswith(b"%PDF")
    assert hits == []
    assert any("file:///etc/passwd" in message for message in refused)
    assert any(f"{base}/x.css" in message for message in refused)


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://127.0.0.1:9/x.css",
        "https://example.org/font.woff",
        "data:text/css,body{}",
        f"{STATIC_SCHEME}../../config.py",
        f"{STATIC_SCHEME}/etc/passwd",
        f"{STATIC_SCHEME}css/missing.css",
    ],
)
def test_the_fetcher_refuses_anything_but_existing_static_files(app, url):
    with pytest.raises(ValueError, match="only the app's own static files"):
        StaticFilesOnly(app.static_folder).fetch(url)


def test_the_fetcher_serves_the_apps_stylesheets(app):
    response = StaticFilesOnly(app.static_folder).fetch(f"{STATIC_SCHEME}css/scorecard.css")
    assert response.content_type == "text/css"
    assert b".scorecard" in response.read()
