"""insured_persons: an index on the insured ID without separators, so activation finds
"KZ100003" typed for "KZ-100003" without reading every card

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-04 15:10:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0019"
down_revision: str | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# storage.models.FOLDED_INSURED_ID as of this revision (the lookup must write it the same way)
FOLDED = "replace(replace(replace(replace(insured_id, '-', ''), '/', ''), '.', ''), '_', '')"


def upgrade() -> None:
    op.create_index("ix_insured_persons_folded_id", "insured_persons", [sa.text(FOLDED)])


def downgrade() -> None:
    op.drop_index("ix_insured_persons_folded_id", table_name="insured_persons")
