"""The transition table, exhaustively: every (from, to, actor) is either allowed or refused."""

import itertools
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from bot.services import lifecycle, requests
from storage.models import ActorKind, Request, RequestEvent, RequestKind, RequestStatus
from tests.factories import make_member, make_person, make_policy

S, A = RequestStatus, ActorKind
ALLOWED = {
    (S.NEW, S.IN_PROGRESS, A.STAFF),
    (S.NEW, S.REJECTED, A.STAFF),
    (S.NEW, S.CANCELLED, A.MEMBER),
    (S.IN_PROGRESS, S.NEED_INFO, A.STAFF),
    (S.IN_PROGRESS, S.DONE, A.STAFF),
    (S.IN_PROGRESS, S.REJECTED, A.STAFF),
    (S.NEED_INFO, S.IN_PROGRESS, A.STAFF),
    (S.NEED_INFO, S.IN_PROGRESS, A.MEMBER),
    (S.NEED_INFO, S.REJECTED, A.STAFF),
}
EVERY = list(itertools.product(S, S, A))
NOW = datetime(2026, 11, 22, 5, 0, tzinfo=UTC)


@pytest.mark.parametrize(("frm", "to", "actor"), EVERY)
def test_transition_table(frm, to, actor):
    assert lifecycle.allowed(frm, to, actor) is ((frm, to, actor) in ALLOWED)


def test_final_states_have_no_way_out():
    for final, actor in itertools.product(lifecycle.FINAL, A):
        assert lifecycle.next_statuses(final, actor) == []


@pytest.mark.parametrize(("frm", "to", "actor"), EVERY)
async def test_change_status_stores_allowed_moves_and_refuses_the_rest(session, frm, to, actor):
    policy = await make_policy(session)
    card = await make_person(session, policy)
    member = await make_member(session, active_card_id=card.id)
    request = Request(
        member_id=member.id,
        card_id=card.id,
        kind=RequestKind.CALLBACK,
        status=frm,
        created_at=NOW,
        updated_at=NOW,
    )
    session.add(request)
    await session.flush()

    if (frm, to, actor) in ALLOWED:
        await requests.change_status(session, request.id, to, actor, 77, NOW, comment="why")
        assert request.status == to
        event = (await session.execute(select(RequestEvent))).scalar_one()
        assert (
            event.from_status,
            event.to_status,
            event.actor_kind,
            event.actor_telegram_id,
            event.comment,
            event.created_at,
        ) == (frm, to, actor, 77, "why", NOW)
    else:
        with pytest.raises(lifecycle.TransitionError, match="cannot move"):
            await requests.change_status(session, request.id, to, actor, 77, NOW)
        assert request.status == frm
        assert (await session.execute(select(RequestEvent))).first() is None
