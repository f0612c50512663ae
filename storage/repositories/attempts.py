"""Activation attempts, counted to rate-limit guessing."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ColumnElement, func, insert, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col, select

from storage.models import ActivationAttempt, ActivationGuard


async def hold(session: AsyncSession, keys: list[str], now: datetime) -> None:
    """Lock the guard row of each limit in `keys` until the caller's transaction ends.

    Portable SQL, one UPDATE per key (an INSERT the first time a key is seen): PostgreSQL keeps
    the updated row locked until commit, so a second activation on the same account or ID waits
    here and then counts what the first one stored; SQLite's first write takes the database's
    write lock (storage/db.py), which serialises every writer anyway. Keys are taken in one
    global order, so two activations never wait for each other in a circle.
    """
    for key in sorted(set(keys)):
        touch = (
            update(ActivationGuard)
            .where(col(ActivationGuard.key) == key)
            .values(touched_at=now)
            .execution_options(synchronize_session=False)
        )
        if (await session.execute(touch)).rowcount:  # type: ignore[attr-defined]
            continue
        try:
            async with session.begin_nested():
                await session.execute(insert(ActivationGuard).values(key=key, touched_at=now))
        except IntegrityError:
            # another activation inserted it first: wait for its commit and lock the row
            await session.execute(touch)


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


async def proved_since(
    session: AsyncSession, since: datetime, telegram_id: int, insured_key: str
) -> bool:
    """Whether this account gave the right pair for this ID since `since`."""
    result = await session.execute(
        select(func.count()).where(
            col(ActivationAttempt.succeeded).is_(True),
            col(ActivationAttempt.created_at) >= since,
            col(ActivationAttempt.telegram_id) == telegram_id,
            col(ActivationAttempt.insured_key) == insured_key,
        )
    )
    return bool(result.scalar_one())
