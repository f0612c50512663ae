"""Activation attempts, counted to rate-limit guessing."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ColumnElement, false, func, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col, select

from storage.models import ActivationAttempt


async def serialize(session: AsyncSession) -> None:
    """Make the caller's count-then-add one step against other activations.

    A write that changes nothing: on SQLite it opens the transaction with the write lock
    (`storage/db.py` begins one at the first write), so concurrent activations count and add
    one after another. On PostgreSQL it changes nothing and locks nothing (issue 17 asks for a
    lock there)."""
    await session.execute(update(ActivationAttempt).where(false()).values(id=ActivationAttempt.id))


async def add(
    session: AsyncSession, telegram_id: int, insured_key: str, succeeded: bool, at: datetime
) -> None:
    session.add(
        ActivationAttempt(
            telegram_id=telegram_id, insured_key=insured_key, succeeded=succeeded, created_at=at
        )
    )
    await session.flush()


async def failures_since(
    session: AsyncSession,
    since: datetime,
    *,
    telegram_id: int | None = None,
    insured_key: str | None = None,
) -> tuple[int, datetime | None]:
    """How many failures since `since` for the user or the ID, and the oldest of them."""
    where: list[ColumnElement[bool]] = [
        col(ActivationAttempt.succeeded).is_(False),
        col(ActivationAttempt.created_at) >= since,
    ]
    if telegram_id is not None:
        where.append(col(ActivationAttempt.telegram_id) == telegram_id)
    if insured_key is not None:
        where.append(col(ActivationAttempt.insured_key) == insured_key)
    result = await session.execute(
        select(func.count(), func.min(ActivationAttempt.created_at)).where(*where)
    )
    count, oldest = result.one()
    return int(count), oldest
