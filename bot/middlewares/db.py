"""One database session and one transaction per update."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.fsm import bind_session


class DbSessionMiddleware(BaseMiddleware):
    """Opens the update's session, commits once after the handlers, rolls back on error.

    The FSM storage joins the same session, so dialog state and business data commit together.
    """

    def __init__(self, session_factory: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = session_factory

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        async with self._sessions() as session, bind_session(session):
            data["session"] = session
            result = await handler(event, data)
            await session.commit()
            return result
