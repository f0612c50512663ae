"""The in-process scheduler (APScheduler 3.11): outbox delivery every second."""

from __future__ import annotations

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.delivery import Deliverer

DELIVERY_JOB = "deliver-outbox"


def create_scheduler(deliverer: Deliverer, every_seconds: float = 1.0) -> AsyncIOScheduler:
    scheduler = AsyncIOScheduler(timezone="UTC")
    # one run at a time per process; a slow run is not stacked up
    scheduler.add_job(
        deliverer.run_once,
        "interval",
        seconds=every_seconds,
        id=DELIVERY_JOB,
        max_instances=1,
        coalesce=True,
    )
    return scheduler
