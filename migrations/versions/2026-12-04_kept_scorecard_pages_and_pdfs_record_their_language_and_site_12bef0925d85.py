"""Kept scorecard pages and PDFs record the language and site they were rendered for.

Revision ID: 12bef0925d85
Revises: 6458ffae16a1
Create Date: 2026-12-04 16:50:57.306501

A newer page or PDF of an assessment replaces the older one for the same language and site.
Rows kept before this revision record neither: they stay, and are still served under their
keys, until the assessment's next page or PDF, or `flask scorecards prune`, removes them.
The index on the assessment grows to (assessment, language), which the pruning looks up.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '12bef0925d85'
down_revision = '6458ffae16a1'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('scorecard_pages', schema=None) as batch_op:
        batch_op.add_column(sa.Column('language', sa.String(length=35), nullable=True))
        batch_op.add_column(sa.Column('site', sa.String(length=2000), nullable=True))
        batch_op.add_column(sa.Column('language_in_links', sa.Boolean(), nullable=True))
        batch_op.drop_index(batch_op.f('ix_scorecard_pages_assessment_id'))
        batch_op.create_index('ix_scorecard_pages_assessment_id_language', ['assessment_id', 'language'], unique=False)

    with op.batch_alter_table('scorecard_pdfs', schema=None) as batch_op:
        batch_op.add_column(sa.Column('language', sa.String(length=35), nullable=True))
        batch_op.add_column(sa.Column('site', sa.String(length=2000), nullable=True))
        batch_op.drop_index(batch_op.f('ix_scorecard_pdfs_assessment_id'))
        batch_op.create_index('ix_scorecard_pdfs_assessment_id_language', ['assessment_id', 'language'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('scorecard_pdfs', schema=None) as batch_op:
        batch_op.drop_index('ix_scorecard_pdfs_assessment_id_language')
        batch_op.create_index(batch_op.f('ix_scorecard_pdfs_assessment_id'), ['assessment_id'], unique=False)
        batch_op.drop_column('site')
        batch_op.drop_column('language')

    with op.batch_alter_table('scorecard_pages', schema=None) as batch_op:
        batch_op.drop_index('ix_scorecard_pages_assessment_id_language')
        batch_op.create_index(batch_op.f('ix_scorecard_pages_assessment_id'), ['assessment_id'], unique=False)
        batch_op.drop_column('language_in_links')
        batch_op.drop_column('site')
        batch_op.drop_column('language')
