"""Start-up of every long-running role (polling, web, worker): settings → database → bot →
dispatcher → deliverer and scheduler, and the orderly stop. `insurance-bot` (bot/main.py)
picks the role; polling is today's single process (bot/polling.py), web and worker are in
bot/web.py and bot/worker.py."""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from aiogram import Bot
from aiogram_dialog.api.protocols import BgManagerFactory
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.clock import Clock, system_clock
from bot.config import Settings
from bot.delivery import Deliverer
from bot.delivery.documents import DocumentCopier
from bot.delivery.reply_limits import PacedReplies
from bot.delivery.shared_limits import SharedLimits
from bot.dispatcher import BotDispatcher
from bot.factory import create_bot, create_dispatcher, register_commands
from bot.heap import settle_heap
from bot.i18n import TranslatorHub
from bot.middlewares.observability import Count429, LogContextMiddleware, UpdateMetrics
from bot.polling import UpdatePoller
from bot.scheduler import JobsInFlight, create_scheduler, stop_jobs
from bot.services.pacing import Pacer
from bot.services.reminders import ReminderRules
from bot.stopping import StopSignals, stop_signals
from storage.db import create_engine, create_session_factory, migrate_apart

if TYPE_CHECKING:
    from redis.asyncio import Redis

log = logging.getLogger("bot")


def _safe_url(url: str) -> str:
    """The database URL without a password, for the log."""
    scheme, sep, rest = url.partition("://")
    if "@" in rest:
        rest = "***@" + rest.split("@", 1)[1]
    return scheme + sep + rest


@dataclass
class Runtime:
    """What a running process holds; built by `running`, closed when it ends."""

    settings: Settings
    clock: Clock
    engine: AsyncEngine
    session_factory: async_sessionmaker[AsyncSession]
    translators: TranslatorHub
    bot: Bot
    dp: BotDispatcher
    bg_factory: BgManagerFactory
    redis: Redis | None
    deliverer: Deliverer
    scheduler: AsyncIOScheduler


@asynccontextmanager
async def running(
    settings: Settings, clock: Clock = system_clock, *, apply_migrations: bool = True
) -> AsyncIterator[Runtime]:
    """Everything a role needs, started in order and closed in reverse.

    `apply_migrations`: the single polling process migrates at start (as it always did); web
    and worker replicas do not (`insurance-bot migrate` runs once per upgrade, and /healthz
    says 503 while the schema is behind)."""
    log.info("database: %s", _safe_url(settings.database_url))
    if apply_migrations:
        # in a child process: Alembic's memory leaves with it (storage/db.py)
        await migrate_apart(settings.database_url)
        log.info("migrations: up to date")
    engine = create_engine(settings.database_url, concurrency=settings.update_concurrency)
    session_factory = create_session_factory(engine)
    translators = TranslatorHub(default=settings.default_locale)
    log.info("translations: %s", ", ".join(translators.locales))
    redis: Redis | None = None
    if settings.redis_url:
        from redis.asyncio import Redis

        redis = Redis.from_url(settings.redis_url)
    bot = create_bot(settings)
    # the deliverer handles 429 itself (reschedules the row): its calls skip the retry middleware
    delivery_bot = create_bot(settings, retry_after=False)
    dp, bg_factory = create_dispatcher(
        settings, session_factory, translators=translators, clock=clock
    )
    log.info("dialog state: %s", "redis" if settings.redis_url else "database")
    # innermost of the outer middlewares: its lines and timings are the update's own
    dp.update.outer_middleware(LogContextMiddleware())
    dp.update.outer_middleware(UpdateMetrics())
    for client in (bot, delivery_bot):
        client.session.middleware(Count429())
    pacer = Pacer(
        per_second=settings.pace_per_second, group_per_minute=settings.pace_group_per_minute
    )
    shared = SharedLimits(redis, pacer) if redis is not None else None
    # what handlers send counts in the pacer the deliverer paces by (members first), and with
    # Redis in the limits the deliverers of every process share
    bot.session.middleware(PacedReplies(pacer, shared))
    deliverer = Deliverer(
        delivery_bot,
        session_factory,
        settings,
        translators,
        clock,
        worker_id=f"{socket.gethostname()}:{os.getpid()}",
        bg_factory=bg_factory,
        # the page refreshed after a notification waits out a 429 as a handler's answer does
        refresh_bot=bot,
        # with Redis every process's sends count against one set of Telegram's limits
        pacer=pacer,
        shared=shared,
    )
    rules = ReminderRules(
        tz=settings.tz,
        hour=settings.reminder_hour,
        sla=timedelta(hours=settings.sla_hours),
        nudge_after=timedelta(hours=settings.need_info_nudge_hours),
        staff_hours=settings.callcentre_hours,
    )
    copier = None
    if settings.download_documents is not None:
        copier = DocumentCopier(bot, session_factory, settings.download_documents, clock)
        log.info("documents: copies kept on disk (DOWNLOAD_DOCUMENTS)")
    scheduler = create_scheduler(deliverer, session_factory, rules, clock, settings, copier)
    jobs = JobsInFlight(scheduler)
    if settings.admin_chat_id is None:
        log.warning("staff side: ADMIN_CHAT_ID is not set; staff messages wait until it is")
    runtime = Runtime(
        settings, clock, engine, session_factory, translators, bot, dp, bg_factory, redis,
        deliverer, scheduler,
    )  # fmt: skip
    try:
        yield runtime
    finally:
        if scheduler.running and not await stop_jobs(
            scheduler, jobs, deliverer, settings.shutdown_timeout
        ):
            log.warning(
                "scheduler: jobs still running after %s s were cancelled", settings.shutdown_timeout
            )
        # a page refreshed after a notification (a task of its own) ends in an open session
        if not await dp.background_ended(settings.shutdown_timeout):
            log.warning("dialogs: refreshes still running after %s s", settings.shutdown_timeout)
        # then the dialog state's storage (aiogram's shutdown, at the end of polling or of the
        # webhook app, leaves it open: bot/dispatcher.py)
        await dp.close_storage()
        await bot.session.close()
        await delivery_bot.session.close()
        if redis is not None:
            await redis.aclose()
        await engine.dispose()
        log.info("stopped")


async def introduce(runtime: Runtime) -> None:
    """Who the bot is, and its commands in every language."""
    me = await runtime.bot.get_me()
    log.info("bot api: %s as @%s", runtime.settings.bot_api_url, me.username)
    settings = runtime.settings
    await register_commands(
        runtime.bot,
        runtime.translators,
        settings.staff_desk().chat_ids,
        settings.staff_language,
        insurer_name=settings.insurer_name,
    )
    log.info("commands: registered in %d languages", len(list(runtime.translators.locales)))


def start_scheduler(runtime: Runtime) -> None:
    runtime.scheduler.start()
    log.info(
        "scheduler: outbox delivery every %g s, reminders every %g s",
        runtime.settings.delivery_interval_seconds,
        runtime.settings.reminder_interval_seconds,
    )


async def run_polling(settings: Settings, clock: Clock = system_clock) -> None:
    """Run the bot until stopped. `clock` is the bot's "now" everywhere (the sandbox passes
    its emulator's world time, which people testing move forward; production never does)."""
    # outermost: a second SIGTERM while the stop runs finds the handler, not Python's default
    with stop_signals() as stops:
        async with running(settings, clock) as runtime:
            await _poll(runtime, stops)


async def _poll(runtime: Runtime, stops: StopSignals) -> None:
    settings = runtime.settings
    metrics = None
    if settings.metrics_port is not None:
        # aiohttp's server side (1.5 MB) only in a process that serves METRICS_PORT
        from bot.observability.server import start_metrics_server

        metrics = await start_metrics_server(runtime)
    try:
        await introduce(runtime)
        start_scheduler(runtime)
        # a webhook left set (the `web` role ran before) makes every getUpdates fail with
        # 409; the updates it holds are kept and polled next
        if (await runtime.bot.get_webhook_info()).url:
            log.info("polling: deleting the webhook left set, keeping its pending updates")
            await runtime.bot.delete_webhook(drop_pending_updates=False)
        log.info(
            "polling: started (%d updates at once; %s s to finish them on SIGTERM)",
            settings.update_concurrency,
            settings.shutdown_timeout,
        )
        settle_heap()
        poller = UpdatePoller(
            runtime.dp,
            runtime.bot,
            concurrency=settings.update_concurrency,
            shutdown_timeout=settings.shutdown_timeout,
        )
        stops.then(poller.stop)  # at once if a signal came while starting
        await poller.run()
    finally:
        if metrics is not None:
            await metrics.cleanup()
