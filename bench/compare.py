"""Comparison figures on this machine: the /compare page and its CSV for many scorecards.

Run: .venv/bin/python bench/compare.py [--runs 7] [--scorecards 50]
         [--database-url postgresql+psycopg://postgres@127.0.0.1:5432/test]
It builds a throwaway database (a SQLite file by default; with --database-url, a fresh
PostgreSQL database on that server, dropped afterwards), publishes the scorecards of the
shipped rubric through the services, then prints for the comparison of all of them:
- the median server time of the page and of the CSV over the runs (Flask test client);
- the SQL statements each request sends.
"""

import argparse
import statistics
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import flask_migrate
from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import make_url

from assessor import create_app
from assessor.assessments.answers import save_answer
from assessor.assessments.service import start_assessment
from assessor.assessments.workflow import publish, submit
from assessor.db import db
from assessor.processes.models import Process
from assessor.rubrics.loader import read_rubric
from assessor.rubrics.service import store_rubric
from assessor.users.service import create_user
from config import PROJECT_DIR, Config

SHIPPED_RUBRIC = PROJECT_DIR / "rubrics" / "wsis10-multistakeholder-1.0.0.yaml"
PERSPECTIVES = ("civil_society", "government", "private_sector", "technical_community")


@contextmanager
def fresh_database(server_url: str | None, folder: Path) -> Iterator[str]:
    """A SQLite file in ``folder``, or a new PostgreSQL database on the server, dropped after."""
    if server_url is None:
        yield f"sqlite:///{folder / 'bench.sqlite3'}"
        return
    name = f"assessor_bench_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(server_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def build_app(folder: Path, database_url: str):
    environ = {
        "INSTANCE_DIR": str(folder),
        "SECRET_KEY": "bench",
        "LOG_LEVEL": "ERROR",
        "DATABASE_URL": database_url,
    }
    app = create_app(Config(environ))
    with app.app_context():
        flask_migrate.upgrade()
    return app


def answer(index: int, key: str, shift: int) -> dict:
    """A level that differs from one scorecard to the next, with one evidence item."""
    return {
        "level": (index + shift) % 5,
        "not_applicable": False,
        "insufficient_information": False,
        "rationale": f"Rationale for {key}.",
        "change_reason": None,
        "version": None,
        "evidence": [
            {
                "url": f"https://example.org/{key}",
                "title": f"Record of {key}",
                "accessed_on": date(2026, 11, 1),
                "note": "",
            }
        ],
    }


def publish_scorecards(app, count: int) -> list[int]:
    """``count`` scorecards of the shipped rubric, answered, submitted and published."""
    with app.app_context():
        session = db.session
        rubric = store_rubric(session, read_rubric(SHIPPED_RUBRIC)).rubric
        assessor = create_user(
            session,
            email="ana@example.org",
            password="bench password",
            roles=["assessor"],
            display_name="Ana",
            stakeholder_group="civil_society",
        )
        reviewer = create_user(
            session,
            email="rui@example.org",
            password="bench password",
            roles=["reviewer"],
            display_name="Rui",
            stakeholder_group="academia",
        )
        questions = [q.key for pillar in rubric.pillars for q in pillar.questions]
        ids = []
        for number in range(count):
            process = Process(
                name=f"Forum {number + 1}",
                convening_organization="Bench",
                scope="global",
                layer="of_the_internet",
            )
            session.add(process)
            session.flush()
            assessment = start_assessment(
                session,
                assessor,
                {
                    "process_id": process.id,
                    "rubric": rubric.label,
                    "perspective": PERSPECTIVES[number % len(PERSPECTIVES)],
                },
            )
            for index, key in enumerate(questions):
                save_answer(session, assessor, assessment, key, answer(index, key, number))
            submit(session, assessor, assessment)
            publish(session, reviewer, assessment)
            session.commit()
            ids.append(assessment.id)
        return ids


def timed(app, path: str, runs: int) -> tuple[list[float], int, int]:
    """Seconds per request, the body's size and the statements one request sends."""
    client, timings, statements = app.test_client(), [], []

    def count(*_):
        statements.append(1)

    with app.app_context():
        engine = db.engine
    for run in range(runs):
        if run == runs - 1:
            event.listen(engine, "before_cursor_execute", count)
        started = time.perf_counter()
        response = client.get(path)
        body = response.get_data()
        timings.append(time.perf_counter() - started)
        assert response.status_code == 200, response.status
    event.remove(engine, "before_cursor_execute", count)
    return timings, len(body), len(statements)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--scorecards", type=int, default=50)
    parser.add_argument("--database-url", default=None)
    arguments = parser.parse_args()
    with (
        tempfile.TemporaryDirectory() as folder,
        fresh_database(arguments.database_url, Path(folder)) as url,
    ):
        app = build_app(Path(folder), url)
        started = time.perf_counter()
        ids = publish_scorecards(app, arguments.scorecards)
        built = time.perf_counter() - started
        query = "ids=" + ",".join(str(assessment_id) for assessment_id in ids)
        results = {
            "page": timed(app, f"/compare?{query}", arguments.runs),
            "CSV": timed(app, f"/compare.csv?{query}", arguments.runs),
        }
        with app.app_context():
            db.engine.dispose()
    print(f"database: {make_url(url).get_backend_name()}")
    print(f"{len(ids)} published scorecards built in {built:.1f} s; {arguments.runs} runs each")
    for name, (timings, size, statements) in results.items():
        median = statistics.median(timings) * 1000
        print(f"{name}: median {median:.0f} ms, {size:,} bytes, {statements} SQL statements")


if __name__ == "__main__":
    main()
