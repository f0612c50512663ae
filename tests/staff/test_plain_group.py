"""A staff group without topics: each member's messages thread by reply."""

from tests.staff.conftest import FORUM, IRYNA, OLENA


async def test_without_topics_messages_reply_to_the_members_last_one(world):
    world.state.chats[FORUM].is_forum = False
    member = await world.member_with_card()
    first = await world.submit(member, "First")
    await world.deliver()
    second = await world.submit(member, "Second")
    await world.deliver()

    assert world.calls("createForumTopic") == []
    cards = {
        n: m
        for m in world.bot_messages(FORUM)
        for n in (first.number, second.number)
        if n in m.get("text", "")
    }
    assert (
        cards[second.number]["reply_to_message"]["message_id"]
        == (cards[first.number]["message_id"])
    )

    # a staff reply to a member's card reaches that member
    world.state.send_text(
        FORUM,
        "We will call you at 15:00",
        user_id=IRYNA,
        reply_to_message_id=cards[first.number]["message_id"],
    )
    await world.settled()
    await world.deliver()
    assert world.bot_messages(OLENA)[-1]["text"] == "We will call you at 15:00"
