"""`insurance-bot worker`: outbox delivery and the scheduler (reminders, escalations), no
updates. Any number of workers run together: the outbox claim with leases gives each row to
one of them, and with Redis their sends share Telegram's limits (bot/delivery/shared_limits)."""

from __future__ import annotations

import logging

from bot.app import running, start_scheduler
from bot.clock import Clock, system_clock
from bot.config import Settings
from bot.heap import settle_heap
from bot.observability.server import start_metrics_server
from bot.stopping import stop_signals
from bot.web import wait_for_stop

log = logging.getLogger("bot.worker")


async def run_worker(settings: Settings, clock: Clock = system_clock) -> None:
    # outermost: a second SIGTERM while the stop runs finds the handler, not Python's default
    with stop_signals() as stops:
        async with running(settings, clock, apply_migrations=False) as runtime:
            metrics = await start_metrics_server(runtime)
            try:
                start_scheduler(runtime)
                settle_heap()
                log.info("worker: delivering the outbox; no updates taken here")
                await wait_for_stop(stops)
            finally:
                # the scheduler's jobs end as `running` stops them: the delivery run in hand
                # sends what is on its way and gives the rest back (`scheduler.stop_jobs`)
                if metrics is not None:
                    await metrics.cleanup()
