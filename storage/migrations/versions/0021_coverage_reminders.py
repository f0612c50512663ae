"""reminders: "coverage starts" for the cards linked while they were waiting for their coverage,
so a member linked before this revision is told on the day too

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-05 01:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from storage.types import UTCDateTime

revision: str = "0021"
down_revision: str | None = "0020"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KIND = "coverage_starts"
LINKS = sa.table(
    "card_links",
    sa.column("member_id", sa.Integer),
    sa.column("card_id", sa.Integer),
    sa.column("linked_at", UTCDateTime()),
)
PERSONS = sa.table("insured_persons", sa.column("id", sa.Integer), sa.column("policy_id", sa.Integer))
POLICIES = sa.table("policies", sa.column("id", sa.Integer), sa.column("coverage_start", sa.Date))
REMINDERS = sa.table(
    "reminders",
    sa.column("member_id", sa.Integer),
    sa.column("kind", sa.String),
    sa.column("card_id", sa.Integer),
    sa.column("due_on", sa.Date),
    sa.column("created_at", UTCDateTime()),
)


def upgrade() -> None:
    """A reminder on its coverage's first day for each card linked before that day (the
    migration reads no clock: one whose day has long passed is dropped unsent by the reminder
    job, `bot/services/reminders.py:COVERAGE_TOLD_WITHIN`)."""
    bind = op.get_bind()
    linked = bind.execute(
        sa.select(LINKS.c.member_id, LINKS.c.card_id, LINKS.c.linked_at, POLICIES.c.coverage_start)
        .join(PERSONS, PERSONS.c.id == LINKS.c.card_id)
        .join(POLICIES, POLICIES.c.id == PERSONS.c.policy_id)
    ).all()
    kept = set(
        bind.execute(
            sa.select(REMINDERS.c.member_id, REMINDERS.c.card_id).where(REMINDERS.c.kind == KIND)
        ).all()
    )
    rows = [
        {
            "member_id": member_id,
            "kind": KIND,
            "card_id": card_id,
            "due_on": starts,
            "created_at": linked_at,
        }
        for member_id, card_id, linked_at, starts in linked
        if starts > linked_at.date() and (member_id, card_id) not in kept
    ]
    if rows:
        bind.execute(REMINDERS.insert(), rows)


def downgrade() -> None:
    op.execute(REMINDERS.delete().where(REMINDERS.c.kind == KIND))
