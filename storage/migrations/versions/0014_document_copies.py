"""request_documents: the copy on disk kept with DOWNLOAD_DOCUMENTS (path, time, tries)

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-02 03:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

from storage.types import UTCDateTime

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("request_documents", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("local_path", sqlmodel.sql.sqltypes.AutoString(length=255), nullable=True)
        )
        batch_op.add_column(sa.Column("downloaded_at", UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(
            sa.Column("download_attempts", sa.Integer(), server_default="0", nullable=False)
        )
        batch_op.add_column(sa.Column("download_after", UTCDateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("request_documents", schema=None) as batch_op:
        batch_op.drop_column("download_after")
        batch_op.drop_column("download_attempts")
        batch_op.drop_column("downloaded_at")
        batch_op.drop_column("local_path")
