"""A form sent after its sender's sign-in ended, kept through signing in again.

A browser without scripts posts a questionnaire page as a form: if the session ended meanwhile,
redirecting to the sign-in page would drop every answer typed. Instead the sign-in page holds
the fields sent, and once signed in the person is offered to send them again, with their new
session's token, to the page they were meant for.
"""

from flask import flash, redirect, render_template, request
from flask_login import login_url
from werkzeug.datastructures import MultiDict

from assessor.extensions import login_manager
from assessor.languages.messages import translated

# The sign-in form carries each kept field under its name with this prefix, apart from its own.
PREFIX = "kept-"
# Never carried: the ended session's token is worthless, and sign-in's own fields are its own.
NOT_CARRIED = frozenset({"csrf_token"})


def sent_fields(form: MultiDict) -> list[tuple[str, str]]:
    """The fields of a post to keep, in the order sent, every value of a repeated field."""
    return [(name, value) for name, value in form.items(multi=True) if name not in NOT_CARRIED]


def kept_fields(form: MultiDict) -> list[tuple[str, str]]:
    """The kept fields a sign-in form carried, under their own names again."""
    return [
        (name.removeprefix(PREFIX), value)
        for name, value in form.items(multi=True)
        if name.startswith(PREFIX) and name.removeprefix(PREFIX) not in NOT_CARRIED
    ]


def ask_to_sign_in():
    """Flask-Login's answer to a visitor who must sign in: a page is asked for again after
    signing in; a form sent is kept on the sign-in page, with what it held."""
    if request.method != "POST":
        flash(translated(login_manager.login_message), login_manager.login_message_category)
        return redirect(login_url(login_manager.login_view, next_url=request.url))
    values = {"next": request.full_path if request.query_string else request.path}
    page = render_template(
        "users/sign_in.html", values=values, errors={}, kept=sent_fields(request.form)
    )
    return page, 401


def send_again_page(target: str, kept: list[tuple[str, str]]):
    """After signing in: the kept fields, ready to be sent again to ``target`` at a click."""
    return render_template("users/send_again.html", target=target, kept=kept)
