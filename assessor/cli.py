"""Command-line groups: ``flask rubrics``, ``users``, ``demo``, ``scorecards`` and ``sessions``."""

import time
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import AppGroup

from assessor.assessments.kept_scores import keep_missing_scores
from assessor.db import db
from assessor.demo import DEMO_ACCOUNTS, DEMO_PASSWORD, compared_ids, seed_demo
from assessor.demo_generate import NoRubricLoaded, generate
from assessor.rubrics.loader import RubricFileError, read_rubric, rubric_paths
from assessor.rubrics.service import RubricVersionConflict, store_rubric
from assessor.scorecards.pruning import prune_kept
from assessor.scorecards.render_claims import prune_expired_claims
from assessor.sessions import keeps_sessions_in_database, prune_expired_sessions
from assessor.stakeholders import STAKEHOLDER_GROUPS
from assessor.users.models import ROLES
from assessor.users.service import UserInputError, create_user, record_user_created
from assessor.users.sign_ins import prune_sign_ins

rubrics_group = AppGroup("rubrics", help="Validate and load rubric files.")
users_group = AppGroup("users", help="Manage user accounts.")
demo_group = AppGroup("demo", help="Demo data.")
scorecards_group = AppGroup("scorecards", help="Published scorecards: kept scores, pages and PDFs.")
sessions_group = AppGroup("sessions", help="Browser sessions and sign-ins.")


def _paths_or_default(paths: tuple[str, ...]) -> list[Path]:
    named = [Path(p) for p in paths] or [Path(current_app.config["RUBRICS_DIR"])]
    missing = [str(path) for path in named if not path.exists()]
    if missing:
        raise click.ClickException(f"no such file or folder: {', '.join(missing)}")
    return rubric_paths(named)


@rubrics_group.command("validate")
@click.argument("paths", nargs=-1)
def validate_rubrics(paths: tuple[str, ...]) -> None:
    """Check rubric files (default: RUBRICS_DIR) and list every problem; exit 1 on any."""
    failed = False
    for path in _paths_or_default(paths):
        try:
            rubric = read_rubric(path)
        except RubricFileError as error:
            failed = True
            for problem in error.problems:
                click.echo(str(problem), err=True)
            continue
        click.echo(f"{path}: ok ({rubric.data['slug']}@{rubric.data['version']})")
    if failed:
        raise SystemExit(1)


@rubrics_group.command("load")
@click.argument("paths", nargs=-1)
def load_rubrics(paths: tuple[str, ...]) -> None:
    """Load rubric files into the database; loaded versions are kept, changed ones refused."""
    files = _paths_or_default(paths)
    try:
        outcomes = [store_rubric(db.session, read_rubric(path)) for path in files]
    except RubricFileError as error:
        db.session.rollback()
        raise click.ClickException("nothing loaded:\n" + str(error)) from None
    except RubricVersionConflict as error:
        db.session.rollback()
        raise click.ClickException(f"nothing loaded: {error}") from None
    db.session.commit()
    for outcome in outcomes:
        click.echo(f"{outcome.rubric.label}: {outcome.description}")


@users_group.command("create")
@click.option("--email", required=True)
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True)
@click.option("--role", "roles", multiple=True, required=True, type=click.Choice(ROLES))
@click.option(
    "--name", "display_name", default=None, help="Display name (default: from the email)."
)
@click.option(
    "--group", "stakeholder_group", default=None, type=click.Choice(list(STAKEHOLDER_GROUPS))
)
def create_user_command(email, password, roles, display_name, stakeholder_group) -> None:
    """Create a user; the password is asked for when not given."""
    try:
        user = create_user(
            db.session,
            email=email,
            password=password,
            roles=list(roles),
            display_name=display_name,
            stakeholder_group=stakeholder_group,
        )
    except UserInputError as error:
        db.session.rollback()
        raise click.ClickException(str(error)) from None
    record_user_created(db.session, None, user)
    db.session.commit()
    click.echo(f"created {user.email} ({', '.join(sorted(user.roles))})")


# What ``flask demo seed`` counts, in the order it says them, singular and plural.
DEMO_COUNTED = (
    ("accounts", "account", "accounts"),
    ("processes", "process", "processes"),
    ("participation", "participation record", "participation records"),
    ("published", "published scorecard", "published scorecards"),
    ("revisions", "revision", "revisions"),
    ("withdrawals", "withdrawal", "withdrawals"),
    ("replies", "reply", "replies"),
    ("submitted", "assessment waiting for review", "assessments waiting for review"),
    ("drafts", "draft", "drafts"),
)


def _demo_summary(added: dict[str, int]) -> str:
    if not any(added.values()):
        return "demo data: nothing added, all of it is there already"
    counts = [f"{added[key]} {one if added[key] == 1 else many}" for key, one, many in DEMO_COUNTED]
    return f"demo data added: {', '.join(counts[:-1])} and {counts[-1]}"


@demo_group.command("seed")
def seed_demo_command() -> None:
    """Add what is missing of the demo data; existing data is kept."""
    added = seed_demo(db.session)
    db.session.commit()
    click.echo(_demo_summary(added))
    for account in DEMO_ACCOUNTS:
        click.echo(f"  sign in as {account['email']} / {DEMO_PASSWORD} ({account['shows']})")
    compared = compared_ids(db.session)
    if len(compared) >= 2:
        click.echo(f"  compare the demo scorecards at /compare?ids={','.join(map(str, compared))}")


def _progress(done: int, total: int) -> None:
    click.echo(f"  {done:,} of {total:,} assessments")


@demo_group.command("generate")
@click.option("--processes", type=click.IntRange(min=1), required=True)
@click.option("--assessments", type=click.IntRange(min=0), required=True)
@click.option("--seed", type=int, default=1, show_default=True)
def generate_demo_command(processes: int, assessments: int, seed: int) -> None:
    """Add synthetic processes and published assessments, for benchmarks (same seed, same data)."""
    started = time.perf_counter()
    try:
        totals = generate(
            db.session,
            processes=processes,
            assessments=assessments,
            seed=seed,
            progress=_progress,
        )
    except NoRubricLoaded as error:
        db.session.rollback()
        raise click.ClickException(str(error)) from None
    click.echo(
        f"generated {totals['processes']:,} processes, {totals['assessments']:,} published "
        f"assessments ({totals['revisions']:,} of them revisions), {totals['answers']:,} "
        f"answers and {totals['evidence']:,} evidence items; {totals['users']} accounts added; "
        f"{time.perf_counter() - started:.1f} s"
    )


@scorecards_group.command("keep-scores")
def keep_scores_command() -> None:
    """Keep the results of published assessments that have none by the current scoring method."""
    kept = 0
    for kept in keep_missing_scores(db.session):
        db.session.commit()
        click.echo(f"  {kept:,} kept")
    click.echo(
        f"kept the scores of {kept:,} published {'assessment' if kept == 1 else 'assessments'}"
    )


@scorecards_group.command("prune")
def prune_scorecards_command() -> None:
    """Remove the kept pages and PDFs that no request reads again, and the render claims of
    workers that died; safe to repeat."""
    removed_by_kind = prune_kept(db.session)
    claims = prune_expired_claims(db.session)
    db.session.commit()
    for kind, removed in removed_by_kind.items():
        click.echo(f"removed {removed.rows:,} kept {kind} ({removed.byte_size:,} bytes)")
    click.echo(f"removed {claims:,} expired render {'claim' if claims == 1 else 'claims'}")


@sessions_group.command("prune")
def prune_sessions_command() -> None:
    """Delete expired sessions and sign-ins, which are refused already; safe to repeat."""
    if keeps_sessions_in_database(current_app):
        click.echo(f"removed {prune_expired_sessions():,} expired sessions")
    else:
        click.echo("sessions in Redis expire by themselves")
    removed = prune_sign_ins(db.session)
    db.session.commit()
    click.echo(f"removed {removed:,} expired sign-ins")


def register_commands(app: Flask) -> None:
    app.cli.add_command(rubrics_group)
    app.cli.add_command(users_group)
    app.cli.add_command(demo_group)
    app.cli.add_command(scorecards_group)
    app.cli.add_command(sessions_group)
