"""request submission token; request numbers never reused on SQLite

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 09:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _batch_options() -> dict:
    # SQLite: rebuild the table with AUTOINCREMENT, so a deleted row's id (its number R-…)
    # is never handed out again. PostgreSQL's sequence never goes back anyway: no rebuild there.
    if op.get_bind().dialect.name == "sqlite":
        return {"recreate": "always", "table_kwargs": {"sqlite_autoincrement": True}}
    return {}


def upgrade() -> None:
    with op.batch_alter_table('requests', schema=None, **_batch_options()) as batch_op:
        batch_op.add_column(
            sa.Column('submission_token', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True)
        )
        batch_op.create_unique_constraint(
            'uq_requests_member_submission', ['member_id', 'submission_token']
        )


def downgrade() -> None:
    with op.batch_alter_table('requests', schema=None) as batch_op:
        batch_op.drop_constraint('uq_requests_member_submission', type_='unique')
        batch_op.drop_column('submission_token')
