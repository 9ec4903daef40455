"""A process that rendered a scorecard PDF ends cleanly: a worker, a command, a benchmark.

Each thread keeps its WeasyPrint font configuration for the process; left to the interpreter's
last clean-up, the main thread's was released after Pango and the process crashed on its way
out (exit status 139), whatever it had done right.
"""

import subprocess
import sys
import textwrap

from config import PROJECT_DIR

RENDER_AND_EXIT = textwrap.dedent(
    """
    import sys
    import flask_migrate
    from sqlalchemy import select
    from assessor import create_app
    from assessor.assessments.models import Assessment
    from assessor.cli import load_rubrics, seed_demo_command
    from assessor.db import db
    from config import TestConfig

    app = create_app(TestConfig({"INSTANCE_DIR": sys.argv[1]}))
    with app.app_context():
        flask_migrate.upgrade()
    app.test_cli_runner().invoke(load_rubrics)
    app.test_cli_runner().invoke(seed_demo_command)
    with app.app_context():
        published = db.session.scalars(
            select(Assessment.id).where(Assessment.status == "published")
        ).first()
    response = app.test_client().get(f"/assessments/{published}/scorecard.pdf")
    print(response.status_code, response.data[:5].decode())
    """
)


def test_a_process_that_rendered_a_pdf_exits_without_crashing(tmp_path):
    done = subprocess.run(
        [sys.executable, "-c", RENDER_AND_EXIT, str(tmp_path)],
        cwd=PROJECT_DIR,
        capture_output=True,
        text=True,
        timeout=300,
        env={"PATH": "/usr/bin:/bin", "DATABASE_URL": f"sqlite:///{tmp_path}/exit.sqlite3"},
    )
    assert done.stdout.split() == ["200", "%PDF-"], done.stderr[-2000:]
    assert done.returncode == 0, done.stderr[-2000:]
