"""Staff chats within their budget without holding anyone else up; one edit per card's latest
state; a process that is gone leaves no row waiting out a lease; a lost card post is marked.

Pacing runs on a hand-moved monotonic clock moved together with the bot's clock.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select

from bot.delivery import Deliverer
from bot.services import outbox
from bot.services.notifications import CardRefresh, Escalation, MemberMessage, RequestCard
from bot.services.pacing import Pacer
from storage.models import DeliveryWorker, Member, Notification, Request, RequestStatus
from tests.delivery.conftest import DMITRY, OLENA, DeliveryWorld
from tgsandbox import DEFAULT_FORUM_CHAT_ID

FORUM = DEFAULT_FORUM_CHAT_ID
GAP = 60 / 19  # the Pacer's steady pace in a group


class Clocks:
    """The pacer's monotonic time and the bot's clock, moved together."""

    def __init__(self, world: DeliveryWorld) -> None:
        self.world = world
        self.now = 1000.0
        self.slept: list[float] = []

    def monotonic(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds
        self.world.clock.advance(seconds=seconds)

    async def sleep(self, seconds: float) -> None:
        self.slept.append(round(seconds, 3))
        self.advance(seconds)


def staffed(world: DeliveryWorld, **kwargs: Any) -> tuple[Deliverer, Clocks, Pacer]:
    """A deliverer with an admin forum, the real Pacer and the hand-moved clocks."""
    world.settings = world.settings.model_copy(update={"admin_chat_id": FORUM})
    clocks, pacer = Clocks(world), Pacer()
    deliverer = world.deliverer(
        pacer=pacer, monotonic=clocks.monotonic, sleep=clocks.sleep, **kwargs
    )
    return deliverer, clocks, pacer


async def queue(world: DeliveryWorld, member: Member, payload: Any, key: str) -> Notification:
    async with world.sessions.begin() as session:
        return await outbox.enqueue(
            session,
            payload,
            dedup_key=key,
            now=world.clock(),
            member_id=member.id,
            request_id=world.requests[member.id or 0],
        )


def calls(world: DeliveryWorld, method: str, chat_id: int | None = None) -> list[dict]:
    return [
        c
        for c in world.state.calls
        if c["method"] == method
        and c["ok"]
        and (chat_id is None or str(c["params"].get("chat_id")) == str(chat_id))
    ]


def group_used(pacer: Pacer, now: float) -> int:
    """How many sends the group's current minute holds, as the pacer counts them."""
    return next(n for n in range(20) if pacer.chat_wait(FORUM, now, 19 - n) == 0)


async def test_a_group_without_room_is_set_aside_while_members_get_theirs(world):
    deliverer, clocks, pacer = staffed(world)
    olena, dmitry = await world.member(OLENA), await world.member(DMITRY)
    for _ in range(19):  # the group used its minute's budget 30 s ago
        pacer.sent(FORUM, clocks.now - 30)
    first = await queue(world, olena, Escalation(hours=1), "e1")
    await world.notify(olena, "o1")
    second = await queue(world, dmitry, Escalation(hours=2), "e2")
    await world.notify(dmitry, "d1")

    assert await deliverer.run_once() == 4

    # the members' messages went at once; nothing waited for the group's minute
    assert world.received(OLENA) == ["o1"]
    assert world.received(DMITRY) == ["d1"]
    assert clocks.slept == []
    assert calls(world, "sendMessage", FORUM) == []
    rows = [await world.row(first.id), await world.row(second.id)]
    assert [(r.status, r.attempts, r.claimed_by) for r in rows] == [("pending", 0, None)] * 2
    # each has its own turn: when the minute's oldest send leaves it, and a group's gap later
    assert rows[0].next_attempt_at == world.clock() + timedelta(seconds=30)
    gap = (rows[1].next_attempt_at - rows[0].next_attempt_at).total_seconds()
    assert gap == pytest.approx(GAP, abs=1e-3)

    clocks.advance(30)
    assert await deliverer.run_once() == 1
    clocks.advance(GAP)
    assert await deliverer.run_once() == 1
    texts = [c["params"]["text"] for c in calls(world, "sendMessage", FORUM)]
    assert len(texts) == 2
    assert "1" in texts[0]
    assert "2" in texts[1]
    assert clocks.slept == []


async def test_creating_a_topic_counts_against_the_groups_pace(world):
    deliverer, clocks, pacer = staffed(world)
    olena = await world.member(OLENA)
    for _ in range(18):  # one send left in the group's minute; it frees up in 10 s
        pacer.sent(FORUM, clocks.now - 50)
    note = await queue(world, olena, MemberMessage(text="Where is my refund?"), "m1")

    assert await deliverer.run_once() == 1

    # the topic and the message need two sends: neither is made while only one fits
    assert calls(world, "createForumTopic") == []
    row = await world.row(note.id)
    assert (row.status, row.next_attempt_at) == ("pending", world.clock() + timedelta(seconds=10))

    clocks.advance(10)
    assert await deliverer.run_once() == 1
    assert len(calls(world, "createForumTopic")) == 1
    [sent] = calls(world, "sendMessage", FORUM)
    assert "Where is my refund?" in sent["params"]["text"]
    assert group_used(pacer, clocks.now) == 2  # the topic and the message
    assert clocks.slept == []


async def test_a_members_topic_keeps_its_order_when_one_row_is_set_aside(world):
    deliverer, clocks, pacer = staffed(world)
    olena = await world.member(OLENA)
    for _ in range(18):
        pacer.sent(FORUM, clocks.now - 50)
    # the first needs the topic and the message; the second alone would fit
    await queue(world, olena, MemberMessage(text="first"), "m1")
    await queue(world, olena, MemberMessage(text="second"), "m2")

    assert await deliverer.run_once() == 2
    assert calls(world, "sendMessage", FORUM) == []

    clocks.advance(10)
    while await deliverer.run_once():
        clocks.advance(GAP)
    texts = [c["params"]["text"] for c in calls(world, "sendMessage", FORUM)]
    assert ["first" in texts[0], "second" in texts[1]] == [True, True]


async def test_refreshes_of_one_card_fold_into_one_edit_of_its_latest_state(world):
    deliverer, _, _ = staffed(world)
    olena = await world.member(OLENA)
    request_id = world.requests[olena.id or 0]
    await queue(world, olena, RequestCard(), "card")
    assert await deliverer.run_once() == 1
    for status in (RequestStatus.NEED_INFO, RequestStatus.IN_PROGRESS, RequestStatus.DONE):
        async with world.sessions.begin() as session:
            request = await session.get(Request, request_id)
            assert request is not None
            request.status = status
            session.add(request)
        await queue(world, olena, CardRefresh(), f"refresh-{status}")

    assert await deliverer.run_once() == 3

    [edit] = calls(world, "editMessageText")
    assert "✅ done" in edit["params"]["text"]
    async with world.sessions() as session:
        request = await session.get(Request, request_id)
        assert request is not None
        card = world.state.chats[FORUM].messages[request.staff_message_id]
        refreshes = (
            (
                await session.execute(
                    select(Notification)
                    .where(Notification.kind == "card_refresh")
                    .order_by(Notification.id)
                )
            )
            .scalars()
            .all()
        )
    assert "✅ done" in card["text"]
    assert [r.status for r in refreshes] == ["sent"] * 3
    folded = f"folded into #{refreshes[0].id}"
    assert [r.last_error for r in refreshes] == [None, folded, folded]


async def test_rows_of_a_process_gone_from_this_host_are_released_at_start_up(world):
    olena = await world.member(OLENA)
    note = await world.notify(olena, "after a kill")
    killed = world.deliverer("box:111", host="box", pid=111)
    await killed.start()
    async with world.sessions.begin() as session:  # it claimed the row, then was killed
        assert await outbox.claim(session, "box:111", world.clock()) == [note.id]

    world.clock.advance(seconds=1)  # a second later, far inside the two-minute lease
    restarted = world.deliverer("box:222", host="box", pid=222, alive=lambda pid: pid == 222)
    assert await restarted.run_once() == 1

    assert world.received(OLENA) == ["after a kill"]
    row = await world.row(note.id)
    assert (row.status, row.attempts) == ("sent", 1)  # the lost claim's attempt given back
    async with world.sessions() as session:
        workers = (await session.execute(select(DeliveryWorker))).scalars().all()
    assert [w.worker_id for w in workers] == ["box:222"]


async def test_a_restart_under_the_same_worker_id_releases_its_predecessors_rows(world):
    # a restarted container: the same host name and the same pid as the process it replaces
    olena = await world.member(OLENA)
    note = await world.notify(olena, "after a container restart")
    before = world.deliverer("box:1", host="box", pid=1)
    await before.start()
    async with world.sessions.begin() as session:
        assert await outbox.claim(session, "box:1", world.clock()) == [note.id]

    after = world.deliverer("box:1", host="box", pid=1, alive=lambda pid: True)
    assert await after.run_once() == 1
    assert world.received(OLENA) == ["after a container restart"]


async def test_a_process_elsewhere_is_released_once_its_heartbeat_is_stale(world):
    olena = await world.member(OLENA)
    note = await world.notify(olena, "from another host")
    far = world.deliverer("far:7", host="far", pid=7)
    await far.start()
    async with world.sessions.begin() as session:
        assert await outbox.claim(session, "far:7", world.clock()) == [note.id]
    clocks = Clocks(world)
    near = world.deliverer("near:8", host="near", pid=8, monotonic=clocks.monotonic)

    assert await near.run_once() == 0  # its heartbeat is fresh: it may still be sending
    clocks.advance(outbox.LEASE.total_seconds() / 2 + 1)  # a half lease without a heartbeat
    assert await near.run_once() == 1
    assert world.received(OLENA) == ["from another host"]


class CrashError(Exception):
    """The process dies after Telegram accepted the card, before its message id is stored."""


async def test_a_card_post_whose_outcome_was_lost_is_posted_again_and_says_so(
    world: DeliveryWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    world.settings = world.settings.model_copy(update={"admin_chat_id": FORUM})
    olena = await world.member(OLENA)
    note = await queue(world, olena, RequestCard(), "card")
    killed = world.deliverer("box:1", host="box", pid=1)

    async def die(*_: object, **__: object) -> None:
        raise CrashError

    monkeypatch.setattr(outbox, "mark_sent", die)
    with pytest.raises(CrashError):
        await killed.run_once()
    monkeypatch.undo()
    row = await world.row(note.id)
    assert (row.status, row.send_started_at is not None) == ("sending", True)

    restarted = world.deliverer("box:2", host="box", pid=2, alive=lambda pid: pid == 2)
    assert await restarted.run_once() == 1

    cards = [c["params"] for c in calls(world, "sendMessage", FORUM)]
    assert len(cards) == 2  # the Bot API cannot find the lost post: this is the named window
    assert "Posted again after a restart" not in cards[0]["text"]
    assert "Posted again after a restart" in cards[1]["text"]
    assert cards[0]["message_thread_id"] == cards[1]["message_thread_id"]  # one topic
    row = await world.row(note.id)
    assert (row.status, row.send_started_at) == ("sent", None)
    async with world.sessions() as session:
        request = await session.get(Request, world.requests[olena.id or 0])
    assert request is not None
    assert request.staff_message_id == row.sent_message_id
    assert "Posted again" in world.state.chats[FORUM].messages[row.sent_message_id]["text"]
