"""SQLite: this process's writers queue on one lock taken before `BEGIN IMMEDIATE` (storage/db.py).

The next writer starts when the previous one's connection is back in the pool, that is after
its COMMIT or ROLLBACK ran, and a writer that dies half-way (a cancelled task) hands it on too.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import event, func, select, text
from sqlmodel import SQLModel

from storage.db import create_engine, create_session_factory
from storage.models import Member

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


async def _factory(tmp_path: Path):  # type: ignore[no-untyped-def]
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path}/gate.sqlite3")

    @event.listens_for(engine.sync_engine, "connect")
    def _no_busy_wait(dbapi_conn, _record):  # type: ignore[no-untyped-def]
        # SQLite's own wait off: a writer that met the lock taken would fail at once
        # ("database is locked"), so only the gate can make the second writer wait
        dbapi_conn.cursor().execute("PRAGMA busy_timeout=0")

    async with engine.begin() as conn:
        await conn.run_sync(SQLModel.metadata.create_all)
    return engine, create_session_factory(engine)


def _member(telegram_id: int) -> Member:
    return Member(telegram_id=telegram_id, language="en", created_at=NOW)


async def test_a_second_writer_waits_for_the_first_ones_commit(tmp_path: Path) -> None:
    engine, sessions = await _factory(tmp_path)
    order: list[str] = []
    first_wrote = asyncio.Event()
    release_first = asyncio.Event()
    second_read = asyncio.Event()

    async def first() -> None:
        async with sessions() as session:
            session.add(_member(1))
            await session.flush()  # BEGIN IMMEDIATE: this process's write lock is taken
            order.append("first wrote")
            first_wrote.set()
            await release_first.wait()
            await session.commit()

    async def second() -> None:
        await first_wrote.wait()
        async with sessions() as session:
            # a read takes no lock and sees only what is committed
            count = await session.scalar(select(func.count()).select_from(Member))
            order.append(f"second read {count}")
            second_read.set()
            session.add(_member(2))
            await session.flush()  # waits here for the first writer
            order.append("second wrote")
            await session.commit()

    # noted when the COMMIT has run, in the same step as the gate's release (not when the first
    # task next gets the loop: under load the second writer may write before that)
    event.listen(engine.sync_engine, "commit", lambda _conn: order.append("committed"))
    tasks = [asyncio.create_task(first()), asyncio.create_task(second())]
    try:
        async with asyncio.timeout(10):
            await second_read.wait()
        await asyncio.sleep(0.2)  # the second writer gets every chance to go ahead
        assert order == ["first wrote", "second read 0"]
        release_first.set()
        async with asyncio.timeout(10):
            await asyncio.gather(*tasks)
        assert order == ["first wrote", "second read 0", "committed", "second wrote", "committed"]
        async with sessions() as session:
            assert await session.scalar(select(func.count()).select_from(Member)) == 2
    finally:
        for task in tasks:
            task.cancel()
        await engine.dispose()


async def test_a_writer_cancelled_mid_transaction_lets_the_next_one_write(tmp_path: Path) -> None:
    engine, sessions = await _factory(tmp_path)
    wrote = asyncio.Event()

    async def doomed() -> None:
        async with sessions() as session:
            session.add(_member(1))
            await session.flush()
            wrote.set()
            await asyncio.Event().wait()  # never commits

    task = asyncio.create_task(doomed())
    try:
        async with asyncio.timeout(10):
            await wrote.wait()
        task.cancel()
        async with asyncio.timeout(10):  # a gate never handed on would hang here
            async with sessions() as session:
                session.add(_member(2))
                await session.commit()
        async with sessions() as session:
            ids = (await session.scalars(select(Member.telegram_id))).all()
        assert ids == [2]  # the cancelled one was rolled back
    finally:
        await engine.dispose()


async def test_a_reader_cancelled_inside_a_query_ends_cancelled_and_the_next_one_writes(
    tmp_path: Path,
) -> None:
    """A task cancelled while SQLite runs its statement (a process stopping under a background
    dialog refresh) ended in `PendingRollbackError`: SQLAlchemy dropped the connection, and the
    rollback's hook here read the dropped connection's info. It ends cancelled, as it was."""
    engine, sessions = await _factory(tmp_path)
    slow = text(
        "SELECT (WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n "
        "WHERE x < 30000000) SELECT count(*) FROM n)"
    )  # (a read: no write lock taken, so the next writer need not wait for it to end)
    running = asyncio.Event()

    async def reader() -> None:
        async with sessions() as session:
            running.set()
            await session.execute(slow)

    task = asyncio.create_task(reader())
    try:
        await running.wait()
        await asyncio.sleep(0.2)  # inside the statement, in aiosqlite's thread
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        async with asyncio.timeout(30), sessions() as session:
            session.add(_member(3))
            await session.commit()
    finally:
        await engine.dispose()
