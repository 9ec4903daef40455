"""Batch downloads: several published scorecards rendered by a background job into one ZIP.

Revision ID: 8cef2186f77a
Revises: 58938ed8bc7d
Create Date: 2026-11-23 16:31:22.587526

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

# revision identifiers, used by Alembic.
revision = '8cef2186f77a'
down_revision = '58938ed8bc7d'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('batch_downloads',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('total', sa.Integer(), nullable=False),
    sa.Column('done', sa.Integer(), nullable=False),
    sa.Column('assessment_ids', sa.JSON().with_variant(postgresql.JSONB(), 'postgresql'), nullable=False),
    sa.Column('base_url', sa.String(length=2000), nullable=False),
    sa.Column('error', sa.Text(), nullable=True),
    sa.Column('zip', sa.LargeBinary(), nullable=True),
    sa.CheckConstraint("status IN ('queued', 'running', 'done', 'failed')", name=op.f('ck_batch_downloads_status')),
    sa.CheckConstraint('done >= 0 AND done <= total', name=op.f('ck_batch_downloads_done_within_total')),
    sa.CheckConstraint('length(id) = 32', name=op.f('ck_batch_downloads_id_token')),
    sa.CheckConstraint('total > 0', name=op.f('ck_batch_downloads_total_positive')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_batch_downloads'))
    )


def downgrade() -> None:
    op.drop_table('batch_downloads')
