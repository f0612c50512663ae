"""Staff's /find: members and cards for a phone, a policy number or an insured ID.

Personal data leaves this module already masked (phones, insured IDs; birth dates as the year
only), so a handler cannot show staff more than they need. Every search is audited.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.services.cards import CardStatus, card_status
from bot.services.phones import mask_phone, normalize_phone
from bot.services.registry.rows import canonical_id, mask_id
from bot.services.staff.audit import TARGET_LENGTH, audit
from storage.models import InsuredPerson, Member, Policy
from storage.repositories import cards as cards_repo
from storage.repositories import find as find_repo
from storage.repositories import members as members_repo

MAX_SHOWN = 20  # members and cards listed by one /find; the rest are only counted


def masked_phone(phone: str | None) -> str | None:
    return mask_phone(phone) if phone else None


@dataclass(frozen=True)
class CardHit:
    """A card as staff see it: insured ID and phone masked, birth date reduced to the year."""

    card_id: int
    policy_number: str
    program: str
    holder_type: str
    full_name: str
    relation: str
    insured_id: str
    birth_year: int
    phone: str | None
    coverage_start: date
    coverage_end: date
    status: CardStatus
    member_ids: tuple[int, ...]


@dataclass(frozen=True)
class MemberHit:
    """A bot user as staff see them; `cards` are (policy number, masked insured ID) pairs."""

    member_id: int
    full_name: str | None
    phone: str | None
    birth_year: int | None
    language: str | None
    unreachable: bool
    cards: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class FindResult:
    target: str  # the query as the audit log keeps it (masked)
    members: list[MemberHit]
    cards: list[CardHit]
    members_total: int
    cards_total: int

    @property
    def empty(self) -> bool:
        return not self.members and not self.cards


def _card_hit(
    person: InsuredPerson, policy: Policy, member_ids: Iterable[int], today: date
) -> CardHit:
    assert person.id is not None
    return CardHit(
        card_id=person.id,
        policy_number=policy.number,
        program=policy.program,
        holder_type=policy.holder_type,
        full_name=person.full_name,
        relation=person.relation,
        insured_id=mask_id(person.insured_id),
        birth_year=person.birth_date.year,
        phone=masked_phone(person.phone),
        coverage_start=policy.coverage_start,
        coverage_end=policy.coverage_end,
        status=card_status(policy, today),
        member_ids=tuple(sorted(set(member_ids))),
    )


async def _member_hit(session: AsyncSession, member: Member) -> MemberHit:
    assert member.id is not None
    linked = await cards_repo.linked_to(session, member.id)
    return MemberHit(
        member_id=member.id,
        full_name=member.full_name,
        phone=masked_phone(member.phone),
        birth_year=member.birth_date.year if member.birth_date else None,
        language=member.language,
        unreachable=member.unreachable_since is not None,
        cards=tuple((policy.number, mask_id(person.insured_id)) for person, policy, _ in linked),
    )


def _target(key: str, phone: str | None, rows: Sequence[tuple[InsuredPerson, Policy]]) -> str:
    """What the audit log keeps of the query: a policy number as is, the rest masked."""
    if any(person.insured_id == key for person, _ in rows):
        return mask_id(key)
    if any(policy.number == key for _, policy in rows):
        return key[:TARGET_LENGTH]
    return mask_phone(phone) if phone else mask_id(key)


async def find(
    session: AsyncSession,
    query: str,
    staff_id: int,
    now: datetime,
    today: date,
    *,
    default_region: str = "UA",
) -> FindResult:
    """Members and cards for a phone, a policy number or an insured ID; audited as "find".

    The query is tried as all three (an insured ID or policy number compares without spaces
    and case). Members are those with that phone and those linked to a card found. At most
    MAX_SHOWN of each are returned, with the totals.
    """
    key = canonical_id(query)
    phone = normalize_phone(" ".join(query.split()), default_region)
    where = find_repo.card_matches(key, key, phone)
    rows: list[tuple[InsuredPerson, Policy]] = []
    cards_total = 0
    members_of: dict[int, list[int]] = {}
    if where is not None:
        rows, cards_total = await find_repo.cards_where(session, where, MAX_SHOWN)
        members_of = await find_repo.members_of_cards_where(session, where)
    member_ids = {m for ids in members_of.values() for m in ids}
    if phone:
        member_ids.update(await members_repo.ids_with_phone(session, phone))
    members = await members_repo.by_ids(session, sorted(member_ids)[:MAX_SHOWN])

    result = FindResult(
        target=_target(key, phone, rows),
        members=[await _member_hit(session, member) for member in members],
        cards=[
            _card_hit(person, policy, members_of.get(person.id or 0, ()), today)
            for person, policy in rows
        ],
        members_total=len(member_ids),
        cards_total=cards_total,
    )
    await audit(
        session,
        staff_id,
        "find",
        now,
        target=result.target,
        details={"members": result.members_total, "cards": result.cards_total},
    )
    return result
