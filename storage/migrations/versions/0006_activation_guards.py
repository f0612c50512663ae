"""activation_guards: one row per attempt limit, locked while an activation is checked

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01 23:50:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from storage.types import UTCDateTime

revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'activation_guards',
        sa.Column('key', sa.String(length=80), nullable=False),
        sa.Column('touched_at', UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint('key'),
    )


def downgrade() -> None:
    op.drop_table('activation_guards')
