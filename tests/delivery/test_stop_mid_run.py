"""The process stops while the outbox is sending (a deploy's SIGTERM): the run in hand starts no
more sends, lets those on their way end and marks them, and gives back the rows it took; the
next process sends the rest. No notification is lost or sent twice, and the stop logs no error.

APScheduler's own shutdown cancelled the run wherever it was: in the middle of a claim's
transaction it logged a traceback, and a send Telegram had accepted could stay unmarked, to be
sent again once its lease ran out.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator

import pytest
from sqlalchemy import func, select

from bot.app import running, start_scheduler
from storage.models import Notification, NotificationStatus
from tests.conftest import FakeClock
from tests.delivery.conftest import DeliveryWorld, paced_world

NOTIFIED = [42_001 + n for n in range(150)]


@pytest.fixture
async def world(session_factory, db_url, clock: FakeClock) -> AsyncIterator[DeliveryWorld]:
    async with paced_world(session_factory, db_url, clock, NOTIFIED) as world:
        yield world


async def _by_status(world: DeliveryWorld) -> dict[str, int]:
    async with world.sessions() as session:
        rows = await session.execute(
            select(Notification.status, func.count()).group_by(Notification.status)
        )
    return {str(status): count for status, count in rows.all()}


async def test_a_stop_mid_run_loses_and_doubles_nothing(
    world: DeliveryWorld, caplog: pytest.LogCaptureFixture
) -> None:
    for uid in NOTIFIED:
        await world.notify(await world.member(uid))
    limits = world.state.rate_limits
    assert limits is not None
    caplog.set_level(logging.ERROR)
    async with running(world.settings, world.clock, apply_migrations=False) as runtime:
        start_scheduler(runtime)
        await world.state.wait_for(lambda: limits.accepted >= 40, within=30)
    # stopped while the outbox was sending at its full pace
    sent = [uid for uid in NOTIFIED if world.received(uid)]
    assert 40 <= len(sent) < len(NOTIFIED), "the run had ended before the stop: nothing measured"
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []
    statuses = await _by_status(world)
    assert statuses.get(NotificationStatus.SENDING, 0) == 0  # none left claimed by the stopped
    assert statuses[NotificationStatus.SENT] == len(sent)  # every accepted send was marked

    async with running(world.settings, world.clock, apply_migrations=False) as runtime:
        start_scheduler(runtime)
        await world.state.wait_for(lambda: all(world.received(uid) for uid in NOTIFIED), within=60)
    assert [uid for uid in NOTIFIED if len(world.received(uid)) != 1] == []
    assert limits.refused == 0
