"""Users and their roles."""

from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import Boolean, CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from assessor.db import Base, UTCDateTime, one_of, utcnow
from assessor.stakeholders import STAKEHOLDER_GROUPS

ROLES = ("admin", "assessor", "reviewer")


class User(UserMixin, Base):
    __tablename__ = "users"
    __table_args__ = (
        CheckConstraint(one_of("stakeholder_group", STAKEHOLDER_GROUPS), name="stakeholder_group"),
        CheckConstraint("email = lower(email)", name="email_lowercase"),
        CheckConstraint("length(display_name) > 0", name="display_name_not_empty"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    display_name: Mapped[str] = mapped_column(String(120))
    stakeholder_group: Mapped[str | None] = mapped_column(String(40))
    # The interface language chosen in the profile; None follows the browser's Accept-Language.
    language: Mapped[str | None] = mapped_column(String(16))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    role_grants: Mapped[list["RoleGrant"]] = relationship(
        back_populates="user", cascade="all, delete-orphan", lazy="selectin"
    )

    @property
    def is_active(self) -> bool:
        return self.active

    @property
    def roles(self) -> set[str]:
        return {grant.role for grant in self.role_grants}

    def has_role(self, role: str) -> bool:
        return role in self.roles

    def __repr__(self) -> str:
        return f"<User {self.id} {self.email}>"


class RoleGrant(Base):
    """One role held by one user; a user may hold several."""

    __tablename__ = "user_roles"
    # Roles change what their holder may do, not what anyone reads.
    changes_public_pages = False
    __table_args__ = (CheckConstraint(one_of("role", ROLES), name="role"),)

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[str] = mapped_column(String(20), primary_key=True)

    user: Mapped[User] = relationship(back_populates="role_grants")


class ApiToken(Base):
    """A personal API token; only a hash is kept, the token itself is shown once."""

    __tablename__ = "api_tokens"
    changes_public_pages = False
    __table_args__ = (CheckConstraint("length(name) > 0", name="name_not_empty"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    user: Mapped[User] = relationship()


class SignIn(Base):
    """One browser signed in to an account: its session and remember-me cookie name this record
    by a random key, kept here only as a digest, and are signed out as soon as it is gone."""

    __tablename__ = "sign_ins"
    changes_public_pages = False

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    # "Keep me signed in" was ticked: the sign-in outlives the browser's session.
    remembered: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)

    user: Mapped[User] = relationship()
