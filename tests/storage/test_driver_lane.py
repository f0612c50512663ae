"""`storage/driver_lane.py:select_rows`: a member's reads on SQLite by the driver itself, with
what `session.execute` does around them: pending ORM changes flushed first (unless the session
says not to), parameters and values through the columns' own processors, an expanding list."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import bindparam, event, select

from storage.driver_lane import select_rows
from storage.models import CardLink, LinkVia, Policy
from storage.sqlite_inline import member_update_inline
from tests.factories import make_member, make_person, make_policy

NOW = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)
_links = CardLink.__table__  # type: ignore[attr-defined]
_policies = Policy.__table__  # type: ignore[attr-defined]
LINKS = select(_links.c.card_id, _links.c.via, _links.c.linked_at).where(
    _links.c.member_id == bindparam("member_id")
)
SINCE = select(_links.c.card_id).where(_links.c.linked_at >= bindparam("since"))
STARTING = (
    select(_policies.c.number, _policies.c.coverage_start)
    .where(
        _policies.c.coverage_start >= bindparam("since"),
        _policies.c.number.in_(bindparam("numbers", expanding=True)),
    )
    .order_by(_policies.c.number)
)


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    """SQLite's only: PostgreSQL's statements always go through SQLAlchemy."""
    return f"sqlite+aiosqlite:///{tmp_path}/test.sqlite3"


@pytest.fixture
def by_driver(engine) -> Iterator[list[object]]:  # type: ignore[no-untyped-def]
    """Inside a member's update; the execution context of each statement SQLAlchemy's listeners
    are told of (None: sent by the driver)."""
    contexts: list[object] = []

    def note(_conn, _cursor, statement, _params, context, _many):  # type: ignore[no-untyped-def]
        contexts.append(context)

    event.listen(engine.sync_engine, "before_cursor_execute", note)
    token = member_update_inline.set(True)
    yield contexts
    member_update_inline.reset(token)


async def test_pending_changes_are_flushed_first_as_session_execute_flushes_them(
    session, by_driver
) -> None:
    policy = await make_policy(session)
    person = await make_person(session, policy)
    member = await make_member(session)
    assert member.id is not None and person.id is not None
    session.add(CardLink(member_id=member.id, card_id=person.id, via=LinkVia.PHONE, linked_at=NOW))
    by_driver.clear()
    rows = await select_rows(session, LINKS, {"member_id": member.id})
    assert rows == [(person.id, LinkVia.PHONE, NOW)]  # typed by the columns, the zone UTC
    assert by_driver[0] is not None  # the flush (SQLAlchemy's INSERT), then
    assert by_driver[-1] is None  # the read, by the driver

    # an aware datetime in another zone compares as the UTC it is (the column's processor)
    almaty = NOW.astimezone(ZoneInfo("Asia/Almaty"))
    assert await select_rows(session, SINCE, {"since": almaty}) == [(person.id,)]
    assert await select_rows(session, SINCE, {"since": almaty + timedelta(seconds=1)}) == []

    with session.no_autoflush:
        session.add(
            CardLink(member_id=member.id, card_id=person.id + 1, via=LinkVia.PHONE, linked_at=NOW)
        )
        assert len(await select_rows(session, LINKS, {"member_id": member.id})) == 1


async def test_parameters_go_through_their_processors_and_lists_expand(session, by_driver) -> None:
    for number, start in (("P-1", date(2026, 1, 1)), ("P-2", date(2026, 6, 1))):
        await make_policy(session, number=number, coverage_start=start)
    await make_policy(session, number="P-3", coverage_start=date(2026, 7, 1))
    await session.flush()
    by_driver.clear()
    values = {"since": date(2026, 2, 1), "numbers": ["P-1", "P-2"]}
    assert await select_rows(session, STARTING, values) == [("P-2", date(2026, 6, 1))]
    values = {"since": date(2025, 1, 1), "numbers": ["P-1", "P-2", "P-3"]}
    assert await select_rows(session, STARTING, values) == [
        ("P-1", date(2026, 1, 1)),
        ("P-2", date(2026, 6, 1)),
        ("P-3", date(2026, 7, 1)),
    ]
    assert by_driver == [None, None]
    # and the same through SQLAlchemy, outside a member's update
    token = member_update_inline.set(False)
    try:
        assert await select_rows(session, STARTING, values) == [
            ("P-1", date(2026, 1, 1)),
            ("P-2", date(2026, 6, 1)),
            ("P-3", date(2026, 7, 1)),
        ]
    finally:
        member_update_inline.reset(token)
    assert by_driver[-1] is not None


async def test_a_value_the_dialect_adds_itself_is_sent_with_the_statement(
    session, by_driver
) -> None:
    """SQLite's compiler writes `LIMIT ? OFFSET ?` for a limit, the offset a literal 0 the
    statement holds itself: it is sent, not asked of the caller."""
    for number in ("P-1", "P-2", "P-3"):
        await make_policy(session, number=number)
    await session.flush()
    by_driver.clear()
    newest = select(_policies.c.number).order_by(_policies.c.number.desc())
    assert await select_rows(session, newest.limit(bindparam("limit")), {"limit": 2}) == [
        ("P-3",),
        ("P-2",),
    ]
    assert await select_rows(session, newest.limit(1), {}) == [("P-3",)]
    assert by_driver == [None, None]
