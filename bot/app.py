"""Start-up: settings → database → migrations → bot → dispatcher → long polling (bot/polling.py)."""

from __future__ import annotations

import logging
import os
import socket
from datetime import timedelta

from bot.clock import Clock, system_clock
from bot.config import Settings
from bot.delivery import Deliverer
from bot.factory import create_bot, create_dispatcher, register_commands
from bot.i18n import TranslatorHub
from bot.polling import UpdatePoller
from bot.scheduler import create_scheduler
from bot.services.reminders import ReminderRules
from storage.db import create_engine, create_session_factory, migrate

log = logging.getLogger("bot")


def _safe_url(url: str) -> str:
    """The database URL without a password, for the log."""
    scheme, sep, rest = url.partition("://")
    if "@" in rest:
        rest = "***@" + rest.split("@", 1)[1]
    return scheme + sep + rest


async def run_polling(settings: Settings, clock: Clock = system_clock) -> None:
    """Run the bot until stopped. `clock` is the bot's "now" everywhere (the sandbox passes
    its emulator's world time, which people testing move forward; production never does)."""
    log.info("database: %s", _safe_url(settings.database_url))
    await migrate(settings.database_url)
    log.info("migrations: up to date")
    engine = create_engine(settings.database_url, concurrency=settings.update_concurrency)
    session_factory = create_session_factory(engine)
    translators = TranslatorHub(default=settings.default_locale)
    log.info("translations: %s", ", ".join(translators.locales))
    bot = create_bot(settings)
    # the deliverer handles 429 itself (reschedules the row): its calls skip the retry middleware
    delivery_bot = create_bot(settings, retry_after=False)
    dp, bg_factory = create_dispatcher(
        settings, session_factory, translators=translators, clock=clock
    )
    log.info("dialog state: %s", "redis" if settings.redis_url else "database")
    deliverer = Deliverer(
        delivery_bot,
        session_factory,
        settings,
        translators,
        clock,
        worker_id=f"{socket.gethostname()}:{os.getpid()}",
        bg_factory=bg_factory,
    )
    rules = ReminderRules(
        tz=settings.tz,
        hour=settings.reminder_hour,
        sla=timedelta(hours=settings.sla_hours),
        nudge_after=timedelta(hours=settings.need_info_nudge_hours),
    )
    scheduler = create_scheduler(deliverer, session_factory, rules, clock, settings)
    if settings.admin_chat_id is None:
        log.warning("staff side: ADMIN_CHAT_ID is not set; staff messages wait until it is")
    try:
        me = await bot.get_me()
        log.info("bot api: %s as @%s", settings.bot_api_url, me.username)
        await register_commands(
            bot, translators, settings.staff_desk().chat_ids, settings.staff_language
        )
        log.info("commands: registered in %d languages", len(list(translators.locales)))
        scheduler.start()
        log.info(
            "scheduler: outbox delivery every %g s, reminders every %g s",
            settings.delivery_interval_seconds,
            settings.reminder_interval_seconds,
        )
        log.info(
            "polling: started (%d updates at once; %s s to finish them on SIGTERM)",
            settings.update_concurrency,
            settings.shutdown_timeout,
        )
        poller = UpdatePoller(
            dp,
            bot,
            concurrency=settings.update_concurrency,
            shutdown_timeout=settings.shutdown_timeout,
        )
        await poller.run(handle_signals=True)
    finally:
        if scheduler.running:
            scheduler.shutdown(wait=False)
        await bot.session.close()
        await delivery_bot.session.close()
        await engine.dispose()
        log.info("stopped")
