"""Answers keep the evidence rows an assessor has not finished yet.

Revision ID: a41c7e93d2b8
Revises: 12bef0925d85
Create Date: 2026-12-07 09:00:00

An evidence row without a title, or whose address is not an http(s) address, used to be
refused with the whole save, losing what was typed with it. Such rows are now kept on the
answer as typed, in `unfinished_evidence`, and block submission until completed. Existing
answers have none.
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

# revision identifiers, used by Alembic.
revision = 'a41c7e93d2b8'
down_revision = '12bef0925d85'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('answers', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                'unfinished_evidence',
                sa.JSON().with_variant(postgresql.JSONB(), 'postgresql'),
                server_default='[]',
                nullable=False,
            )
        )


def downgrade() -> None:
    with op.batch_alter_table('answers', schema=None) as batch_op:
        batch_op.drop_column('unfinished_evidence')
