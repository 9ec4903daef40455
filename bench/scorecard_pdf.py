"""Scorecard PDF figures on this machine: cold render, bare WeasyPrint, cached download.

Run: .venv/bin/python bench/scorecard_pdf.py [--runs 7] [--requests 300]
It builds a throwaway SQLite database with the demo data, then prints:
- the median cold render of the demo scorecard through the app (data, templates, charts,
  WeasyPrint, storing the PDF), and the same HTML rendered by bare WeasyPrint in this
  process, with their ratio (close to 1 means the app adds little);
- requests per second for downloading the cached PDF, against the same bytes served as a
  static file by the same server, and their ratio.
"""

import argparse
import http.client
import logging
import statistics
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import flask_migrate
from flask import render_template, send_from_directory, url_for
from sqlalchemy import delete, select
from weasyprint import HTML
from werkzeug.serving import make_server

from assessor import create_app
from assessor.assessments.models import Assessment
from assessor.cli import load_rubrics, seed_demo_command
from assessor.db import db
from assessor.presentation.pdf import STATIC_SCHEME
from assessor.scorecards.models import ScorecardPdf
from assessor.scorecards.pdfs import PDF_STYLESHEETS, charts_for
from assessor.scorecards.views import _card
from config import Config


def build_app(folder: Path):
    app = create_app(
        Config({"INSTANCE_DIR": str(folder), "SECRET_KEY": "bench", "LOG_LEVEL": "ERROR"})
    )
    with app.app_context():
        flask_migrate.upgrade()
    runner = app.test_cli_runner()
    runner.invoke(load_rubrics)
    runner.invoke(seed_demo_command)
    return app


def demo_scorecard(app) -> int:
    with app.app_context():
        return db.session.scalars(
            select(Assessment.id).where(Assessment.status == "published")
        ).first()


def cold_renders(app, assessment_id: int, runs: int) -> list[float]:
    """Seconds per download with the PDF cache emptied before each one."""
    client, timings = app.test_client(), []
    for _ in range(runs):
        with app.app_context():
            db.session.execute(delete(ScorecardPdf))
            db.session.commit()
        started = time.perf_counter()
        response = client.get(f"/assessments/{assessment_id}/scorecard.pdf")
        timings.append(time.perf_counter() - started)
        assert response.status_code == 200
    return timings


def bare_renders(app, assessment_id: int, runs: int) -> list[float]:
    """Seconds for WeasyPrint alone on the same HTML and stylesheets, read from their files."""
    with app.test_request_context(f"/assessments/{assessment_id}/scorecard.pdf"):
        _, card = _card(assessment_id)
        html = render_template(
            "scorecards/pdf.html",
            card=card,
            charts=charts_for(card),
            methodology_url=url_for("site.methodology", _external=True),
            created="2026-01-01T00:00:00+00:00",
        )
    html = html.replace(STATIC_SCHEME, Path(app.static_folder).as_uri() + "/")
    stylesheets = [
        str(Path(app.static_folder) / address.removeprefix(STATIC_SCHEME))
        for address in PDF_STYLESHEETS
    ]
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        HTML(string=html).write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True, stylesheets=stylesheets)
        timings.append(time.perf_counter() - started)
    return timings


def fetch_once(port: int, path: str) -> bytes:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request("GET", path)
    body = connection.getresponse().read()
    connection.close()
    return body


def throughput(port: int, path: str, requests: int, workers: int = 4) -> float:
    """Requests per second over loopback, ``workers`` connections at a time."""

    def fetch(_):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        connection.close()
        return response.status

    started = time.perf_counter()
    with ThreadPoolExecutor(workers) as pool:
        statuses = list(pool.map(fetch, range(requests)))
    elapsed = time.perf_counter() - started
    assert set(statuses) == {200}, set(statuses)
    return requests / elapsed


def main() -> None:
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--requests", type=int, default=300)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        app = build_app(Path(folder))
        app.add_url_rule(
            "/bench-static/<path:name>",
            "bench_static",
            lambda name: send_from_directory(folder, name),
        )
        assessment_id = demo_scorecard(app)
        app_times = cold_renders(app, assessment_id, arguments.runs)
        bare_times = bare_renders(app, assessment_id, arguments.runs)
        server = make_server("127.0.0.1", 0, app, threaded=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        # Rendered and stored once through the server, whose address is in the permalink.
        pdf = fetch_once(server.server_port, f"/assessments/{assessment_id}/scorecard.pdf")
        (Path(folder) / "same.pdf").write_bytes(pdf)
        cached = throughput(
            server.server_port, f"/assessments/{assessment_id}/scorecard.pdf", arguments.requests
        )
        static = throughput(server.server_port, "/bench-static/same.pdf", arguments.requests)
        server.shutdown()
    app_median, bare_median = statistics.median(app_times), statistics.median(bare_times)
    print(f"demo scorecard: {len(pdf):,} bytes, {arguments.runs} runs")
    print(f"cold render through the app: median {app_median * 1000:.0f} ms")
    print(f"bare WeasyPrint, same HTML:  median {bare_median * 1000:.0f} ms")
    print(f"ratio app / bare: {app_median / bare_median:.2f}")
    print(f"cached download: {cached:.0f} requests/s")
    print(f"same bytes as a static file: {static:.0f} requests/s")
    print(f"ratio cached / static: {cached / static:.2f}")


if __name__ == "__main__":
    main()
