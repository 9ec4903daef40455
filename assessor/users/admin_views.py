"""User administration: find, create and edit users, their roles and whether they may sign in."""

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import login_required

from assessor.db import db
from assessor.exceptions import InvalidInput
from assessor.languages.messages import translated
from assessor.stakeholders import STAKEHOLDER_GROUPS
from assessor.users.current import signed_in_user
from assessor.users.forms import NewUserForm, UserEditForm, UserSearchForm, read_form
from assessor.users.labels import role_choices
from assessor.users.models import User
from assessor.users.schemas import UserOutSchema
from assessor.users.service import (
    MIN_PASSWORD_LENGTH,
    UserInputError,
    admin_create_user,
    admin_update_user,
    get_user,
    require_user_admin,
    search_users,
    set_user_active,
)

blueprint = Blueprint("user_admin", __name__, url_prefix="/admin/users")

USERS_PER_PAGE = 50


@blueprint.before_request
@login_required
def require_admin():
    """Every page here is for admins: others are refused, anonymous visitors sent to sign in."""
    require_user_admin(signed_in_user())


def new_user_page(values: dict, errors: dict, status: int):
    """The form for a new user, showing again what was typed except the password."""
    return render_template(
        "users/admin_user_new.html",
        values=values,
        errors=errors,
        groups=STAKEHOLDER_GROUPS,
        roles=role_choices(),
        min_password_length=MIN_PASSWORD_LENGTH,
    ), status


def edit_user_page(user: User, values: dict | None, errors: dict, status: int):
    """The edit page; without ``values``, the form shows the user as stored."""
    shown = UserOutSchema().dump(user)
    return render_template(
        "users/admin_user_edit.html",
        user=shown,
        added=user.created_at,
        values=values if values is not None else shown,
        errors=errors,
        is_self=user.id == signed_in_user().id,
        groups=STAKEHOLDER_GROUPS,
        roles=role_choices(),
    ), status


@blueprint.get("")
def index():
    search = read_form(UserSearchForm(), request.args)
    if search.errors:
        raise InvalidInput(search.errors)
    found = search_users(
        db.session, search.data["q"], page=search.data["page"], per_page=USERS_PER_PAGE
    )
    return render_template(
        "users/admin_users.html",
        users=UserOutSchema(many=True).dump(found.users),
        query=search.data["q"],
        page=found.page,
        pages=found.pages,
        total=found.total,
    )


@blueprint.get("/new")
def new():
    return new_user_page({}, {}, 200)


@blueprint.post("/new")
def create():
    post = read_form(NewUserForm(), request.form)
    if post.errors:
        return new_user_page(post.values, post.errors, 422)
    try:
        user = admin_create_user(db.session, signed_in_user(), **post.data)
    except UserInputError as error:
        return new_user_page(post.values, {error.field: [translated(error.message)]}, 422)
    db.session.commit()
    flash(
        _(
            "%(name)s (%(email)s) is added and can sign in.",
            name=user.display_name,
            email=user.email,
        )
    )
    return redirect(url_for("user_admin.index", q=user.email))


@blueprint.get("/<int:user_id>")
def edit(user_id: int):
    return edit_user_page(get_user(db.session, user_id), None, {}, 200)


@blueprint.post("/<int:user_id>")
def update(user_id: int):
    user = get_user(db.session, user_id)
    post = read_form(UserEditForm(), request.form)
    if post.errors:
        return edit_user_page(user, post.values, post.errors, 422)
    try:
        admin_update_user(db.session, signed_in_user(), user, **post.data)
    except UserInputError as error:
        return edit_user_page(user, post.values, {error.field: [translated(error.message)]}, 422)
    db.session.commit()
    flash(_("The changes to %(name)s are saved.", name=user.display_name))
    return redirect(url_for("user_admin.edit", user_id=user.id))


@blueprint.post("/<int:user_id>/deactivate")
def deactivate(user_id: int):
    user = get_user(db.session, user_id)
    set_user_active(db.session, signed_in_user(), user, active=False)
    db.session.commit()
    flash(_("%(name)s is deactivated and can no longer sign in.", name=user.display_name))
    return redirect(url_for("user_admin.edit", user_id=user.id))


@blueprint.post("/<int:user_id>/reactivate")
def reactivate(user_id: int):
    user = get_user(db.session, user_id)
    set_user_active(db.session, signed_in_user(), user, active=True)
    db.session.commit()
    flash(_("%(name)s is active again and can sign in.", name=user.display_name))
    return redirect(url_for("user_admin.edit", user_id=user.id))
