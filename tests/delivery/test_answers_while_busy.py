"""Members answered while the outbox sends at full pace (issue 12, goal 4).

Telegram counts a bot's answers in the same 30 messages a second as its notifications, and so
does the emulator here. The bot runs as `run_bot.py` runs it (`bot.app.running`: the deliverer,
its scheduler and the polling loop) while 300 status notifications wait in the outbox; twenty
members send /start at once. Each member gets the greeting, every notification goes out, and
Telegram refuses nothing: the answers drew on the budget the deliverer paces by, and went first.
Before answers were paced, the deliverer took the whole budget and the answers got the 429s
(then were given up after two tries: members went unanswered).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from bot.app import running, start_scheduler
from bot.polling import UpdatePoller
from tests.conftest import FakeClock
from tests.delivery.conftest import DeliveryWorld, paced_world

NOTIFIED = [40_001 + n for n in range(300)]
BUSY = [41_001 + n for n in range(20)]


@pytest.fixture
async def world(session_factory, db_url, clock: FakeClock) -> AsyncIterator[DeliveryWorld]:
    async with paced_world(session_factory, db_url, clock, NOTIFIED + BUSY) as world:
        yield world


def greeted(world: DeliveryWorld, chat_id: int) -> bool:
    return any(
        m["from"]["is_bot"] and "Welcome" in m.get("text", "") for m in world.state.history(chat_id)
    )


async def test_members_are_answered_first_and_nothing_is_refused(world: DeliveryWorld) -> None:
    for uid in NOTIFIED:
        await world.notify(await world.member(uid))
    limits = world.state.rate_limits
    assert limits is not None
    async with running(world.settings, world.clock, apply_migrations=False) as runtime:
        poller = UpdatePoller(runtime.dp, runtime.bot, concurrency=16, shutdown_timeout=5)
        polling = asyncio.create_task(poller.run())
        try:
            start_scheduler(runtime)
            # the outbox is sending at its full pace when the members write
            await world.state.wait_for(lambda: limits.accepted >= 40, within=30)
            for uid in BUSY:
                world.state.send_text(uid, "/start")
            await world.state.wait_for(lambda: all(greeted(world, uid) for uid in BUSY), within=20)
            assert sum(len(world.received(uid)) for uid in NOTIFIED) < len(NOTIFIED), (
                "the outbox had emptied before the members wrote: nothing was measured"
            )
            assert limits.refused == 0  # neither an answer nor a notification got a 429
            await world.state.wait_for(
                lambda: all(world.received(uid) for uid in NOTIFIED), within=60
            )
        finally:
            poller.stop()
            await asyncio.wait_for(polling, 10)
    assert [uid for uid in NOTIFIED if len(world.received(uid)) != 1] == []
    assert limits.refused == 0
