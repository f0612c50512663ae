"""A member whose phone matches no card writes "card not found"; staff find the card under
another phone and, in the member's topic, give it the member's phone with /setphone and its
insured ID alone (the member's phone is masked for them): the card appears in the member's chat."""

from __future__ import annotations

from sqlalchemy import select

from bot.services import tickets
from storage.models import AuditEntry, CardLink, InsuredPerson, Member, SupportTicket
from tests.factories import make_person, make_policy
from tests.staff.conftest import FORUM, IRYNA, StaffWorld

BAUYRZHAN = 10003  # a sandbox member: no card on his phone
HIS_PHONE = "+77010009999"


async def _no_card_member(world: StaffWorld) -> tuple[Member, int]:
    """Bauyrzhan with his phone confirmed, and his card in the registry under an old phone."""
    async with world.sessions.begin() as session:
        policy = await make_policy(session, number="SPH-2026-0003")
        card = await make_person(
            session, policy, insured_id="KZ-500001", full_name="Sultanov Bauyrzhan",
            phone="+77010005555",
        )  # fmt: skip
        member = Member(
            telegram_id=BAUYRZHAN,
            language="en",
            phone=HIS_PHONE,
            phone_confirmed_at=world.clock(),
            created_at=world.clock(),
        )
        session.add(member)
        await session.flush()
        await tickets.open_no_card_ticket(
            session, member, "SPH-2026-0003", "Sultanov Bauyrzhan", world.clock()
        )
        assert card.id is not None
        return member, card.id


def _says(world: StaffWorld, text: str, thread: int | None = None) -> int:
    sent = world.state.send_text(FORUM, text, user_id=IRYNA, thread_id=thread)
    return int(sent["message_id"])


async def _reply_to(world: StaffWorld, message_id: int) -> str:
    await world.settled()
    [reply] = [
        m
        for m in world.bot_messages(FORUM)
        if (m.get("reply_to_message") or {}).get("message_id") == message_id
    ]
    return str(reply["text"])


async def test_setphone_with_the_insured_id_alone_in_the_topic_gives_the_member_his_card(
    world: StaffWorld,
) -> None:
    member, card_id = await _no_card_member(world)
    await world.deliver()
    ticket = world.bot_messages(FORUM)[-1]
    assert ticket["text"].startswith("✉️ Card not found · ticket 1")
    assert "+7 ••• ••• 99 99" in ticket["text"]  # staff never see the whole phone
    assert "/setphone with its insured ID gives it this member's phone" in ticket["text"]
    assert "/find with the policy number or the surname finds it." in ticket["text"]
    topic = ticket["message_thread_id"]

    unknown = _says(world, "/setphone KZ-500001 #999", topic)
    assert await _reply_to(world, unknown) == (
        "⚠️ #999: no such member, or they have not confirmed a phone."
    )
    fixed = _says(world, "/setphone kz500001", topic)
    reply = await _reply_to(world, fixed)
    assert reply.startswith("✅ Card KZ-•••01: phone +7 ••• ••• 55 55 → +7 ••• ••• 99 99.")

    async with world.sessions() as session:
        card = await session.get(InsuredPerson, card_id)
        assert card is not None and card.phone == HIS_PHONE
        links = (await session.execute(select(CardLink))).scalars().all()
        assert [(link.member_id, link.card_id) for link in links] == [(member.id, card_id)]
        [entry] = (await session.execute(select(AuditEntry))).scalars().all()
        assert (entry.action, entry.target) == ("setphone", "KZ-•••01")
    await world.deliver()
    [told] = [m["text"] for m in world.bot_messages(BAUYRZHAN)]
    assert told.startswith("🎉 An insurance card was added to your account.")
    # the ticket is answered, and the topic says so (a registry import may have done it)
    answered = world.bot_messages(FORUM, topic)[-1]["text"]
    assert answered == (
        "✅ Ticket 1 is answered: Sultanov Bauyrzhan now has a card linked and has been told."
        " Nothing more to do."
    )
    async with world.sessions() as session:
        [ticket] = (await session.execute(select(SupportTicket))).scalars().all()
        assert ticket.status == "answered"

    # outside a member's topic the phone is still needed
    general = _says(world, "/setphone KZ-500001")
    assert (await _reply_to(world, general)).startswith("📞 Usage: /setphone insured ID phone")
