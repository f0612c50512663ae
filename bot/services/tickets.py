"""Support tickets from members, each queued for the staff chat."""

from __future__ import annotations

import re
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import outbox
from bot.services.notifications import Ticket
from storage.models import Member, SupportTicket, TicketKind

KIND_NO_CARD = TicketKind.NO_CARD
POLICY_NUMBER_MAX = 64


# what members write before the number ("полис SIP-2026-0099", "номер поліса: …", "policy
# No. …", "№ …"), left out
_POLICY_LABEL = re.compile(
    r"^\s*(?:(?:мой|мій|my|менің)\s+)?(?:(?:номер\s+)?(?:полиса|поліса|полис|поліс|договора|"
    r"договору)|policy(?:\s+(?:number|no\.?))?|полис\s+нөмірі|№|no\.?)\s*[:#№]?\s*",
    re.IGNORECASE,
)


def clean_policy_number(text: str) -> str | None:
    """The policy number as typed, spaces collapsed, upper case, without a label before it
    ("полис SIP-2026-0099"); None when it cannot be one: a policy number has a digit ("don't
    know" typed instead is refused, and its button offered)."""
    value = " ".join(_POLICY_LABEL.sub("", text, count=1).split()).upper()
    if not (3 <= len(value) <= POLICY_NUMBER_MAX) or not any(ch.isdigit() for ch in value):
        return None
    return value


def policy_and_name(text: str) -> tuple[str, str | None]:
    """A policy number typed with the full name after a comma ("SIP-2026-0099, Олена
    Коваленко"): the number's text and the name's; `text` and None when no name in letters
    follows it."""
    number, comma, rest = text.partition(",")
    if not comma or not rest.strip() or any(ch.isdigit() or ch == "," for ch in rest):
        return text, None
    return number, rest.strip()


async def open_no_card_ticket(
    session: AsyncSession,
    member: Member,
    policy_number: str | None,
    full_name: str,
    now: datetime,
    comment: str | None = None,
) -> SupportTicket:
    """ "My card is not found": policy number (None: the member does not know it), confirmed
    phone and full name for staff.

    The staff notification is queued in the same transaction, so a stored ticket always
    reaches the admin chat.
    """
    assert member.id is not None
    ticket = SupportTicket(
        member_id=member.id,
        kind=KIND_NO_CARD,
        policy_number=policy_number,
        phone=member.phone,
        full_name=full_name,
        text=comment,
        created_at=now,
    )
    session.add(ticket)
    await session.flush()
    assert ticket.id is not None
    await outbox.enqueue(
        session,
        Ticket(ticket_id=ticket.id),
        dedup_key=f"ticket:{ticket.id}",
        member_id=member.id,
        now=now,
    )
    return ticket
