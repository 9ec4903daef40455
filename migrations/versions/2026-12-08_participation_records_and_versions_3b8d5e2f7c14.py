"""Participation records of processes, their published versions, and the versions each
published assessment shows.

Revision ID: 3b8d5e2f7c14
Revises: e3b7c1d94a26
Create Date: 2026-12-08 01:00:16.707227

The tables start empty: no participation was recorded before, so every assessment published
until now shows none, as its scorecard did.
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

# revision identifiers, used by Alembic.
revision = "3b8d5e2f7c14"
down_revision = "e3b7c1d94a26"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "participation_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("process_id", sa.Integer(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("published_number", sa.Integer(), nullable=True),
        sa.Column("has_draft_changes", sa.Boolean(), nullable=False),
        sa.Column("withdrawn", sa.Boolean(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("stage", sa.String(length=40), nullable=False),
        sa.Column("body", sa.String(length=300), nullable=False),
        sa.Column("source_url", sa.String(length=2000), nullable=False),
        sa.Column("source_title", sa.String(length=500), nullable=False),
        sa.Column("accessed_on", sa.Date(), nullable=True),
        sa.Column(
            "counts",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("note", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "source_url LIKE 'http://%' OR source_url LIKE 'https://%'",
            name=op.f("ck_participation_records_source_url_http"),
        ),
        sa.CheckConstraint(
            "stage IN ('agenda_setting', 'policy_formulation', 'decision_making')",
            name=op.f("ck_participation_records_stage"),
        ),
        sa.CheckConstraint(
            "length(source_title) > 0", name=op.f("ck_participation_records_source_title_not_empty")
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["users.id"],
            name=op.f("fk_participation_records_created_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["process_id"],
            ["processes.id"],
            name=op.f("fk_participation_records_process_id_processes"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["users.id"],
            name=op.f("fk_participation_records_updated_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_participation_records")),
    )
    with op.batch_alter_table("participation_records", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_participation_records_process_id"), ["process_id"], unique=False
        )

    op.create_table(
        "participation_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("process_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("withdrawn", sa.Boolean(), nullable=False),
        sa.Column("published_by_id", sa.Integer(), nullable=True),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("stage", sa.String(length=40), nullable=False),
        sa.Column("body", sa.String(length=300), nullable=False),
        sa.Column("source_url", sa.String(length=2000), nullable=False),
        sa.Column("source_title", sa.String(length=500), nullable=False),
        sa.Column("accessed_on", sa.Date(), nullable=True),
        sa.Column(
            "counts",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("note", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "source_url LIKE 'http://%' OR source_url LIKE 'https://%'",
            name=op.f("ck_participation_versions_source_url_http"),
        ),
        sa.CheckConstraint(
            "stage IN ('agenda_setting', 'policy_formulation', 'decision_making')",
            name=op.f("ck_participation_versions_stage"),
        ),
        sa.CheckConstraint(
            "length(source_title) > 0",
            name=op.f("ck_participation_versions_source_title_not_empty"),
        ),
        sa.CheckConstraint("number >= 1", name=op.f("ck_participation_versions_number_positive")),
        sa.ForeignKeyConstraint(
            ["process_id"],
            ["processes.id"],
            name=op.f("fk_participation_versions_process_id_processes"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["published_by_id"],
            ["users.id"],
            name=op.f("fk_participation_versions_published_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["record_id"],
            ["participation_records.id"],
            name=op.f("fk_participation_versions_record_id_participation_records"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_participation_versions")),
        sa.UniqueConstraint(
            "record_id", "number", name=op.f("uq_participation_versions_record_id_number")
        ),
    )
    with op.batch_alter_table("participation_versions", schema=None) as batch_op:
        batch_op.create_index(
            "ix_participation_versions_process", ["process_id", "record_id", "number"], unique=False
        )

    op.create_table(
        "assessment_participation",
        sa.Column("assessment_id", sa.Integer(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["assessment_id"],
            ["assessments.id"],
            name=op.f("fk_assessment_participation_assessment_id_assessments"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["version_id"],
            ["participation_versions.id"],
            name=op.f("fk_assessment_participation_version_id_participation_versions"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint(
            "assessment_id", "version_id", name=op.f("pk_assessment_participation")
        ),
    )
    with op.batch_alter_table("assessment_participation", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_assessment_participation_version_id"), ["version_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("assessment_participation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_assessment_participation_version_id"))

    op.drop_table("assessment_participation")
    with op.batch_alter_table("participation_versions", schema=None) as batch_op:
        batch_op.drop_index("ix_participation_versions_process")

    op.drop_table("participation_versions")
    with op.batch_alter_table("participation_records", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_participation_records_process_id"))

    op.drop_table("participation_records")
