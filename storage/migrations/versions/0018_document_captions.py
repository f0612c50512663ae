"""request_documents.caption: what the member wrote under a photo or file in a request's form
(it was dropped; staff now see it under the file)

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-04 02:20:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("request_documents", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("caption", sqlmodel.sql.sqltypes.AutoString(length=1024), nullable=True)
        )


def downgrade() -> None:
    with op.batch_alter_table("request_documents", schema=None) as batch_op:
        batch_op.drop_column("caption")
