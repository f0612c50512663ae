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

# Two retries, each after at most 10 s. A direct reply is made while its update is handled (on
# SQLite inside the update's transaction, which holds the write lock): a longer wait would stall
# every other member, so a 429 asking for more is raised at once and the update's error path
# takes over.
MAX_RETRIES = 2
MAX_WAIT_SECONDS = 10.0


class RetryAfterMiddleware(BaseRequestMiddleware):
    """Waits out a 429 and repeats the call, for every Bot API call made through this bot.

    The outbox deliverer sends through a bot without this middleware (see `create_bot`): it
    paces itself and reschedules a row on 429 without holding anything, and waiting here as
    well would hold its whole batch (and its database session) for every 429.
    """

    def __init__(
        self,
        retries: int = MAX_RETRIES,
        max_wait: float = MAX_WAIT_SECONDS,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.retries = retries
        self.max_wait = max_wait
        self.sleep = sleep

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        attempt = 0
        while True:
            try:
                return await make_request(bot, method)
            except TelegramRetryAfter as exc:
                if attempt >= self.retries or exc.retry_after > self.max_wait:
                    raise
                attempt += 1
                # the exception's text names the chat: only the method and the wait are logged
                log.info(
                    "429 on %s: retrying in %s s (%d of %d)",
                    type(method).__name__,
                    exc.retry_after,
                    attempt,
                    self.retries,
                )
                await self.sleep(exc.retry_after)
