"""The scheduler's periods and the outbox lease are settings; tests and the sandbox shorten them."""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta

import pytest

from bot.config import ConfigError, load_settings
from bot.scheduler import DELIVERY_JOB, REMINDER_JOB, RETENTION_JOB, create_scheduler
from bot.services import outbox, reminders
from storage.models import NotificationStatus
from tests.delivery.conftest import OLENA, DeliveryWorld

TIMING = ("DELIVERY_INTERVAL_SECONDS", "REMINDER_INTERVAL_SECONDS", "OUTBOX_LEASE_SECONDS")


def test_todays_periods_are_the_defaults_and_the_environment_may_shorten_them(monkeypatch):
    monkeypatch.setenv("BOT_TOKEN", "123456:ABC")
    monkeypatch.setenv("ACTIVATION_SECRET", "s" * 32)  # required with the real Telegram API
    for name in TIMING:
        monkeypatch.delenv(name, raising=False)
    settings = load_settings(_env_file=None)
    assert (
        settings.delivery_interval_seconds,
        settings.reminder_interval_seconds,
        settings.outbox_lease_seconds,
    ) == (1, 60, 120)

    for name, value in zip(TIMING, ("0.5", "2", "10"), strict=True):
        monkeypatch.setenv(name, value)
    settings = load_settings(_env_file=None)
    assert (
        settings.delivery_interval_seconds,
        settings.reminder_interval_seconds,
        settings.outbox_lease_seconds,
    ) == (0.5, 2, 10)

    monkeypatch.setenv("REMINDER_INTERVAL_SECONDS", "0")
    with pytest.raises(ConfigError, match="REMINDER_INTERVAL_SECONDS"):
        load_settings(_env_file=None)


async def test_the_scheduler_runs_its_jobs_at_the_configured_periods(world: DeliveryWorld):
    settings = world.settings.model_copy(
        update={"delivery_interval_seconds": 0.5, "reminder_interval_seconds": 2}
    )
    rules = reminders.ReminderRules(tz=settings.tz)
    scheduler = create_scheduler(world.deliverer(), world.sessions, rules, world.clock, settings)
    periods = {job.id: job.trigger.interval for job in scheduler.get_jobs()}
    assert periods == {
        DELIVERY_JOB: timedelta(seconds=0.5),
        REMINDER_JOB: timedelta(seconds=2),
        RETENTION_JOB: timedelta(seconds=settings.retention_interval_seconds),
    }


async def test_a_shorter_lease_takes_a_dead_senders_row_sooner(world: DeliveryWorld):
    world.settings = world.settings.model_copy(update={"outbox_lease_seconds": 10})
    member = await world.member(OLENA)
    note = await world.notify(member, "survives a crash")
    # claimed by a process that kept no heartbeat (an older version): only the lease frees it
    async with world.sessions.begin() as session:
        assert await outbox.claim(session, "crashed", world.clock()) == [note.id]

    restarted = world.deliverer("restarted")
    world.clock.advance(seconds=10)
    assert await restarted.run_once() == 0  # the lease runs to its very end
    world.clock.advance(seconds=1)
    assert await restarted.run_once() == 1
    assert world.received(OLENA) == ["survives a crash"]
    assert (await world.row(note.id)).status == NotificationStatus.SENT


class _SlowRun:
    """A delivery run that outlasts the interval, as one does while many rows are due."""

    def __init__(self) -> None:
        self.runs = 0

    async def run_once(self) -> int:
        self.runs += 1
        await asyncio.sleep(1.2)
        return 0


async def test_a_run_outlasting_its_interval_is_not_a_warning_every_tick(world, caplog):
    """APScheduler skips a tick while a run is still going (one at a time, by design) and said
    so as a WARNING each time: a busy hour logged one a second. It is said at DEBUG."""
    settings = world.settings.model_copy(update={"delivery_interval_seconds": 0.2})
    rules = reminders.ReminderRules(tz=settings.tz)
    slow = _SlowRun()
    scheduler = create_scheduler(slow, world.sessions, rules, world.clock, settings)  # type: ignore[arg-type]
    with caplog.at_level(logging.DEBUG, logger="apscheduler.scheduler"):
        scheduler.start()
        try:
            await asyncio.sleep(1.6)
        finally:
            scheduler.shutdown(wait=False)
    skipped = [r for r in caplog.records if "maximum number of running" in r.getMessage()]
    assert skipped, "no tick was skipped: the run did not outlast the interval"
    assert {r.levelname for r in skipped} == {"DEBUG"}
    assert slow.runs <= 2  # one run at a time: the skipped ticks started nothing

    await asyncio.sleep(1.3)  # the run in hand ends before the test's loop does
