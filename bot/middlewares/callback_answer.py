"""Every callback query is answered, so a pressed button never keeps spinning.

Handlers answer with their own text. Whatever none of them answered (no data; foreign, forged or
stale data; data from the wrong chat; a handler that failed) gets a short "this button is out of
date" here, after the update's own transaction.

Answers are noticed where every one of them passes: the bot's request pipeline
(`AnswerTracking`, installed by `create_bot`). The update being handled is told apart by a
context variable, which holds a value per update (per task), not state shared between them.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from typing import Any

from aiogram import BaseMiddleware, Bot
from aiogram.client.session.middlewares.base import (
    BaseRequestMiddleware,
    NextRequestMiddlewareType,
)
from aiogram.exceptions import TelegramAPIError
from aiogram.methods import AnswerCallbackQuery, Response, TelegramMethod
from aiogram.methods.base import TelegramType
from aiogram.types import TelegramObject, Update

from bot.i18n import Translator, TranslatorHub

logger = logging.getLogger(__name__)

# the ids of the callback queries answered while the current update is handled
_answered: ContextVar[set[str] | None] = ContextVar("answered_callback_queries", default=None)


class AnswerTracking(BaseRequestMiddleware):
    """Notes each answerCallbackQuery the bot makes while an update is being handled."""

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        answered = _answered.get()
        if answered is not None and isinstance(method, AnswerCallbackQuery):
            # an attempt counts: a second answer to the same query is refused anyway
            answered.add(method.callback_query_id)
        return await make_request(bot, method)


class CallbackAnswerMiddleware(BaseMiddleware):
    """An outer `update` middleware: answers the callback query the handlers left unanswered."""

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        query = event.callback_query if isinstance(event, Update) else None
        if query is None:
            return await handler(event, data)
        answered: set[str] = set()
        token = _answered.set(answered)
        try:
            return await handler(event, data)
        finally:
            _answered.reset(token)
            if query.id not in answered:
                await _answer_out_of_date(data["bot"], query.id, _translator(data))


def _translator(data: dict[str, Any]) -> Translator:
    i18n: Translator | None = data.get("i18n")
    if i18n is not None:
        return i18n
    hub: TranslatorHub = data["translators"]
    user = data.get("event_from_user")
    return hub.get(hub.pick(user.language_code if user else None))


async def _answer_out_of_date(bot: Bot, query_id: str, i18n: Translator) -> None:
    try:
        await bot.answer_callback_query(query_id, text=i18n("button-out-of-date"))
    except TelegramAPIError as exc:
        # e.g. the query is too old: there is no spinner left to stop
        logger.warning("A callback query could not be answered: %s", exc.message)
