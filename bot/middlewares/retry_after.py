"""Telegram's 429 on a direct call: wait the `retry_after` it names, then try again."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from aiogram.client.session.middlewares.base import (
    BaseRequestMiddleware,
    NextRequestMiddlewareType,
)
from aiogram.exceptions import TelegramRetryAfter
from aiogram.methods.base import TelegramType

if TYPE_CHECKING:
    from aiogram import Bot
    from aiogram.methods import Response, TelegramMethod

log = logging.getLogger("bot.telegram")

# A 429 is waited out and the call repeated as often as Telegram asks, while the waits add up to at
# most this: an answer to a member is not given up after a couple of tries (issue 12: answers were
# dropped after two). Answers are paced before they go (bot/delivery/reply_limits.py), so a 429
# is rare. Most calls are made outside the update's writes (handlers commit what they store
# before they report it; storage/db.py takes SQLite's write lock only at the first write), so a
# wait mostly holds the member's own chat, whose next update waits for this answer anyway. A 429
# asking for more than is left is raised at once: the update's error path takes over.
MAX_WAIT_SECONDS = 30.0


class RetryAfterMiddleware(BaseRequestMiddleware):
    """Waits out a 429 and repeats the call, for every Bot API call made through this bot.

    The outbox deliverer sends through a bot without this middleware (see `create_bot`): it
    paces itself and reschedules a row on 429 without holding anything, and waiting here as
    well would hold its whole batch (and its database session) for every 429.
    """

    def __init__(
        self,
        max_wait: float = MAX_WAIT_SECONDS,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.max_wait = max_wait
        self.sleep = sleep

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        waited = 0.0
        while True:
            try:
                return await make_request(bot, method)
            except TelegramRetryAfter as exc:
                if waited + exc.retry_after > self.max_wait:
                    raise
                waited += exc.retry_after
                # the exception's text names the chat: only the method and the wait are logged
                log.info(
                    "429 on %s: retrying in %s s (%.0f of %.0f s waited)",
                    type(method).__name__,
                    exc.retry_after,
                    waited,
                    self.max_wait,
                )
                await self.sleep(exc.retry_after)
