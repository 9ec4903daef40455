"""API tokens, review comments, withdrawal and reasons of change.

Revision ID: 0f7924533524
Revises: 953da0f804af
Create Date: 2026-11-23 15:45:50.609835

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0f7924533524'
down_revision = '953da0f804af'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('api_tokens',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_used_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint('length(name) > 0', name=op.f('ck_api_tokens_name_not_empty')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_api_tokens_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_api_tokens')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_api_tokens_token_hash'))
    )
    with op.batch_alter_table('api_tokens', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_api_tokens_user_id'), ['user_id'], unique=False)

    op.create_table('review_comments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('assessment_id', sa.Integer(), nullable=False),
    sa.Column('question_key', sa.String(length=160), nullable=True),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('resolved_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint('length(body) > 0', name=op.f('ck_review_comments_body_not_empty')),
    sa.ForeignKeyConstraint(['assessment_id'], ['assessments.id'], name=op.f('fk_review_comments_assessment_id_assessments'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_review_comments_author_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_review_comments'))
    )
    with op.batch_alter_table('review_comments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_review_comments_assessment_id'), ['assessment_id'], unique=False)

    with op.batch_alter_table('answers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('change_reason', sa.String(length=20), nullable=True))
        batch_op.create_check_constraint(
            op.f('ck_answers_change_reason'),
            "change_reason IS NULL OR change_reason IN "
            "('improvement', 'decline', 'correction', 'new_evidence')",
        )

    with op.batch_alter_table('assessments', schema=None) as batch_op:
        batch_op.add_column(sa.Column('published_by_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('withdrawn_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('withdrawal_reason', sa.Text(), nullable=True))
        batch_op.create_index(batch_op.f('ix_assessments_revises_id'), ['revises_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_assessments_published_by_id_users'), 'users', ['published_by_id'], ['id'], ondelete='RESTRICT')
        batch_op.create_check_constraint(
            op.f('ck_assessments_withdrawal_explained'),
            "status <> 'withdrawn' OR (withdrawn_at IS NOT NULL AND withdrawal_reason IS NOT NULL)",
        )
        batch_op.create_check_constraint(
            op.f('ck_assessments_published_dated'),
            "status NOT IN ('published', 'withdrawn') OR published_at IS NOT NULL",
        )



def downgrade() -> None:
    with op.batch_alter_table('assessments', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_assessments_published_dated'), type_='check')
        batch_op.drop_constraint(op.f('ck_assessments_withdrawal_explained'), type_='check')
        batch_op.drop_constraint(batch_op.f('fk_assessments_published_by_id_users'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_assessments_revises_id'))
        batch_op.drop_column('withdrawal_reason')
        batch_op.drop_column('withdrawn_at')
        batch_op.drop_column('published_by_id')

    with op.batch_alter_table('answers', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_answers_change_reason'), type_='check')
        batch_op.drop_column('change_reason')

    with op.batch_alter_table('review_comments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_review_comments_assessment_id'))

    op.drop_table('review_comments')
    with op.batch_alter_table('api_tokens', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_api_tokens_user_id'))

    op.drop_table('api_tokens')
