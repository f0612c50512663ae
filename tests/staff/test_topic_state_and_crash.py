"""A member's topic shows the state of their requests on its icon, is closed when all are finished
and reopened by what comes next; and a crash between createForumTopic and storing the topic's id
never leaves staff working in two topics for one member."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from bot.services import support_chat
from storage.models import AdminTopic, Member
from tests.staff.conftest import FORUM, IRYNA, OLENA, StaffWorld
from tgsandbox.methods.chats import TOPIC_ICONS


class Crash(BaseException):
    """The process dies here (nothing in the bot catches a BaseException of its own)."""


def _card(world: StaffWorld, number: str) -> dict[str, Any]:
    return next(m for m in world.bot_messages(FORUM) if number in m.get("text", ""))


def _events(world: StaffWorld, thread: int) -> list[str]:
    return [
        key
        for m in world.state.history(FORUM, thread)
        for key in m
        if key in ("forum_topic_closed", "forum_topic_reopened")
    ]


async def test_the_icon_follows_the_requests_and_the_topic_closes_and_reopens(world):
    member = await world.member_with_card()
    request = await world.submit(member)
    await world.deliver()
    [topic] = world.state.chats[FORUM].topics.values()
    assert topic.icon_custom_emoji_id == TOPIC_ICONS["🔥"]  # new: needs someone
    assert not topic.is_closed

    await world.press(_card(world, request.number), "🙋 Take")
    await world.deliver()
    assert topic.icon_custom_emoji_id == TOPIC_ICONS["⚡️"]  # in progress

    await world.press(_card(world, request.number), "✅ Done")
    await world.deliver()
    assert topic.icon_custom_emoji_id == TOPIC_ICONS["✔️"]
    assert topic.is_closed  # nothing open any more
    assert _events(world, topic.message_thread_id) == ["forum_topic_closed"]

    # the member writes again: the topic opens for the message
    async with world.sessions.begin() as session:
        fresh = await session.get(Member, member.id)
        assert fresh is not None
        await support_chat.send_to_support(session, fresh, "One more thing", [], 501, world.clock())
    await world.deliver()
    assert not topic.is_closed
    last = world.bot_messages(FORUM, topic.message_thread_id)[-1]
    assert "One more thing" in last["text"]
    assert _events(world, topic.message_thread_id) == [
        "forum_topic_closed",
        "forum_topic_reopened",
    ]

    # a new request: the icon says new again
    await world.submit(member, "Another question")
    await world.deliver()
    assert topic.icon_custom_emoji_id == TOPIC_ICONS["🔥"]
    assert not topic.is_closed
    async with world.sessions() as session:
        [stored] = (await session.execute(select(AdminTopic))).scalars().all()
    assert (stored.state, stored.closed) == ("new", False)


async def _crash_after_create(world: StaffWorld, monkeypatch: pytest.MonkeyPatch) -> int:
    """Deliver the first card with a process that dies right after Telegram made the topic."""
    real = world.bot.create_forum_topic
    made: list[int] = []

    async def create_then_die(*args: Any, **kwargs: Any) -> Any:
        topic = await real(*args, **kwargs)
        made.append(topic.message_thread_id)
        raise Crash

    monkeypatch.setattr(world.bot, "create_forum_topic", create_then_die)
    with pytest.raises(Crash):
        await world.deliverer("dead").run_once()
    monkeypatch.setattr(world.bot, "create_forum_topic", real)
    [orphan] = made
    async with world.sessions() as session:
        [row] = (await session.execute(select(AdminTopic))).scalars().all()
    assert row.thread_id is None  # reserved and committed before the call; the id was lost
    return orphan


async def test_a_topic_whose_id_was_lost_is_adopted_when_staff_write_in_it(world, monkeypatch):
    member = await world.member_with_card()
    request = await world.submit(member)
    orphan = await _crash_after_create(world, monkeypatch)

    # before anyone tried again, Iryna writes in the topic she sees: it becomes the member's
    world.state.send_text(FORUM, "Hello, checking", user_id=IRYNA, thread_id=orphan)
    await world.settled()
    await world.deliver()
    assert world.bot_messages(OLENA)[-1]["text"] == "Hello, checking"

    world.clock.advance(minutes=3)  # the dead process's lease on the card ran out
    await world.deliver()
    assert len(world.calls("createForumTopic")) == 1
    assert any(request.number in m.get("text", "") for m in world.bot_messages(FORUM, orphan))
    async with world.sessions() as session:
        [row] = (await session.execute(select(AdminTopic))).scalars().all()
    assert row.thread_id == orphan


async def test_a_second_topic_after_a_crash_is_closed_with_a_pointer_to_the_kept_one(
    world, monkeypatch
):
    member = await world.member_with_card()
    request = await world.submit(member)
    orphan = await _crash_after_create(world, monkeypatch)

    # nobody wrote in it: after a minute the reservation is taken over, a new topic made
    world.clock.advance(minutes=3)
    await world.deliver()
    topics = world.state.chats[FORUM].topics
    assert len(world.calls("createForumTopic")) == 2
    kept = next(t for t in topics if t != orphan)
    assert topics[orphan].name == f"Olena Kovalenko · #{member.id}"
    assert topics[kept].name == f"Olena Kovalenko · #{member.id}.2"
    assert any(request.number in m.get("text", "") for m in world.bot_messages(FORUM, kept))

    # Iryna writes in the first one: it is a duplicate, closed, and her text stays in the chat
    world.state.send_text(FORUM, "Are you there?", user_id=IRYNA, thread_id=orphan)
    await world.settled()
    await world.deliver()
    *_, pointer, closed = world.bot_messages(FORUM, orphan)
    assert "forum_topic_closed" in closed
    assert "second topic for this member" in pointer["text"]
    assert f"https://t.me/c/{str(FORUM).removeprefix('-100')}/{kept}" in pointer["text"]
    assert topics[orphan].is_closed
    assert not any("Are you there?" in m.get("text", "") for m in world.state.history(OLENA))
    async with world.sessions() as session:
        [row] = (await session.execute(select(AdminTopic))).scalars().all()
    assert (row.thread_id, row.attempt) == (kept, 2)

    # and the kept topic goes on as the member's
    world.state.send_text(FORUM, "Here I am", user_id=IRYNA, thread_id=kept)
    await world.settled()
    await world.deliver()
    assert world.bot_messages(OLENA)[-1]["text"] == "Here I am"
