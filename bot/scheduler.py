"""The in-process scheduler (APScheduler 3.11): outbox delivery every `DELIVERY_INTERVAL_SECONDS`
(1 s), due reminders and escalations every `REMINDER_INTERVAL_SECONDS` (60 s). Jobs keep no state
of their own: everything due is read from the database, so a restart or a second process loses and
doubles nothing."""

from __future__ import annotations

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.clock import Clock
from bot.config import Settings
from bot.delivery import Deliverer
from bot.services import reminders

DELIVERY_JOB = "deliver-outbox"
REMINDER_JOB = "queue-reminders"


def create_scheduler(
    deliverer: Deliverer,
    session_factory: async_sessionmaker[AsyncSession],
    rules: reminders.ReminderRules,
    clock: Clock,
    settings: Settings,
) -> AsyncIOScheduler:
    scheduler = AsyncIOScheduler(timezone="UTC")

    async def queue_reminders() -> None:
        async with session_factory.begin() as session:
            await reminders.run_due(session, clock(), rules)

    # one run at a time per process; a slow run is not stacked up
    scheduler.add_job(
        deliverer.run_once,
        "interval",
        seconds=settings.delivery_interval_seconds,
        id=DELIVERY_JOB,
        max_instances=1,
        coalesce=True,
    )
    scheduler.add_job(
        queue_reminders,
        "interval",
        seconds=settings.reminder_interval_seconds,
        id=REMINDER_JOB,
        max_instances=1,
        coalesce=True,
    )
    return scheduler
