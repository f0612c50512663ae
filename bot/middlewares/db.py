"""One database session per update, committed at the update's commit points and at its end."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware, Dispatcher
from aiogram.dispatcher.middlewares.error import ErrorsMiddleware
from aiogram.dispatcher.middlewares.user_context import UserContextMiddleware
from aiogram.fsm.middleware import FSMContextMiddleware
from aiogram.types import TelegramObject, Update
from aiogram_dialog.utils import remove_intent_id
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.fsm import Prefetching, bind_session
from storage.sqlite_inline import member_update_inline
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
        chat = data.get("event_chat")
        # a member's update reads and writes a few rows by an index: on SQLite its calls that
        # cannot wait (reads, writes once the transaction holds the write lock) run in the event
        # loop (storage/sqlite_inline.py); the staff side's (exports, statistics) stay in the thread
        inline = member_update_inline.set(chat is not None and chat.type == "private")
        try:
            async with self._sessions() as session, bind_session(session):
                data["session"] = session
                data["uow"] = UnitOfWork(session)
                result = await handler(event, data)
                await session.commit()
                return result
        finally:
            member_update_inline.reset(inline)


class StateSessionMiddleware(BaseMiddleware):
    """aiogram's FSM middleware with the update's session inside it, in place of it.

    aiogram's own reads the dialog state as soon as it holds the event lock, before any later
    middleware could open the update's session: the storage had to open a second session (and
    on SQLite a second transaction) to read one row. Here the order is: the update's session,
    the state read through that session, the handlers, the commit. The chat's event lock is
    taken before all of this by `ChatLockMiddleware` and released only after the commit and
    after the update's error handlers, so the chat's next update reads what this one committed.
    """

    def __init__(self, fsm: FSMContextMiddleware, sessions: DbSessionMiddleware) -> None:
        self._fsm = fsm
        self._sessions = sessions
        # every context `fsm` resolves holds `fsm.storage`, set once: whether it prefetches is
        # decided here, not by a protocol check on each update (microseconds each)
        storage = fsm.storage
        self._prefetch = storage.prefetch if isinstance(storage, Prefetching) else None

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        data["fsm_storage"] = self._fsm.storage
        context = self._fsm.resolve_event_context(data["bot"], data)
        if context is None:
            return await self._sessions(handler, event, data)

        prefetch = self._prefetch

        async def with_state(event: TelegramObject, data: dict[str, Any]) -> Any:
            if prefetch is not None:  # the state, the dialog stack (and context) at once
                await prefetch(data["session"], context.key, _pressed_dialog(event))
            data.update({"state": context, "raw_state": await context.get_state()})
            return await handler(event, data)

        return await self._sessions(with_state, event, data)


def _pressed_dialog(event: TelegramObject) -> str | None:
    """The dialog (intent id) whose button a press is: aiogram-dialog puts it first in the
    button's data."""
    query = event.callback_query if isinstance(event, Update) else None
    if query is None or not query.data:
        return None
    return remove_intent_id(query.data)[0]


class ChatLockMiddleware(BaseMiddleware):
    """One update at a time per chat, its error handlers included (issue 17).

    The lock used to be taken inside aiogram's `ErrorsMiddleware`, so it was released as soon
    as a handler raised, before the error handlers ran: "that screen is out of date" (the
    lost-context recovery) and aiogram-dialog's broken-stack repair then rewrote the chat's
    dialog stack in a session of their own while the chat's next update (Telegram sends the
    unacknowledged ones again together after a restart) changed the same rows. On PostgreSQL
    the two transactions interleaved: a stack pointing at a context the other had deleted
    ("Stack is broken", the member's place lost), a DELETE or UPDATE that matched no row
    (`StaleDataError`), and a transaction holding row locks while it waited for an asyncio
    lock the other held (a wait PostgreSQL cannot see as a deadlock: every update stalled).
    `install_chat_lock` puts this middleware outside `ErrorsMiddleware`.
    """

    def __init__(self, fsm: FSMContextMiddleware) -> None:
        self._fsm = fsm

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        context = self._fsm.resolve_event_context(data["bot"], data)
        if context is None:
            return await handler(event, data)
        async with self._fsm.events_isolation.lock(key=context.key):
            return await handler(event, data)


def install_chat_lock(dp: Dispatcher, *around_errors: BaseMiddleware) -> None:
    """Order the update's outer middlewares so the chat lock wraps the error handling:
    aiogram's `UserContextMiddleware` (who and which chat), `ChatLockMiddleware`, then
    `around_errors` (they too see the error handlers run), aiogram's `ErrorsMiddleware`, then
    the rest as registered. Public `MiddlewareManager` calls only."""
    outer = dp.update.outer_middleware
    registered = list(outer)
    first = [m for m in registered if isinstance(m, UserContextMiddleware)]
    errors = [m for m in registered if isinstance(m, ErrorsMiddleware)]
    if len(first) != 1 or len(errors) != 1:  # pragma: no cover - an aiogram upgrade
        raise RuntimeError("aiogram's update middlewares changed: review install_chat_lock")
    for middleware in registered:
        outer.unregister(middleware)
    for middleware in [*first, ChatLockMiddleware(dp.fsm), *around_errors, *errors]:
        outer(middleware)
    for middleware in registered:
        if middleware not in first and middleware not in errors:
            outer(middleware)
