"""How SQLite's statements are told apart (storage/db.py:is_read): a read begins no transaction."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import event, insert, select
from sqlalchemy.dialects import sqlite
from sqlmodel import SQLModel

from bot.services import outbox
from storage.db import create_engine, create_session_factory, is_read
from storage.models import Member


def _sql(statement: object) -> str:
    return str(statement.compile(dialect=sqlite.dialect()))  # type: ignore[attr-defined]


def test_selects_and_pragmas_are_reads() -> None:
    assert is_read(_sql(select(Member.id).where(Member.telegram_id == 1)))
    assert is_read("PRAGMA main.table_info('members')")
    assert is_read("  \n select 1")


def test_writes_and_transaction_statements_are_not_reads() -> None:
    assert not is_read(_sql(insert(Member).values(telegram_id=1)))
    assert not is_read("BEGIN IMMEDIATE")
    assert not is_read("SAVEPOINT sa_savepoint_1")


def test_only_the_kinds_asked_for() -> None:
    assert is_read("SELECT 1", ("SELECT",))
    assert not is_read("PRAGMA journal_mode=WAL", ("SELECT",))


async def test_the_outbox_claim_a_cte_that_updates_is_a_write(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path}/kinds.sqlite3")
    async with engine.begin() as conn:
        await conn.run_sync(SQLModel.metadata.create_all)
    sent: list[str] = []

    @event.listens_for(engine.sync_engine, "before_cursor_execute")
    def _record(conn, cursor, statement, params, context, many):  # type: ignore[no-untyped-def]
        sent.append(statement)

    try:
        async with create_session_factory(engine)() as session:
            await outbox.claim(session, "worker", datetime(2026, 11, 20, 9, 0, tzinfo=UTC))
            # the claim began the transaction: the write lock is held
            raw = await (await session.connection()).get_raw_connection()
            assert raw.driver_connection.in_transaction
    finally:
        await engine.dispose()
    [claim] = [s for s in sent if s.startswith("WITH")]
    assert "UPDATE" in claim and not is_read(claim)
