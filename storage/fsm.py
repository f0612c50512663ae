"""aiogram FSM storage kept in the database, so dialog state and drafts survive a restart."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Mapping
from contextlib import asynccontextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from aiogram.fsm.state import State
from aiogram.fsm.storage.base import (
    BaseEventIsolation,
    BaseStorage,
    DefaultKeyBuilder,
    KeyBuilder,
    StateType,
    StorageKey,
)
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.models import FsmRecord

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

    async def _write_in(self, session: AsyncSession, name: str, values: dict[str, Any]) -> None:
        record = await session.get(FsmRecord, name)
        if record is None:
            record = FsmRecord(key=name, updated_at=self._clock())
        for column, value in values.items():
            setattr(record, column, value)
        if record.state is None and record.data == {}:
            if record in session:
                await session.delete(record)
            return
        record.updated_at = self._clock()
        session.add(record)

    async def _read(self, key: StorageKey) -> FsmRecord | None:
        shared = _update_session.get()
        if shared is not None:
            return await shared.get(FsmRecord, self._keys.build(key))
        async with self._sessions() as session:
            return await session.get(FsmRecord, self._keys.build(key))

    async def set_state(self, key: StorageKey, state: StateType = None) -> None:
        value = state.state if isinstance(state, State) else state
        await self._write(key, state=value)

    async def get_state(self, key: StorageKey) -> str | None:
        record = await self._read(key)
        return record.state if record else None

    async def set_data(self, key: StorageKey, data: Mapping[str, Any]) -> None:
        await self._write(key, data=dict(data))

    async def get_data(self, key: StorageKey) -> dict[str, Any]:
        record = await self._read(key)
        return dict(record.data) if record else {}

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
        self._held.clear()
