"""/export of a long period: the requests' people are read whatever the number of requests.

SQLite takes at most 32,766 values in a statement and PostgreSQL's driver 32,767: one `IN` list
of every exported request's id failed past that (a year of a busy insurer's requests)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Request, RequestKind, RequestStatus
from storage.repositories import stats
from tests.factories import make_member, make_person, make_policy

NOW = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)


async def test_the_people_of_more_requests_than_a_statement_takes_values(
    session: AsyncSession,
) -> None:
    policy = await make_policy(session)
    card = await make_person(session, policy)
    member = await make_member(session, active_card_id=card.id)
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
