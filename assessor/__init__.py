"""assessor: scoring governance processes against the WSIS+10 multistakeholder principles."""

import secrets
from collections.abc import Callable
from pathlib import Path

from flask import Flask, Response
from flask.globals import request_ctx

from assessor import cli, errors, logs, models  # noqa: F401 - models: complete metadata
from assessor.api import register_api
from assessor.assessments.questionnaire import blueprint as questionnaire_blueprint
from assessor.assessments.review_views import blueprint as review_blueprint
from assessor.assessments.views import blueprint as assessments_blueprint
from assessor.audit_trail.views import blueprint as audit_trail_blueprint
from assessor.comparisons.views import blueprint as comparisons_blueprint
from assessor.db import db
from assessor.edition import register_edition
from assessor.extensions import csrf, limiter, login_manager, migrate
from assessor.json_bodies import StrictJSONProvider, StrictJSONRequest
from assessor.languages.selection import register_languages
from assessor.languages.views import blueprint as languages_blueprint
from assessor.opendata.views import blueprint as opendata_blueprint
from assessor.participation_pages.views import blueprint as participation_blueprint
from assessor.presentation.filters import register_filters
from assessor.process_pages.views import blueprint as processes_blueprint
from assessor.processes.representative_views import blueprint as representatives_blueprint
from assessor.public_pages import register_public_pages
from assessor.rubrics.views import blueprint as rubrics_blueprint
from assessor.scorecards.batch_views import blueprint as batches_blueprint
from assessor.scorecards.changed_scorecards import register_rendering_ahead
from assessor.scorecards.views import blueprint as scorecards_blueprint
from assessor.security import register_security
from assessor.sessions import register_sessions
from assessor.site.health import blueprint as health_blueprint
from assessor.site.icons import blueprint as icons_blueprint
from assessor.site.static_files import register_static_files
from assessor.site.views import blueprint as site_blueprint
from assessor.users.admin_views import blueprint as user_admin_blueprint
from assessor.users.sign_ins import load_user
from assessor.users.views import blueprint as users_blueprint
from assessor.validation import refuse_forbidden_characters, refuse_ids_out_of_range
from config import Config, config_from_environment


class Assessor(Flask):
    """Flask, deciding once per function, not on every request, whether a view or hook is
    async and must be wrapped."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.sync_functions: dict[Callable, Callable] = {}

    def ensure_sync(self, func: Callable) -> Callable:
        try:
            return self.sync_functions[func]
        except KeyError:
            return self.sync_functions.setdefault(func, super().ensure_sync(func))


def create_app(config: Config | None = None) -> Flask:
    """Build the application; ``config`` defaults to the one ``ASSESSOR_ENV`` names."""
    config = config if config is not None else config_from_environment()
    app = Assessor(__name__, instance_path=config.INSTANCE_DIR)
    app.config.from_object(config)
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    register_secret_key(app)
    register_database(app)
    logs.register_logging(app)
    # Inside the proxy fix that register_security may put in front of everything.
    register_static_files(app)
    register_security(app)
    register_extensions(app)
    register_rendering_ahead()
    register_blueprints(app)
    errors.register_error_handlers(app)
    cli.register_commands(app)
    return app


def register_secret_key(app: Flask) -> None:
    """Production must be given SECRET_KEY; elsewhere one is generated once and kept."""
    if app.config.get("SECRET_KEY"):
        return
    if app.config["SECRET_KEY_REQUIRED"]:
        raise RuntimeError("SECRET_KEY must be set in the environment in production")
    key_file = Path(app.instance_path) / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_hex(32))
        key_file.chmod(0o600)
    app.config["SECRET_KEY"] = key_file.read_text().strip()


def register_database(app: Flask) -> None:
    """Default to a SQLite file under instance/ when DATABASE_URL is not set."""
    if not app.config.get("SQLALCHEMY_DATABASE_URI"):
        database = Path(app.instance_path) / "assessor.sqlite3"
        app.config["SQLALCHEMY_DATABASE_URI"] = f"sqlite:///{database}"


def register_extensions(app: Flask) -> None:
    db.init_app(app)
    register_edition(app)
    register_public_pages(app)
    register_sessions(app)
    migrate.init_app(app, db, directory=str(Path(__file__).resolve().parent.parent / "migrations"))
    register_languages(app)
    csrf.init_app(app)
    # Before the rate limiter, which keys sign-ins by the e-mail address sent.
    register_input_checks(app)
    register_rate_limits(app)
    login_manager.init_app(app)
    login_manager.user_loader(load_user)


def register_input_checks(app: Flask) -> None:
    """Input no view can use is refused before anything reads it."""
    app.json = StrictJSONProvider(app)
    app.request_class = StrictJSONRequest
    app.before_request(refuse_ids_out_of_range)
    app.before_request(refuse_forbidden_characters)


# Where Flask-Limiter keeps a request's state, once it checks a limit in it.
LIMITER_REQUEST_STATE = "_limiter_request_context"


def register_rate_limits(app: Flask) -> None:
    """Limits sit on the views that need them (signing in, batches), each checking its own.

    Flask-Limiter also checks default and application-wide limits before every request; this
    app sets none, so that check is taken off the path of every other request. Its response
    hooks (the X-RateLimit and Retry-After headers, the end of its request state) run only
    where a limit was checked, which leaves that state on the request.
    """
    after, teardown = app.after_request_funcs[None], app.teardown_request_funcs[None]
    hooks_before = len(after), len(teardown)
    limiter.init_app(app)
    app.before_request_funcs[None].remove(limiter._check_request_limit)
    (inject_headers,) = after[hooks_before[0] :]
    (release,) = teardown[hooks_before[1] :]

    def limit_headers(response: Response) -> Response:
        return inject_headers(response) if _limit_checked() else response

    def release_limits(error: BaseException | None = None) -> None:
        if _limit_checked():
            release(error)

    after[-1], teardown[-1] = limit_headers, release_limits


def _limit_checked() -> bool:
    """Whether Flask-Limiter checked a limit in this request: it keeps its state on it then."""
    return hasattr(request_ctx._get_current_object(), LIMITER_REQUEST_STATE)


def register_blueprints(app: Flask) -> None:
    app.register_blueprint(site_blueprint)
    app.register_blueprint(health_blueprint)
    app.register_blueprint(icons_blueprint)
    app.register_blueprint(languages_blueprint)
    app.register_blueprint(rubrics_blueprint)
    app.register_blueprint(processes_blueprint)
    app.register_blueprint(users_blueprint)
    app.register_blueprint(user_admin_blueprint)
    app.register_blueprint(audit_trail_blueprint)
    app.register_blueprint(assessments_blueprint)
    app.register_blueprint(questionnaire_blueprint)
    app.register_blueprint(review_blueprint)
    app.register_blueprint(representatives_blueprint)
    app.register_blueprint(participation_blueprint)
    app.register_blueprint(scorecards_blueprint)
    app.register_blueprint(batches_blueprint)
    app.register_blueprint(comparisons_blueprint)
    app.register_blueprint(opendata_blueprint)
    register_filters(app)
    register_api(app)
