"""Rendered scorecard pages, cached by the hash of their content, site and language.

Revision ID: 5d0c2a7b9e41
Revises: 3c51d0a7e2f4
Create Date: 2026-11-23 19:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '5d0c2a7b9e41'
down_revision = '3c51d0a7e2f4'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('scorecard_pages',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('assessment_id', sa.Integer(), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('html', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('length(content_hash) = 64', name=op.f('ck_scorecard_pages_content_hash_sha256')),
    sa.ForeignKeyConstraint(['assessment_id'], ['assessments.id'], name=op.f('fk_scorecard_pages_assessment_id_assessments'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_scorecard_pages')),
    sa.UniqueConstraint('content_hash', name=op.f('uq_scorecard_pages_content_hash'))
    )
    with op.batch_alter_table('scorecard_pages', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_scorecard_pages_assessment_id'), ['assessment_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('scorecard_pages', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_scorecard_pages_assessment_id'))

    op.drop_table('scorecard_pages')
