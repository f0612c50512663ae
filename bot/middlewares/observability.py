"""The outer middlewares of observability: the update's ids on every log line
(`bot/observability/logs.py`), and the update and 429 counters (`bot/observability/metrics.py`).
They live here, not beside the counters, so that a process that never talks to Telegram
(`import-registry`) counts and logs without importing aiogram."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.client.session.middlewares.base import BaseRequestMiddleware, NextRequestMiddlewareType
from aiogram.exceptions import TelegramRetryAfter
from aiogram.methods import TelegramMethod
from aiogram.methods.base import TelegramType
from aiogram.types import TelegramObject, Update, User

from bot.observability.logs import UPDATE_ID, USER_ID
from bot.observability.metrics import HANDLING, RETRY_AFTER, UPDATES


class LogContextMiddleware(BaseMiddleware):
    """An outer update middleware: the update's ids for every line logged while it is handled."""

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        user = data.get("event_from_user")
        update_token = UPDATE_ID.set(event.update_id if isinstance(event, Update) else None)
        user_token = USER_ID.set(user.id if isinstance(user, User) else None)
        try:
            return await handler(event, data)
        finally:
            UPDATE_ID.reset(update_token)
            USER_ID.reset(user_token)


def update_type(update: Update) -> str:
    return update.event_type if update.event_type else "unknown"


class UpdateMetrics(BaseMiddleware):
    """Counts each update by type and outcome and times its handling (an outer middleware)."""

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        kind = update_type(event) if isinstance(event, Update) else type(event).__name__
        started = time.perf_counter()
        outcome = "error"
        try:
            result = await handler(event, data)
            outcome = "ok"
            return result
        finally:
            HANDLING.labels(kind).observe(time.perf_counter() - started)
            UPDATES.labels(kind, outcome).inc()


class Count429(BaseRequestMiddleware):
    """A Bot API request middleware counting 429 answers (they still raise as before)."""

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Any,
        method: TelegramMethod[TelegramType],
    ) -> Any:
        try:
            return await make_request(bot, method)
        except TelegramRetryAfter:
            RETRY_AFTER.inc()
            raise
