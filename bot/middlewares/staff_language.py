"""Staff read one language (STAFF_LOCALE, default DEFAULT_LOCALE), whoever presses a button:
the prompts and replies in a staff chat are in the language of its cards and topic names."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject

from bot.config import Settings
from bot.i18n import TranslatorHub


class StaffLanguageMiddleware(BaseMiddleware):
    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        settings: Settings = data["settings"]
        translators: TranslatorHub = data["translators"]
        data["i18n"] = translators.get(settings.staff_language)
        return await handler(event, data)
