"""The dialog state rows of a database session: read as plain rows, written at its commits.

`storage/fsm.py` (aiogram's storage) reads `fsm_records` through the update's session and
changes the rows here; every commit of that session writes what changed since the last one
(`write_changed`, SQLAlchemy's `before_commit`), so a commit point of the update
(`UnitOfWork.commit`) stores the dialog state reached so far together with what it commits.
Plain values, not ORM objects: an ORM object costs its load, its attribute events and the unit
of work's flush at every commit, which were the largest share of a member update's database
time (docs/performance.md, seventh session). No aiogram here: the repositories that delete
state rows by a statement (erasing a member's data) tell the session with `forget_rows`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, delete, event, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session, SessionTransaction

from storage.driver_lane import execute
from storage.models import FsmRecord
from storage.sql import typed_text

_ROWS = "fsm_rows"  # session.info's key


@dataclass
class Row:
    state: str | None
    data: dict[str, Any]
    updated_at: datetime | None = None  # when this session changed it (None: as read)


@dataclass
class _Rows:
    """What this session knows of `fsm_records`: a key's row (None: no row, or one being
    deleted), and the keys changed since the last commit."""

    known: dict[str, Row | None] = field(default_factory=dict)
    changed: set[str] = field(default_factory=set)


def rows_of(session: AsyncSession | Session) -> _Rows:
    rows: _Rows | None = session.info.get(_ROWS)
    if rows is None:
        rows = session.info[_ROWS] = _Rows()
    return rows


def changed(session: AsyncSession, rows: _Rows, name: str) -> None:
    """`name`'s row changed in this session: its next commit writes it, a rollback before that
    forgets it (the change belongs to the session's transaction, begun here if none is, as
    adding an ORM object begins one; no statement is sent for that)."""
    if not session.in_transaction():
        session.sync_session.begin()
    rows.changed.add(name)


def forget_rows(session: AsyncSession) -> None:
    """Forget what this session knows of the dialog state, changes not yet written included:
    a statement deleted rows under it (erasing a member's data)."""
    session.info.pop(_ROWS, None)


@event.listens_for(Session, "after_soft_rollback")
def _forget_known(session: Session, previous: SessionTransaction) -> None:
    """What was read or written before a rollback may not be what the database holds now.

    Only the session's own transaction counts: a savepoint's rollback (or a failed flush's,
    inside one) changes nothing here, because the state is written only at a commit, never
    inside a savepoint (a member's card link that lost a race rolls back its savepoint and the
    update goes on)."""
    if previous.parent is None:
        session.info.pop(_ROWS, None)


_TABLE = FsmRecord.__table__  # type: ignore[attr-defined]
# Built once, executed with parameters: SQLAlchemy's compiled cache hits without the statement
# being built again. Core, not the ORM: rows, not objects.
BY_KEYS = select(_TABLE.c.key, _TABLE.c.state, _TABLE.c.data).where(
    _TABLE.c.key.in_(bindparam("keys", expanding=True))
)
# the same, and the context of the dialog the stack row `:stack` names last: its `state` column
# holds that dialog's id (storage/fsm.py:_top_of), appended to `:prefix` (a context's key
# without the id); `||` on both databases
_STACK = _TABLE.alias("stack")
BY_KEYS_AND_TOP = select(_TABLE.c.key, _TABLE.c.state, _TABLE.c.data).where(
    or_(
        _TABLE.c.key.in_(bindparam("keys", expanding=True)),
        _TABLE.c.key
        == bindparam("prefix", type_=_TABLE.c.key.type)
        + select(_STACK.c.state).where(_STACK.c.key == bindparam("stack")).scalar_subquery(),
    )
)
BY_KEY = select(_TABLE.c.key, _TABLE.c.state, _TABLE.c.data).where(_TABLE.c.key == bindparam("key"))
# the same words on SQLite (3.24 on) and PostgreSQL: one statement whether the row exists or not
_UPSERT = typed_text(
    'INSERT INTO fsm_records ("key", state, data, updated_at) '
    "VALUES (:key, :state, :data, :updated_at) "
    'ON CONFLICT ("key") DO UPDATE SET '
    "state = excluded.state, data = excluded.data, updated_at = excluded.updated_at",
    _TABLE,
    "key",
    "state",
    "data",
    "updated_at",
)
_DELETE = delete(_TABLE).where(_TABLE.c.key.in_(bindparam("keys", expanding=True)))


@event.listens_for(Session, "before_commit")
def write_changed(session: Session) -> None:
    """The dialog state changed since the last commit, written in this commit: the rows with
    something in them in one statement, the emptied ones deleted in another."""
    rows: _Rows | None = session.info.get(_ROWS)
    if rows is None or not rows.changed or session.in_nested_transaction():
        return  # (a savepoint's release is no commit: what it holds may still roll back)
    upserts: list[dict[str, Any]] = []
    gone: list[str] = []  # emptied: deleted, whether or not a row is there
    for name in sorted(rows.changed):  # one order for every writer: no lock-order deadlock
        row = rows.known.get(name)
        if row is None:
            gone.append(name)
        else:
            upserts.append(
                {"key": name, "state": row.state, "data": row.data, "updated_at": row.updated_at}
            )
    # by the driver itself in a member's update on SQLite (storage/driver_lane.py)
    connection = session.connection()
    if upserts:
        execute(connection, _UPSERT, upserts)
    if gone:
        execute(connection, _DELETE, [{"keys": gone}])
    rows.changed.clear()
