"""Reads and writes by a list of ids work whatever its length (`storage/sql.py:in_chunks`).

SQLite takes at most 32,766 values in a statement (as commonly built) and PostgreSQL's driver
32,767: one `IN` list of every id failed past that on PostgreSQL. /export of a year of a busy
insurer's requests read their people so, and the retention job read every closed request older
than RETENTION_DAYS, every hour, so it would have failed for good once there were that many (it
now takes them in batches, each once)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlmodel import col

from bot.services.privacy import retention
from storage.models import (
    ActorKind,
    DocumentKind,
    InsuredPerson,
    Member,
    Policy,
    Request,
    RequestDocument,
    RequestEvent,
    RequestKind,
    RequestStatus,
)
from storage.repositories import privacy as privacy_repo
from storage.repositories import stats
from tests.factories import make_member, make_person, make_policy

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)


async def member_with_card(session: AsyncSession) -> tuple[Policy, InsuredPerson, Member]:
    policy = await make_policy(session)
    card = await make_person(session, policy)
    return policy, card, await make_member(session, active_card_id=card.id)


async def test_the_people_of_more_requests_than_a_statement_takes_values(
    session: AsyncSession,
) -> None:
    policy, card, member = await member_with_card(session)
    assert member.id is not None and card.id is not None
    made = []
    for kind in (RequestKind.CALLBACK, RequestKind.MEDICINES):
        request = Request(
            member_id=member.id,
            card_id=card.id,
            kind=kind,
            status=RequestStatus.NEW,
            created_at=NOW,
            updated_at=NOW,
        )
        session.add(request)
        await session.flush()
        made.append(request.id)
    # the two requests among 40,000 ids, one of them last (the last chunk's)
    ids = [made[0], *range(10_000_000, 10_039_998), made[1]]

    people = await stats.export_people(session, ids)

    assert set(people) == set(made)
    for found_member, person, found_policy in people.values():
        assert (found_member.id, person and person.id, found_policy and found_policy.id) == (
            member.id,
            card.id,
            policy.id,
        )


async def test_retention_sweeps_more_closed_requests_than_a_statement_takes_values(
    session: AsyncSession, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    _policy, card, member = await member_with_card(session)
    long_ago = NOW - timedelta(days=800)
    closed: dict[str, Any] = {
        "member_id": member.id,
        "card_id": card.id,
        "kind": RequestKind.CALLBACK,
        "status": RequestStatus.DONE,
        "details": {},
        "created_at": long_ago,
        "updated_at": long_ago,
    }
    await session.execute(insert(Request), [closed] * 33_000)
    last = (
        (await session.execute(select(col(Request.id)).order_by(col(Request.id).desc())))
        .scalars()
        .first()
    )
    assert last is not None
    session.add(
        RequestEvent(
            request_id=last,
            from_status=RequestStatus.IN_PROGRESS,
            to_status=RequestStatus.DONE,
            actor_kind=ActorKind.STAFF,
            comment="about my diagnosis",
            created_at=long_ago,
        )
    )
    session.add(
        RequestDocument(
            request_id=last,
            file_id="BQAC-doc",
            file_unique_id="u-doc",
            kind=DocumentKind.DOCUMENT,
            file_name="referral.pdf",
            created_at=long_ago,
        )
    )
    await session.commit()
    rules = retention.RetentionRules(
        retention=timedelta(days=365), audit_retention=timedelta(days=730), draft_ttl=timedelta(1)
    )

    run = await retention.run(session_factory.begin, NOW, rules)

    assert (run.requests, run.documents) == (1, 1)
    comments = (await session.execute(select(col(RequestEvent.comment)))).scalars().all()
    assert comments == [None]
    assert (await session.execute(select(RequestDocument))).first() is None
    # all 33,000 are marked swept: the next sweep takes none of them
    assert await privacy_repo.to_sweep(session, NOW - rules.retention) == []
