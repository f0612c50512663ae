"""Text people wrote reaches Telegram escaped and within its limits, on every HTML path.

The emulator parses HTML as Telegram does (a stray `<` or `&` is a 400 "can't parse
entities") and refuses a text over 4,096 characters, so a row that ends `sent` went through.
"""

from __future__ import annotations

from sqlalchemy import select

from bot.services import outbox, requests, support_chat, tickets
from bot.services.notifications import AppointmentTomorrow, NeedInfoNudge
from storage.models import (
    ActorKind,
    Member,
    Notification,
    Request,
    RequestKind,
    RequestStatus,
)
from tests.staff.conftest import FORUM, IRYNA, OLENA

SPECIAL = "Tom & Jerry <b>not bold</b> a<b & c>d 5 > 3"


async def _all_sent(world) -> None:
    async with world.sessions() as session:
        rows = (await session.execute(select(Notification))).scalars().all()
    assert [(n.kind, n.status, n.last_error) for n in rows if n.status != "sent"] == []
    assert not [c for c in world.state.calls if c.get("error")]


async def _member(world, full_name: str = "Olena Kovalenko") -> Member:
    member = await world.member_with_card()
    async with world.sessions.begin() as session:
        fresh = await session.get(Member, member.id)
        assert fresh is not None
        fresh.full_name = full_name
        session.add(fresh)
    return member


async def _submit(world, member: Member, kind: RequestKind, details: dict) -> Request:
    async with world.sessions.begin() as session:
        fresh = await session.get(Member, member.id)
        assert fresh is not None
        return await requests.submit(
            session, fresh, kind, details, [], world.clock(), world.clock().date()
        )


def _card(world, number: str) -> dict:
    return next(m for m in world.bot_messages(FORUM) if m.get("text", "").startswith(number))


async def _staff_writes(world, request: Request, button: str, text: str) -> None:
    await world.press(_card(world, request.number), button)
    prompt = world.bot_messages(FORUM)[-1]
    world.state.send_text(FORUM, text, user_id=IRYNA, thread_id=prompt.get("message_thread_id"))
    await world.settled()


async def test_a_rejection_reason_with_special_characters_reaches_the_member(world):
    member = await _member(world)
    request = await world.submit(member, "Please call")
    await world.deliver()

    await _staff_writes(world, request, "⛔️ Reject", SPECIAL)
    await world.deliver()

    told = world.bot_messages(OLENA)[-1]["text"]
    assert "rejected" in told
    assert SPECIAL in told  # shown as typed: not markup, not lost
    await _all_sent(world)


async def test_a_staff_question_and_its_nudge_with_special_characters(world):
    member = await _member(world)
    request = await world.submit(member, "Please call")
    await world.deliver()
    await world.press(_card(world, request.number), "🙋 Take")
    await world.deliver()

    await _staff_writes(world, request, "❓ Need info", SPECIAL)
    await world.deliver()
    assert SPECIAL in world.bot_messages(OLENA)[-1]["text"]

    async with world.sessions.begin() as session:
        await outbox.enqueue(
            session,
            NeedInfoNudge(question=SPECIAL),
            dedup_key="nudge:test",
            member_id=member.id,
            request_id=request.id,
            now=world.clock(),
        )
    await world.deliver()
    assert SPECIAL in world.bot_messages(OLENA)[-1]["text"]
    await _all_sent(world)


async def test_an_appointment_reminder_shows_the_typed_answers(world):
    member = await _member(world)
    details = {
        "specialty": "therapist",
        "clinic": SPECIAL,
        "preferred_date": "2026-11-23",
        "time_window": "any",
        "comment": "x<y " * 250,  # 1,000 characters
    }
    request = await _submit(world, member, RequestKind.APPOINTMENT, details)
    async with world.sessions.begin() as session:
        await outbox.enqueue(
            session,
            AppointmentTomorrow(),
            dedup_key="appointment:test",
            member_id=member.id,
            request_id=request.id,
            now=world.clock(),
        )
    await world.deliver()
    reminder = world.bot_messages(OLENA)[-1]["text"]
    assert SPECIAL in reminder
    assert ("x<y " * 250).strip() in reminder
    await _all_sent(world)


async def test_the_staff_card_shows_long_answers_cut_and_in_full_before_it(world):
    member = await _member(world, full_name=f"Olena {SPECIAL}")
    items = ("Paracetamol <500 mg> & water\n" * 200)[:4096]
    address = ("Kyiv & <Main> St " * 30)[:300]
    request = await _submit(
        world, member, RequestKind.MEDICINES, {"items": items.strip(), "address": address}
    )
    await world.deliver()
    await _all_sent(world)

    card = _card(world, request.number)
    assert len(card["text"]) <= 4096
    assert f"Olena {SPECIAL}" in card["text"]
    assert "Medicines: Paracetamol <500 mg> & water" in card["text"]
    assert "…" in card["text"]
    full = [
        m["text"]
        for m in world.bot_messages(FORUM)
        if m.get("text", "").startswith(f"📄 {request.number}: the answers in full")
    ]
    assert len(full) == 2 and all(len(t) <= 4096 for t in full)
    shown = "\n".join(t.split("\n", 1)[1] for t in full)
    assert shown.replace("\n", "") == f"Medicines: {items.strip()}Address: {address}".replace(
        "\n", ""
    )

    # the card is edited after every change and still fits
    await world.press(card, "🙋 Take")
    await world.deliver()
    assert "in progress" in _card(world, request.number)["text"]
    await _all_sent(world)


async def test_a_topic_is_named_as_the_member_wrote_the_name(world):
    await _member(world, full_name=SPECIAL)
    async with world.sessions() as session:
        member = (await session.execute(select(Member))).scalars().one()
    request = await world.submit(member, "Please call")
    await world.deliver()

    [created] = world.calls("createForumTopic")
    assert created["params"]["name"] == f"{SPECIAL} · #{member.id}"  # plain text, not HTML
    assert _card(world, request.number)
    await _all_sent(world)


async def test_a_ticket_with_special_characters_reaches_staff(world):
    member = await _member(world, full_name=SPECIAL)
    async with world.sessions.begin() as session:
        fresh = await session.get(Member, member.id)
        assert fresh is not None
        await tickets.open_no_card_ticket(session, fresh, "SPH <1> & 2", SPECIAL, world.clock())
    await world.deliver()

    ticket = world.bot_messages(FORUM)[-1]["text"]
    assert "Policy: SPH <1> & 2" in ticket
    assert f"Full name: {SPECIAL}" in ticket
    await _all_sent(world)


async def test_support_chat_text_of_any_accepted_length_reaches_staff_whole(world):
    member = await _member(world, full_name="O" * 100 + " " + "K" * 99)
    text = (SPECIAL + "\n") * 200
    text = text[: support_chat.TEXT_MAX].strip()
    async with world.sessions.begin() as session:
        fresh = await session.get(Member, member.id)
        assert fresh is not None
        await support_chat.send_to_support(session, fresh, text, [], 1, world.clock())
        await support_chat.send_to_support(session, fresh, SPECIAL, [], 2, world.clock())
    await world.deliver()
    await _all_sent(world)

    texts = [m.get("text") or m.get("caption") or "" for m in world.bot_messages(FORUM)]
    header = f"💬 {'O' * 100} {'K' * 99}:\n"
    first = next(i for i, t in enumerate(texts) if t.startswith(header))
    assert all(len(t) <= 4096 for t in texts)
    received = texts[first][len(header) :] + "\n" + texts[first + 1]
    assert received.replace("\n", "") == text.replace("\n", "")
    assert texts[first + 2] == header + SPECIAL


async def test_a_request_reply_with_special_characters_reaches_staff(world):
    member = await _member(world)
    request = await world.submit(member, "Please call")
    await world.deliver()
    async with world.sessions.begin() as session:
        fresh = await session.get(Member, member.id)
        assert fresh is not None
        await requests.add_member_message(session, fresh, request.id, SPECIAL, [], world.clock())
        await requests.change_status(
            session,
            request.id,
            RequestStatus.IN_PROGRESS,
            ActorKind.STAFF,
            IRYNA,
            world.clock(),
            SPECIAL,
        )
    await world.deliver()

    assert any(SPECIAL in (m.get("text") or "") for m in world.bot_messages(FORUM))
    assert SPECIAL in world.bot_messages(OLENA)[-1]["text"]
    await _all_sent(world)


async def test_a_staff_reason_over_1000_characters_is_called_too_long(world):
    member = await _member(world)
    request = await world.submit(member, "Please call")
    await world.deliver()

    await _staff_writes(world, request, "⛔️ Reject", "Not covered " * 100)
    answer = world.bot_messages(FORUM)[-1]
    assert answer["text"].startswith("That text is too long: at most 1000 characters")
    world.state.send_text(
        FORUM,
        "Not covered by your program",
        user_id=IRYNA,
        thread_id=answer.get("message_thread_id"),
    )
    await world.settled()
    await world.deliver()
    assert "Not covered by your program" in world.bot_messages(OLENA)[-1]["text"]
