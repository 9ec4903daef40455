"""Renders in progress, claimed by the key their page or PDF will be kept under.

Revision ID: e3b7c1d94a26
Revises: 6f1a2c9d4e80
Create Date: 2026-12-07 17:10:00.000000

A worker about to render a kept scorecard page or PDF inserts a row under its key; another
that needs the same key waits for it rather than render a second copy. The table starts
empty: nothing is being rendered while the database is upgraded.
"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = 'e3b7c1d94a26'
down_revision = '6f1a2c9d4e80'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'scorecard_render_claims',
        sa.Column('content_hash', sa.String(length=64), nullable=False),
        sa.Column('claimed_at', sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            'length(content_hash) = 64',
            name=op.f('ck_scorecard_render_claims_content_hash_sha256'),
        ),
        sa.PrimaryKeyConstraint('content_hash', name=op.f('pk_scorecard_render_claims')),
    )


def downgrade() -> None:
    op.drop_table('scorecard_render_claims')
