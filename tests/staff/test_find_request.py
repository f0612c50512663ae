"""Staff's /find by a request's number (a member calls and quotes "R-000001") and by a
member's ("#42", as topic titles and /find name them)."""

from __future__ import annotations

from sqlalchemy import select

from storage.models import AuditEntry
from tests.staff.conftest import FORUM, IRYNA, StaffWorld


def _card(world: StaffWorld, number: str) -> dict:
    """The request's card as it stands (edited in place after each change)."""
    return next(m for m in world.bot_messages(FORUM) if m.get("text", "").startswith(number))


async def _find(world: StaffWorld, query: str, thread_id: int | None = None) -> dict:
    sent = world.state.send_text(
        FORUM, f"/find {query}".strip(), user_id=IRYNA, thread_id=thread_id
    )
    await world.settled()
    [reply] = [
        m
        for m in world.bot_messages(FORUM)
        if (m.get("reply_to_message") or {}).get("message_id") == sent["message_id"]
    ]
    return reply


async def test_find_a_request_by_its_number_with_its_member_card_and_a_link_to_its_card(
    world: StaffWorld,
) -> None:
    member = await world.member_with_card()
    request = await world.submit(member)
    await world.deliver()
    card = _card(world, request.number)
    await world.press(card, "🙋 Take")

    found = await _find(world, "r 1")
    text = found["text"]
    assert text.startswith(f"🔎 Found for {request.number}: 1 member, 1 card.")
    assert f"📋 {request.number} · 📞 Call-back · 🔧 in progress" in text
    assert f"by member #{member.id}" in text
    assert "🙋 Assignee: Iryna Support" in text
    assert f"👤 Member #{member.id} · Olena Kovalenko" in text
    assert "💳 SIP-2026-10001" in text
    assert "UA-10001" not in text  # the insured ID masked, as in any /find
    links = [e["url"] for e in found.get("entities", []) if e["type"] == "text_link"]
    group = str(FORUM).removeprefix("-100")
    # the request's card, and the member's topic (`test_find_links_the_member_s_topic`)
    assert links == [
        f"https://t.me/c/{group}/{card['message_thread_id']}/{card['message_id']}",
        f"https://t.me/c/{group}/{card['message_thread_id']}",
    ]

    missing = await _find(world, "R-000099")
    assert missing["text"].startswith("🔎 Nothing found for R-000099.")

    async with world.sessions() as session:
        audit = list((await session.execute(select(AuditEntry))).scalars())
    finds = [(a.target, a.details) for a in audit if a.action == "find"]
    assert finds == [
        (request.number, {"members": 1, "cards": 1, "requests": 1}),
        ("R-000099", {"members": 0, "cards": 0, "requests": 0}),
    ]


async def test_find_a_member_by_the_number_staff_read_in_titles_and_lists(
    world: StaffWorld,
) -> None:
    """Topic titles, /find and /setphone name members "#42": /find #42 shows that member, their
    open requests and the cards linked to them."""
    member = await world.member_with_card()
    done = await world.submit(member, "An old question")
    opened = [await world.submit(member, f"Question {n}") for n in range(6)]
    await world.deliver()
    await world.press(_card(world, done.number), "🙋 Take")
    await world.deliver()  # the card, edited with its next buttons
    await world.press(_card(world, done.number), "✅ Done")

    found = (await _find(world, f"# {member.id}"))["text"]
    assert found.startswith(f"🔎 Found for #{member.id}: 1 member, 1 card.")
    assert f"👤 Member #{member.id} · Olena Kovalenko" in found
    # what is still open, oldest first, five of them named
    named = ", ".join(f"{r.number} (🆕 new)" for r in opened[:5])
    assert f"📋 Open requests: {named}, and more" in found
    assert done.number not in found
    assert "💳 SIP-2026-10001" in found
    assert f"Linked to members: #{member.id}" in found

    # a topic made again after a crash is titled "#42.2"
    assert (await _find(world, f"#{member.id}.2"))["text"] == found
    assert (await _find(world, "#999"))["text"].startswith("🔎 Nothing found for #999.")


async def test_find_links_the_member_s_topic(world: StaffWorld) -> None:
    """A member calls; staff /find them by phone in the General topic and want to write to
    them: what /find showed had no way to their topic, where what staff write reaches the
    member. A member found with a topic in this chat has a link to it; one without, none."""
    member = await world.member_with_card()
    request = await world.submit(member)
    await world.deliver()
    topic = _card(world, request.number)["message_thread_id"]
    other = await world.member_with_card(10077)  # a namesake who never wrote: no topic

    found = await _find(world, "Kovalenko")
    text = found["text"]
    assert f"👤 Member #{member.id} · Olena Kovalenko" in text
    assert f"👤 Member #{other.id} · Olena Kovalenko" in text
    links = [e for e in found.get("entities", []) if e["type"] == "text_link"]
    group = str(FORUM).removeprefix("-100")
    assert [e["url"] for e in links] == [f"https://t.me/c/{group}/{topic}"]  # one: hers
    units = text.encode("utf-16-le")  # entities count UTF-16 code units
    [shown] = [
        units[2 * e["offset"] : 2 * (e["offset"] + e["length"])].decode("utf-16-le") for e in links
    ]
    assert shown == "💬 Open the member's topic"
    assert text.index(shown) < text.index(f"👤 Member #{other.id}")  # under her, not him


async def test_find_alone_in_a_member_s_topic_shows_that_member(world: StaffWorld) -> None:
    """A member writes; staff in their topic type /find with nothing after it and get the
    member's card, as /find #42 gives it. Outside a topic it still says how to use it."""
    member = await world.member_with_card()
    request = await world.submit(member)
    await world.deliver()
    topic = _card(world, request.number)["message_thread_id"]

    found = (await _find(world, "", thread_id=topic))["text"]
    assert found == (await _find(world, f"#{member.id}"))["text"]
    assert f"👤 Member #{member.id} · Olena Kovalenko" in found
    assert f"📋 Open requests: {request.number} (🆕 new)" in found

    usage = (await _find(world, ""))["text"]
    assert usage.startswith("🔎 Usage: /find phone")
    assert "In a member's topic, /find alone shows that member." in usage


async def test_a_request_number_alone_in_the_general_topic_is_looked_up(
    world: StaffWorld,
) -> None:
    """Staff paste a number a member quoted ("R-000001") into the General topic, where it met
    silence: it is answered as /find answers it, with the link to the request's card; a
    member's number ("#42", as topic titles give it) too. In a
    member's topic it is a message to the member, as anything staff write there; other words
    in the General topic are staff talking among themselves, and get no answer."""
    member = await world.member_with_card()
    request = await world.submit(member)
    await world.deliver()
    card = _card(world, request.number)

    sent = world.state.send_text(FORUM, request.number, user_id=IRYNA)
    await world.settled()
    [reply] = [
        m
        for m in world.bot_messages(FORUM)
        if (m.get("reply_to_message") or {}).get("message_id") == sent["message_id"]
    ]
    assert reply["text"].startswith(f"🔎 Found for {request.number}: 1 member, 1 card.")
    link = next(e for e in reply.get("entities", []) if e["type"] == "text_link")  # the card
    assert link["url"].endswith(f"/{card['message_thread_id']}/{card['message_id']}")

    sent = world.state.send_text(FORUM, f"#{member.id}", user_id=IRYNA)  # a member's number
    await world.settled()
    [reply] = [
        m
        for m in world.bot_messages(FORUM)
        if (m.get("reply_to_message") or {}).get("message_id") == sent["message_id"]
    ]
    assert reply["text"].startswith(f"🔎 Found for #{member.id}: 1 member, 1 card.")

    before = len(world.bot_messages(FORUM))
    world.state.send_text(FORUM, f"who takes {request.number}?", user_id=IRYNA)
    await world.settled()
    assert len(world.bot_messages(FORUM)) == before
    async with world.sessions() as session:
        audit = list((await session.execute(select(AuditEntry))).scalars())
    assert [a.target for a in audit if a.action == "find"] == [request.number, f"#{member.id}"]
