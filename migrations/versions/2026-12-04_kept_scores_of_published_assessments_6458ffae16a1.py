"""Kept scores of published assessments, one per scoring method version.

Revision ID: 6458ffae16a1
Revises: 5d0c2a7b9e41
Create Date: 2026-12-04 16:44:25.591610

The table starts empty: `flask scorecards keep-scores` fills it for what is already published
(`make database` runs it), and until then lists score what they show as before.
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

# revision identifiers, used by Alembic.
revision = '6458ffae16a1'
down_revision = '5d0c2a7b9e41'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('kept_scores',
    sa.Column('assessment_id', sa.Integer(), nullable=False),
    sa.Column('method_version', sa.String(length=20), nullable=False),
    sa.Column('result', sa.JSON().with_variant(postgresql.JSONB(), 'postgresql'), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['assessment_id'], ['assessments.id'], name=op.f('fk_kept_scores_assessment_id_assessments'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('assessment_id', 'method_version', name=op.f('pk_kept_scores'))
    )


def downgrade() -> None:
    op.drop_table('kept_scores')
