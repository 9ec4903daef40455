"""Languages: rubric text in several languages, a user's language, a rationale's language.

Existing rubric versions were written in one language: ``languages`` becomes that one and
their translations are empty. Existing rationales were written against their rubric, so their
language is taken to be the rubric's.

Revision ID: 3c51d0a7e2f4
Revises: b4e74331847d
Create Date: 2026-11-23 18:40:00.000000

"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql


# revision identifiers, used by Alembic.
revision = '3c51d0a7e2f4'
down_revision = 'b4e74331847d'
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(), 'postgresql')
# The hash of an empty set of translations (sha256 of "{}"), for rubrics loaded before them.
EMPTY_TRANSLATIONS_HASH = '44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a'
TRANSLATED_TABLES = ('rubric_versions', 'pillars', 'questions', 'level_descriptors')


def upgrade() -> None:
    for table in TRANSLATED_TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('translations', JSON, nullable=True))
        op.execute(sa.text(f"UPDATE {table} SET translations = '{{}}'"))
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.alter_column('translations', existing_type=JSON, nullable=False)

    with op.batch_alter_table('rubric_versions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('languages', JSON, nullable=True))
        batch_op.add_column(sa.Column('translations_hash', sa.String(length=64), nullable=True))
    rubric_versions = sa.table(
        'rubric_versions', sa.column('id', sa.Integer), sa.column('language', sa.String)
    )
    connection = op.get_bind()
    for rubric_id, language in connection.execute(
        sa.select(rubric_versions.c.id, rubric_versions.c.language)
    ):
        connection.execute(
            sa.text(
                'UPDATE rubric_versions SET languages = :languages, '
                'translations_hash = :translations_hash WHERE id = :id'
            ).bindparams(sa.bindparam('languages', type_=JSON)),
            {'languages': [language], 'translations_hash': EMPTY_TRANSLATIONS_HASH, 'id': rubric_id},
        )
    with op.batch_alter_table('rubric_versions', schema=None) as batch_op:
        batch_op.alter_column('languages', existing_type=JSON, nullable=False)
        batch_op.alter_column('translations_hash', existing_type=sa.String(length=64), nullable=False)
        batch_op.create_check_constraint(
            op.f('ck_rubric_versions_translations_hash_sha256'), 'length(translations_hash) = 64'
        )

    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('language', sa.String(length=16), nullable=True))

    with op.batch_alter_table('answers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('rationale_language', sa.String(length=16), nullable=True))
    op.execute(
        "UPDATE answers SET rationale_language = ("
        " SELECT rubric_versions.language FROM assessments"
        " JOIN rubric_versions ON rubric_versions.id = assessments.rubric_version_id"
        " WHERE assessments.id = answers.assessment_id"
        ") WHERE rationale <> ''"
    )


def downgrade() -> None:
    with op.batch_alter_table('answers', schema=None) as batch_op:
        batch_op.drop_column('rationale_language')
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('language')
    with op.batch_alter_table('rubric_versions', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_rubric_versions_translations_hash_sha256'), type_='check')
        batch_op.drop_column('translations_hash')
        batch_op.drop_column('languages')
    for table in reversed(TRANSLATED_TABLES):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('translations')
