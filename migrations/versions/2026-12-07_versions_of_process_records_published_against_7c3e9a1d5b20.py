"""Versions of process records; a published assessment names the one it was published against.

Revision ID: 7c3e9a1d5b20
Revises: 4e1d6c2a9b70
Create Date: 2026-12-07 10:00:00.000000

Every process gets the versions of its record that the audit trail shows. Its
`process.created` event holds the record as first described, and each `process.updated` event
the changed fields before and after. Starting from the current record and undoing the changes
newest first gives each earlier version, from the time of the change that ended it. Where the
trail holds together (each change's "after" is what the next version holds, and the first
version is what `process.created` recorded, when there is such an event), every published or
withdrawn assessment is given the version current at its publication time. Where it does not
(the record was changed by other means than the application), or a process has no events,
the process gets one version, its current record, dated from its creation, and its
assessments are given that one: as their scorecards showed it until this revision.
"""
from datetime import UTC, date, datetime

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

# revision identifiers, used by Alembic.
revision = '7c3e9a1d5b20'
down_revision = '4e1d6c2a9b70'
branch_labels = None
depends_on = None

DESCRIBED_FIELDS = (
    'name',
    'convening_organization',
    'description',
    'public_url',
    'scope',
    'layer',
    'starts_on',
    'ends_on',
)
DATE_FIELDS = ('starts_on', 'ends_on')
# The state of the schema this revision reads and writes, whatever later revisions do.
JSON = sa.JSON().with_variant(postgresql.JSONB(), 'postgresql')
processes = sa.table(
    'processes',
    sa.column('id', sa.Integer()),
    *(sa.column(field, sa.Date() if field in DATE_FIELDS else sa.Text()) for field in DESCRIBED_FIELDS),
    sa.column('created_by_id', sa.Integer()),
    sa.column('created_at', sa.DateTime(timezone=True)),
)
audit_events = sa.table(
    'audit_events',
    sa.column('id', sa.Integer()),
    sa.column('actor_id', sa.Integer()),
    sa.column('occurred_at', sa.DateTime(timezone=True)),
    sa.column('action', sa.String()),
    sa.column('subject_type', sa.String()),
    sa.column('subject_id', sa.Integer()),
    sa.column('before', JSON),
    sa.column('after', JSON),
)
assessments = sa.table(
    'assessments',
    sa.column('id', sa.Integer()),
    sa.column('process_id', sa.Integer()),
    sa.column('status', sa.String()),
    sa.column('published_at', sa.DateTime(timezone=True)),
    sa.column('process_version_id', sa.Integer()),
)
process_versions = sa.table(
    'process_versions',
    sa.column('id', sa.Integer()),
    sa.column('process_id', sa.Integer()),
    sa.column('number', sa.Integer()),
    *(sa.column(field, sa.Date() if field in DATE_FIELDS else sa.Text()) for field in DESCRIBED_FIELDS),
    sa.column('recorded_by_id', sa.Integer()),
    sa.column('recorded_at', sa.DateTime(timezone=True)),
)


def upgrade() -> None:
    op.create_table('process_versions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('process_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('convening_organization', sa.String(length=300), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('public_url', sa.String(length=2000), nullable=True),
    sa.Column('scope', sa.String(length=20), nullable=False),
    sa.Column('layer', sa.String(length=20), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=True),
    sa.Column('ends_on', sa.Date(), nullable=True),
    sa.Column('recorded_by_id', sa.Integer(), nullable=True),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("layer IN ('of_the_internet', 'on_the_internet')", name=op.f('ck_process_versions_layer')),
    sa.CheckConstraint("scope IN ('global', 'regional', 'national')", name=op.f('ck_process_versions_scope')),
    sa.CheckConstraint('ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on', name=op.f('ck_process_versions_dates_ordered')),
    sa.CheckConstraint('length(name) > 0', name=op.f('ck_process_versions_name_not_empty')),
    sa.CheckConstraint('number >= 1', name=op.f('ck_process_versions_number_positive')),
    sa.ForeignKeyConstraint(['process_id'], ['processes.id'], name=op.f('fk_process_versions_process_id_processes'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['users.id'], name=op.f('fk_process_versions_recorded_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_process_versions')),
    sa.UniqueConstraint('process_id', 'number', name=op.f('uq_process_versions_process_id_number'))
    )
    with op.batch_alter_table('assessments', schema=None) as batch_op:
        batch_op.add_column(sa.Column('process_version_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_assessments_process_version_id'), ['process_version_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_assessments_process_version_id_process_versions'), 'process_versions', ['process_version_id'], ['id'], ondelete='RESTRICT')

    connection = op.get_bind()
    for process in connection.execute(sa.select(processes).order_by(processes.c.id)).mappings():
        versions = _insert_versions(connection, process, _versions_of(connection, process))
        _name_published_versions(connection, process['id'], versions)

    with op.batch_alter_table('assessments', schema=None) as batch_op:
        batch_op.create_check_constraint(
            op.f('ck_assessments_published_against_a_process_version'),
            "status NOT IN ('published', 'withdrawn') OR process_version_id IS NOT NULL",
        )


def _utc(moment: datetime) -> datetime:
    """An aware UTC time, from SQLite's naive UTC text or PostgreSQL's aware value."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _record(values: dict) -> dict:
    """The described fields of an audit event's record, dates as dates."""
    record = {field: values[field] for field in DESCRIBED_FIELDS if field in values}
    for field in DATE_FIELDS:
        if isinstance(record.get(field), str):
            record[field] = date.fromisoformat(record[field])
    return record


def _versions_of(connection, process) -> list[tuple[dict, datetime, int | None]]:
    """(record, recorded at, recorded by) of each version of the process, oldest first."""
    current = {field: process[field] for field in DESCRIBED_FIELDS}
    first = (current, _utc(process['created_at']), process['created_by_id'])
    events = list(connection.execute(
        sa.select(audit_events)
        .where(
            audit_events.c.subject_type == 'process',
            audit_events.c.subject_id == process['id'],
            audit_events.c.action.in_(('process.created', 'process.updated')),
        )
        .order_by(audit_events.c.occurred_at, audit_events.c.id)
    ).mappings())
    created = next((event for event in events if event['action'] == 'process.created'), None)
    updates = [event for event in events if event['action'] == 'process.updated']
    # Newest first: each change undone gives the version before it.
    records = [current]
    for update in reversed(updates):
        after = _record(update['after'] or {})
        if any(records[0][field] != value for field, value in after.items()):
            return [first]  # the trail does not lead to the record as it is
        records.insert(0, {**records[0], **_record(update['before'] or {})})
    if created is None:
        first = (records[0], first[1], first[2])
    elif _record(created['after'] or {}) == records[0]:
        first = (records[0], _utc(created['occurred_at']), created['actor_id'])
    else:
        return [first]  # the trail does not lead back to the record as first described
    later = [
        (record, _utc(update['occurred_at']), update['actor_id'])
        for record, update in zip(records[1:], updates)
    ]
    return [first, *later]


def _insert_versions(connection, process, versions) -> list[tuple[int, datetime]]:
    """Store the versions, numbered from 1; their ids and times, oldest first."""
    stored = []
    for number, (record, recorded_at, recorded_by_id) in enumerate(versions, start=1):
        version_id = connection.execute(
            sa.insert(process_versions)
            .values(
                process_id=process['id'],
                number=number,
                recorded_by_id=recorded_by_id,
                recorded_at=recorded_at,
                **record,
            )
            .returning(process_versions.c.id)
        ).scalar_one()
        stored.append((version_id, recorded_at))
    return stored


def _name_published_versions(connection, process_id: int, versions) -> None:
    """Give each published or withdrawn assessment the version current when it was published
    (the first, if it was published before any was recorded)."""
    published = connection.execute(
        sa.select(assessments.c.id, assessments.c.published_at).where(
            assessments.c.process_id == process_id,
            assessments.c.status.in_(('published', 'withdrawn')),
        )
    )
    for assessment_id, published_at in published:
        when = _utc(published_at)
        version_id = versions[0][0]
        for candidate, recorded_at in versions:
            if recorded_at <= when:
                version_id = candidate
        connection.execute(
            sa.update(assessments)
            .where(assessments.c.id == assessment_id)
            .values(process_version_id=version_id)
        )


def downgrade() -> None:
    with op.batch_alter_table('assessments', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_assessments_published_against_a_process_version'), type_='check')
        batch_op.drop_constraint(batch_op.f('fk_assessments_process_version_id_process_versions'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_assessments_process_version_id'))
        batch_op.drop_column('process_version_id')

    op.drop_table('process_versions')
