"""Engine, session factory and migrations."""

from __future__ import annotations

import asyncio
import json
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from sqlalchemy import Connection, Engine, event
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.util import await_only

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).parent / "migrations"

# Updates handled at once when no setting says otherwise (`UPDATE_CONCURRENCY`).
DEFAULT_CONCURRENCY = 16
# Connections beside the updates' own: the outbox deliverer (its claims and marks, and each of
# the member rows it has on their way: `bot.delivery.SENDS_IN_FLIGHT`, 4), the scheduler's
# reminder job, a dialog refreshed in the background, an error handler's session, start-up.
RESERVED_CONNECTIONS = 8
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
        # aiosqlite logs every statement with its parameters at DEBUG (phones, names, dates of
        # birth): it stays at INFO when the bot logs at DEBUG, as SQLAlchemy keeps its own at
        # WARNING (docs/privacy.md; tests/privacy/test_no_personal_data_in_logs.py)
        logging.getLogger("aiosqlite").setLevel(logging.INFO)
        if ":memory:" in url:
            pool = {}  # one shared connection (SQLAlchemy's StaticPool); no pool to size
        # aiosqlite's connection, with a member update's reads run in the event loop
        from storage import sqlite_inline

        connect_args = {"timeout": 30, "async_creator_fn": sqlite_inline.connect}
        engine = create_async_engine(url, connect_args=connect_args, **pool)

        @event.listens_for(engine.sync_engine, "connect")
        def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
            # The driver's own transaction handling sends BEGIN only before a write, so a
            # SAVEPOINT taken first would commit on release. SQLAlchemy's documented recipe:
            # let the driver do nothing and emit BEGIN ourselves (see _sqlite_write_begin).
            dbapi_conn.isolation_level = None
            cursor = dbapi_conn.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA busy_timeout=30000")
            cursor.close()

        gate = _GATES[engine.sync_engine] = _WriterGate()  # this database's writers here

        @event.listens_for(engine.sync_engine, "before_cursor_execute")
        def _begin(
            conn: Any, cursor: Any, statement: str, params: Any, context: Any, many: bool
        ) -> None:
            _sqlite_write_begin(gate, conn, cursor, statement)

        event.listen(engine.sync_engine, "commit", _sqlite_write_end)
        event.listen(engine.sync_engine, "rollback", _sqlite_write_end)
        # a connection handed back or dropped without its transaction's end (a cancelled task)
        event.listen(engine.sync_engine.pool, "reset", _sqlite_pool_reset)
        event.listen(engine.sync_engine.pool, "invalidate", _sqlite_pool_invalidate)
        event.listen(engine.sync_engine.pool, "close", _sqlite_pool_end)
        return engine
    return create_async_engine(url, pool_pre_ping=True, **pool)


# Statements that only read: they run outside any transaction on SQLite (see below). A PRAGMA
# counts (`table_info` reads; `journal_mode` may not run inside a transaction); a CTE does not
# (`WITH … UPDATE`: the outbox claim writes).
READS = ("SELECT", "PRAGMA")


def is_read(statement: str, kinds: tuple[str, ...] = READS) -> bool:
    """Whether `statement` begins with one of `kinds` (upper-case keywords): how SQLite's
    statements are told apart here (`_sqlite_write_begin`, `storage/sqlite_inline.py`).

    By its first word after leading white space: every statement this code sends begins with
    its keyword (SQLAlchemy writes no comment before it)."""
    return statement.lstrip()[:6].upper().startswith(kinds)


_WRITING = "sqlite_writing"
_GATE_HELD = "sqlite_gate"
# How long a writer waits for this process's other writers (SQLite's busy_timeout, as before).
WRITE_WAIT_SECONDS = 30.0


class _WriterGate:
    """One write transaction at a time in this process, handed over without sleeping.

    SQLite has one write lock. A writer that finds it taken sleeps in SQLite's busy handler
    (1, 2, 5, 10 … 100 ms) and tries again, so under load the lock often sat free while every
    writer slept. Here this process's writers queue on an `asyncio.Lock` taken before
    `BEGIN IMMEDIATE` and released when the connection goes back to the pool, which a session
    does right after its commit or rollback has run (SQLAlchemy's `commit` event comes before
    the COMMIT itself): the next writer starts the moment the lock frees. Other processes on
    the same file still meet at SQLite's busy handler.
    """

    def __init__(self) -> None:
        self._locks: WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Lock] = (
            WeakKeyDictionary()
        )

    def enter(self) -> tuple[asyncio.AbstractEventLoop, asyncio.Lock] | None:
        """Wait for this process's other writers (from SQLAlchemy's greenlet, on the loop)."""
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # pragma: no cover - the engine is only used from asyncio
            return None
        lock = self._locks.get(loop)
        if lock is None:
            lock = self._locks[loop] = asyncio.Lock()
        await_only(asyncio.wait_for(lock.acquire(), WRITE_WAIT_SECONDS))
        return loop, lock


# each SQLite engine's gate, for `begin_write`
_GATES: WeakKeyDictionary[Engine, _WriterGate] = WeakKeyDictionary()


def _release(held: tuple[asyncio.AbstractEventLoop, asyncio.Lock] | None) -> None:
    if held is None:
        return
    loop, lock = held
    try:
        running = asyncio.get_running_loop()
    except RuntimeError:
        running = None
    if running is loop:
        lock.release()
    elif not loop.is_closed():  # pragma: no cover - a connection closed by the GC elsewhere
        loop.call_soon_threadsafe(lock.release)


def _sqlite_write_begin(gate: _WriterGate, conn: Any, cursor: Any, statement: str) -> None:
    """On SQLite a transaction begins at its first write, and takes the write lock then.

    Reads before it run outside any transaction (in WAL mode they never wait and never block),
    so an update that only reads never takes the lock, and one that writes holds it from its
    first write to its commit, not across the reads and Telegram calls before it. What a read
    sees is the last committed state, as in PostgreSQL's READ COMMITTED. `BEGIN IMMEDIATE`:
    a deferred BEGIN would take the lock only at the first write statement too, but could then
    fail at once (SQLITE_BUSY) instead of queueing behind the other writer on busy_timeout.
    This process's writers queue before it on `_WriterGate`.
    """
    if conn.info.get(_WRITING) or is_read(statement):
        return
    if _GATE_HELD not in conn.info:
        conn.info[_GATE_HELD] = gate.enter()
    cursor.execute("BEGIN IMMEDIATE")
    conn.info[_WRITING] = True


def begin_write(conn: Connection) -> None:
    """What the first write statement of `conn`'s transaction does before it is sent (above),
    for writes sent to the driver past SQLAlchemy (the dialog state's: storage/fsm_rows.py):
    wait for this process's other writers, then `BEGIN IMMEDIATE` (in aiosqlite's thread: it
    may wait for another process's lock). Nothing when the transaction writes already."""
    if conn.info.get(_WRITING):
        return
    cursor = conn.connection.cursor()
    try:
        _sqlite_write_begin(_GATES[conn.engine], conn, cursor, "INSERT")
    finally:
        cursor.close()


def _sqlite_write_end(conn: Any) -> None:
    if conn.invalidated:
        # its driver connection was dropped (a task cancelled inside a statement): reading its
        # info would raise over the cancellation; the pool's "invalidate" ends its write
        return
    conn.info.pop(_WRITING, None)


def _sqlite_pool_end(dbapi_connection: Any, connection_record: Any) -> None:
    """The connection is back in the pool (after its commit or rollback ran) or dropped."""
    connection_record.info.pop(_WRITING, None)
    _release(connection_record.info.pop(_GATE_HELD, None))


def _sqlite_pool_reset(dbapi_connection: Any, connection_record: Any, reset_state: Any) -> None:
    _sqlite_pool_end(dbapi_connection, connection_record)


def _sqlite_pool_invalidate(dbapi_connection: Any, connection_record: Any, exception: Any) -> None:
    _sqlite_pool_end(dbapi_connection, connection_record)


def create_session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False)


def alembic_config(url: str) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", url)
    return config


async def migrate(url: str) -> None:
    """Apply every Alembic migration (a no-op when up to date), in this process."""
    from alembic import command

    _ensure_sqlite_dir(url)
    await asyncio.to_thread(command.upgrade, alembic_config(url), "head")


class MigrationError(RuntimeError):
    """The migrations failed in their own process (its traceback is on stderr above)."""


# what the child is given in its environment: the URL (never on its command line: `ps` shows
# that), and this process's sys.path, so it imports this very code whether this process runs
# from a checkout (`python run_bot.py`) or an installed package
CHILD_URL = "INSURANCE_BOT_MIGRATE_URL"
CHILD_PATH = "INSURANCE_BOT_MIGRATE_PATH"
_CHILD_CODE = (
    "import json, os, sys; "
    f"sys.path[:] = json.loads(os.environ[{CHILD_PATH!r}]); "
    "from storage.migrate import main; main()"
)


async def migrate_apart(url: str) -> None:
    """`migrate` in a child process (`storage/migrate.py`), for a process that stays up
    afterwards (the polling role).

    Alembic, its DDL modules for every dialect and the migration scripts take 10-20 MB that a
    process never gives back once it has imported them (docs/performance.md, "Memory"); the
    child's memory goes when it exits. Its stderr (a failed migration's traceback) is this
    process's."""
    env = {**os.environ, CHILD_URL: url, CHILD_PATH: json.dumps(sys.path)}
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-c", _CHILD_CODE, env=env, stdin=asyncio.subprocess.DEVNULL
    )
    code = await process.wait()
    if code != 0:
        raise MigrationError(f"migrations failed in their own process (exit code {code})")
