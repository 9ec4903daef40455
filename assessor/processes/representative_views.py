"""Admin page granting users the right to reply on a process's behalf."""

from flask import Blueprint, abort, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from assessor.db import db
from assessor.exceptions import InvalidInput
from assessor.languages.messages import translated_fields
from assessor.processes.representatives import (
    grant_representative,
    representatives_of,
    revoke_representative,
)
from assessor.processes.service import get_process

blueprint = Blueprint(
    "representatives", __name__, url_prefix="/processes/<int:process_id>/representatives"
)


def _require_admin() -> None:
    if not current_user.has_role("admin"):
        abort(403)


@blueprint.route("", methods=["GET", "POST"])
@login_required
def index(process_id: int):
    _require_admin()
    process = get_process(db.session, process_id)
    errors, email = {}, ""
    if request.method == "POST":
        email = request.form.get("email", "").strip()
        try:
            grant_representative(db.session, current_user, process, email)
        except InvalidInput as error:
            db.session.rollback()
            errors = translated_fields(error.fields)
        else:
            db.session.commit()
            return redirect(url_for(".index", process_id=process_id))
    return render_template(
        "processes/representatives.html",
        process=process,
        errors=errors,
        email=email,
        representatives=representatives_of(db.session, process),
    ), 422 if errors else 200


@blueprint.post("/<int:user_id>/revoke")
@login_required
def revoke(process_id: int, user_id: int):
    _require_admin()
    revoke_representative(db.session, current_user, get_process(db.session, process_id), user_id)
    db.session.commit()
    return redirect(url_for(".index", process_id=process_id))
