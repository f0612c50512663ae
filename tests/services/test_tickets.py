from datetime import UTC, datetime

from sqlalchemy import select

from bot.services import tickets
from storage.models import Notification, SupportTicket
from tests.factories import make_member

NOW = datetime(2026, 11, 22, 5, 0, tzinfo=UTC)


async def test_no_card_ticket_is_queued_for_staff_in_the_same_transaction(session):
    member = await make_member(session, phone="+380670000000")
    ticket = await tickets.open_no_card_ticket(
        session, member, "SIP-2026-0099", "Olena Kovalenko", NOW
    )

    [note] = (await session.execute(select(Notification))).scalars().all()
    assert (note.audience, note.kind, note.member_id, note.request_id) == (
        "staff",
        "ticket",
        member.id,
        None,
    )
    assert note.payload == {"ticket_id": ticket.id}
    assert note.dedup_key == f"ticket:{ticket.id}"
    assert (note.status, note.next_attempt_at.replace(tzinfo=UTC)) == ("pending", NOW)

    await session.rollback()  # nothing is queued without its ticket, and the reverse
    assert (await session.execute(select(SupportTicket))).scalars().all() == []
    assert (await session.execute(select(Notification))).scalars().all() == []


async def test_each_ticket_gets_its_own_notification(session):
    member = await make_member(session)
    first = await tickets.open_no_card_ticket(session, member, "SIP-1", "Olena Kovalenko", NOW)
    second = await tickets.open_no_card_ticket(session, member, "SIP-2", "Olena Kovalenko", NOW)
    notes = (await session.execute(select(Notification).order_by(Notification.id))).scalars()
    assert [n.payload["ticket_id"] for n in notes] == [first.id, second.id]


def test_policy_number_is_cleaned():
    assert tickets.clean_policy_number("  sip-2026   0099 ") == "SIP-2026 0099"
    assert tickets.clean_policy_number("x") is None
    assert tickets.clean_policy_number("---") is None
