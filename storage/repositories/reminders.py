"""Reminders the scheduler delivers on their day."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import select

from storage.models import Reminder, ReminderKind


async def ensure(
    session: AsyncSession,
    member_id: int,
    kind: ReminderKind,
    card_id: int | None,
    due_on: date,
    now: datetime,
) -> Reminder:
    """The one reminder of this kind for this member and card (created or re-dated)."""
    query = select(Reminder).where(
        Reminder.member_id == member_id, Reminder.kind == kind, Reminder.card_id == card_id
    )
    reminder = (await session.execute(query)).scalar_one_or_none()
    if reminder is None:
        try:
            async with session.begin_nested():
                reminder = Reminder(
                    member_id=member_id, kind=kind, card_id=card_id, due_on=due_on, created_at=now
                )
                session.add(reminder)
        except IntegrityError:
            reminder = (await session.execute(query)).scalar_one()
    if reminder.due_on != due_on:
        reminder.due_on = due_on
        reminder.sent_at = None
    return reminder
