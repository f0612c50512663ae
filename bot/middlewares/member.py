"""Loads the member behind a private-chat update and picks the language to answer in."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import Chat, TelegramObject, User
from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import Clock
from bot.i18n import TranslatorHub
from bot.services import members


class MemberMiddleware(BaseMiddleware):
    def __init__(self, translators: TranslatorHub) -> None:
        self._hub = translators

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        user: User | None = data.get("event_from_user")
        chat: Chat | None = data.get("event_chat")
        session: AsyncSession = data["session"]
        locale = self._hub.pick(user.language_code if user else None)
        data["member"] = None
        # a private chat has the user's own id (background dialog updates carry no chat type)
        private = chat is None or chat.type == "private" or chat.id == (user.id if user else 0)
        if user is not None and not user.is_bot and private:
            clock: Clock = data["clock"]
            member = await members.get_or_create(session, user.id, locale, clock())
            if member.unreachable_since is not None:
                # they wrote again, so they unblocked the bot: held messages may go out
                await members.mark_reachable(session, member)
            data["member"] = member
            locale = member.language or locale
        data["i18n"] = self._hub.get(locale)
        return await handler(event, data)
