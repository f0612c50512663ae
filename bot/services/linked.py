"""Telling members about cards they gained (after a registry import or a phone fix)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services import outbox
from bot.services.notifications import CardsLinked, TicketAnswered
from storage.models import Member, TicketKind, TicketStatus
from storage.repositories import tickets as tickets_repo
from storage.repositories.cards import PhoneCard

_DEDUP_LENGTH = 128  # notifications.dedup_key


def linked_dedup_key(member_id: int, card_ids: Iterable[int]) -> str:
    """`linked:<member>:<card ids>`; a long list of ids is replaced by its hash (column width)."""
    ids = ",".join(str(card_id) for card_id in sorted(card_ids))
    key = f"linked:{member_id}:{ids}"
    if len(key) > _DEDUP_LENGTH:
        key = f"linked:{member_id}:#{hashlib.sha256(ids.encode()).hexdigest()[:32]}"
    return key


async def notify_cards_linked(
    session: AsyncSession, gained: Sequence[tuple[Member, Sequence[PhoneCard]]], now: datetime
) -> int:
    """Queue a `cards_linked` message for each member who gained cards; returns how many."""
    told = 0
    for member, cards in gained:
        card_ids = [card.id for card in cards]
        if member.id is None or not card_ids:
            continue
        await outbox.enqueue(
            session,
            CardsLinked(count=len(card_ids)),
            dedup_key=linked_dedup_key(member.id, card_ids),
            member_id=member.id,
            now=now,
        )
        await _answer_tickets(session, member.id, len(card_ids), now)
        told += 1
    return told


async def _answer_tickets(session: AsyncSession, member_id: int, cards: int, now: datetime) -> None:
    """The member wrote "card not found" and now has cards: their open tickets are answered,
    and staff are told in the member's topic (the fix may have come from a registry import
    nobody in the chat made for them)."""
    tickets = await tickets_repo.open_of(session, member_id, TicketKind.NO_CARD)
    if not tickets:
        return
    for ticket in tickets:
        ticket.status = TicketStatus.ANSWERED
        session.add(ticket)
    ids = [ticket.id for ticket in tickets if ticket.id is not None]
    await outbox.enqueue(
        session,
        TicketAnswered(ticket_ids=ids, cards=cards),
        dedup_key=f"ticket-answered:{ids[0]}",
        member_id=member_id,
        now=now,
    )
