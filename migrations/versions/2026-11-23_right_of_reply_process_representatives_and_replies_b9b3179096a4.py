"""Right of reply: process representatives and their replies to published assessments.

Revision ID: b9b3179096a4
Revises: 0f7924533524
Create Date: 2026-11-23 16:13:58.108888

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'b9b3179096a4'
down_revision = '0f7924533524'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('process_representatives',
    sa.Column('process_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('granted_by_id', sa.Integer(), nullable=True),
    sa.Column('granted_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['granted_by_id'], ['users.id'], name=op.f('fk_process_representatives_granted_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['process_id'], ['processes.id'], name=op.f('fk_process_representatives_process_id_processes'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_process_representatives_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('process_id', 'user_id', name=op.f('pk_process_representatives'))
    )
    with op.batch_alter_table('process_representatives', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_process_representatives_user_id'), ['user_id'], unique=False)

    op.create_table('process_replies',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('assessment_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('length(body) > 0', name=op.f('ck_process_replies_body_not_empty')),
    sa.ForeignKeyConstraint(['assessment_id'], ['assessments.id'], name=op.f('fk_process_replies_assessment_id_assessments'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_process_replies_author_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_process_replies'))
    )
    with op.batch_alter_table('process_replies', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_process_replies_assessment_id'), ['assessment_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('process_replies', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_process_replies_assessment_id'))

    op.drop_table('process_replies')
    with op.batch_alter_table('process_representatives', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_process_representatives_user_id'))

    op.drop_table('process_representatives')
