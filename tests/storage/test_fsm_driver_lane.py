"""The dialog state's statements sent to SQLite's driver itself in a member's update
(`storage/driver_lane.py`: `select_rows`, and `execute` for the writes): the same rows as
through SQLAlchemy, in the same write transaction, taken as SQLAlchemy takes it, and the
driver's errors raised as SQLAlchemy's. What both lanes must do alike is in
`test_fsm_rows.py`, run on each.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import aiosqlite
import pytest
from aiogram.fsm.storage.base import StorageKey
from sqlalchemy import event, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from storage.fsm import SQLStorage, bind_session
from storage.models import Member
from storage.sqlite_inline import member_update_inline
from tests.storage.test_fsm_rows import KEY, NOW, _stored


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    """SQLite's only: PostgreSQL's statements always go through SQLAlchemy."""
    return f"sqlite+aiosqlite:///{tmp_path}/test.sqlite3"


@pytest.fixture
def driver_lane() -> Iterator[None]:
    """Inside a member's update (the flag `bot/middlewares/db.py` sets for one)."""
    token = member_update_inline.set(True)
    yield
    member_update_inline.reset(token)


async def _columns(session_factory) -> dict[str, tuple[Any, ...]]:  # type: ignore[no-untyped-def]
    """The stored values as SQLite holds them (text), by key."""
    async with session_factory() as session:
        found = await session.execute(text("SELECT key, state, data, updated_at FROM fsm_records"))
        return {key: rest for key, *rest in found}


async def test_the_driver_stores_and_reads_what_sqlalchemy_stores_and_reads(
    session_factory, driver_lane
) -> None:
    """The same values written by each lane are stored as the same text, and read back equal."""
    data = {"draft": "Ärztin №5 «Ok»", "n": [1, 2.5, None, True], "w": {"d": "2026-12-25"}}
    keys = {"driver": KEY, "sqlalchemy": StorageKey(bot_id=1, chat_id=7, user_id=7)}
    storage = SQLStorage(session_factory, lambda: NOW)
    for lane, key in keys.items():
        token = member_update_inline.set(lane == "driver")
        try:
            async with session_factory.begin() as session, bind_session(session):
                await storage.set_state(key, "Form:first")
                await storage.set_data(key, data)
        finally:
            member_update_inline.reset(token)
    stored = list((await _columns(session_factory)).values())
    assert len(stored) == 2 and stored[0] == stored[1]
    for lane in keys:
        token = member_update_inline.set(lane == "driver")
        try:
            async with session_factory() as session, bind_session(session):
                read = [
                    (await storage.get_state(k), await storage.get_data(k)) for k in keys.values()
                ]
        finally:
            member_update_inline.reset(token)
        assert read == [("Form:first", data)] * 2


async def test_the_driver_s_writes_belong_to_the_transaction(session_factory, driver_lane) -> None:
    """SQLite's driver runs here with no transaction of its own (storage/db.py): the driver's
    lane begins the write transaction first, so a commit that fails after its writes leaves
    nothing stored (without that BEGIN each write would have been committed on its own)."""
    storage = SQLStorage(session_factory, lambda: NOW)

    def failing(_session: Session) -> None:
        raise RuntimeError("a later part of the commit failed")

    async with session_factory() as session, bind_session(session):
        await storage.set_data(KEY, {"draft": "not yet"})
        event.listen(session.sync_session, "before_commit", failing)
        with pytest.raises(RuntimeError):
            await session.commit()
        await session.rollback()
    assert await _columns(session_factory) == {}


async def test_the_driver_s_write_lock_is_taken_in_aiosqlite_s_thread(
    session_factory, driver_lane, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`BEGIN IMMEDIATE` may wait for another process's write lock (SQLite's busy timeout):
    it goes to aiosqlite's thread, as SQLAlchemy's first write sends it, never run in the
    event loop; the writes after it, in the transaction that holds the lock, run in the loop."""
    threaded = aiosqlite.Connection._execute
    handed_off: list[str] = []

    async def recording(self: Any, fn: Any, *args: Any, **kwargs: Any) -> Any:
        if args and isinstance(args[0], str):
            handed_off.append(args[0].split()[0].upper())
        return await threaded(self, fn, *args, **kwargs)

    storage = SQLStorage(session_factory, lambda: NOW)
    async with session_factory() as session, bind_session(session):
        await storage.set_data(KEY, {"draft": "a"})
        monkeypatch.setattr(aiosqlite.Connection, "_execute", recording)
        await session.commit()
    assert handed_off == ["BEGIN"]


async def test_the_driver_s_first_write_waits_for_this_process_s_other_writers(
    session_factory, driver_lane
) -> None:
    """The write lock is taken as SQLAlchemy's first write takes it: after this process's
    other writer (storage/db.py's gate), never beside it ("database is locked")."""
    storage = SQLStorage(session_factory, lambda: NOW)
    async with session_factory() as writer:
        writer.add(Member(telegram_id=1001, language="en", created_at=NOW))
        await writer.flush()  # holds the write lock

        async def update() -> None:
            async with session_factory.begin() as session, bind_session(session):
                await storage.set_data(KEY, {"draft": "after the other"})

        waiting = asyncio.create_task(update())
        await asyncio.sleep(0.2)
        assert not waiting.done()  # queued behind the writer, not failed
        await writer.commit()
        await asyncio.wait_for(waiting, 5)
    assert [data for _, data, _ in (await _stored(session_factory)).values()] == [
        {"draft": "after the other"}
    ]


async def test_a_driver_error_is_raised_as_sqlalchemy_raises_it(
    session_factory, driver_lane
) -> None:
    storage = SQLStorage(session_factory, lambda: NOW)

    async def rename(old: str, new: str) -> None:
        token = member_update_inline.set(False)  # another session of the process
        try:
            async with session_factory.begin() as session:
                await session.execute(text(f"ALTER TABLE {old} RENAME TO {new}"))
        finally:
            member_update_inline.reset(token)

    async with session_factory() as session, bind_session(session):
        await storage.set_data(KEY, {"draft": "a"})  # read, and changed in the session
        await rename("fsm_records", "fsm_gone")
        with pytest.raises(OperationalError) as written:  # the write, at the commit
            await session.commit()
        await session.rollback()
    async with session_factory() as session, bind_session(session):
        with pytest.raises(OperationalError) as read:  # a read
            await storage.get_data(KEY)
    for raised in (written, read):
        assert isinstance(raised.value.orig, sqlite3.OperationalError)
        assert "no such table: fsm_records" in str(raised.value.orig)
        assert "fsm_records" in str(raised.value.statement)
    assert "INSERT" in str(written.value.statement)
    await rename("fsm_gone", "fsm_records")
