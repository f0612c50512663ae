"""several staff chats: a topic per member and chat, its reservation attempt and state;
a request's staff chat

admin_topics: the unique member_id becomes unique (member_id, chat_id); `attempt` (the
reservation's number, part of the topic's name token), `state` (what its icon shows) and
`closed`. requests: `staff_chat_id`, the chat the request was routed to (None: the default).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01 23:50:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0011'
down_revision: str | None = '0010'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# SQLite's unique constraint from 0003 has no name: batch mode names what it reflects by this
CONVENTION = {"uq": "uq_%(table_name)s_%(column_0_name)s"}


def _member_unique() -> str:
    if op.get_bind().dialect.name == "sqlite":
        return "uq_admin_topics_member_id"
    return "admin_topics_member_id_key"  # PostgreSQL's name for 0003's unnamed constraint


def upgrade() -> None:
    unique = _member_unique()
    with op.batch_alter_table('admin_topics', naming_convention=CONVENTION) as batch_op:
        batch_op.drop_constraint(unique, type_='unique')
        batch_op.add_column(
            sa.Column('attempt', sa.Integer(), nullable=False, server_default='1')
        )
        batch_op.add_column(sa.Column('state', sa.String(length=16), nullable=True))
        batch_op.add_column(
            sa.Column('closed', sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.create_unique_constraint(
            'uq_admin_topics_member_chat', ['member_id', 'chat_id']
        )
    with op.batch_alter_table('requests', schema=None) as batch_op:
        batch_op.add_column(sa.Column('staff_chat_id', sa.BigInteger(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('requests', schema=None) as batch_op:
        batch_op.drop_column('staff_chat_id')
    # one topic per member again: the oldest row of each member stays
    op.execute(
        "DELETE FROM admin_topics WHERE id NOT IN "
        "(SELECT MIN(id) FROM admin_topics GROUP BY member_id)"
    )
    unique = _member_unique()
    with op.batch_alter_table('admin_topics', naming_convention=CONVENTION) as batch_op:
        batch_op.drop_constraint('uq_admin_topics_member_chat', type_='unique')
        batch_op.drop_column('closed')
        batch_op.drop_column('state')
        batch_op.drop_column('attempt')
        batch_op.create_unique_constraint(unique, ['member_id'])
