"""The member's event lock in Redis: held while an update runs, gone soon after its process died.

Runs when TEST_REDIS_URL points at a Redis server it may empty; .ci/run starts one.
"""

from __future__ import annotations

import asyncio
import signal
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiogram.fsm.storage.base import DefaultKeyBuilder, StorageKey
from redis.asyncio import Redis
from redis.asyncio.lock import Lock
from redis.exceptions import ConnectionError

from storage.event_lock import RenewedRedisEventIsolation
from tests.conftest import REDIS_URL

pytestmark = pytest.mark.skipif(
    not REDIS_URL, reason="set TEST_REDIS_URL (a Redis database the test may empty)"
)

KEYS = DefaultKeyBuilder(with_destiny=True, with_bot_id=True)
MEMBER = StorageKey(bot_id=1, chat_id=10001, user_id=10001)
TTL = 0.6  # seconds: short, so a test waits for a lock to run out in under a second
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
async def redis() -> AsyncIterator[Redis]:
    client = Redis.from_url(REDIS_URL)
    await client.flushdb()
    yield client
    await client.flushdb()
    await client.aclose()


# a process that takes the member's lock as the bot does, says so, and waits to be killed
HOLDER = """
import asyncio, sys
from redis.asyncio import Redis
from redis.asyncio.lock import Lock
from redis.exceptions import ConnectionError
from tests.storage.test_event_lock import KEYS, MEMBER, TTL
from storage.event_lock import RenewedRedisEventIsolation

async def main():
    isolation = RenewedRedisEventIsolation(Redis.from_url(sys.argv[1]), KEYS, ttl=TTL)
    async with isolation.lock(MEMBER):
        print("held", flush=True)
        await asyncio.sleep(3600)

asyncio.run(main())
"""


async def test_a_killed_process_s_lock_keeps_the_member_waiting_no_longer_than_its_ttl(redis):
    holder = await asyncio.create_subprocess_exec(
        sys.executable, "-c", HOLDER, REDIS_URL, cwd=ROOT, stdout=asyncio.subprocess.PIPE
    )
    assert holder.stdout is not None
    assert await asyncio.wait_for(holder.stdout.readline(), 60) == b"held\n"
    await asyncio.sleep(2 * TTL)  # held past its first life: the holder renews it
    assert await redis.exists(KEYS.build(MEMBER, "lock"))
    holder.send_signal(signal.SIGKILL)  # dies holding it: nothing releases it
    await holder.wait()

    isolation = RenewedRedisEventIsolation(redis, KEYS, ttl=TTL)
    loop = asyncio.get_running_loop()
    started = loop.time()
    async with isolation.lock(MEMBER):
        waited = loop.time() - started
    # aiogram's RedisEventIsolation left such a lock standing for 60 s
    assert waited < 5


async def test_a_lock_held_past_its_ttl_is_renewed_and_the_next_update_waits(redis, caplog):
    isolation = RenewedRedisEventIsolation(redis, KEYS, ttl=TTL)
    order: list[str] = []

    async def long_update() -> None:
        async with isolation.lock(MEMBER):
            order.append("first in")
            await asyncio.sleep(4 * TTL)  # a slow update: four times the lock's life
            order.append("first out")

    async def next_update() -> None:
        await asyncio.sleep(TTL / 2)
        async with isolation.lock(MEMBER):
            order.append("second in")

    await asyncio.gather(long_update(), next_update())
    assert order == ["first in", "first out", "second in"]
    assert "ran out" not in caplog.text  # released as its own, not lost on the way
    assert not await redis.exists(KEYS.build(MEMBER, "lock"))


async def test_other_members_are_not_held_by_one_member_s_lock(redis):
    isolation = RenewedRedisEventIsolation(redis, KEYS, ttl=TTL)
    other = StorageKey(bot_id=1, chat_id=10002, user_id=10002)
    async with isolation.lock(MEMBER):
        async with asyncio.timeout(TTL / 2):
            async with isolation.lock(other):
                pass


async def test_an_update_whose_lock_ran_out_goes_on_and_says_so(redis, caplog):
    isolation = RenewedRedisEventIsolation(redis, KEYS, ttl=TTL)
    async with isolation.lock(MEMBER):
        # the process stalled past the TTL (simulated: the lock is gone from Redis)
        await redis.delete(KEYS.build(MEMBER, "lock"))
        await asyncio.sleep(TTL / 2)  # a renewal finds it gone
    assert "event lock ran out" in caplog.text


async def test_an_update_handled_is_not_failed_by_a_release_redis_fails(redis, caplog, monkeypatch):
    isolation = RenewedRedisEventIsolation(redis, KEYS, ttl=TTL)

    async def redis_gone(_lock: Lock) -> None:
        raise ConnectionError("Connection closed by server.")

    handled = False
    async with isolation.lock(MEMBER):
        handled = True
        # Redis goes away while the update runs: the release fails, the update stands
        monkeypatch.setattr(Lock, "release", redis_gone)
    assert handled
    assert "event lock was not released: ConnectionError" in caplog.text
