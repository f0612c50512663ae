"""One update at a time per member across every process, in Redis, held while the update runs.

aiogram's `RedisEventIsolation` takes redis-py's lock with a 60 s timeout and never renews it.
A web process killed mid-update (`SIGKILL`, the kernel's OOM killer, a lost host) left its
member's lock standing for up to a minute: the update Telegram sent again to another replica, and
every later one of that member's, waited for it, and the member saw nothing for that minute. An
update that ran longer than the minute (Telegram's 429s waited out) lost the lock to the next one
and then failed on releasing it.

Here the lock lives `LOCK_TTL_SECONDS` and is renewed every third of that while its update runs:
a dead holder's lock is gone within the TTL, a live one's never runs out. A renewal that finds the
lock gone (the process stalled longer than the TTL) stops and says so; the update goes on, as it
would under aiogram's. An update handled is not failed by Redis failing to release its lock (it
runs out by itself): under aiogram's the error undid the webhook's answer, and Telegram sent the
handled update again. Only aiogram's public `BaseEventIsolation` and redis-py's `Lock` are used.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncGenerator
from contextlib import asynccontextmanager

from aiogram.fsm.storage.base import BaseEventIsolation, KeyBuilder, StorageKey
from redis.asyncio import Redis
from redis.asyncio.lock import Lock
from redis.exceptions import LockNotOwnedError, RedisError

log = logging.getLogger(__name__)

# how long a dead process's lock keeps its member waiting; long enough that a busy event loop's
# pause never lets it run out between two renewals (a third of it)
LOCK_TTL_SECONDS = 10.0


class RenewedRedisEventIsolation(BaseEventIsolation):
    def __init__(
        self, redis: Redis, key_builder: KeyBuilder, ttl: float = LOCK_TTL_SECONDS
    ) -> None:
        self.redis = redis
        self.key_builder = key_builder
        self.ttl = ttl

    @asynccontextmanager
    async def lock(self, key: StorageKey) -> AsyncGenerator[None, None]:
        lock = Lock(self.redis, self.key_builder.build(key, "lock"), timeout=self.ttl)
        await lock.acquire()
        renewal = asyncio.create_task(self._renew(lock))
        try:
            yield None
        finally:
            # not awaited: a renewal still on its way cannot bring a released lock back (redis-py
            # renews only the token it holds), and an update cancelled here still releases
            renewal.cancel()
            try:
                await lock.release()
            except LockNotOwnedError:
                log.warning("an update's event lock ran out before the update ended")
            except RedisError as exc:  # the update is handled: its lock runs out by itself
                log.warning("an update's event lock was not released: %s", type(exc).__name__)

    async def _renew(self, lock: Lock) -> None:
        while True:
            await asyncio.sleep(self.ttl / 3)
            try:
                await lock.reacquire()
            except LockNotOwnedError:
                log.warning("an update's event lock ran out before it was renewed")
                return
            except RedisError as exc:  # the next round tries again, within the TTL
                log.warning("an update's event lock was not renewed: %s", type(exc).__name__)

    async def close(self) -> None:
        """Nothing of its own to close: the connection pool is the storage's."""
