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
from sqlalchemy import bindparam, event, inspect, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import Session
from sqlmodel import col

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


# session.info: the records this session has read or written, by key (None: no such row).
# SQLAlchemy's identity map holds an unchanged object only weakly, so without this each read of
# a key (aiogram-dialog reads the stack and the open context two or three times an update) went
# back to the database once the object was collected.
_KNOWN = "fsm_records"


@event.listens_for(Session, "after_soft_rollback")
def _forget_known(session: Session, _previous: Any) -> None:
    """What was read or written before a rollback may not be what the database holds now."""
    session.info.pop(_KNOWN, None)


# Built once, executed with parameters each update: SQLAlchemy's compiled cache hits without the
# statement being built again (`session.get` also deep-annotates its WHERE clause on each load).
_BY_KEYS = select(FsmRecord).where(col(FsmRecord.key).in_(bindparam("keys", expanding=True)))
_BY_KEY = select(FsmRecord).where(col(FsmRecord.key) == bindparam("key"))


def _known(session: AsyncSession) -> dict[str, FsmRecord | None]:
    known: dict[str, FsmRecord | None] = session.info.setdefault(_KNOWN, {})
    return known


@runtime_checkable
class Prefetching(Protocol):
    """A storage that can read, through the update's session, what the update will ask for
    (`StateSessionMiddleware` calls it once the session is open)."""

    async def prefetch(self, session: AsyncSession, key: StorageKey) -> None: ...


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

    async def prefetch(self, session: AsyncSession, key: StorageKey) -> None:
        """Read the rows an update of `key`'s chat reads first in one statement: the state
        (aiogram's) and the dialog stack (aiogram-dialog's); the open dialog's context is
        named in the stack and read next."""
        known = _known(session)
        names = [
            self._keys.build(dataclasses.replace(key, destiny=DEFAULT_DESTINY)),
            self._keys.build(stack_key(key)),
        ]
        names = [name for name in names if name not in known]
        if not names:
            return
        found = await session.scalars(_BY_KEYS, {"keys": names})
        rows = {record.key: record for record in found}
        for name in names:
            known[name] = rows.get(name)

    async def _get(self, session: AsyncSession, name: str) -> FsmRecord | None:
        known = _known(session)
        if name in known:
            record = known[name]
            if record is None:
                return None
            state = inspect(record)
            if not (state.deleted or state.was_deleted or state.detached):
                return record
            # deleted by a statement of this session's (erasing a member's data): ask again
        record = known[name] = (await session.scalars(_BY_KEY, {"key": name})).one_or_none()
        return record

    async def _write_in(self, session: AsyncSession, name: str, values: dict[str, Any]) -> None:
        record = await self._get(session, name)
        if record is None:
            record = FsmRecord(key=name, updated_at=self._clock())
        for column, value in values.items():
            setattr(record, column, value)
        if record.state is None and record.data == {}:
            if inspect(record).persistent:
                await session.delete(record)
            elif record in session:  # added in this update and not yet written
                session.expunge(record)
            _known(session)[name] = None
            return
        record.updated_at = self._clock()
        session.add(record)
        _known(session)[name] = record

    async def _read(self, key: StorageKey) -> FsmRecord | None:
        shared = _update_session.get()
        if shared is not None:
            return await self._get(shared, self._keys.build(key))
        async with self._sessions() as session:
            found = await session.scalars(_BY_KEY, {"key": self._keys.build(key)})
            return found.one_or_none()

    async def set_state(self, key: StorageKey, state: StateType = None) -> None:
        value = state.state if isinstance(state, State) else state
        await self._write(key, state=value)

    async def get_state(self, key: StorageKey) -> str | None:
        record = await self._read(key)
        return record.state if record else None

    # Copies, nested dicts included: a record is held for the whole update (`_KNOWN`), and
    # aiogram-dialog changes the dicts it is given (a widget's data inside the context). Had the
    # held record shared them, its value would already equal the new one when saved, and
    # SQLAlchemy would see no change to write.
    async def set_data(self, key: StorageKey, data: Mapping[str, Any]) -> None:
        await self._write(key, data=copy.deepcopy(dict(data)))

    async def get_data(self, key: StorageKey) -> dict[str, Any]:
        record = await self._read(key)
        return copy.deepcopy(record.data) if record else {}

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
