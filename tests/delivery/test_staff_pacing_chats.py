"""Several staff chats under the deliverer's pacing: each routed chat has its own budget, a chat
without room sets aside only its own rows, and a topic (with its icon) made in a routed chat
counts against that chat's minute, not the default chat's."""

from __future__ import annotations

from datetime import timedelta

from bot.services.notifications import MemberMessage, RequestCard
from bot.services.staff.routing import parse_routes
from storage.models import Request, RequestKind, RequestStatus
from tests.delivery.conftest import DMITRY, OLENA, DeliveryWorld
from tests.delivery.test_staff_pacing import FORUM, GAP, calls, queue, staffed

CLAIMS = -1009876543210
ROUTES = {
    "chats": {"claims": {"chat_id": CLAIMS}},
    "rules": [{"chat": "claims", "kinds": ["reimbursement"]}],
}


async def _claims_request(world: DeliveryWorld, member_id: int) -> None:
    async with world.sessions.begin() as session:
        request = await session.get(Request, world.requests[member_id])
        assert request is not None
        request.kind, request.status = RequestKind.REIMBURSEMENT, RequestStatus.NEW
        session.add(request)


async def test_a_full_default_chat_holds_up_no_routed_chat_and_a_topic_counts_where_made(world):
    world.state.add_forum(CLAIMS, "Claims", [])
    world.settings = world.settings.model_copy(update={"staff_routes": parse_routes(ROUTES)})
    deliverer, clocks, pacer = staffed(world)  # with the routes: one sender per chat
    olena, dmitry = await world.member(OLENA), await world.member(DMITRY)
    await _claims_request(world, dmitry.id or 0)
    for _ in range(19):  # the default chat used its minute's budget 30 s ago
        pacer.sent(FORUM, clocks.now - 30)
    held = await queue(world, olena, MemberMessage(text="to the default chat"), "m1")
    await queue(world, dmitry, RequestCard(), "card")

    assert await deliverer.run_once() == 2

    # the claims chat got its topic, its icon and the card at once; nothing slept
    assert clocks.slept == []
    assert calls(world, "sendMessage", FORUM) == []
    assert len(calls(world, "createForumTopic", CLAIMS)) == 1
    assert len(calls(world, "editForumTopic", CLAIMS)) == 1  # the "new" icon
    [card] = calls(world, "sendMessage", CLAIMS)
    assert "Callback" not in card["params"]["text"]
    # the topic, the card and the icon count in the claims chat's minute (19) only
    assert pacer.chat_wait(CLAIMS, clocks.now, 16) == 0
    assert pacer.chat_wait(CLAIMS, clocks.now, 17) > 0
    assert pacer.chat_wait(FORUM, clocks.now, 1) > 0
    row = await world.row(held.id)
    assert (row.status, row.attempts) == ("pending", 0)
    assert row.next_attempt_at == world.clock() + timedelta(seconds=30)

    clocks.advance(30)
    while await deliverer.run_once():
        clocks.advance(GAP)
    [sent] = calls(world, "sendMessage", FORUM)
    assert "to the default chat" in sent["params"]["text"]
    assert len(calls(world, "createForumTopic", FORUM)) == 1
    assert clocks.slept == []


async def test_a_new_card_waits_for_room_for_its_topic_card_and_icon_in_its_chat(world):
    world.state.add_forum(CLAIMS, "Claims", [])
    world.settings = world.settings.model_copy(update={"staff_routes": parse_routes(ROUTES)})
    deliverer, clocks, pacer = staffed(world)
    dmitry = await world.member(DMITRY)
    await _claims_request(world, dmitry.id or 0)
    for _ in range(17):  # two sends left in the claims chat's minute; it frees up in 10 s
        pacer.sent(CLAIMS, clocks.now - 50)
    card = await queue(world, dmitry, RequestCard(), "card")

    assert await deliverer.run_once() == 1

    # the topic, the card and the topic's "new" icon need three: none is made, nothing slept
    assert calls(world, "createForumTopic") == []
    assert clocks.slept == []
    row = await world.row(card.id)
    assert (row.status, row.next_attempt_at) == ("pending", world.clock() + timedelta(seconds=10))

    clocks.advance(10)
    assert await deliverer.run_once() == 1
    assert len(calls(world, "createForumTopic", CLAIMS)) == 1
    assert len(calls(world, "sendMessage", CLAIMS)) == 1
    assert len(calls(world, "editForumTopic", CLAIMS)) == 1
    assert clocks.slept == []
