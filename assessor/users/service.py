"""Users: creating them, checking their passwords, and the changes they and admins make."""

from dataclasses import dataclass
from functools import lru_cache

from flask import current_app
from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session
from werkzeug.security import check_password_hash, generate_password_hash

from assessor import audit
from assessor.exceptions import NotAllowed, NotVisible
from assessor.languages.messages import N_
from assessor.languages.selection import supported
from assessor.stakeholders import STAKEHOLDER_GROUPS
from assessor.users.models import ROLES, RoleGrant, User
from assessor.users.sign_ins import end_sign_ins

MIN_PASSWORD_LENGTH = 10
MAX_DISPLAY_NAME_LENGTH = 120


class UserInputError(ValueError):
    """A user cannot be created or changed as asked; the message says why, ``field`` where.

    Written with ``N_``: English for commands, translated on pages.
    """

    def __init__(self, message: str, field: str = "_") -> None:
        super().__init__(message)
        self.message = message
        self.field = field


@dataclass(frozen=True)
class UserPage:
    """One page of a user search, with what is needed to link to the others."""

    users: list[User]
    total: int
    page: int
    pages: int


def normalise_email(email: str) -> str:
    return email.strip().lower()


def find_user_by_email(session: Session, email: str) -> User | None:
    return session.scalars(select(User).where(User.email == normalise_email(email))).one_or_none()


def get_user(session: Session, user_id: int) -> User:
    """The user with this id; an unknown id is a 404."""
    user = session.get(User, user_id)
    if user is None:
        raise NotVisible()
    return user


def _check_password(password: str, field: str = "password") -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise UserInputError(
            N_("the password must have at least %(min)s characters", min=MIN_PASSWORD_LENGTH),
            field,
        )


def _check_roles(roles: list[str]) -> None:
    unknown = sorted(set(roles) - set(ROLES))
    if unknown:
        raise UserInputError(
            N_(
                "unknown role %(unknown)s; roles are %(roles)s",
                unknown=", ".join(unknown),
                roles=", ".join(ROLES),
            ),
            "roles",
        )


def _check_group(group: str | None) -> None:
    if group is not None and group not in STAKEHOLDER_GROUPS:
        raise UserInputError(
            N_(
                "unknown stakeholder group %(group)r; groups are %(groups)s",
                group=group,
                groups=", ".join(STAKEHOLDER_GROUPS),
            ),
            "stakeholder_group",
        )


def _check_display_name(display_name: str) -> str:
    """The name as stored: trimmed, and within what the column and pages can hold."""
    name = display_name.strip()
    if not 0 < len(name) <= MAX_DISPLAY_NAME_LENGTH:
        raise UserInputError(
            N_(
                "the display name must have 1 to %(max)s characters",
                max=MAX_DISPLAY_NAME_LENGTH,
            ),
            "display_name",
        )
    return name


def _check_new_user(email: str, password: str, roles: list[str], group: str | None) -> None:
    if "@" not in email or email.startswith("@") or email.endswith("@"):
        raise UserInputError(N_("%(email)r is not an email address", email=email), "email")
    _check_password(password)
    _check_roles(roles)
    _check_group(group)


def _password_hash(password: str) -> str:
    return generate_password_hash(password, method=current_app.config["PASSWORD_HASH_METHOD"])


def create_user(
    session: Session,
    *,
    email: str,
    password: str,
    roles: list[str],
    display_name: str | None = None,
    stakeholder_group: str | None = None,
) -> User:
    """Add a user with a hashed password; refuse a duplicate email or bad roles."""
    email = normalise_email(email)
    _check_new_user(email, password, roles, stakeholder_group)
    exists = session.scalar(select(func.count()).select_from(User).where(User.email == email))
    if exists:
        raise UserInputError(N_("a user with email %(email)s already exists", email=email), "email")
    user = User(
        email=email,
        password_hash=_password_hash(password),
        display_name=_check_display_name(display_name or email.split("@")[0]),
        stakeholder_group=stakeholder_group,
        role_grants=[RoleGrant(role=role) for role in dict.fromkeys(roles)],
    )
    session.add(user)
    session.flush()
    return user


def password_matches(user: User, password: str) -> bool:
    return check_password_hash(user.password_hash, password)


@lru_cache(maxsize=2)
def _unknown_user_hash(method: str) -> str:
    """Checked when the email is unknown, so a wrong email and a wrong password take as long."""
    return generate_password_hash("no such user", method=method)


def authenticate(session: Session, email: str, password: str) -> User | None:
    """The active user with this email and password, or None (for either mistake)."""
    user = find_user_by_email(session, email)
    if user is None:
        check_password_hash(
            _unknown_user_hash(current_app.config["PASSWORD_HASH_METHOD"]), password
        )
        return None
    if not password_matches(user, password) or not user.active:
        return None
    return user


def update_profile(user: User, *, display_name: str, stakeholder_group: str | None) -> User:
    """Change the name and stakeholder group a user gives for themselves."""
    _check_group(stakeholder_group)
    user.display_name = _check_display_name(display_name)
    user.stakeholder_group = stakeholder_group
    return user


def choose_language(user: User, language: str | None) -> User:
    """Set the interface language of the user's pages; None follows their browser."""
    if language is not None and not supported(language):
        raise UserInputError(N_("choose a language from the list"), "language")
    user.language = language
    return user


def change_password(session: Session, user: User, *, current: str, new: str) -> User:
    """Set a new password, once the current one proves it is the user asking; every browser
    signed in with the old one is signed out."""
    if not password_matches(user, current):
        raise UserInputError(N_("the current password is wrong"), "current_password")
    _check_password(new, "new_password")
    user.password_hash = _password_hash(new)
    end_sign_ins(session, user)
    return user


def require_user_admin(user: User) -> None:
    """Only admins manage other people's accounts."""
    if not user.has_role("admin"):
        raise NotAllowed(N_("Only administrators may manage users."))


def _like_pattern(text: str) -> str:
    """A LIKE pattern for text anywhere in a column, the text's own % and _ taken literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def search_users(session: Session, text: str, *, page: int, per_page: int) -> UserPage:
    """Users whose email or display name contains ``text``, by email, one page at a time."""
    statement = select(User)
    if text.strip():
        pattern = _like_pattern(text.strip())
        statement = statement.where(
            or_(
                User.email.ilike(pattern, escape="\\"),
                User.display_name.ilike(pattern, escape="\\"),
            )
        )
    total = session.scalar(select(func.count()).select_from(statement.subquery()))
    users = session.scalars(
        statement.order_by(User.email).limit(per_page).offset((page - 1) * per_page)
    )
    return UserPage(list(users), total, page, max(1, -(-total // per_page)))


def _audit_snapshot(user: User) -> dict:
    """What the audit trail keeps of a new user: never the password or its hash."""
    return {
        "email": user.email,
        "display_name": user.display_name,
        "stakeholder_group": user.stakeholder_group,
        "roles": sorted(user.roles),
        "active": user.active,
    }


def admin_create_user(
    session: Session,
    admin: User,
    *,
    email: str,
    password: str,
    roles: list[str],
    display_name: str,
    stakeholder_group: str | None,
) -> User:
    """An admin adds a user; the audit trail records who did."""
    require_user_admin(admin)
    user = create_user(
        session,
        email=email,
        password=password,
        roles=roles,
        display_name=display_name,
        stakeholder_group=stakeholder_group,
    )
    record_user_created(session, admin, user)
    return user


def record_user_created(session: Session, creator: User | None, user: User) -> None:
    """Put a new account in the audit trail; without ``creator`` it was made on the command
    line (flask users create, flask demo seed), where nobody is signed in."""
    audit.record(
        session,
        actor_id=creator.id if creator is not None else None,
        action="user.created",
        subject_type="user",
        subject_id=user.id,
        after=_audit_snapshot(user),
    )


def _set_roles(session: Session, admin: User, user: User, roles: list[str]) -> None:
    """Grant and withdraw roles so the user holds exactly ``roles``; record any change."""
    before, after = sorted(user.roles), sorted(set(roles))
    if before == after:
        return
    kept = [grant for grant in user.role_grants if grant.role in after]
    added = [RoleGrant(role=role) for role in after if role not in before]
    user.role_grants = kept + added
    audit.record(
        session,
        actor_id=admin.id,
        action="user.roles_changed",
        subject_type="user",
        subject_id=user.id,
        before={"roles": before},
        after={"roles": after},
    )


def admin_update_user(
    session: Session,
    admin: User,
    user: User,
    *,
    display_name: str,
    stakeholder_group: str | None,
    roles: list[str],
) -> User:
    """An admin changes a user's name, group and roles; an admin keeps their own admin role."""
    require_user_admin(admin)
    _check_roles(roles)
    if user.id == admin.id and "admin" not in roles:
        raise UserInputError(
            N_("you cannot remove your own admin role; another administrator can"), "roles"
        )
    before = {"display_name": user.display_name, "stakeholder_group": user.stakeholder_group}
    update_profile(user, display_name=display_name, stakeholder_group=stakeholder_group)
    after = {"display_name": user.display_name, "stakeholder_group": user.stakeholder_group}
    changed = [field for field in after if after[field] != before[field]]
    if changed:
        audit.record(
            session,
            actor_id=admin.id,
            action="user.updated",
            subject_type="user",
            subject_id=user.id,
            before={field: before[field] for field in changed},
            after={field: after[field] for field in changed},
        )
    _set_roles(session, admin, user, roles)
    return user


def set_user_active(session: Session, admin: User, user: User, *, active: bool) -> User:
    """Let a user sign in again, or stop them and sign out their browsers; an admin cannot stop
    themselves."""
    require_user_admin(admin)
    if user.id == admin.id and not active:
        raise NotAllowed(N_("You cannot deactivate your own account; another administrator can."))
    if user.active == active:
        return user
    user.active = active
    if not active:
        end_sign_ins(session, user)
    audit.record(
        session,
        actor_id=admin.id,
        action="user.reactivated" if active else "user.deactivated",
        subject_type="user",
        subject_id=user.id,
        before={"active": not active},
        after={"active": active},
    )
    return user
