"""Rendered scorecard PDFs, cached by the hash of their content.

Revision ID: 58938ed8bc7d
Revises: b9b3179096a4
Create Date: 2026-11-23 16:21:33.082176

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '58938ed8bc7d'
down_revision = 'b9b3179096a4'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('scorecard_pdfs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('assessment_id', sa.Integer(), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('pdf', sa.LargeBinary(), nullable=False),
    sa.Column('byte_size', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('byte_size > 0', name=op.f('ck_scorecard_pdfs_byte_size_positive')),
    sa.CheckConstraint('length(content_hash) = 64', name=op.f('ck_scorecard_pdfs_content_hash_sha256')),
    sa.ForeignKeyConstraint(['assessment_id'], ['assessments.id'], name=op.f('fk_scorecard_pdfs_assessment_id_assessments'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_scorecard_pdfs')),
    sa.UniqueConstraint('content_hash', name=op.f('uq_scorecard_pdfs_content_hash'))
    )
    with op.batch_alter_table('scorecard_pdfs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_scorecard_pdfs_assessment_id'), ['assessment_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('scorecard_pdfs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_scorecard_pdfs_assessment_id'))

    op.drop_table('scorecard_pdfs')
