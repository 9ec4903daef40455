"""The declarative base, the session-bound ``db`` object and column types shared by models."""

from datetime import UTC, datetime

from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import JSON, DateTime, Engine, MetaData, event
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.types import TypeDecorator

# Stable constraint names on both engines, so migrations can refer to them by name.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


db = SQLAlchemy(model_class=Base)

JSONDocument = JSON().with_variant(JSONB(), "postgresql")


@event.listens_for(Engine, "connect")
def enforce_sqlite_foreign_keys(dbapi_connection, connection_record) -> None:
    """SQLite ignores foreign keys unless asked, per connection; PostgreSQL always checks."""
    if type(dbapi_connection).__module__.startswith("sqlite3"):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()


# An execution option: the statement's results come from PostgreSQL in its binary format.
BINARY_RESULTS = "binary_results"


@event.listens_for(Engine, "do_execute")
def fetch_binary_results(cursor, statement, parameters, context) -> bool:
    """Execute a statement marked with BINARY_RESULTS asking psycopg for binary results: a kept
    PDF then arrives as its bytes, where text would send twice as many hex digits to decode."""
    if context.execution_options.get(BINARY_RESULTS) and context.dialect.name == "postgresql":
        cursor.execute(statement, parameters, binary=True)
        return True
    return False


class UTCDateTime(TypeDecorator):
    """A timezone-aware UTC timestamp, also on SQLite, which stores no zone."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:
        if value is not None and value.tzinfo is None:
            raise ValueError("naive datetimes are ambiguous; pass an aware UTC datetime")
        return value.astimezone(UTC) if value is not None else None

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def utcnow() -> datetime:
    """The current time as an aware UTC datetime (the only kind stored)."""
    return datetime.now(UTC)


def one_of(column: str, values: object) -> str:
    """SQL for a CHECK constraint that keeps ``column`` within a fixed set of keys."""
    quoted = ", ".join(f"'{value}'" for value in values)
    return f"{column} IN ({quoted})"
