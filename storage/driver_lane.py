"""A member's reads and the dialog state's writes sent to SQLite's driver itself.

While a member's update runs its SQLite calls in the event loop (`storage/sqlite_inline.py`),
SQLAlchemy's execution added 90-130 µs to each statement (its execution context and result
objects, the parameters' processing, the adapter's cursor): sent past it, `/start` and a typed
date cost the bot 14-15 % less CPU (docs/performance.md, ninth session). The statements on the
member's path that are built once (the dialog state's, `storage/fsm_rows.py`; the cards'
reads, `storage/repositories/cards.py`) go to the sqlite3 connection directly then:

- the SQL is SQLAlchemy's own for the dialect, compiled once per statement and number of
  values in its expanding lists (`storage/sql.py:driver_form`, which the registry's bulk writes
  share); values go in through the bind parameters' own processors and
  come out through the selected columns' own result processors, so what is stored and read is
  what SQLAlchemy stores and reads;
- pending ORM changes are flushed first, as `session.execute` autoflushes (unless the session
  says not to);
- SQLAlchemy's cursor-execute listeners are told of each statement, with no execution context,
  as for SQLAlchemy's own statements outside one (the SQLite write begin of `storage/db.py`,
  tests, tracing), and the driver's errors are raised as SQLAlchemy's `DBAPIError`.

Everywhere else (PostgreSQL, jobs, imports, the staff side) `select_rows` is `session.execute`
and `execute` is `connection.execute` (an import's bulk writes go to the driver by
`storage/sql.py:execute_many`, on both databases).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping, Sequence
from typing import Any, cast

from sqlalchemy import Connection, Select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql import Executable
from sqlalchemy.sql.elements import ClauseElement

from storage.db import begin_write
from storage.sql import autoflushed, result_processors, statement_for
from storage.sqlite_inline import LoopSideConnection, member_update_inline

Processor = Callable[[Any], Any]


def in_loop_driver(connection: Connection) -> sqlite3.Connection | None:
    """The sqlite3 connection under `connection` while a member's update runs its calls in the
    event loop (`LoopSideConnection.in_loop_driver`); None for every other connection."""
    driver = connection.connection.driver_connection
    return driver.in_loop_driver() if isinstance(driver, LoopSideConnection) else None


def send(
    connection: Connection,
    cursor: sqlite3.Cursor,
    sql: str,
    params: Any,
    many: bool = False,
) -> sqlite3.Cursor:
    """One statement run by the driver, SQLAlchemy's cursor-execute listeners told of it, and
    an error raised as SQLAlchemy's `DBAPIError` for it."""
    dispatch = connection.dispatch
    for listener in dispatch.before_cursor_execute:
        sql, params = listener(connection, cursor, sql, params, None, many)
    try:
        if many:
            cursor.executemany(sql, params)
        else:
            cursor.execute(sql, params)
    except sqlite3.Error as error:
        raise DBAPIError.instance(sql, params, error, sqlite3.Error) from error
    dispatch.after_cursor_execute(connection, cursor, sql, params, None, many)
    return cursor


def execute(
    connection: Connection, statement: Executable, values: Sequence[Mapping[str, Any]]
) -> None:
    """`connection.execute(statement, values)` (one statement, a row of values each) for a
    write, sent by the driver in a member's update on SQLite: after `begin_write` begins the
    write transaction as SQLAlchemy's first write would (this process's writer gate, then
    `BEGIN IMMEDIATE` in aiosqlite's thread, where a wait for another process's lock belongs).
    For the commit's writes (`storage/fsm_rows.py:write_changed`, in SQLAlchemy's greenlet)."""
    driver = in_loop_driver(connection)
    if driver is None:
        connection.execute(statement, list(values))
        return
    begin_write(connection)
    compiled = cast(ClauseElement, statement)
    found = [statement_for(compiled, connection.dialect, row) for row in values]
    send(connection, driver.cursor(), found[0][0], [params for _sql, params in found], many=True)


async def select_rows(
    session: AsyncSession, statement: Select[Any], values: Mapping[str, Any]
) -> Sequence[tuple[Any, ...]]:
    """The rows of `statement`, a Core `SELECT` of columns built once, as tuples: by the driver
    in a member's update on SQLite, by `session.execute` everywhere else."""
    sync = session.sync_session
    if not member_update_inline.get() or sync.get_bind().dialect.name != "sqlite":
        return (await session.execute(statement, dict(values))).all()
    await autoflushed(session)  # as session.execute flushes first
    connection = (await session.connection()).sync_connection
    driver = in_loop_driver(connection) if connection is not None else None
    if connection is None or driver is None:  # a SQLite engine not made by storage/db.py
        return (await session.execute(statement, dict(values))).all()
    sql, params = statement_for(statement, connection.dialect, values)
    found = send(connection, driver.cursor(), sql, params).fetchall()
    loaders = result_processors(statement, connection.dialect)
    if not any(loaders):
        return found
    return [
        tuple(
            value if load is None else load(value) for value, load in zip(row, loaders, strict=True)
        )
        for row in found
    ]
