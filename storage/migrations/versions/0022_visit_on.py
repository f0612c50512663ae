"""requests.visit_on: the day of an appointment's visit as staff booked it (`/visit`), looked up
by the reminder of the day before

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-05 15:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0022"
down_revision: str | None = "0021"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # a nullable column and an index: both dialects add them in place (no batch copy of the
    # table on SQLite, which would rebuild it without its AUTOINCREMENT)
    op.add_column("requests", sa.Column("visit_on", sa.Date(), nullable=True))
    op.create_index("ix_requests_visit_on", "requests", ["visit_on"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_requests_visit_on", table_name="requests")
    op.drop_column("requests", "visit_on")  # (SQLite 3.35 and later drop a column in place)
