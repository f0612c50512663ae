"""aiogram FSM storage kept in the database, so dialog state and drafts survive a restart."""

from __future__ import annotations

import asyncio
import copy
import dataclasses
from collections.abc import AsyncIterator, Callable, Mapping
from contextlib import asynccontextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol, runtime_checkable

from aiogram.fsm.state import State
from aiogram.fsm.storage.base import (
    DEFAULT_DESTINY,
    BaseEventIsolation,
    BaseStorage,
    DefaultKeyBuilder,
    KeyBuilder,
    StateType,
    StorageKey,
)
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.driver_lane import select_rows
from storage.fsm_rows import BY_KEY, BY_KEYS, BY_KEYS_AND_TOP, Row, changed, rows_of

_update_session: ContextVar[AsyncSession | None] = ContextVar("update_session", default=None)


@asynccontextmanager
async def bind_session(session: AsyncSession) -> AsyncIterator[None]:
    """Make the storage write through the update's session while it is being handled.

    Without this, SQLite would deadlock (two connections writing at once) and a failed
    update could leave the dialog moved on while its data was rolled back.
    """
    token = _update_session.set(session)
    try:
        yield
    finally:
        _update_session.reset(token)


@runtime_checkable
class Prefetching(Protocol):
    """A storage that can read, through the update's session, what the update will ask for
    (`StateSessionMiddleware` calls it once the session is open)."""

    async def prefetch(
        self, session: AsyncSession, key: StorageKey, intent_id: str | None = None
    ) -> None: ...


def stack_key(key: StorageKey) -> StorageKey:
    """aiogram-dialog's key of the default dialog stack for the chat (and user) of `key`.

    As `aiogram_dialog.context.storage.StorageProxy._stack_key`: keyed by the chat, and in a
    group by the user too through the stack's id.
    """
    private = key.user_id == key.chat_id and key.business_connection_id is None
    return StorageKey(
        bot_id=key.bot_id,
        chat_id=key.chat_id,
        user_id=key.chat_id,
        thread_id=key.thread_id,
        business_connection_id=key.business_connection_id,
        destiny="aiogd:stack:" + ("" if private else f"<{key.user_id}>"),
    )


# destinies of keys that only ever hold data (aiogram-dialog's stacks and contexts)
_STACK = "aiogd:stack:"
_CONTEXT = "aiogd:context:"
_DATA_ONLY = (_STACK, _CONTEXT)


def _top_of(stack: Mapping[str, Any]) -> str | None:
    """The id of the dialog a stack's data names last (aiogram-dialog's `Stack.intents`, the
    dialog a typed message goes to). It is kept in the stack row's `state` column, which
    aiogram-dialog never reads, so that `prefetch` reads that dialog's context with the stack."""
    intents = stack.get("intents")
    if type(intents) is list and intents and type(intents[-1]) is str:
        return intents[-1]
    return None


def _copied(value: Any) -> Any:
    """A copy of dialog data, which is JSON (dicts, lists, text, numbers): as
    `copy.deepcopy`, a few times cheaper (no memo, no reductions); anything else is
    deep-copied."""
    kind = type(value)
    if kind is dict:
        return {name: _copied(item) for name, item in value.items()}
    if kind is list:
        return [_copied(item) for item in value]
    if kind in _IMMUTABLE:
        return value
    return copy.deepcopy(value)


_IMMUTABLE = frozenset({str, int, float, bool, type(None)})


class SQLStorage(BaseStorage):
    """One row per storage key; an empty record is deleted rather than kept."""

    def __init__(
        self,
        session_factory: async_sessionmaker[AsyncSession],
        clock: Callable[[], datetime],
        key_builder: KeyBuilder | None = None,
    ) -> None:
        self._sessions = session_factory
        self._clock = clock
        # aiogram-dialog keeps stacks and contexts under their own "destiny"
        self._keys = key_builder or DefaultKeyBuilder(with_destiny=True, with_bot_id=True)

    async def _write(self, key: StorageKey, **values: Any) -> None:
        shared = _update_session.get()
        if shared is not None:
            await self._write_in(shared, self._keys.build(key), values)
            return
        async with self._sessions.begin() as session:
            await self._write_in(session, self._keys.build(key), values)

    async def prefetch(
        self, session: AsyncSession, key: StorageKey, intent_id: str | None = None
    ) -> None:
        """Read the rows an update of `key`'s chat reads first in one statement: the state
        (aiogram's), the dialog stack (aiogram-dialog's) and a dialog's context: for a press of
        a dialog's button, the context of the dialog it names (`intent_id`); otherwise (a typed
        message) that of the dialog the stack names last, which the stack row's `state` column
        holds (`_top_of`; a row written before it did has none, and that context is read
        next, as aiogram-dialog asks for it)."""
        rows = rows_of(session)
        stack = stack_key(key)
        stack_name = self._keys.build(stack)
        names = [self._keys.build(dataclasses.replace(key, destiny=DEFAULT_DESTINY)), stack_name]
        if intent_id is not None:  # aiogram-dialog's `StorageProxy._context_key`
            context = dataclasses.replace(stack, destiny=f"{_CONTEXT}{intent_id}")
            names.append(self._keys.build(context))
        names = [name for name in names if name not in rows.known]
        if not names:
            return
        values: dict[str, Any] = {"keys": names}
        statement = BY_KEYS
        if intent_id is None and stack_name in names:
            # the key of the stack's last dialog: the key of a context whose id is empty, and
            # the id after it (the key builder puts the destiny last)
            prefix = self._keys.build(dataclasses.replace(stack, destiny=_CONTEXT))
            values |= {"stack": stack_name, "prefix": prefix}
            statement = BY_KEYS_AND_TOP
        for name, state, data in await select_rows(session, statement, values):
            rows.known[name] = Row(state, data)
        for name in names:
            rows.known.setdefault(name, None)

    async def _get(self, session: AsyncSession, name: str) -> Row | None:
        rows = rows_of(session)
        if name in rows.known:
            return rows.known[name]
        found = await select_rows(session, BY_KEY, {"key": name})
        row = rows.known[name] = Row(found[0][1], found[0][2]) if found else None
        return row

    async def _write_in(self, session: AsyncSession, name: str, values: dict[str, Any]) -> None:
        """Change the row in this session; its commit writes it (`fsm_rows.write_changed`)."""
        old = await self._get(session, name)
        row = Row(old.state, old.data) if old is not None else Row(None, {})
        for column, value in values.items():
            setattr(row, column, value)
        empty = row.state is None and row.data == {}
        if (old is None and empty) or (
            old is not None and (old.state, old.data) == (row.state, row.data)
        ):
            return  # nothing new to write (aiogram-dialog saves the stack on every update)
        rows = rows_of(session)
        if empty:
            rows.known[name] = None  # an empty record is deleted rather than kept
        else:
            row.updated_at = self._clock()
            rows.known[name] = row
        changed(session, rows, name)

    async def _read(self, key: StorageKey) -> Row | None:
        shared = _update_session.get()
        if shared is not None:
            return await self._get(shared, self._keys.build(key))
        async with self._sessions() as session:
            return await self._get(session, self._keys.build(key))

    async def set_state(self, key: StorageKey, state: StateType = None) -> None:
        value = state.state if isinstance(state, State) else state
        await self._write(key, state=value)

    async def get_state(self, key: StorageKey) -> str | None:
        record = await self._read(key)
        return record.state if record else None

    # Copies, nested dicts included: a row is held for the whole update (`fsm_rows`), and
    # aiogram-dialog changes the dicts it is given (a widget's data inside the context) and the
    # ones it gets. Had the held row shared them, a later change would reach it unwritten, and
    # the comparison with what is stored would miss it.
    async def set_data(self, key: StorageKey, data: Mapping[str, Any]) -> None:
        copied = {name: _copied(value) for name, value in data.items()}
        if key.destiny.startswith(_DATA_ONLY):
            await self._write_data_only(key, copied)
        else:
            await self._write(key, data=copied)

    async def get_data(self, key: StorageKey) -> dict[str, Any]:
        record = await self._read(key)
        return _copied(record.data) if record else {}

    async def _write_data_only(self, key: StorageKey, data: dict[str, Any]) -> None:
        """aiogram-dialog's stacks and contexts hold data and never a state of aiogram's (a
        stack's row keeps its last dialog's id there: `_top_of`): a key this update has not read
        is written as it is, without reading it first. A context is read before it is changed,
        so an unread one is new (a dialog just opened: nothing to read) or being removed (the
        stack reset: deleted without reading it)."""
        top = _top_of(data) if key.destiny.startswith(_STACK) else None
        shared = _update_session.get()
        name = self._keys.build(key)
        if shared is None or name in rows_of(shared).known:
            await self._write(key, data=data, state=top)
            return
        rows = rows_of(shared)
        rows.known[name] = Row(top, data, self._clock()) if data else None
        changed(shared, rows, name)

    async def close(self) -> None:
        """The engine is owned and disposed of by the application."""


@dataclass
class _Held:
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    users: int = 0  # updates holding the lock or waiting for it


class KeyLocks(BaseEventIsolation):
    """One update at a time per key, as aiogram's `SimpleEventIsolation`, which keeps a lock
    for every key it ever saw (each member who ever wrote holds memory until a restart); here a
    key's lock lives only while an update holds it or waits for it."""

    def __init__(self) -> None:
        self._held: dict[StorageKey, _Held] = {}

    @asynccontextmanager
    async def lock(self, key: StorageKey) -> AsyncIterator[None]:
        held = self._held.setdefault(key, _Held())
        held.users += 1
        try:
            async with held.lock:
                yield
        finally:
            held.users -= 1
            if not held.users:
                del self._held[key]

    async def close(self) -> None:
        """Nothing to close: a key's lock goes with the last update that holds it or waits for
        it, and one still running when the process stops releases its own."""
