"""The outbox deliverers' heartbeat rows (see bot/delivery/workers.py for what they decide)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col, select

from storage.models import DeliveryWorker


async def all_workers(session: AsyncSession) -> list[DeliveryWorker]:
    return list((await session.execute(select(DeliveryWorker))).scalars())


async def beat(
    session: AsyncSession, worker_id: str, host: str, pid: int, now: datetime, *, starting: bool
) -> None:
    """Record that `worker_id` is alive now (a new row, or a new start, when `starting`)."""
    row = await session.get(DeliveryWorker, worker_id)
    if row is None:
        session.add(
            DeliveryWorker(
                worker_id=worker_id, host=host, pid=pid, started_at=now, heartbeat_at=now
            )
        )
    else:
        row.heartbeat_at = now
        if starting:
            row.host, row.pid, row.started_at = host, pid, now
        session.add(row)
    await session.flush()


async def forget(session: AsyncSession, worker_ids: list[str]) -> None:
    if worker_ids:
        await session.execute(
            delete(DeliveryWorker).where(col(DeliveryWorker.worker_id).in_(worker_ids))
        )
