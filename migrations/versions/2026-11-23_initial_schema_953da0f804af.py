"""Initial schema: users, rubric versions, processes, assessments, answers, evidence, audit.

Revision ID: 953da0f804af
Revises: 
Create Date: 2026-11-23 15:36:29.803386

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

# revision identifiers, used by Alembic.
revision = '953da0f804af'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('rubric_versions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('slug', sa.String(length=80), nullable=False),
    sa.Column('version', sa.String(length=40), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('language', sa.String(length=16), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('loaded_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('length(content_hash) = 64', name=op.f('ck_rubric_versions_content_hash_sha256')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rubric_versions')),
    sa.UniqueConstraint('slug', 'version', name=op.f('uq_rubric_versions_slug_version'))
    )
    op.create_table('users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('password_hash', sa.String(length=255), nullable=False),
    sa.Column('display_name', sa.String(length=120), nullable=False),
    sa.Column('stakeholder_group', sa.String(length=40), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("stakeholder_group IN ('government', 'private_sector', 'civil_society', 'technical_community', 'academia', 'intergovernmental')", name=op.f('ck_users_stakeholder_group')),
    sa.CheckConstraint('email = lower(email)', name=op.f('ck_users_email_lowercase')),
    sa.CheckConstraint('length(display_name) > 0', name=op.f('ck_users_display_name_not_empty')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('email', name=op.f('uq_users_email'))
    )
    op.create_table('audit_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('occurred_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('action', sa.String(length=60), nullable=False),
    sa.Column('subject_type', sa.String(length=40), nullable=False),
    sa.Column('subject_id', sa.Integer(), nullable=False),
    sa.Column('before', sa.JSON().with_variant(postgresql.JSONB(), 'postgresql'), nullable=True),
    sa.Column('after', sa.JSON().with_variant(postgresql.JSONB(), 'postgresql'), nullable=True),
    sa.ForeignKeyConstraint(['actor_id'], ['users.id'], name=op.f('fk_audit_events_actor_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_events'))
    )
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_events_occurred_at'), ['occurred_at'], unique=False)
        batch_op.create_index('ix_audit_events_subject', ['subject_type', 'subject_id'], unique=False)

    op.create_table('pillars',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('rubric_version_id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=80), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('weight', sa.Float(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.CheckConstraint('weight > 0', name=op.f('ck_pillars_weight_positive')),
    sa.ForeignKeyConstraint(['rubric_version_id'], ['rubric_versions.id'], name=op.f('fk_pillars_rubric_version_id_rubric_versions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pillars')),
    sa.UniqueConstraint('id', 'rubric_version_id', name='uq_pillars_id_rubric_version_id'),
    sa.UniqueConstraint('rubric_version_id', 'key', name=op.f('uq_pillars_rubric_version_id_key'))
    )
    op.create_table('processes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('convening_organization', sa.String(length=300), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('public_url', sa.String(length=2000), nullable=True),
    sa.Column('scope', sa.String(length=20), nullable=False),
    sa.Column('layer', sa.String(length=20), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=True),
    sa.Column('ends_on', sa.Date(), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("layer IN ('of_the_internet', 'on_the_internet')", name=op.f('ck_processes_layer')),
    sa.CheckConstraint("scope IN ('global', 'regional', 'national')", name=op.f('ck_processes_scope')),
    sa.CheckConstraint('ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on', name=op.f('ck_processes_dates_ordered')),
    sa.CheckConstraint('length(name) > 0', name=op.f('ck_processes_name_not_empty')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_processes_created_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_processes'))
    )
    op.create_table('rubric_sources',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('rubric_version_id', sa.Integer(), nullable=False),
    sa.Column('ident', sa.String(length=80), nullable=False),
    sa.Column('title', sa.String(length=400), nullable=False),
    sa.Column('issuer', sa.String(length=200), nullable=False),
    sa.Column('issued', sa.String(length=80), nullable=False),
    sa.Column('url', sa.String(length=2000), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['rubric_version_id'], ['rubric_versions.id'], name=op.f('fk_rubric_sources_rubric_version_id_rubric_versions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rubric_sources')),
    sa.UniqueConstraint('rubric_version_id', 'ident', name=op.f('uq_rubric_sources_rubric_version_id_ident'))
    )
    op.create_table('user_roles',
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.CheckConstraint("role IN ('admin', 'assessor', 'reviewer')", name=op.f('ck_user_roles_role')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_user_roles_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('user_id', 'role', name=op.f('pk_user_roles'))
    )
    op.create_table('assessments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('process_id', sa.Integer(), nullable=False),
    sa.Column('rubric_version_id', sa.Integer(), nullable=False),
    sa.Column('assessor_id', sa.Integer(), nullable=False),
    sa.Column('perspective', sa.String(length=40), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('submitted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('published_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('revises_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("perspective IN ('government', 'private_sector', 'civil_society', 'technical_community', 'academia', 'intergovernmental')", name=op.f('ck_assessments_perspective')),
    sa.CheckConstraint("status IN ('draft', 'submitted', 'published', 'withdrawn')", name=op.f('ck_assessments_status')),
    sa.CheckConstraint('revises_id IS NULL OR revises_id <> id', name=op.f('ck_assessments_revises_other')),
    sa.ForeignKeyConstraint(['assessor_id'], ['users.id'], name=op.f('fk_assessments_assessor_id_users'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['process_id'], ['processes.id'], name=op.f('fk_assessments_process_id_processes'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['revises_id'], ['assessments.id'], name=op.f('fk_assessments_revises_id_assessments'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['rubric_version_id'], ['rubric_versions.id'], name=op.f('fk_assessments_rubric_version_id_rubric_versions'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_assessments'))
    )
    with op.batch_alter_table('assessments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_assessments_assessor_id'), ['assessor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_assessments_process_id'), ['process_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_assessments_rubric_version_id'), ['rubric_version_id'], unique=False)

    op.create_table('questions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('rubric_version_id', sa.Integer(), nullable=False),
    sa.Column('pillar_id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=160), nullable=False),
    sa.Column('prompt', sa.Text(), nullable=False),
    sa.Column('guidance', sa.Text(), nullable=False),
    sa.Column('weight', sa.Float(), nullable=False),
    sa.Column('evidence_threshold', sa.Integer(), nullable=False),
    sa.Column('not_applicable_allowed', sa.Boolean(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.CheckConstraint('evidence_threshold BETWEEN 1 AND 4', name=op.f('ck_questions_evidence_threshold_range')),
    sa.CheckConstraint('weight > 0', name=op.f('ck_questions_weight_positive')),
    sa.ForeignKeyConstraint(['pillar_id', 'rubric_version_id'], ['pillars.id', 'pillars.rubric_version_id'], name='fk_questions_pillar_rubric_version', ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_questions')),
    sa.UniqueConstraint('rubric_version_id', 'key', name=op.f('uq_questions_rubric_version_id_key'))
    )
    op.create_table('answers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('assessment_id', sa.Integer(), nullable=False),
    sa.Column('question_key', sa.String(length=160), nullable=False),
    sa.Column('level', sa.Integer(), nullable=True),
    sa.Column('not_applicable', sa.Boolean(), nullable=False),
    sa.Column('insufficient_information', sa.Boolean(), nullable=False),
    sa.Column('rationale', sa.Text(), nullable=False),
    sa.Column('row_version', sa.Integer(), nullable=False),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('(CASE WHEN level IS NULL THEN 0 ELSE 1 END) + (CASE WHEN not_applicable THEN 1 ELSE 0 END) + (CASE WHEN insufficient_information THEN 1 ELSE 0 END) = 1', name=op.f('ck_answers_one_kind_of_answer')),
    sa.CheckConstraint('level IS NULL OR level BETWEEN 0 AND 4', name=op.f('ck_answers_level_range')),
    sa.ForeignKeyConstraint(['assessment_id'], ['assessments.id'], name=op.f('fk_answers_assessment_id_assessments'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['updated_by_id'], ['users.id'], name=op.f('fk_answers_updated_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_answers')),
    sa.UniqueConstraint('assessment_id', 'question_key', name=op.f('uq_answers_assessment_id_question_key'))
    )
    op.create_table('citations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('question_id', sa.Integer(), nullable=False),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.Column('locator', sa.String(length=400), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['question_id'], ['questions.id'], name=op.f('fk_citations_question_id_questions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['source_id'], ['rubric_sources.id'], name=op.f('fk_citations_source_id_rubric_sources'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_citations')),
    sa.UniqueConstraint('question_id', 'position', name=op.f('uq_citations_question_id_position'))
    )
    op.create_table('level_descriptors',
    sa.Column('question_id', sa.Integer(), nullable=False),
    sa.Column('level', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('descriptor', sa.Text(), nullable=False),
    sa.CheckConstraint('level BETWEEN 0 AND 4', name=op.f('ck_level_descriptors_level_range')),
    sa.ForeignKeyConstraint(['question_id'], ['questions.id'], name=op.f('fk_level_descriptors_question_id_questions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('question_id', 'level', name=op.f('pk_level_descriptors'))
    )
    op.create_table('evidence_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('answer_id', sa.Integer(), nullable=False),
    sa.Column('url', sa.String(length=2000), nullable=False),
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('accessed_on', sa.Date(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.CheckConstraint("url LIKE 'http://%' OR url LIKE 'https://%'", name=op.f('ck_evidence_items_url_http')),
    sa.CheckConstraint('length(url) <= 2000', name=op.f('ck_evidence_items_url_length')),
    sa.ForeignKeyConstraint(['answer_id'], ['answers.id'], name=op.f('fk_evidence_items_answer_id_answers'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_evidence_items'))
    )
    with op.batch_alter_table('evidence_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_evidence_items_answer_id'), ['answer_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('evidence_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_evidence_items_answer_id'))

    op.drop_table('evidence_items')
    op.drop_table('level_descriptors')
    op.drop_table('citations')
    op.drop_table('answers')
    op.drop_table('questions')
    with op.batch_alter_table('assessments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_assessments_rubric_version_id'))
        batch_op.drop_index(batch_op.f('ix_assessments_process_id'))
        batch_op.drop_index(batch_op.f('ix_assessments_assessor_id'))

    op.drop_table('assessments')
    op.drop_table('user_roles')
    op.drop_table('rubric_sources')
    op.drop_table('processes')
    op.drop_table('pillars')
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_events_subject')
        batch_op.drop_index(batch_op.f('ix_audit_events_occurred_at'))

    op.drop_table('audit_events')
    op.drop_table('users')
    op.drop_table('rubric_versions')
