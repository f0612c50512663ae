"""SQLite calls of a member's update that cannot wait run in the event loop, not in a thread.

aiosqlite runs every call on a connection (open a cursor, execute, fetch, close) in the
connection's own thread and wakes the event loop with the result: two loop iterations and a
thread hand-off per call, four calls per statement. A point read from a WAL database takes
microseconds; the hand-offs took 1.5 ms of CPU a lookup (bench/lookup_bench.py), the same
floor under every member step (docs/performance.md).

`LoopSideConnection` is aiosqlite's connection with one change: while `member_update_inline`
is set (by a member's update, `bot/middlewares/db.py`: it reads and writes a few rows found by
an index), these run on the calling thread: a `SELECT`, the calls around a statement (open a
cursor, fetch, close), every statement inside a transaction already begun (`BEGIN IMMEDIATE`
took the write lock: a write then waits for nothing), and `COMMIT`/`ROLLBACK` when no
transaction is open (they do nothing then). What may wait stays in the thread: `BEGIN` (the
database's write lock, `busy_timeout`), a write outside a transaction, a real `COMMIT` (an
fsync) or `ROLLBACK`. Jobs, imports, exports and the staff side
(no flag) keep every call in the thread, so a long read never holds the event loop.

Safe because SQLAlchemy's adapter awaits each call before it makes the next one on the same
connection: the connection is never used by both threads at once (`check_same_thread=False`
lets the loop's thread use it at all).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

import aiosqlite

from storage.db import is_read

member_update_inline: ContextVar[bool] = ContextVar("member_update_inline", default=False)

# calls on a cursor or connection that never wait for a lock or the disk by themselves (a
# statement runs in `execute`; what `fetch*` returns was computed there or is a read's next rows)
_QUICK = frozenset({"cursor", "fetchone", "fetchmany", "fetchall", "close"})
_ENDS = frozenset({"commit", "rollback"})
_STATEMENTS = frozenset({"execute", "executemany"})
# before the transaction only a SELECT is sure not to wait: a PRAGMA, a read to storage/db.py,
# may take a lock (`journal_mode`, which a connection opened during the update sets)
_SURE = ("SELECT",)


class LoopSideConnection(aiosqlite.Connection):
    def _in_loop(self, fn: Callable[..., Any], args: tuple[Any, ...]) -> bool:
        connection = self._connection
        if connection is None or not member_update_inline.get():
            return False
        name = getattr(fn, "__name__", "")
        if name in _QUICK:
            return True
        if name in _STATEMENTS:
            # inside the update's transaction this connection holds the write lock already: a
            # write waits for nothing; before it, only a read is sure not to wait
            if connection.in_transaction:
                return True
            return name == "execute" and isinstance(args[0], str) and is_read(args[0], _SURE)
        return name in _ENDS and not connection.in_transaction

    async def _execute(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        if self._in_loop(fn, args):
            return fn(*args, **kwargs)
        return await super()._execute(fn, *args, **kwargs)

    def in_loop_driver(self) -> sqlite3.Connection | None:
        """The sqlite3 connection itself, while a member's update runs its calls in the event
        loop (None otherwise): for the member's statements sent past SQLAlchemy
        (storage/driver_lane.py), under the same rules as the calls above (a read, or a write in
        the transaction that holds the write lock)."""
        if not member_update_inline.get():
            return None
        return self._connection


def connect(database: str, **kwargs: Any) -> LoopSideConnection:
    """`aiosqlite.connect` with `LoopSideConnection` (SQLAlchemy's `async_creator_fn`)."""
    kwargs["check_same_thread"] = False

    def connector() -> sqlite3.Connection:
        return sqlite3.connect(database, **kwargs)

    connection = LoopSideConnection(connector, 64)
    connection._thread.daemon = True  # as SQLAlchemy does for aiosqlite's own
    return connection
