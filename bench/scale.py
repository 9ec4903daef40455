"""Figures at scale on this machine: pages, API, comparison, open data and PDFs, 10,000 scorecards.

Run: .venv/bin/python bench/scale.py [--assessments 10000] [--processes 1000] [--runs 7]
         [--wrk-seconds 6] [--database-url postgresql+psycopg://postgres@127.0.0.1:5432/test]
         [--no-sqlite] [--write docs/performance.md]
Each engine gets a throwaway database (a SQLite file; with --database-url also a fresh
PostgreSQL database on that server, dropped afterwards), filled by `flask demo generate`.
For each it measures, next to a floor measured in the same run:
- median server times over the runs (Flask test client) of the list pages, the scorecard
  pages of a typical and of the busiest process, kept and rendered (their store emptied before
  each run; the process's consolidation kept, then not), the API scorecard, a comparison of
  50 scorecards, the full open-data CSV, a cold PDF render and a cached PDF download (floors:
  a minimal Flask route; a static file of the PDF's size);
- requests per second under gunicorn with 2 workers and production settings, loaded over
  loopback by wrk (2 threads, 8 connections, 6 s), each measured in turns with its floor three
  times (floors: the minimal route; a static file of the same bytes);
- the peak RSS of a process streaming the whole open-data export (floor: a small export).
It prints a markdown table and the targets met or not; --write puts them into the file,
between its results markers. It exits non-zero when a target is missed.
"""

import argparse
import os
import platform
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path

from compare import build_app, fresh_database
from flask import Flask, send_from_directory
from scorecard_pdf import fetch_once
from sqlalchemy import delete, func, select, text
from werkzeug.middleware.dispatcher import DispatcherMiddleware
from wrk import CONNECTIONS, SECONDS, THREADS, wrk_rate

from assessor import create_app
from assessor.assessments.consolidations import forget_consolidations
from assessor.assessments.models import Answer, Assessment
from assessor.db import db
from assessor.edition import raise_edition_now
from assessor.processes.models import Process
from assessor.scorecards.models import ScorecardPage, ScorecardPdf
from config import Config

BENCH_DIR = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
SMALL_EXPORT = 100
COLD_RUNS = 3
# Throughputs are measured in turns with their floors, this many times each.
ROUNDS = 3
MARKERS = ("<!-- results -->", "<!-- /results -->")


def floor_app(folder: Path) -> Flask:
    """The floors, in a bare Flask app that pays none of the app's own per-request work: the
    least a Flask route costs, and a file served as it is from ``folder``."""
    floors = Flask("floors")
    floors.add_url_rule("/minimal", "minimal", lambda: "ok")
    floors.add_url_rule(
        "/files/<path:name>", "files", lambda name: send_from_directory(folder, name)
    )
    return floors


def served_app() -> DispatcherMiddleware:
    """What gunicorn serves: the app from the environment, with the floors under /bench."""
    return DispatcherMiddleware(
        create_app(), {"/bench": floor_app(Path(os.environ["BENCH_FILES"]))}
    )


def environment(folder: Path, url: str) -> dict[str, str]:
    """The environment of every app process this run starts: its database and its folder."""
    return {
        **os.environ,
        "INSTANCE_DIR": str(folder),
        "SECRET_KEY": "bench",
        "LOG_LEVEL": "ERROR",
        "DATABASE_URL": url,
        "BENCH_FILES": str(folder),
        # As deployed: secure cookies and HSTS, which a real reader's requests pay for too.
        "ASSESSOR_ENV": "production",
    }


def generate(folder: Path, url: str, processes: int, assessments: int) -> float:
    """Load the rubrics and run `flask demo generate`; the seconds it took."""
    flask = [str(BIN / "flask"), "--app", "assessor"]
    env = environment(folder, url)
    subprocess.run([*flask, "rubrics", "load"], env=env, check=True, capture_output=True)
    started = time.perf_counter()
    subprocess.run(
        [*flask, "demo", "generate", f"--processes={processes}", f"--assessments={assessments}"],
        env=env,
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - started


def median_ms(client, path: str, runs: int, *, app: Flask | None = None) -> tuple[float, int]:
    """Median milliseconds for the whole body, after one request to warm up; the body's size.

    With ``app``, the site's edition is raised before each request, as by a publication, so
    that the page is rendered rather than served as kept in memory.
    """
    timings, size = [], 0
    for run in range(runs + 1):
        if app is not None:
            new_edition(app)
        started = time.perf_counter()
        response = client.get(path, buffered=False)
        size = sum(len(chunk) for chunk in response.iter_encoded())
        response.close()
        if run:
            timings.append(time.perf_counter() - started)
        assert response.status_code == 200, (path, response.status)
    return statistics.median(timings) * 1000, size


def new_edition(app: Flask) -> None:
    """What a publication does to the pages kept whole: they are rendered again."""
    with app.app_context():
        raise_edition_now(db.session)
        db.session.commit()


def cold_ms(
    app: Flask, path: str, kept: type, runs: int, *, consolidated_afresh: bool = False
) -> float:
    """Median milliseconds of a request with the store of ``kept`` copies emptied before each
    (and the site's edition raised, so that nothing is served from memory); with
    ``consolidated_afresh``, the process's consolidation is forgotten too, as for the first
    of its scorecards viewed after its published assessments changed."""
    client, timings = app.test_client(), []
    for _ in range(runs):
        with app.app_context():
            db.session.execute(delete(kept))
            raise_edition_now(db.session)
            db.session.commit()
        if consolidated_afresh:
            forget_consolidations()
        started = time.perf_counter()
        response = client.get(path)
        timings.append(time.perf_counter() - started)
        assert response.status_code == 200
    return statistics.median(timings) * 1000


def chosen(app: Flask) -> dict:
    """The scorecards measured: newest of a typical and of the busiest process, and 50 newest."""
    with app.app_context():
        session = db.session
        per_process = session.execute(
            select(Assessment.process_id, func.count(), func.max(Assessment.id))
            .group_by(Assessment.process_id)
            .order_by(func.count(), Assessment.process_id)
        ).all()
        newest = session.scalars(
            select(Assessment.id).order_by(Assessment.published_at.desc()).limit(50)
        ).all()
    typical, busiest = per_process[len(per_process) // 2], per_process[-1]
    return {
        "typical": (typical[2], typical[1]),
        "busiest": (busiest[2], busiest[1]),
        "compare": ",".join(str(assessment_id) for assessment_id in newest),
    }


def server_times(app: Flask, floors: Flask, picked: dict, runs: int) -> list[tuple]:
    """(what, median ms, floor ms, unit, note) of each page; the floor is the minimal route."""
    client = app.test_client()
    floor, _ = median_ms(floors.test_client(), "/minimal", runs)
    typical, busiest = picked["typical"], picked["busiest"]
    # Pages kept whole in memory are measured rendered: as after a publication.
    rendered = "rendered, not kept"
    pages = [
        ("process list `/processes`", "/processes", f"20 a page; {rendered}", app),
        ("process search `/processes?q=dns`", "/processes?q=dns", rendered, app),
        ("scorecard list `/scorecards`", "/scorecards", f"50 a page; {rendered}", app),
        ("API assessment list", "/api/v1/assessments?per_page=100", "100 a page", None),
        ("API process list", "/api/v1/processes?per_page=100", "100 a page", None),
        (
            "scorecard page, typical process",
            f"/assessments/{typical[0]}/scorecard",
            f"{typical[1]} assessments of its process; kept",
            None,
        ),
        (
            "scorecard page, busiest process",
            f"/assessments/{busiest[0]}/scorecard",
            f"{busiest[1]} assessments of its process; kept",
            None,
        ),
        ("API scorecard", f"/api/v1/assessments/{typical[0]}/scorecard", "", None),
        ("comparison of 50 `/compare`", f"/compare?ids={picked['compare']}", rendered, app),
    ]
    rows = [
        (what, median_ms(client, path, runs, app=fresh)[0], floor, "ms", note)
        for what, path, note, fresh in pages
    ]
    export, size = median_ms(client, "/data/judgements.csv", COLD_RUNS)
    note = f"{size / 1e6:.0f} MB, median of {COLD_RUNS}"
    rows.append(("open-data CSV, full download", export, floor, "ms", note))
    for name, (assessment_id, count) in (("typical", typical), ("busiest", busiest)):
        path = f"/assessments/{assessment_id}/scorecard"
        rendered = cold_ms(app, path, ScorecardPage, runs)
        note = f"{count} assessments of its process; not kept, its process's consolidation kept"
        rows.append((f"scorecard page, {name} process, rendered", rendered, floor, "ms", note))
        first = cold_ms(app, path, ScorecardPage, runs, consolidated_afresh=True)
        note = f"{count} assessments of its process; nothing kept"
        rows.append(
            (f"scorecard page, {name} process, first of its process", first, floor, "ms", note)
        )
    pdf_path = f"/assessments/{typical[0]}/scorecard.pdf"
    cold = cold_ms(app, pdf_path, ScorecardPdf, COLD_RUNS)
    rows.append(("cold PDF render", cold, floor, "ms", f"median of {COLD_RUNS}"))
    return rows


def cached_pdf_times(
    app: Flask, floors: Flask, folder: Path, assessment_id: int, runs: int
) -> tuple:
    """Median ms of a cached PDF download, beside the same bytes served as a static file."""
    client = app.test_client()
    path = f"/assessments/{assessment_id}/scorecard.pdf"
    (folder / "same.pdf").write_bytes(client.get(path).get_data())
    pdf, size = median_ms(client, path, runs)
    static, _ = median_ms(floors.test_client(), "/files/same.pdf", runs)
    return ("cached PDF download", pdf, static, "ms", f"{size / 1e3:.0f} kB; floor: static file")


def free_port() -> int:
    """A port nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def gunicorn(folder: Path, url: str) -> Iterator[int]:
    """Two gunicorn workers serving the app and the floor routes; yields the port."""
    port = free_port()
    command = [str(BIN / "gunicorn"), "--workers", "2", "--bind", f"127.0.0.1:{port}"]
    command += ["--pythonpath", str(BENCH_DIR), "scale:served_app()"]
    server = subprocess.Popen(
        command, env=environment(folder, url), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        wait_until_serving(port, server)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=30)


def wait_until_serving(port: int, server: subprocess.Popen, timeout: float = 60) -> None:
    """Return once gunicorn answers; fail if it stops or takes longer than ``timeout``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn stopped: {server.stderr.read().decode()}")
        try:
            fetch_once(port, "/bench/minimal")
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not start serving")


def paired_throughput(
    port: int, path: str, floor_path: str, seconds: int, **options
) -> tuple[float, float]:
    """Requests per second of ``path`` and of its floor, measured in turns ROUNDS times: the
    medians, so that a change in the machine's load between the two weighs on both."""
    values, floors = [], []
    for _ in range(ROUNDS):
        values.append(wrk_rate(port, path, seconds=seconds, **options))
        floors.append(wrk_rate(port, floor_path, seconds=seconds))
    return statistics.median(values), statistics.median(floors)


MINIMAL = "/bench/minimal"


def throughputs(folder: Path, url: str, assessment_id: int, seconds: int) -> list[tuple]:
    """Requests per second under gunicorn, each beside its floor: the app's own overhead (a
    404, a static asset), the most read pages, and the scorecard page and cached PDF against a
    static file of the same bytes."""
    with gunicorn(folder, url) as port:
        page = f"/assessments/{assessment_id}/scorecard"
        pdf = f"{page}.pdf"
        # Rendered and kept once for this server's address, which the permalink shows.
        (folder / "served.pdf").write_bytes(fetch_once(port, pdf))
        (folder / "served.html").write_bytes(fetch_once(port, page))
        for path in (page, MINIMAL, "/bench/files/served.pdf", "/bench/files/served.html"):
            fetch_once(port, path)
        measured = [
            ("a 404 of the app", "/no-such-page", MINIMAL, {"errors_expected": True}),
            ("static asset `/static/css/site.css`", "/static/css/site.css", MINIMAL, {}),
            ("home page `/`", "/", MINIMAL, {}),
            ("process list `/processes`", "/processes", MINIMAL, {}),
            ("scorecard list `/scorecards`", "/scorecards", MINIMAL, {}),
            ("scorecard page, kept", page, MINIMAL, {}),
            ("scorecard page, kept, against its bytes", page, "/bench/files/served.html", {}),
            ("cached PDF", pdf, "/bench/files/served.pdf", {}),
        ]
        return [
            (
                f"{name}, 2 gunicorn workers",
                *paired_throughput(port, path, floor, seconds, **options),
                "req/s",
                "floor: minimal route" if floor == MINIMAL else "floor: static file, same bytes",
            )
            for name, path, floor, options in measured
        ]


def export_child(folder: str, url: str) -> None:
    """In a child process: stream the whole open-data CSV and drop it, for the parent's RSS."""
    app = create_app(Config(environment(Path(folder), url)))
    response = app.test_client().get("/data/judgements.csv", buffered=False)
    for _ in response.iter_encoded():
        pass
    response.close()


def export_peak_mb(folder: Path, url: str) -> float:
    """The peak resident memory, in MB, of a child process streaming the whole export."""
    command = [sys.executable, __file__, "--export-child", str(folder), url]
    child = subprocess.Popen(command)
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        raise RuntimeError(f"the export child failed with {child.returncode}")
    return usage.ru_maxrss / 1024


def small_export_peak_mb(server_url: str | None) -> float:
    """The same peak for a small data set, in a database of its own."""
    with (
        tempfile.TemporaryDirectory() as name,
        fresh_database(server_url, Path(name)) as url,
    ):
        folder = Path(name)
        app = build_app(folder, url)
        with app.app_context():
            db.engine.dispose()
        generate(folder, url, SMALL_EXPORT // 10, SMALL_EXPORT)
        return export_peak_mb(folder, url)


def engine_name(app: Flask) -> str:
    """The engine and its version, such as "PostgreSQL 15.20"."""
    with app.app_context():
        if db.engine.dialect.name == "sqlite":
            return f"SQLite {sqlite3.sqlite_version}"
        server = db.session.execute(text("SHOW server_version")).scalar_one()
        db.session.remove()
    return f"PostgreSQL {server.split()[0]}"


def counts(app: Flask) -> dict[str, int]:
    """How much data the run measured."""
    with app.app_context():
        return {
            "processes": db.session.scalar(select(func.count(Process.id))),
            "assessments": db.session.scalar(select(func.count(Assessment.id))),
            "answers": db.session.scalar(select(func.count(Answer.id))),
        }


def run_engine(server_url: str | None, arguments: argparse.Namespace) -> dict:
    """Every figure for one engine, measured on a database of its own."""
    with (
        tempfile.TemporaryDirectory() as name,
        fresh_database(server_url, Path(name)) as url,
    ):
        folder = Path(name)
        app = build_app(folder, url)
        floors = floor_app(folder)
        log(f"{url.split(':')[0]}: generating")
        seconds = generate(folder, url, arguments.processes, arguments.assessments)
        picked = chosen(app)
        log("timing requests")
        rows = server_times(app, floors, picked, arguments.runs)
        rows.append(cached_pdf_times(app, floors, folder, picked["typical"][0], arguments.runs))
        log("loading gunicorn")
        rows += throughputs(folder, url, picked["typical"][0], arguments.wrk_seconds)
        log("measuring the export's memory")
        rows.append(
            (
                "peak RSS, streaming the whole export",
                export_peak_mb(folder, url),
                small_export_peak_mb(server_url),
                "MB",
                f"floor: an export of {SMALL_EXPORT} assessments",
            )
        )
        result = {"engine": engine_name(app), "seconds": seconds, "rows": rows, **counts(app)}
        with app.app_context():
            db.engine.dispose()
    return result


def log(message: str) -> None:
    """Progress on standard error, so that standard output holds the results alone."""
    print(message, file=sys.stderr, flush=True)


def shown(value: float, unit: str) -> str:
    """A figure with its unit, to a tenth of a millisecond below 100 ms."""
    if unit == "ms":
        return f"{value:,.1f} ms" if value < 100 else f"{value:,.0f} ms"
    return f"{value:,.0f} {unit}"


def table(results: list[dict]) -> str:
    """One row per figure; per engine its value and the floor measured in the same run."""
    header = "| measure | " + " | ".join(f"{r['engine']} | floor" for r in results) + " | note |"
    lines = [header, "|---" * (2 + 2 * len(results)) + "|"]
    for index, (what, _, _, unit, note) in enumerate(results[0]["rows"]):
        cells = []
        for result in results:
            _, value, floor, _, _ = result["rows"][index]
            cells += [shown(value, unit), shown(floor, unit)]
        lines.append(f"| {what} | " + " | ".join(cells) + f" | {note} |")
    return "\n".join(lines)


def figures(result: dict) -> dict[str, tuple[float, float]]:
    """Each measure's value and floor, by name."""
    return {what: (value, floor) for what, value, floor, _, _ in result["rows"]}


def under(result: dict, names: list[str], limit: float) -> str:
    """Whether every named time is under ``limit`` ms, with the figures."""
    found = figures(result)
    shown_values = ", ".join(f"{name} {found[name][0]:,.0f} ms" for name in names)
    met = all(found[name][0] < limit for name in names)
    return f"{'met' if met else 'not met'} ({shown_values})"


def share(result: dict, name: str, fraction: float) -> str:
    """Whether a throughput reaches ``fraction`` of its floor's, with the figures."""
    value, floor = figures(result)[name]
    met = value >= floor * fraction
    ratio = f"{value:,.0f} against {floor:,.0f} req/s, {value / floor:.2f}"
    return f"{'met' if met else 'not met'} ({ratio})"


TARGETS = (
    (
        "Scorecard page (as served: kept once viewed) and API scorecard under 50 ms median at "
        "10,000 assessments",
        lambda r: under(
            r,
            [
                "scorecard page, typical process",
                "scorecard page, busiest process",
                "API scorecard",
            ],
            50,
        ),
    ),
    (
        "The first view of a scorecard page after its scorecard changed (rendered, then kept; "
        "its process's consolidation kept, as for all but the first of its scorecards) under "
        "50 ms too",
        lambda r: under(
            r,
            [
                "scorecard page, typical process, rendered",
                "scorecard page, busiest process, rendered",
            ],
            50,
        ),
    ),
    ("Comparison of 50 under 300 ms", lambda r: under(r, ["comparison of 50 `/compare`"], 300)),
    (
        "List pages under 100 ms",
        lambda r: under(
            r,
            [
                "process list `/processes`",
                "process search `/processes?q=dns`",
                "scorecard list `/scorecards`",
                "API assessment list",
                "API process list",
            ],
            100,
        ),
    ),
    (
        "The app's floor: a 404 and a static asset at least 0.7 of the minimal route",
        lambda r: "; ".join(
            share(r, f"{name}, 2 gunicorn workers", 0.7)
            for name in ("a 404 of the app", "static asset `/static/css/site.css`")
        ),
    ),
    (
        "The scorecard page, kept, at least half the minimal route",
        lambda r: share(r, "scorecard page, kept, 2 gunicorn workers", 0.5),
    ),
    (
        "Home and list pages at least 0.3 of the minimal route",
        lambda r: "; ".join(
            share(r, f"{name}, 2 gunicorn workers", 0.3)
            for name in (
                "home page `/`",
                "process list `/processes`",
                "scorecard list `/scorecards`",
            )
        ),
    ),
    (
        "Cached PDF at least 0.7 of a static file of the same size",
        lambda r: share(r, "cached PDF, 2 gunicorn workers", 0.7),
    ),
)


# Shown beside the targets, not one of them: what the first reader after a change pays
# where nothing, not even the process's consolidation, is kept.
RECORDED = (
    (
        "The first of a process's scorecards viewed after a change, nothing kept, under 50 ms",
        lambda r: under(
            r,
            [
                "scorecard page, typical process, first of its process",
                "scorecard page, busiest process, first of its process",
            ],
            50,
        ),
    ),
)


def verdicts(results: list[dict], targets: tuple = TARGETS) -> str:
    """A line per target: met or not met on each engine, with the figures."""
    return "\n".join(
        f"- {target}: " + "; ".join(f"{r['engine']} {judge(r)}" for r in results)
        for target, judge in targets
    )


def report(results: list[dict], arguments: argparse.Namespace) -> str:
    """The results as markdown: command, machine, data, table and targets."""
    command = " ".join([".venv/bin/python", "bench/scale.py", *sys.argv[1:]])
    memory = int(Path("/proc/meminfo").read_text().split()[1]) / 1024**2
    machine = (
        f"{os.cpu_count()} CPUs, {memory:.0f} GB memory, {platform.platform()}; "
        f"Python {platform.python_version()}, gunicorn {version('gunicorn')}; "
        + ", ".join(r["engine"] for r in results)
    )
    first = results[0]
    generated = ", ".join(f"{r['seconds']:.0f} s on {r['engine']}" for r in results)
    return "\n\n".join(
        [
            f"Measured on {datetime.now(UTC).date().isoformat()} with `{command}`.",
            f"Machine: {machine}.",
            f"Data: {first['processes']:,} processes, {first['assessments']:,} published "
            f"assessments and {first['answers']:,} answers, generated in {generated}; "
            f"medians of {arguments.runs} runs; throughput by wrk ({THREADS} threads, "
            f"{CONNECTIONS} connections, {arguments.wrk_seconds} s), the median of {ROUNDS} "
            "rounds in turns with its floor, against gunicorn with production settings.",
            table(results),
            "Targets:\n\n" + verdicts(results),
            "Not a target, for the record:\n\n" + verdicts(results, RECORDED),
        ]
    )


def write(path: Path, results_text: str) -> None:
    """Put the results between the file's markers, keeping the rest of it."""
    start, end = MARKERS
    text_before = path.read_text() if path.exists() else f"# Performance\n\n{start}\n{end}\n"
    head, _, rest = text_before.partition(start)
    _, _, tail = rest.partition(end)
    path.write_text(f"{head}{start}\n{results_text}\n{end}{tail}")


def main() -> None:
    if sys.argv[1:2] == ["--export-child"]:
        export_child(*sys.argv[2:4])
        return
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--assessments", type=int, default=10_000)
    parser.add_argument("--processes", type=int, default=1_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--wrk-seconds", type=int, default=SECONDS, help="each wrk run's length")
    parser.add_argument("--database-url", default=None, help="a PostgreSQL server to use too")
    parser.add_argument("--no-sqlite", action="store_true", help="PostgreSQL only")
    parser.add_argument("--write", type=Path, default=None, help="a markdown file to update")
    arguments = parser.parse_args()
    servers = ([] if arguments.no_sqlite else [None]) + (
        [arguments.database_url] if arguments.database_url else []
    )
    results = [run_engine(server, arguments) for server in servers]
    text_of_results = report(results, arguments)
    print(text_of_results)
    if arguments.write:
        write(arguments.write, text_of_results)
    if "not met" in verdicts(results):
        sys.exit("some targets are not met")


if __name__ == "__main__":
    main()
