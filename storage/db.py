"""Engine, session factory and migrations."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import event
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

MIGRATIONS_DIR = Path(__file__).parent / "migrations"

# Updates handled at once when no setting says otherwise (`UPDATE_CONCURRENCY`).
DEFAULT_CONCURRENCY = 16
# Connections beside the updates' own: the outbox deliverer, the scheduler's reminder job, a
# dialog refreshed in the background, an error handler's session, start-up.
RESERVED_CONNECTIONS = 4
# The polling loop never runs more updates than the pool holds, so a connection is never far
# off; this only bounds a wait that would mean something else holds connections it should not.
POOL_TIMEOUT_SECONDS = 120


def _ensure_sqlite_dir(url: str) -> None:
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)


def pool_options(concurrency: int) -> dict[str, Any]:
    """A pool with a connection for every update handled at once, and the reserve beside them.

    SQLAlchemy's default (5 + 10 overflow, 30 s timeout) dropped updates in a burst: each one
    past the fifteenth waited for a connection and failed after 30 s.
    """
    return {
        "pool_size": concurrency + RESERVED_CONNECTIONS,
        "max_overflow": RESERVED_CONNECTIONS,
        "pool_timeout": POOL_TIMEOUT_SECONDS,
    }


def create_engine(url: str, *, concurrency: int = DEFAULT_CONCURRENCY) -> AsyncEngine:
    _ensure_sqlite_dir(url)
    pool = pool_options(concurrency)
    if url.startswith("sqlite"):
        if ":memory:" in url:
            pool = {}  # one shared connection (SQLAlchemy's StaticPool); no pool to size
        engine = create_async_engine(url, connect_args={"timeout": 30}, **pool)

        @event.listens_for(engine.sync_engine, "connect")
        def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
            # The driver's own transaction handling sends BEGIN only before a write, so a
            # SAVEPOINT taken first would commit on release. SQLAlchemy's documented recipe:
            # let the driver do nothing and emit BEGIN ourselves (see _sqlite_begin).
            dbapi_conn.isolation_level = None
            cursor = dbapi_conn.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA busy_timeout=30000")
            cursor.close()

        @event.listens_for(engine.sync_engine, "begin")
        def _sqlite_begin(conn: Any) -> None:
            # IMMEDIATE: take the write lock up front. A transaction that reads and only
            # later writes fails at once (SQLITE_BUSY) when another connection wrote in
            # between; taking the lock first makes writers queue on busy_timeout instead.
            # SQLite is the embedded default; PostgreSQL is for concurrent production use.
            conn.exec_driver_sql("BEGIN IMMEDIATE")

        return engine
    return create_async_engine(url, pool_pre_ping=True, **pool)


def create_session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False)


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", url)
    return config


async def migrate(url: str) -> None:
    """Apply every Alembic migration (run at start-up; a no-op when up to date)."""
    _ensure_sqlite_dir(url)
    await asyncio.to_thread(command.upgrade, alembic_config(url), "head")
