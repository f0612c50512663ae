"""Insurance cards: linking by confirmed phone, card status, the active card."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.tickets import clean_policy_number
from storage.models import InsuredPerson, LinkVia, Member, Policy, Relation, ReminderKind
from storage.repositories import cards as cards_repo
from storage.repositories import members as members_repo
from storage.repositories import reminders as reminders_repo


class CardStatus(StrEnum):
    WAITING = "waiting"
    ACTIVE = "active"
    EXPIRED = "expired"


@dataclass(frozen=True)
class CardView(cards_repo.CardRow):
    """A linked card: its row's fields, then what the service decides about them."""

    status: CardStatus
    is_active: bool


def _status(coverage_start: date, coverage_end: date, today: date) -> CardStatus:
    if today < coverage_start:
        return CardStatus.WAITING
    if today > coverage_end:
        return CardStatus.EXPIRED
    return CardStatus.ACTIVE


def card_status(policy: Policy, today: date) -> CardStatus:
    """Coverage runs from `coverage_start` to `coverage_end`, both days included."""
    return _status(policy.coverage_start, policy.coverage_end, today)


def _view(row: cards_repo.CardRow, member: Member, today: date) -> CardView:
    # the row's fields, then what the service decides about them
    return CardView(
        **vars(row),
        status=_status(row.coverage_start, row.coverage_end, today),
        is_active=member.active_card_id == row.card_id,
    )


async def list_cards(session: AsyncSession, member: Member, today: date) -> list[CardView]:
    """The member's linked cards, own card first, the active one marked."""
    assert member.id is not None
    rows = await cards_repo.cards_of(session, member.id)
    views = [_view(row, member, today) for row in rows]
    return sorted(views, key=lambda v: (v.relation != Relation.SELF, v.holder_name))


def card_numbered(typed: str, card_list: list[CardView]) -> CardView | None:
    """The card whose policy number a member typed ("SIP-2024-0002", "sip 2024 0002", "полис
    SIP-2024-0002": its label left out as a ticket's is, the rest compared without separators
    as staff's /find compares it); of a family's policy, the member's own card; None when none,
    or when it does not say which."""
    from bot.services.activation import fold_insured_id  # (activation links through this one)

    number = clean_policy_number(typed)
    if number is None:
        return None
    folded = fold_insured_id(number)
    found = [c for c in card_list if fold_insured_id(c.policy_number) == folded]
    own = [c for c in found if c.relation == Relation.SELF]
    return found[0] if len(found) == 1 else own[0] if len(own) == 1 else None


async def get_card(
    session: AsyncSession, member: Member, card_id: int, today: date
) -> CardView | None:
    return next((c for c in await list_cards(session, member, today) if c.card_id == card_id), None)


async def active_card(session: AsyncSession, member: Member, today: date) -> CardView | None:
    if member.active_card_id is None:
        return None
    return await get_card(session, member, member.active_card_id, today)


async def home_phone(session: AsyncSession, member: Member) -> str | None:
    """The phone that tells where a member lives: their confirmed one, else the one the registry
    has on their active card (a member who activated by insured ID)."""
    if member.phone is not None or member.active_card_id is None:
        return member.phone
    person = await session.get(InsuredPerson, member.active_card_id)
    return person.phone if person is not None else None


async def set_active_card(session: AsyncSession, member: Member, card_id: int) -> bool:
    """Switch the active card ("change policy"); only a card linked to this member."""
    assert member.id is not None
    linked = {linked_id for linked_id, _via in await cards_repo.links_of(session, member.id)}
    if card_id not in linked:
        return False
    member.active_card_id = card_id
    session.add(member)
    return True


def _prefill_profile(member: Member, person: InsuredPerson | cards_repo.PhoneCard) -> None:
    if member.full_name is None:
        member.full_name = person.full_name
    if member.birth_date is None:
        member.birth_date = person.birth_date


# a card's place among the cards a phone links, for the one made active: covering today first
_COVERING, _COMING, _ENDED = range(3)


def _choice_rank(card: cards_repo.PhoneCard, today: date) -> tuple[bool, int, int]:
    """Which card of a phone's is made active: the insured person's own before a relative's
    (a request is made on it), and of those one covering today, else the first to open, else
    the last to have ended (last year's policy beside this year's); then the oldest in the
    registry (`min` keeps the first of equals)."""
    status = _status(card.coverage_start, card.coverage_end, today)
    if status is CardStatus.ACTIVE:
        return (card.relation != Relation.SELF, _COVERING, 0)
    if status is CardStatus.WAITING:
        return (card.relation != Relation.SELF, _COMING, card.coverage_start.toordinal())
    return (card.relation != Relation.SELF, _ENDED, -card.coverage_end.toordinal())


async def remind_coverage(
    session: AsyncSession,
    member_id: int,
    card_id: int,
    coverage_start: date,
    after: date,
    now: datetime,
) -> None:
    """A linked card whose coverage starts after `after` (today, or a later day the member is
    told about the card anyway): the member is told on the day it starts (`reminders.run_due`);
    a start the registry moved moves the reminder."""
    if coverage_start > after:
        await reminders_repo.ensure(
            session, member_id, ReminderKind.COVERAGE_STARTS, card_id, coverage_start, now
        )


async def _sync_phone_links(
    session: AsyncSession, member: Member, now: datetime, today: date
) -> tuple[list[cards_repo.PhoneCard], int]:
    """Make the phone-made links equal to the registry cards with the member's phone.

    Returns the cards newly linked, and how many registry cards carry the phone.
    """
    assert member.id is not None and member.phone is not None
    matches = await cards_repo.with_phone(session, member.phone)
    linked = await cards_repo.links_of(session, member.id)
    linked_ids = {card_id for card_id, _via in linked}
    newly: list[cards_repo.PhoneCard] = []
    for person in matches:
        if person.id in linked_ids:
            continue
        if await cards_repo.add_link(session, member.id, person.id, LinkVia.PHONE, now):
            newly.append(person)
    matching_ids = {person.id for person in matches}
    stale = [
        card_id for card_id, via in linked if via == LinkVia.PHONE and card_id not in matching_ids
    ]
    await cards_repo.unlink(session, member.id, stale)
    if member.active_card_id in stale:
        member.active_card_id = None
    for person in matches:
        await remind_coverage(session, member.id, person.id, person.coverage_start, today, now)
    own = [p for p in matches if p.relation == Relation.SELF]
    if matches:
        rank = {p.id: _choice_rank(p, today) for p in matches}
        best = min(matches, key=lambda p: rank[p.id])
        # None for a card linked by insured ID: the member's own choice, kept
        current = rank.get(member.active_card_id) if member.active_card_id else None
        # a card whose coverage ended gives way to a current one (this year's policy imported)
        ended = current is not None and current[1] == _ENDED and rank[best.id][1] != _ENDED
        if member.active_card_id is None or ended:
            member.active_card_id = best.id
    if own:
        _prefill_profile(member, own[0])
    session.add(member)
    return newly, len(matches)


async def confirm_phone(
    session: AsyncSession, member: Member, phone_e164: str, now: datetime, today: date
) -> int:
    """Store the member's confirmed phone and link every card registered to it; the one made
    active is the member's own covering `today` (the insurer's day) when there is one.

    Returns how many registry cards carry that phone (0: the no-card path).
    """
    member.phone = phone_e164
    member.phone_confirmed_at = now
    # the reads of the registry and the links do not read the member's row: its change is
    # written once, with the card and profile it gets, not flushed ahead of the first read
    with session.no_autoflush:
        _newly, found = await _sync_phone_links(session, member, now, today)
    await session.flush()
    return found


async def relink_phones(
    session: AsyncSession, phones: set[str], now: datetime
) -> list[tuple[Member, list[cards_repo.PhoneCard]]]:
    """Re-run linking for members with these phones (after a registry change).

    Returns each member that gained cards with the cards gained, so they can be told.
    """
    # the registry's day, as the importer counts it (UTC): it only picks the card made active
    # for a member who had none, or whose active card has ended
    today = now.date()
    gained: list[tuple[Member, list[cards_repo.PhoneCard]]] = []
    for member in await members_repo.with_phones(session, phones):
        newly, _found = await _sync_phone_links(session, member, now, today)
        if newly:
            gained.append((member, newly))
    await session.flush()
    return gained


async def link_activated_card(
    session: AsyncSession, member: Member, person: InsuredPerson, now: datetime
) -> None:
    """Link a card proved by insured ID + date of birth and make it the active one."""
    assert member.id is not None and person.id is not None
    await cards_repo.link(session, member.id, person.id, LinkVia.ACTIVATION, now)
    member.active_card_id = person.id
    _prefill_profile(member, person)
    session.add(member)
    await session.flush()
