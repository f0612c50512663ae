"""Telegram's limits held across processes through Redis (bot/delivery/shared_limits.py)."""

from __future__ import annotations

import asyncio
import itertools
import time
from collections.abc import AsyncIterator

import pytest
from redis.asyncio import Redis

from bot.delivery.shared_limits import SharedLimits
from bot.services.pacing import Pacer
from tests.conftest import REDIS_URL

pytestmark = pytest.mark.skipif(not REDIS_URL, reason="needs TEST_REDIS_URL")


@pytest.fixture
async def clients() -> AsyncIterator[list[Redis]]:
    # two connections stand for two processes
    pair = [Redis.from_url(REDIS_URL), Redis.from_url(REDIS_URL)]
    await pair[0].flushdb()
    yield pair
    for client in pair:
        await client.aclose()


async def test_two_processes_together_keep_the_overall_and_per_chat_limits(clients):
    pacer = Pacer(per_second=10, private_interval=0.3, group_per_minute=100)
    limits = [SharedLimits(client, pacer) for client in clients]
    # (when the successful script call began, when it returned, chat): the server recorded the
    # send somewhere in between, so only sends provably inside one window are counted together
    sent: list[tuple[float, float, int]] = []
    waits = 0

    async def send(limiter: SharedLimits, chat_id: int) -> None:
        nonlocal waits
        while True:
            began = time.monotonic()
            wait = await limiter.try_acquire(chat_id)
            if wait == 0:
                sent.append((began, time.monotonic(), chat_id))
                return
            waits += 1
            await asyncio.sleep(wait)

    # 30 sends to 30 chats and 6 to one chat, shared between the two "processes"
    jobs = [send(limits[n % 2], 1000 + n) for n in range(30)]
    jobs += [send(limits[n % 2], 7) for n in range(6)]
    server_before, began_at = await clients[0].time(), time.monotonic()
    await asyncio.gather(*jobs)
    server_after, ended_at = await clients[0].time(), time.monotonic()
    # the windows are timed by the server's wall clock: had it been set while the test ran (a
    # host's clock stepped), a window would have emptied early, which no code can see
    server_s = (server_after[0] - server_before[0]) + (server_after[1] - server_before[1]) / 1e6
    clock = f"the Redis server's clock moved {server_s:.3f} s in {ended_at - began_at:.3f} s"

    assert len(sent) == 36
    for began, _, _ in sent:  # no second provably holds more than 10 sends
        inside = [s for s in sent if s[0] >= began and s[1] < began + 1.0]
        assert len(inside) <= 10, f"{len(inside)} sends within a second; {clock}"
    to_seven = sorted((b, e) for b, e, chat in sent if chat == 7)
    # consecutive sends to one chat: the later began after the earlier's gap, at the latest
    gaps = [later[1] - earlier[0] for earlier, later in itertools.pairwise(to_seven)]
    assert min(gaps) >= 0.3
    assert waits > 0  # they did have to wait


async def test_a_group_gets_its_minute_quota_across_processes(clients):
    pacer = Pacer(per_second=100, private_interval=0.1, group_per_minute=3)
    first, second = (SharedLimits(client, pacer) for client in clients)
    assert await first.try_acquire(-100) == 0
    assert await second.try_acquire(-100) == 0
    assert await first.try_acquire(-100) == 0
    wait = await second.try_acquire(-100)
    assert 55 < wait <= 60  # the fourth waits for the first to leave the minute
    assert await second.try_acquire(-200) == 0  # another group is not held up


async def test_replies_wait_for_the_overall_window_only_and_count_for_their_chat(clients):
    """A handler's reply (bot.delivery.reply_limits.py) is not held for its chat's gap, but
    the outbox's next send to that chat waits for it, and a full second holds it back."""
    pacer = Pacer(per_second=3, private_interval=5.0, group_per_minute=100)
    handlers, deliverer = (SharedLimits(client, pacer) for client in clients)
    await handlers.reply(7)
    await handlers.reply(7)  # two screens in a row to one member: no wait
    assert handlers.waits == 0
    assert await deliverer.try_acquire(7) > 4  # the outbox waits for the chat's gap
    await handlers.reply(8)  # the third send of the second
    began = time.monotonic()
    await handlers.reply(9)  # the overall window is full: this one waits for it
    assert handlers.waits >= 1
    assert time.monotonic() - began > 0.5


async def test_what_a_handler_sends_is_counted_through_the_bots_session(clients):
    from aiogram import Bot
    from aiogram.methods import EditMessageText, SendChatAction, SendMediaGroup, SendMessage
    from aiogram.types import InputMediaPhoto

    from bot.delivery.reply_limits import PacedReplies
    from bot.services.pacing import unlimited

    limits = SharedLimits(clients[0], Pacer(per_second=100, group_per_minute=100))
    middleware = PacedReplies(unlimited(), limits)
    calls: list[object] = []

    async def make_request(_bot: Bot, method: object) -> object:
        calls.append(method)
        return True

    album = [InputMediaPhoto(media=f"photo-{n}") for n in range(3)]
    methods = [
        SendMessage(chat_id=7, text="a screen"),
        SendMediaGroup(chat_id=7, media=album),
        SendChatAction(chat_id=7, action="typing"),  # not a message
        EditMessageText(chat_id=7, message_id=1, text="a screen changed"),  # private: free
        EditMessageText(chat_id=-100, message_id=1, text="a card changed"),  # a group's minute
    ]
    for method in methods:
        await middleware(make_request, None, method)  # type: ignore[arg-type]
    assert calls == methods  # every call went through
    assert await clients[0].zcard("tg_limits:all") == 5  # 1 + 3 + the group's edit
    assert await clients[0].zcard("tg_limits:chat:7") == 4
    assert await clients[0].zcard("tg_limits:chat:-100") == 1
