"""Account pages: signing in and out, the profile, its password and personal API tokens."""

import re

from flask import (
    Blueprint,
    Flask,
    current_app,
    flash,
    g,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask.blueprints import BlueprintSetupState
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import refresh
from flask_login import (
    current_user,
    login_required,
    login_user,
    logout_user,
    user_loaded_from_cookie,
)
from flask_login.config import COOKIE_NAME
from flask_wtf.csrf import generate_csrf
from werkzeug.exceptions import TooManyRequests

from assessor.db import db
from assessor.extensions import limiter, login_manager
from assessor.languages.cookie import forget_language, remember_language
from assessor.languages.messages import N_, translated
from assessor.stakeholders import STAKEHOLDER_GROUPS
from assessor.users.forms import (
    PasswordForm,
    ProfileForm,
    SignInForm,
    TokenForm,
    read_form,
    sent_values,
)
from assessor.users.kept_posts import ask_to_sign_in, kept_fields, send_again_page
from assessor.users.labels import role_labels
from assessor.users.models import User
from assessor.users.rate_limits import sign_in_account_key
from assessor.users.schemas import TokenSummarySchema, UserOutSchema
from assessor.users.service import (
    MIN_PASSWORD_LENGTH,
    UserInputError,
    authenticate,
    change_password,
    choose_language,
    update_profile,
)
from assessor.users.sign_ins import begin_sign_in, end_sign_in
from assessor.users.tokens import create_token, list_tokens, revoke_token

blueprint = Blueprint("users", __name__)
blueprint.add_app_template_filter(role_labels, "role_labels")

WRONG_CREDENTIALS = _l("The email or password is wrong.")
TOO_MANY_SIGN_INS = _l("Too many sign-in attempts. Please wait a minute, then try again.")
# A browser reads "/\evil.org" and "/<tab>/evil.org" as "//evil.org", another site.
UNSAFE_IN_NEXT = re.compile(r"[\\\x00-\x1f\x7f]")


@blueprint.record_once
def configure_sign_in(state: BlueprintSetupState) -> None:
    """Pages needing sign-in send visitors to this blueprint's sign-in form."""
    login_manager.login_view = "users.sign_in_page"
    login_manager.login_message = N_("Please sign in to see that page.")
    # Flashed in the language of the page that asked for sign-in.
    login_manager.localize_callback = translated
    # A session cookie replayed from another address or browser is signed out.
    login_manager.session_protection = "strong"
    login_manager.unauthorized_handler(ask_to_sign_in)
    user_loaded_from_cookie.connect(bind_restored_session, state.app)


def bind_restored_session(sender: Flask, **signal) -> None:
    """A session restored from a remember-me cookie is bound to this browser and address as a
    signed-in one is; Flask-Login leaves it unbound, and "strong" protection would then sign the
    browser out on its next request."""
    session["_id"] = login_manager._session_identifier_generator()  # what login_user() keeps


def start_signed_in_session(user: User, *, remembered: bool) -> None:
    """Sign this browser in under a new sign-in and a new session id, so that no session id or
    cookie it held before (nor one planted in it: session fixation) is signed in."""
    key = begin_sign_in(db.session, user, remembered=remembered)
    # Committed first: the session store writes in a transaction of its own.
    db.session.commit()
    current_app.session_interface.regenerate(session)
    login_user(user, remember=remembered)
    # Flask-Login keeps user.get_id() in the session and the remember-me cookie; they keep the
    # sign-in's key instead, so that ending the sign-in signs out both, and every copy of them.
    session["_user_id"] = key
    # The forms of every page now carry a token: made here, the session is stored once. A token
    # this request made earlier belonged to the session just replaced.
    g.pop("csrf_token", None)
    generate_csrf()


def end_signed_in_session() -> None:
    """Sign this browser out: its sign-in ends, its stored session is deleted, and the browser
    is told to forget both cookies."""
    key = session.get("_user_id")
    if key is not None:
        end_sign_in(db.session, key)
        db.session.commit()
    session.clear()
    logout_user()


def safe_next(target: str) -> str:
    """``target`` if it is a path on this site, else the home page: never an open redirect."""
    if target.startswith("/") and not target.startswith("//") and not UNSAFE_IN_NEXT.search(target):
        return target
    return "/"


def signed_in_user() -> User:
    """The user behind ``current_user``, for services that want the model itself."""
    return current_user._get_current_object()


def sign_in_page_response(values: dict, errors: dict, status: int):
    """The sign-in form, showing again what was typed except the password, and still holding
    any form kept from before signing in.

    Showing it starts no session, so that no visit stores one: like every post of a visitor
    without a session, signing in must come from the site's own pages (login CSRF).
    """
    kept = kept_fields(request.form)
    page = render_template("users/sign_in.html", values=values, errors=errors, kept=kept)
    return page, status


@blueprint.get("/sign-in")
def sign_in_page():
    return sign_in_page_response({"next": request.args.get("next", "/")}, {}, 200)


@blueprint.post("/sign-in")
@limiter.limit(lambda: current_app.config["SIGN_IN_RATE_LIMIT"])
@limiter.limit(lambda: current_app.config["SIGN_IN_RATE_LIMIT"], key_func=sign_in_account_key)
def sign_in():
    post = read_form(SignInForm(), request.form)
    if post.errors:
        return sign_in_page_response(post.values, post.errors, 422)
    user = authenticate(db.session, post.data["email"], post.data["password"])
    if user is None:
        return sign_in_page_response(post.values, {"_": [WRONG_CREDENTIALS]}, 422)
    start_signed_in_session(user, remembered=post.data["remember"])
    kept = kept_fields(request.form)
    if kept:
        return send_again_page(safe_next(post.data["next"]), kept)
    return redirect(safe_next(post.data["next"]))


@blueprint.errorhandler(TooManyRequests)
def too_many_sign_ins(error: TooManyRequests):
    """Only signing in is rate limited here: show the form again, saying why."""
    values = sent_values(SignInForm(), request.form)
    return sign_in_page_response(values, {"_": [TOO_MANY_SIGN_INS]}, 429)


@blueprint.post("/sign-out")
def sign_out():
    end_signed_in_session()
    return redirect(url_for("site.home"))


def profile_page(form: str | None = None, values=None, errors=None, new_token=None):
    """The profile page; ``form`` names the form that failed, shown with its values and errors."""
    user = signed_in_user()
    return render_template(
        "users/profile.html",
        user=UserOutSchema().dump(user),
        tokens=TokenSummarySchema(many=True).dump(list_tokens(db.session, user)),
        groups=STAKEHOLDER_GROUPS,
        min_password_length=MIN_PASSWORD_LENGTH,
        failed_form=form,
        values=values or {},
        errors=errors or {},
        new_token=new_token,
    )


@blueprint.get("/profile")
@login_required
def profile():
    return profile_page()


@blueprint.post("/profile")
@login_required
def update_own_profile():
    post = read_form(ProfileForm(), request.form)
    if post.errors:
        return profile_page("profile", post.values, post.errors), 422
    language_given = "language" in post.data
    language = post.data.pop("language", None)
    user = update_profile(signed_in_user(), **post.data)
    if language_given:
        choose_language(user, language)
    db.session.commit()
    # The next page is in the language just chosen: so is what it says about the change.
    refresh()
    flash(_("Your profile is saved."))
    response = redirect(url_for("users.profile"))
    if not language_given:
        return response
    if language is None:
        return forget_language(response)
    return remember_language(response, language)


@blueprint.post("/profile/password")
@login_required
def change_own_password():
    post = read_form(PasswordForm(), request.form)
    if post.errors:
        return profile_page("password", errors=post.errors), 422
    try:
        change_password(
            db.session,
            signed_in_user(),
            current=post.data["current_password"],
            new=post.data["new_password"],
        )
    except UserInputError as error:
        return profile_page("password", errors={error.field: [translated(error.message)]}), 422
    # Every sign-in of this user ended with the old password; this browser carries on under a
    # new one, remembered if it was (and the new password is committed with it).
    remembered = current_app.config.get("REMEMBER_COOKIE_NAME", COOKIE_NAME) in request.cookies
    start_signed_in_session(signed_in_user(), remembered=remembered)
    flash(_("Your password is changed."))
    return redirect(url_for("users.profile"))


@blueprint.post("/profile/tokens")
@login_required
def create_own_token():
    post = read_form(TokenForm(), request.form)
    if post.errors:
        return profile_page("token", post.values, post.errors), 422
    token, plaintext = create_token(db.session, signed_in_user(), post.data["name"])
    db.session.commit()
    page = profile_page(new_token={"name": token.name, "token": plaintext})
    # The token is in this page only: no cache may keep a copy.
    return page, 201, {"Cache-Control": "no-store"}


@blueprint.post("/profile/tokens/<int:token_id>/revoke")
@login_required
def revoke_own_token(token_id: int):
    token = revoke_token(db.session, signed_in_user(), token_id)
    db.session.commit()
    flash(_("The token “%(name)s” is revoked: it no longer works.", name=token.name))
    return redirect(url_for("users.profile", _anchor="tokens"))
