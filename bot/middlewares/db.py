"""One database session per update, committed at the update's commit points and at its end."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.fsm import bind_session
from storage.uow import UnitOfWork


class DbSessionMiddleware(BaseMiddleware):
    """Opens the update's session and its `UnitOfWork` (`uow` in handler data).

    A handler commits its change with `uow.commit()` before it reports it (commit, then speak);
    what is left (dialog state, which the FSM storage writes through this same session) is
    committed here after the handlers. An exception rolls back whatever is not yet committed.
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
            data["uow"] = UnitOfWork(session)
            result = await handler(event, data)
            await session.commit()
            return result
