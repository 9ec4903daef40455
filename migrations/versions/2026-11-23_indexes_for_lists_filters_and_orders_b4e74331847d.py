"""Indexes for the lists, filters and orders of the pages and the API.

Scorecards newest published first and assessments newest first (each with the id that makes
the order total), assessments filtered by status or perspective, and a pillar's questions.

Revision ID: b4e74331847d
Revises: 8cef2186f77a
Create Date: 2026-11-23 17:12:31.347850

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = 'b4e74331847d'
down_revision = '8cef2186f77a'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('assessments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_assessments_created_at'), ['created_at', 'id'], unique=False)
        batch_op.create_index(batch_op.f('ix_assessments_perspective'), ['perspective'], unique=False)
        batch_op.create_index(batch_op.f('ix_assessments_published_at'), ['published_at', 'id'], unique=False)
        batch_op.create_index(batch_op.f('ix_assessments_status'), ['status'], unique=False)

    with op.batch_alter_table('questions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_questions_pillar_id'), ['pillar_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('questions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_questions_pillar_id'))

    with op.batch_alter_table('assessments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_assessments_status'))
        batch_op.drop_index(batch_op.f('ix_assessments_published_at'))
        batch_op.drop_index(batch_op.f('ix_assessments_perspective'))
        batch_op.drop_index(batch_op.f('ix_assessments_created_at'))
