import asyncio

from sqlalchemy import select

from storage.models import AdminTopic, Notification, RelayLink
from tests.staff.conftest import FORUM


async def test_two_requests_at_once_open_one_topic_with_both_cards(world):
    member = await world.member_with_card()
    first = await world.submit(member, "First question")
    second = await world.submit(member, "Second question")

    # two processes deliver at the same moment, one notification each: the one that loses
    # the race for the topic waits for it instead of creating a second one
    await asyncio.gather(
        world.deliverer("a").run_once(limit=1), world.deliverer("b").run_once(limit=1)
    )
    world.clock.advance(seconds=2)
    await world.deliver()

    assert len(world.calls("createForumTopic")) == 1
    [topic] = world.state.chats[FORUM].topics.values()
    assert topic.name == f"Olena Kovalenko · #{member.id}"
    cards = [
        m
        for m in world.bot_messages(FORUM, topic.message_thread_id)
        if "R-0000" in m.get("text", "")
    ]
    assert sorted(c["text"].split(" ·")[0] for c in cards) == [first.number, second.number]
    async with world.sessions() as session:
        stored = (await session.execute(select(AdminTopic))).scalars().all()
        assert [(t.member_id, t.thread_id) for t in stored] == [
            (member.id, topic.message_thread_id)
        ]
        statuses = (await session.execute(select(Notification.status))).scalars().all()
        assert set(statuses) == {"sent"}
        links = (await session.execute(select(RelayLink))).scalars().all()
        assert {link.request_id for link in links} == {first.id, second.id}


async def test_card_shows_member_masked_and_buttons(world):
    member = await world.member_with_card()
    request = await world.submit(member)
    await world.deliver()
    [card] = [m for m in world.bot_messages(FORUM) if request.number in m.get("text", "")]
    text = card["text"]
    assert "Olena Kovalenko" in text
    assert "+380 ••• ••• " in text
    assert member.phone not in text
    assert "Topic: Call me about my limits" in text
    assert "Status: 🆕 new" in text
    labels = [b["text"] for row in card["reply_markup"]["inline_keyboard"] for b in row]
    assert labels == ["🙋 Take", "⛔️ Reject", "📞 Show phone"]


async def test_deleted_topic_is_recreated_on_the_next_event(world):
    member = await world.member_with_card()
    await world.submit(member, "Before")
    await world.deliver()
    [old] = world.state.chats[FORUM].topics
    # staff delete the topic in Telegram
    await world.bot.delete_forum_topic(FORUM, old)

    request = await world.submit(member, "After")
    await world.deliver()

    assert len(world.calls("createForumTopic")) == 2
    [new] = world.state.chats[FORUM].topics
    assert new != old
    assert any(request.number in m.get("text", "") for m in world.bot_messages(FORUM, new))


async def test_a_topic_another_process_is_creating_is_waited_for_then_taken_over(world):

    from storage.models import AdminTopic

    member = await world.member_with_card()
    # another process reserved the topic and has not created it yet
    async with world.sessions.begin() as session:
        session.add(
            AdminTopic(member_id=member.id, chat_id=FORUM, title="x", created_at=world.clock())
        )
    await world.submit(member)
    await world.deliverer().run_once()
    async with world.sessions() as session:
        [note] = (await session.execute(select(Notification))).scalars().all()
    assert (note.status, note.attempts) == ("pending", 0)
    assert "creating this member's topic" in note.last_error
    assert world.calls("createForumTopic") == []

    # that process died: after a minute the reservation is taken over
    world.clock.advance(minutes=2)
    await world.deliver()
    assert len(world.calls("createForumTopic")) == 1
    async with world.sessions() as session:
        [note] = (await session.execute(select(Notification))).scalars().all()
    assert note.status == "sent"
