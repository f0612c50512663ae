"""ecard_images: the file_id of the e-card last sent, per member, card and language

Revision ID: 0016
Revises: 0014
Create Date: 2026-12-02 04:15:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

from storage.types import UTCDateTime

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "ecard_images",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("card_id", sa.Integer(), nullable=False),
        sa.Column("language", sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
        sa.Column("fingerprint", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("file_id", sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
        sa.Column("created_at", UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["card_id"], ["insured_persons.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("member_id", "card_id", "language", name="uq_ecard_images_card"),
    )
    with op.batch_alter_table("ecard_images", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_ecard_images_member_id"), ["member_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("ecard_images", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_ecard_images_member_id"))
    op.drop_table("ecard_images")
