"""Activation attempts, counted to rate-limit guessing."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ColumnElement, func
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col, select

from storage.models import ActivationAttempt


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
