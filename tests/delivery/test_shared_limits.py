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
    sent: list[tuple[float, int]] = []

    async def send(limiter: SharedLimits, chat_id: int) -> None:
        await limiter.acquire(chat_id)
        sent.append((time.monotonic(), chat_id))

    # 30 sends to 30 chats and 6 to one chat, shared between the two "processes"
    jobs = [send(limits[n % 2], 1000 + n) for n in range(30)]
    jobs += [send(limits[n % 2], 7) for n in range(6)]
    await asyncio.gather(*jobs)

    times = sorted(at for at, _ in sent)
    assert len(times) == 36
    for index, start in enumerate(times):  # no second holds more than 10 sends
        assert sum(1 for at in times[index:] if at < start + 1.0 - 0.02) <= 10
    to_seven = sorted(at for at, chat in sent if chat == 7)
    gaps = [b - a for a, b in itertools.pairwise(to_seven)]
    assert min(gaps) >= 0.3 - 0.02
    assert sum(limiter.waits for limiter in limits) > 0  # they did have to wait


async def test_a_group_gets_its_minute_quota_across_processes(clients):
    pacer = Pacer(per_second=100, private_interval=0.1, group_per_minute=3)
    first, second = (SharedLimits(client, pacer) for client in clients)
    assert await first.try_acquire(-100) == 0
    assert await second.try_acquire(-100) == 0
    assert await first.try_acquire(-100) == 0
    wait = await second.try_acquire(-100)
    assert 55 < wait <= 60  # the fourth waits for the first to leave the minute
    assert await second.try_acquire(-200) == 0  # another group is not held up
