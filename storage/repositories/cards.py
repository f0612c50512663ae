"""Insurance cards (insured persons with their policy) and their links to members."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col, delete, select

from storage.models import CardLink, InsuredPerson, LinkVia, Policy


async def with_phone(session: AsyncSession, phone: str) -> list[tuple[InsuredPerson, Policy]]:
    result = await session.execute(
        select(InsuredPerson, Policy)
        .join(Policy, col(Policy.id) == col(InsuredPerson.policy_id))
        .where(InsuredPerson.phone == phone)
        .order_by(col(InsuredPerson.id))
    )
    return [(person, policy) for person, policy in result.all()]


async def by_insured_id(
    session: AsyncSession, insured_id: str
) -> tuple[InsuredPerson, Policy] | None:
    result = await session.execute(
        select(InsuredPerson, Policy)
        .join(Policy, col(Policy.id) == col(InsuredPerson.policy_id))
        .where(InsuredPerson.insured_id == insured_id)
    )
    row = result.first()
    return (row[0], row[1]) if row else None


async def linked_to(
    session: AsyncSession, member_id: int
) -> list[tuple[InsuredPerson, Policy, CardLink]]:
    result = await session.execute(
        select(InsuredPerson, Policy, CardLink)
        .join(CardLink, col(CardLink.card_id) == col(InsuredPerson.id))
        .join(Policy, col(Policy.id) == col(InsuredPerson.policy_id))
        .where(CardLink.member_id == member_id)
        .order_by(col(CardLink.linked_at), col(InsuredPerson.id))
    )
    return [(person, policy, link) for person, policy, link in result.all()]


async def link(
    session: AsyncSession, member_id: int, card_id: int, via: LinkVia, now: datetime
) -> bool:
    """Link a card to a member; False when it was linked already."""
    existing = await session.execute(
        select(CardLink.id).where(CardLink.member_id == member_id, CardLink.card_id == card_id)
    )
    if existing.first() is not None:
        return False
    return await add_link(session, member_id, card_id, via, now)


async def add_link(
    session: AsyncSession, member_id: int, card_id: int, via: LinkVia, now: datetime
) -> bool:
    """Link a card the caller found unlinked; False when another transaction linked it first."""
    try:
        async with session.begin_nested():
            session.add(CardLink(member_id=member_id, card_id=card_id, via=via, linked_at=now))
    except IntegrityError:
        return False
    return True


async def unlink(session: AsyncSession, member_id: int, card_ids: list[int]) -> None:
    if card_ids:
        await session.execute(
            delete(CardLink).where(
                col(CardLink.member_id) == member_id, col(CardLink.card_id).in_(card_ids)
            )
        )
