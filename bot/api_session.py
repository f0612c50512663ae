"""The bot's Bot API session: aiogram's `AiohttpSession`, with the answer's model kept.

aiogram parses each answer as `Response[T]` (`T` the method's result type), a pydantic generic
model that pydantic makes on first use and keeps only weakly: after every garbage collection the
next answer of each kind built it again, ~15 ms of CPU for `Response[Message]` (5 % of the event
loop's time in a member step under load, issue 12). Keeping a reference to each model made keeps
pydantic's own cache warm.
"""

from __future__ import annotations

from typing import Any

from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.methods import TelegramMethod
from aiogram.methods.base import Response, TelegramType

# one entry per result type the bot has met (a few dozen at most: the Bot API's result types)
_RESPONSE_MODELS: dict[Any, type[Response[Any]]] = {}


def response_model(returning: Any) -> type[Response[Any]]:
    """`Response[returning]`, made once per process."""
    model = _RESPONSE_MODELS.get(returning)
    if model is None:
        model = _RESPONSE_MODELS[returning] = Response[returning]
    return model


class BotSession(AiohttpSession):
    def check_response(
        self, bot: Bot, method: TelegramMethod[TelegramType], status_code: int, content: str
    ) -> Response[TelegramType]:
        response_model(method.__returning__)  # aiogram's `Response[...]` below finds it cached
        return super().check_response(bot, method, status_code, content)
