"""Dialog state as plain rows of the update's session, written at each of its commits.

`SQLStorage` (storage/fsm.py) keeps what an update reads and changes in `storage/fsm_rows.py`;
nothing reaches `fsm_records` before a commit, every commit writes what changed since the last
one, a rollback forgets it, a savepoint's rollback does not, and an update that changes nothing
writes nothing.

On SQLite each test runs twice: with the statements through SQLAlchemy (jobs, the staff side)
and sent to the driver itself (a member's update, `storage/driver_lane.py`); PostgreSQL's go
through SQLAlchemy. The driver's lane's own tests are in `test_fsm_driver_lane.py`.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from aiogram.fsm.storage.base import StorageKey
from sqlalchemy import delete, event, select
from sqlalchemy.exc import IntegrityError

from storage.fsm import SQLStorage, bind_session
from storage.fsm_rows import forget_rows
from storage.models import FsmRecord, Member
from storage.sqlite_inline import member_update_inline
from tests.conftest import POSTGRES_URL

KEY = StorageKey(bot_id=1, chat_id=1001, user_id=1001)
NOW = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)


# (database, lane): SQLAlchemy's on both databases, the driver's on SQLite
LANES = [("sqlite", "sqlalchemy"), ("sqlite", "driver")]
LANES += [("postgresql", "sqlalchemy")] if POSTGRES_URL else []


@pytest.fixture(params=LANES, ids=["-".join(lane) for lane in LANES])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param[0] == "postgresql":
        return POSTGRES_URL
    return f"sqlite+aiosqlite:///{tmp_path}/test.sqlite3"


@pytest.fixture(autouse=True)
def lane(request: pytest.FixtureRequest, db_url: str) -> Iterator[str]:
    """Through SQLAlchemy, or by the driver (SQLite in a member's update: the flag
    `bot/middlewares/db.py` sets for one)."""
    lane: str = request.node.callspec.params["db_url"][1]
    token = member_update_inline.set(lane == "driver")
    yield lane
    member_update_inline.reset(token)


def _contexts(engine) -> list[Any]:  # type: ignore[no-untyped-def]
    """The execution context SQLAlchemy's listeners are given for each `fsm_records` statement
    (None for one sent by the driver's lane, as for SQLAlchemy's own outside a context)."""
    seen: list[Any] = []

    def note(_conn, _cursor, statement, params, context, _many):  # type: ignore[no-untyped-def]
        if "fsm_records" in statement and params:  # the storage's (a test's reads take none)
            seen.append(context)

    event.listen(engine.sync_engine, "before_cursor_execute", note)
    return seen


def _writes(engine) -> list[str]:  # type: ignore[no-untyped-def]
    seen: list[str] = []

    def note(_conn, _cursor, statement, _params, _context, _many):  # type: ignore[no-untyped-def]
        if "fsm_records" in statement and not statement.lstrip().upper().startswith("SELECT"):
            seen.append(statement.split()[0].upper())

    event.listen(engine.sync_engine, "before_cursor_execute", note)
    return seen


async def _stored(session_factory) -> dict[str, tuple[str | None, dict, datetime]]:  # type: ignore[no-untyped-def,type-arg]
    async with session_factory() as session:
        records = (await session.execute(select(FsmRecord))).scalars().all()
        return {r.key: (r.state, r.data, r.updated_at) for r in records}


async def test_each_commit_writes_the_state_reached_so_far(session_factory, engine, lane) -> None:
    storage = SQLStorage(session_factory, lambda: NOW)
    writes = _writes(engine)
    contexts = _contexts(engine)
    async with session_factory() as session, bind_session(session):
        await storage.set_state(KEY, "Form:first")
        await storage.set_data(KEY, {"draft": "a"})
        assert writes == []  # nothing before a commit
        assert await _stored(session_factory) == {}
        await session.commit()  # a commit point of the update
        assert len(writes) == 1  # state and data of the key: one row, one statement
        await storage.set_data(KEY, {"draft": "b"})
        assert await storage.get_data(KEY) == {"draft": "b"}  # the update sees its own change
        await session.commit()
    stored = await _stored(session_factory)
    assert [(state, data) for state, data, _ in stored.values()] == [("Form:first", {"draft": "b"})]
    assert next(iter(stored.values()))[2] == NOW
    # the lane this run meant: every statement with SQLAlchemy's context, or none by the driver
    assert contexts and all((context is None) == (lane == "driver") for context in contexts)


async def test_a_rollback_forgets_what_was_not_committed(session_factory) -> None:
    storage = SQLStorage(session_factory, lambda: NOW)
    async with session_factory() as session, bind_session(session):
        await storage.set_data(KEY, {"draft": "kept"})
        await session.commit()
        await storage.set_data(KEY, {"draft": "lost"})
        await session.rollback()  # a failed update
        assert await storage.get_data(KEY) == {"draft": "kept"}  # read again, as stored
        await session.commit()
    assert [data for _, data, _ in (await _stored(session_factory)).values()] == [{"draft": "kept"}]


async def test_a_savepoint_rolled_back_keeps_the_state_changed_before_it(
    session_factory,
) -> None:
    """A member's card link that loses a race rolls back its savepoint; the update goes on and
    its dialog state, changed before, is still written at the commit."""
    storage = SQLStorage(session_factory, lambda: NOW)
    async with session_factory.begin() as session:
        session.add(Member(telegram_id=1001, language="en", created_at=NOW))
    async with session_factory() as session, bind_session(session):
        await storage.set_data(KEY, {"step": "phone"})
        try:
            async with session.begin_nested():
                session.add(Member(telegram_id=1001, language="en", created_at=NOW))
        except IntegrityError:
            pass
        assert await storage.get_data(KEY) == {"step": "phone"}
        await session.commit()
    assert [data for _, data, _ in (await _stored(session_factory)).values()] == [{"step": "phone"}]


async def test_an_update_that_changes_nothing_writes_nothing(session_factory, engine) -> None:
    storage = SQLStorage(session_factory, lambda: NOW)
    async with session_factory.begin() as session, bind_session(session):
        await storage.set_state(KEY, "Form:first")
        await storage.set_data(KEY, {"draft": "a", "widgets": {"w": [1, 2]}})
    writes = _writes(engine)
    later = NOW + timedelta(minutes=5)
    storage = SQLStorage(session_factory, lambda: later)
    async with session_factory.begin() as session, bind_session(session):
        await storage.set_state(KEY, "Form:first")  # the same again, as aiogram-dialog does
        await storage.set_data(KEY, {"draft": "a", "widgets": {"w": [1, 2]}})
        await storage.set_data(StorageKey(bot_id=1, chat_id=7, user_id=7), {})  # none, none
    assert writes == []
    async with session_factory.begin() as session, bind_session(session):
        await storage.set_data(KEY, {})  # emptied, and no state: the row goes
        await storage.set_state(KEY, None)
    assert writes == ["DELETE"]
    assert await _stored(session_factory) == {}


async def test_rows_deleted_by_a_statement_are_not_written_back(session_factory) -> None:
    """Erasing a member's data deletes their rows with one statement in the update that
    changed them; the commit must not bring them back (`forget_rows`)."""
    storage = SQLStorage(session_factory, lambda: NOW)
    async with session_factory.begin() as session, bind_session(session):
        await storage.set_data(KEY, {"draft": "personal"})
    async with session_factory() as session, bind_session(session):
        await storage.set_data(KEY, {"draft": "personal, changed"})
        await session.execute(delete(FsmRecord))
        forget_rows(session)
        await session.commit()
        assert await storage.get_data(KEY) == {}
    assert await _stored(session_factory) == {}
