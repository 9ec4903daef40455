"""Audit events indexed by who and by what, each newest first, for the audit page's filters.

Revision ID: 91bfee126f44
Revises: 7c3e9a1d5b20
Create Date: 2026-12-07 10:00:00.000000

Only indexes are added: the events kept so far stay as they are.
"""
from alembic import op

# revision identifiers, used by Alembic.
revision = '91bfee126f44'
down_revision = '7c3e9a1d5b20'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.create_index('ix_audit_events_actor_occurred', ['actor_id', 'occurred_at'], unique=False)
        batch_op.create_index('ix_audit_events_action_occurred', ['action', 'occurred_at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_events_action_occurred')
        batch_op.drop_index('ix_audit_events_actor_occurred')
