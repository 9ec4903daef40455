"""The site's edition: a number raised by every commit that changes a public page.

Revision ID: 6f1a2c9d4e80
Revises: 5d2b8e4f1a63
Create Date: 2026-12-07 17:30:00.000000

Its one row starts at 1; pages kept before this revision are not kept anywhere yet.
"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '6f1a2c9d4e80'
down_revision = '5d2b8e4f1a63'
branch_labels = None
depends_on = None


def upgrade():
    edition = op.create_table(
        'site_edition',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('number', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_site_edition')),
    )
    op.bulk_insert(edition, [{'id': 1, 'number': 1}])


def downgrade():
    op.drop_table('site_edition')
