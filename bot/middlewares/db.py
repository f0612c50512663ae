"""One database session per update, committed at the update's commit points and at its end."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.fsm.middleware import FSMContextMiddleware
from aiogram.types import TelegramObject
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.fsm import bind_session
from storage.uow import UnitOfWork

Handler = Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]]


class DbSessionMiddleware(BaseMiddleware):
    """Opens the update's session and its `UnitOfWork` (`uow` in handler data).

    A handler commits its change with `uow.commit()` before it reports it (commit, then speak);
    what is left (dialog state, which the FSM storage writes through this same session) is
    committed here after the handlers. An exception rolls back whatever is not yet committed.
    The session takes a connection at its first statement, and on SQLite the write lock only
    at its first write (storage/db.py).
    """

    def __init__(self, session_factory: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = session_factory

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        async with self._sessions() as session, bind_session(session):
            data["session"] = session
            data["uow"] = UnitOfWork(session)
            result = await handler(event, data)
            await session.commit()
            return result


class StateSessionMiddleware(BaseMiddleware):
    """aiogram's FSM middleware with the update's session inside it, in place of it.

    aiogram's own reads the dialog state as soon as it holds the event lock, before any later
    middleware could open the update's session: the storage had to open a second session (and
    on SQLite a second transaction) to read one row. Here the order is: the event lock (so
    updates of one chat still run one after another), the update's session, the state read
    through that session, the handlers, the commit, and only then the lock is released, so
    the chat's next update reads what this one committed.
    """

    def __init__(self, fsm: FSMContextMiddleware, sessions: DbSessionMiddleware) -> None:
        self._fsm = fsm
        self._sessions = sessions

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        data["fsm_storage"] = self._fsm.storage
        context = self._fsm.resolve_event_context(data["bot"], data)
        if context is None:
            return await self._sessions(handler, event, data)

        async def with_state(event: TelegramObject, data: dict[str, Any]) -> Any:
            data.update({"state": context, "raw_state": await context.get_state()})
            return await handler(event, data)

        async with self._fsm.events_isolation.lock(key=context.key):
            return await self._sessions(with_state, event, data)
