"""A described governance process."""

from datetime import date, datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import (
    CheckConstraint,
    Date,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    func,
    select,
)
from sqlalchemy.orm import Mapped, column_property, mapped_column

from assessor.db import Base, UTCDateTime, one_of, utcnow

# In English as data, as the API gives them; the *_LABELS are what pages show.
SCOPES = {"global": "Global", "regional": "Regional", "national": "National"}
SCOPE_LABELS = {"global": _l("Global"), "regional": _l("Regional"), "national": _l("National")}
# WSIS+10 (IGF 2013 Workshop #41 report, recommendation 2): governance of / on the Internet.
LAYERS = {
    "of_the_internet": "Governance of the Internet",
    "on_the_internet": "Governance on the Internet",
}
LAYER_LABELS = {
    "of_the_internet": _l("Governance of the Internet"),
    "on_the_internet": _l("Governance on the Internet"),
}
# The fields that describe a process: what a version of its record keeps.
DESCRIBED_FIELDS = (
    "name",
    "convening_organization",
    "description",
    "public_url",
    "scope",
    "layer",
    "starts_on",
    "ends_on",
)


def _described_constraints() -> tuple[CheckConstraint, ...]:
    """What a described process must be, whether current or a version of its record."""
    return (
        CheckConstraint(one_of("scope", SCOPES), name="scope"),
        CheckConstraint(one_of("layer", LAYERS), name="layer"),
        CheckConstraint("length(name) > 0", name="name_not_empty"),
        CheckConstraint(
            "ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on", name="dates_ordered"
        ),
    )


class DescribedRecord:
    """The columns of a process's description (DESCRIBED_FIELDS), shared by the process and
    each version of its record."""

    name: Mapped[str] = mapped_column(String(300))
    convening_organization: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    public_url: Mapped[str | None] = mapped_column(String(2000))
    scope: Mapped[str] = mapped_column(String(20))
    layer: Mapped[str] = mapped_column(String(20))
    starts_on: Mapped[date | None] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)


class Process(DescribedRecord, Base):
    __tablename__ = "processes"
    __table_args__ = _described_constraints()

    id: Mapped[int] = mapped_column(primary_key=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ProcessRepresentative(Base):
    """A user an admin allows to reply on the process's behalf to its published assessments."""

    __tablename__ = "process_representatives"

    process_id: Mapped[int] = mapped_column(
        ForeignKey("processes.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    granted_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    granted_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ProcessVersion(DescribedRecord, Base):
    """The described fields of a process as they stood from ``recorded_at``.

    Describing a process and each change of its record add a version; a published assessment
    names the version it was published against, so its scorecard keeps showing the process
    as it was described then.
    """

    __tablename__ = "process_versions"
    __table_args__ = (
        *_described_constraints(),
        UniqueConstraint("process_id", "number"),
        CheckConstraint("number >= 1", name="number_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    process_id: Mapped[int] = mapped_column(ForeignKey("processes.id", ondelete="CASCADE"))
    # 1 for the first version of a process's record, then 2, 3...
    number: Mapped[int] = mapped_column(Integer)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


# The number of the process's newest version: what an edit is based on, so that a change made
# meanwhile is told apart. Deferred: only the pages and calls that change a process read it.
Process.record_version = column_property(
    select(func.max(ProcessVersion.number))
    .where(ProcessVersion.process_id == Process.id)
    .correlate_except(ProcessVersion)
    .scalar_subquery(),
    deferred=True,
)
