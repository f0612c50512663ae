"""policies: an index on the policy number without separators, so staff's /find finds
"SIP 2026 0001" read out for "SIP-2026-0001" without reading every policy

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-06 12:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0023"
down_revision: str | None = "0022"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# storage.models.FOLDED_POLICY_NUMBER as of this revision (the lookup must write it the same way)
FOLDED = "replace(replace(replace(replace(number, '-', ''), '/', ''), '.', ''), '_', '')"


def upgrade() -> None:
    op.create_index("ix_policies_folded_number", "policies", [sa.text(FOLDED)])


def downgrade() -> None:
    op.drop_index("ix_policies_folded_number", table_name="policies")
