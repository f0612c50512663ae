"""The in-process scheduler (APScheduler 3.11): outbox delivery every `DELIVERY_INTERVAL_SECONDS`
(1 s), due reminders and escalations every `REMINDER_INTERVAL_SECONDS` (60 s), retention, and
with DOWNLOAD_DOCUMENTS copies of documents (bot/delivery/documents.py). Jobs keep no state
of their own: everything due is read from the database, so a restart or a second process loses and
doubles nothing."""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta

from apscheduler.events import EVENT_JOB_ERROR, EVENT_JOB_EXECUTED, EVENT_JOB_SUBMITTED, JobEvent
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.clock import Clock
from bot.config import Settings
from bot.delivery import Deliverer
from bot.delivery.documents import DocumentCopier
from bot.services import reminders
from bot.services.privacy import copies, retention

DELIVERY_JOB = "deliver-outbox"
REMINDER_JOB = "queue-reminders"
RETENTION_JOB = "privacy_retention"
DOWNLOAD_JOB = "download_documents"


class _RunStillGoing(logging.Filter):
    """APScheduler says "Execution of job … skipped: maximum number of running instances
    reached" as a WARNING at every tick a run outlasts its interval. One run at a time is the
    design here (`max_instances=1`): a delivery run goes on while rows are due, so the ticks it
    outlasts have nothing left to do, and a busy hour logged a warning a second. Said at DEBUG."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not str(record.msg).startswith('Execution of job "%s" skipped: maximum number'):
            return True
        record.levelno, record.levelname = logging.DEBUG, "DEBUG"
        return logging.getLogger(record.name).isEnabledFor(logging.DEBUG)


RUN_STILL_GOING = _RunStillGoing()


def create_scheduler(
    deliverer: Deliverer,
    session_factory: async_sessionmaker[AsyncSession],
    rules: reminders.ReminderRules,
    clock: Clock,
    settings: Settings,
    copier: DocumentCopier | None = None,
) -> AsyncIOScheduler:
    scheduler = AsyncIOScheduler(timezone="UTC")
    # the same filter object is added once, however many schedulers are made
    logging.getLogger("apscheduler.scheduler").addFilter(RUN_STILL_GOING)

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
    add_retention_job(scheduler, session_factory, clock, settings)
    if copier is not None:
        add_download_job(scheduler, copier, settings)
    return scheduler


class JobsInFlight:
    """The scheduler's jobs running now, counted from its events (each run submitted, then
    executed or raised), so that a stopping process lets them end (`stop_jobs`): APScheduler's
    own shutdown cancels a coroutine job wherever it is, in the middle of a transaction too."""

    def __init__(self, scheduler: AsyncIOScheduler) -> None:
        self._running = 0
        self._idle = asyncio.Event()
        self._idle.set()
        scheduler.add_listener(
            self._on_event, EVENT_JOB_SUBMITTED | EVENT_JOB_EXECUTED | EVENT_JOB_ERROR
        )

    def _on_event(self, event: JobEvent) -> None:
        if event.code == EVENT_JOB_SUBMITTED:
            self._running += 1
            self._idle.clear()
            return
        self._running = max(0, self._running - 1)
        if not self._running:
            self._idle.set()

    async def ended(self, within: float) -> bool:
        """Whether every job running now ended within `within` seconds."""
        try:
            await asyncio.wait_for(self._idle.wait(), within)
        except TimeoutError:
            return False
        return True


async def stop_jobs(
    scheduler: AsyncIOScheduler, jobs: JobsInFlight, deliverer: Deliverer, within: float
) -> bool:
    """No job starts from now on; the outbox run in hand sends nothing more but what is on its
    way (`Deliverer.stop`), and the jobs running end, for up to `within` seconds, before the
    scheduler is shut down (what is still running then is cancelled). Whether they ended."""
    deliverer.stop()
    scheduler.pause()
    ended = await jobs.ended(within)
    scheduler.shutdown(wait=False)
    return ended


def retention_rules(settings: Settings) -> retention.RetentionRules:
    return retention.RetentionRules(
        retention=timedelta(days=settings.retention_days),
        audit_retention=timedelta(days=settings.audit_retention_days),
        draft_ttl=timedelta(hours=settings.draft_ttl_hours),
    )


def add_retention_job(
    scheduler: AsyncIOScheduler,
    session_factory: async_sessionmaker[AsyncSession],
    clock: Clock,
    settings: Settings,
) -> None:
    """Every `RETENTION_INTERVAL_SECONDS`, on the injected clock (docs/privacy.md)."""
    rules = retention_rules(settings)

    async def sweep() -> None:
        run = await retention.run(session_factory.begin, clock(), rules)
        # committed: the copies of the documents it dropped go now (a failed commit raised)
        await copies.remove(settings.download_documents, run.dropped)
        if settings.download_documents is not None:
            # and any copy an earlier erase or sweep left behind when its process died
            async with session_factory() as session:
                await copies.remove_orphans(session, settings.download_documents)

    scheduler.add_job(
        sweep,
        "interval",
        seconds=settings.retention_interval_seconds,
        id=RETENTION_JOB,
        max_instances=1,
        coalesce=True,
    )


def add_download_job(
    scheduler: AsyncIOScheduler, copier: DocumentCopier, settings: Settings
) -> None:
    """DOWNLOAD_DOCUMENTS: copies of documents every `DOWNLOAD_INTERVAL_SECONDS`."""
    scheduler.add_job(
        copier.run_once,
        "interval",
        seconds=settings.download_interval_seconds,
        id=DOWNLOAD_JOB,
        max_instances=1,
        coalesce=True,
    )
