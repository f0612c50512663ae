"""Telegram's sending limits shared by every process through Redis.

`Pacer` (bot/services/pacing.py) keeps the windows in one process's memory: two deliverers
would each send 29 a second. Here one Lua script checks the overall window and the chat's
window and, only when both have room, records the send in both, atomically on the Redis
server, timed by the server's own clock (so hosts whose clocks drift apart agree). A script
rather than the `limits` library: the per-chat gap is 1.05 s (a little over Telegram's second,
see `Pacer`), which `limits`' whole-second items cannot say.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from bot.services.pacing import Pacer

if TYPE_CHECKING:  # redis (~6 MB) is imported only by a process given REDIS_URL (bot/app.py)
    from redis.asyncio import Redis

# KEYS: the overall window, the chat's window. ARGV: overall limit, its span (ms), chat limit,
# its span (ms), a unique member, and "reply" for a reply made while an update is handled: it
# waits for the overall window only (a member who presses two buttons in a second gets both
# screens; a staff member's answer in the admin chat cannot wait a minute), and is recorded in
# both windows all the same, so the outbox's next send to that chat waits for it. Returns 0
# when the send is recorded, else ms to wait.
SCRIPT = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local function wait_for(key, limit, span)
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - span)
  if redis.call('ZCARD', key) >= limit then
    local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
    return tonumber(oldest[2]) + span - now
  end
  return 0
end
local overall = wait_for(KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2]))
local chat = wait_for(KEYS[2], tonumber(ARGV[3]), tonumber(ARGV[4]))
if ARGV[6] == 'reply' then chat = 0 end
local wait = math.max(overall, chat)
if wait > 0 then return wait end
redis.call('ZADD', KEYS[1], now, ARGV[5])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
redis.call('ZADD', KEYS[2], now, ARGV[5])
redis.call('PEXPIRE', KEYS[2], ARGV[4])
return 0
"""


class SharedLimits:
    """`await acquire(chat_id)` returns once a send to `chat_id` fits every process's limits."""

    def __init__(
        self,
        redis: Redis,
        pacer: Pacer | None = None,
        prefix: str = "tg_limits",
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        pacer = pacer or Pacer()
        self.redis = redis
        self.prefix = prefix
        self.sleep = sleep
        self._script = redis.register_script(SCRIPT)
        # the overall window: `per_second` sends a second (Pacer allows a fraction too)
        self._overall = (int(pacer.per_second), 1000)
        self._private = (1, round(pacer.private_interval * 1000))
        self._group = (pacer.group_per_minute, 60_000)
        self.waits = 0  # how often a send had to wait (for tests and metrics)

    async def try_acquire(self, chat_id: int) -> float:
        """Record a send to `chat_id` now and return 0, or return the seconds to wait."""
        return await self._run(chat_id, "send")

    async def reply(self, chat_id: int) -> None:
        """A reply made while an update is handled: wait for room in the overall window only,
        and count the send in `chat_id`'s window too (see SCRIPT)."""
        while (wait := await self._run(chat_id, "reply")) > 0:
            self.waits += 1
            await self.sleep(wait)

    async def _run(self, chat_id: int, kind: str) -> float:
        limit, span = self._group if chat_id < 0 else self._private
        waited = await self._script(
            keys=[f"{self.prefix}:all", f"{self.prefix}:chat:{chat_id}"],
            args=[*self._overall, limit, span, uuid.uuid4().hex, kind],
        )
        return int(waited) / 1000

    async def acquire(self, chat_id: int) -> None:
        while (wait := await self.try_acquire(chat_id)) > 0:
            self.waits += 1
            await self.sleep(wait)
