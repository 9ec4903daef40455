"""Stages of a process that each rubric question concerns.

Revision ID: 5d2b8e4f1a63
Revises: 91bfee126f44
Create Date: 2026-12-07 14:10:00.000000

Rubric versions loaded before stage tags (1.0.0) have none: their questions get an empty list,
which the stage matrix shows as "no question" rather than guessing a stage.
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

# revision identifiers, used by Alembic.
revision = '5d2b8e4f1a63'
down_revision = '91bfee126f44'
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(), 'postgresql')


def upgrade():
    with op.batch_alter_table('questions') as batch_op:
        batch_op.add_column(sa.Column('stages', JSON, nullable=False, server_default='[]'))


def downgrade():
    with op.batch_alter_table('questions') as batch_op:
        batch_op.drop_column('stages')
