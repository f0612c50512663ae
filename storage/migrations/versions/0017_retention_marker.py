"""requests.anonymised_at: the retention sweep takes only closed requests it has not swept;
notifications indexed by request and status, staff notes by request (the sweep reads and drops
a request's outbox rows and notes by them)

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-03 23:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from storage.types import UTCDateTime

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # rows already closed are None: the first sweep after the upgrade takes them, as before
    with op.batch_alter_table("requests", schema=None) as batch_op:
        batch_op.add_column(sa.Column("anonymised_at", UTCDateTime(timezone=True), nullable=True))
        batch_op.create_index(
            "ix_requests_retention", ["anonymised_at", "status", "updated_at"], unique=False
        )
    with op.batch_alter_table("notifications", schema=None) as batch_op:
        batch_op.create_index(
            "ix_notifications_request_status", ["request_id", "status"], unique=False
        )
    with op.batch_alter_table("staff_notes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_staff_notes_request_id"), ["request_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("staff_notes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_staff_notes_request_id"))
    with op.batch_alter_table("notifications", schema=None) as batch_op:
        batch_op.drop_index("ix_notifications_request_status")
    with op.batch_alter_table("requests", schema=None) as batch_op:
        batch_op.drop_index("ix_requests_retention")
        batch_op.drop_column("anonymised_at")
