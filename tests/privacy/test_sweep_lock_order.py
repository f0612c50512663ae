"""The retention sweep's batch and a member whose held messages are released lock the same
requests in one order (id), so on PostgreSQL neither can end the other as a deadlock."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.models import (
    Audience,
    Notification,
    NotificationKind,
    NotificationStatus,
    Request,
    RequestKind,
    RequestStatus,
)
from storage.repositories import privacy as privacy_repo
from tests.conftest import POSTGRES_URL
from tests.factories import STAMP, make_member, make_person, make_policy

pytestmark = [
    pytest.mark.skipif(not POSTGRES_URL, reason="row locks: PostgreSQL (TEST_POSTGRES_URL)"),
    pytest.mark.parametrize("db_url", ["postgresql"], indirect=True),
]

OLD = STAMP - timedelta(days=400)
BEFORE = STAMP - timedelta(days=365)

Writer = Callable[[AsyncSession, list[int], int], Awaitable[object]]


async def _sweep(session: AsyncSession, ids: list[int], member_id: int) -> object:
    return await privacy_repo.take(session, ids, BEFORE, STAMP)


async def _unblocked(session: AsyncSession, ids: list[int], member_id: int) -> object:
    return await privacy_repo.sweep_again_held(session, member_id)


async def _commented(session: AsyncSession, ids: list[int], member_id: int) -> object:
    return await privacy_repo.sweep_again(session, *reversed(ids))


async def _three_old_closed_requests(
    sessions: async_sessionmaker[AsyncSession],
) -> tuple[list[int], int]:
    """Three requests due to the sweep, each with a message held for their member, stored so
    that a table scan meets them out of id order (the first one's row rewritten last)."""
    async with sessions.begin() as session:
        member = await make_member(session, unreachable_since=STAMP)
        card = await make_person(session, await make_policy(session))
        assert member.id is not None and card.id is not None
        requests = [
            Request(member_id=member.id, card_id=card.id, kind=RequestKind.CALLBACK,
                    status=RequestStatus.DONE, created_at=OLD, updated_at=OLD)
            for _ in range(3)
        ]  # fmt: skip
        session.add_all(requests)
        await session.flush()
        ids = [r.id for r in requests if r.id is not None]
        session.add_all(
            Notification(audience=Audience.MEMBER, member_id=member.id, request_id=i,
                         kind=NotificationKind.REQUEST_STATUS, dedup_key=f"held-{i}",
                         status=NotificationStatus.HELD, next_attempt_at=OLD, created_at=OLD)
            for i in ids
        )  # fmt: skip
    async with sessions.begin() as session:
        await session.execute(text("UPDATE requests SET kind = kind WHERE id = :i"), {"i": ids[0]})
    # the planner knows the tables are small: it reads them whole (a bitmap scan of a large
    # one reads in the table's order too), not through the primary key's index
    async with sessions.begin() as session:
        await session.execute(text("ANALYZE requests"))
        await session.execute(text("ANALYZE notifications"))
    return ids, member.id


async def _waiting_for_a_lock(sessions: async_sessionmaker[AsyncSession]) -> None:
    query = text(
        "SELECT count(*) FROM pg_stat_activity "
        "WHERE datname = current_database() AND wait_event_type = 'Lock'"
    )
    for _ in range(200):
        async with sessions() as session:
            if (await session.execute(query)).scalar_one():
                return
        await asyncio.sleep(0.01)
    raise AssertionError("nobody waits for the first request's lock")


@pytest.mark.parametrize("writer", [_sweep, _unblocked, _commented])
async def test_waiting_for_the_first_request_it_holds_no_other(
    session_factory: async_sessionmaker[AsyncSession], writer: Writer
) -> None:
    """Another transaction holds the lowest-id request (the sweep's batch, or a member's update
    that brought it back). Whoever comes next and wants it too must wait for it holding none of
    the others: had it locked a later one first, the first could want that one next and the
    two would wait for each other. Here a third transaction writes a later request meanwhile,
    and gets its lock at once."""
    ids, member_id = await _three_old_closed_requests(session_factory)
    async with session_factory() as first:
        await first.execute(text("SELECT id FROM requests WHERE id = :i FOR UPDATE"), {"i": ids[0]})

        async def second() -> None:
            async with session_factory.begin() as session:
                await writer(session, ids, member_id)

        waiting = asyncio.create_task(second())
        try:
            await _waiting_for_a_lock(session_factory)
            for later in ids[1:]:
                async with session_factory.begin() as third:
                    await third.execute(text("SET LOCAL lock_timeout = '200ms'"))
                    try:
                        await third.execute(
                            text("UPDATE requests SET kind = kind WHERE id = :i"), {"i": later}
                        )
                    except DBAPIError as exc:  # lock_not_available
                        raise AssertionError(f"request {later} was held while waiting") from exc
            assert not waiting.done()
        finally:
            await first.rollback()
            await waiting
    async with session_factory() as session:
        swept = (
            await session.execute(text("SELECT anonymised_at IS NOT NULL FROM requests"))
        ).scalars()
        assert set(swept) == {writer is _sweep}
