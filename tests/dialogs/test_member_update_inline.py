"""SQLite: a member update's calls that cannot wait run in the event loop, every wait in
aiosqlite's thread
(storage/sqlite_inline.py, set by bot/middlewares/db.py)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import aiosqlite
import pytest
from sqlalchemy import func, select
from sqlmodel import SQLModel

from storage.db import create_engine, create_session_factory
from storage.models import Member
from storage.sqlite_inline import member_update_inline

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


@pytest.fixture
def handed_off(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What went to aiosqlite's thread: the call's name, and a statement's first word."""
    calls: list[str] = []
    threaded = aiosqlite.Connection._execute

    async def recording(self: Any, fn: Any, *args: Any, **kwargs: Any) -> Any:
        name = getattr(fn, "__name__", "?")
        if name in ("execute", "executemany") and args and isinstance(args[0], str):
            name = args[0].split()[0].upper()
        calls.append(name)
        return await threaded(self, fn, *args, **kwargs)

    monkeypatch.setattr(aiosqlite.Connection, "_execute", recording)
    return calls


async def _sessions(tmp_path: Path):  # type: ignore[no-untyped-def]
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path}/reads.sqlite3")
    async with engine.begin() as conn:
        await conn.run_sync(SQLModel.metadata.create_all)
    return engine, create_session_factory(engine)


async def test_reads_run_in_the_loop_and_writes_in_the_thread(
    tmp_path: Path, handed_off: list[str]
) -> None:
    engine, sessions = await _sessions(tmp_path)
    handed_off.clear()  # the schema's creation
    token = member_update_inline.set(True)
    try:
        async with sessions() as session:
            await session.scalar(select(func.count()).select_from(Member))
            await session.commit()  # nothing written: no transaction to end
            assert handed_off == []

            session.add(Member(telegram_id=1, language="en", created_at=NOW))
            await session.flush()
            # the update's own write is seen by its next read, on the same connection
            assert await session.scalar(select(func.count()).select_from(Member)) == 1
            await session.commit()
        # what may wait: the write lock and the commit's fsync; the INSERT, with the lock held,
        # and every SELECT ran in the loop
        assert handed_off == ["BEGIN", "commit"]

        async with sessions() as session:
            session.add(Member(telegram_id=2, language="en", created_at=NOW))
            await session.flush()
            await session.rollback()
            assert await session.scalar(select(func.count()).select_from(Member)) == 1
        assert handed_off[-2:] == ["BEGIN", "rollback"]
    finally:
        member_update_inline.reset(token)
        await engine.dispose()


async def test_without_the_flag_every_call_goes_to_the_thread(
    tmp_path: Path, handed_off: list[str]
) -> None:
    engine, sessions = await _sessions(tmp_path)
    handed_off.clear()
    try:
        async with sessions() as session:
            assert await session.scalar(select(func.count()).select_from(Member)) == 0
        assert "SELECT" in handed_off
    finally:
        await engine.dispose()


async def test_a_member_update_reads_in_the_loop(member, db_url, handed_off) -> None:
    if not db_url.startswith("sqlite"):
        pytest.skip("SQLite's driver only")
    await member.send("/start")
    assert "Welcome" in member.text()
    # the member and the dialog state written: the write lock taken and the commit, nothing else
    assert handed_off == ["BEGIN", "commit"]


async def test_a_connection_opened_in_a_member_update_sets_its_pragmas_in_the_thread(
    tmp_path: Path, handed_off: list[str]
) -> None:
    # a PRAGMA is a read to storage/db.py (it begins no transaction) but may wait for a lock
    # (`journal_mode`): only a SELECT runs in the loop before the transaction
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path}/fresh.sqlite3")
    token = member_update_inline.set(True)
    try:
        async with create_session_factory(engine)() as session:
            assert await session.scalar(select(1)) == 1
        assert "PRAGMA" in handed_off and "SELECT" not in handed_off
    finally:
        member_update_inline.reset(token)
        await engine.dispose()
